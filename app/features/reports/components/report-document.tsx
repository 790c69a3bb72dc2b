// The report document (Nghị định 30/2020/NĐ-CP) as a page to print on A4: the same value the DOCX
// file is made from (app/features/reports/report-document.ts), laid out by app/styles/report-document.css.
import type { DocChart, DocTable, ReportDocument } from "~/features/reports/report-document";

function FiguresTable({ table }: { table: DocTable }) {
  const cols = table.head.length;
  return (
    <table className="report-doc__table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r[0]}>
            <th scope="row">{r[0]}</th>
            {r.length === cols ? (
              r.slice(1).map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))
            ) : (
              <td colSpan={cols - 1}>{r[1]}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Bars drawn in SVG (they print without "background graphics"); the labels and values are text. */
function Chart({ chart }: { chart: DocChart }) {
  const target = chart.target * 100;
  return (
    <figure className="report-doc__chart">
      <figcaption>{chart.caption}</figcaption>
      <ul>
        {chart.bars.map((b) => (
          <li key={b.label}>
            <span className="report-doc__bar-label">{b.label}</span>
            <svg
              className="report-doc__bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect
                x="0"
                y="0"
                width="100"
                height="10"
                fill="#fff"
                stroke="#000"
                strokeWidth="1"
                vectorEffect="non-scaling-stroke"
              />
              <rect x="0" y="0" width={Math.max(0, Math.min(1, b.value)) * 100} height="10" fill="#6b6b6b" />
              <line
                x1={target}
                x2={target}
                y1="-1"
                y2="11"
                stroke="#000"
                strokeWidth="2"
                strokeDasharray="3 2"
                vectorEffect="non-scaling-stroke"
              />
            </svg>
            <span className="report-doc__bar-value">{b.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function ReportDocumentView({ doc }: { doc: ReportDocument }) {
  return (
    <article className="report-doc" lang={doc.lang}>
      <header className="report-doc__head">
        <div className="report-doc__agency">
          <p>{doc.parentAgency}</p>
          <p className="strong">{doc.agency}</p>
          <hr />
          <p>{doc.number}</p>
        </div>
        <div className="report-doc__nation">
          <p className="strong report-doc__nation-name">{doc.nation}</p>
          <p className="strong">{doc.motto}</p>
          <hr />
          <p className="em">{doc.placeDate}</p>
        </div>
      </header>
      <h1 className="report-doc__title">
        <span>{doc.kind}</span> <span className="report-doc__summary">{doc.summary}</span>
      </h1>
      <hr className="report-doc__title-rule" />
      <div className="report-doc__coverage">
        {doc.coverage.map((c) => (
          <p key={c}>{c}</p>
        ))}
      </div>
      {doc.sections.map((s) => (
        <section key={s.heading} className="report-doc__section">
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i} className={s.placeholder ? "report-doc__placeholder" : undefined}>
              {p}
            </p>
          ))}
          {s.table ? <FiguresTable table={s.table} /> : null}
          {s.chart ? <Chart chart={s.chart} /> : null}
        </section>
      ))}
      <footer className="report-doc__closing">
        <div className="report-doc__recipients">
          <p className="report-doc__recipients-title">{doc.recipientsTitle}</p>
          <ul>
            {doc.recipients.map((r, i) => (
              <li key={r}>
                - {r}
                {i === doc.recipients.length - 1 ? "." : ";"}
              </li>
            ))}
          </ul>
        </div>
        <div className="report-doc__signer">
          <p className="strong">{doc.signerTitle}</p>
          <p className="report-doc__signature-space" aria-hidden="true" />
          <p className="strong">{doc.signerName}</p>
        </div>
      </footer>
    </article>
  );
}
