// The public results page: the department's figures for each report period it sent — the
// satisfaction index with n, its 95 % interval and the verdict against the target, feedback
// handled on time and the dialogue with its minutes. Only sent (frozen) figures, under the
// small-group rule (docs/rules/suppression.md). Plain HTML: no JavaScript.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate, formatDateTime } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatNumber, formatPercent } from "~/features/reports/percent";
import { publicResults, type PublicPeriod } from "~/features/reports/public-results.server";
import css from "~/styles/results.css";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { getT } from "~/kernel/http/i18n.server";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/ket-qua ($agency.ket-qua.tsx): only that agency's sent periods.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const results = await publicResults(lng, agency.id);
  return json({ ...results, lang: lng, title: t("results.title"), prefix: agency.prefix });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

type Period = PublicPeriod;

// A percentage never breaks before its sign.
const pct = (x: number | null | undefined, lang: Lang, digits = 1) =>
  formatPercent(x, lang, digits).replace(" %", "\u00a0%");

function useNames() {
  const { t } = useTranslation();
  return (p: { year: number; kind: string }) =>
    t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${p.kind}`), year: p.year });
}

function SatisfactionValue({ p, lang, threshold }: { p: Period; lang: Lang; threshold: number }) {
  const { t } = useTranslation();
  const s = p.satisfaction;
  if (!s) return <>{t("results.notFrozen")}</>;
  if (s.suppressed) return <>{t("results.hidden", { threshold })}</>;
  if (s.rate.n === 0) return <>{t("results.noData")}</>;
  return (
    <>
      {t("results.satisfactionValue", {
        rate: pct(s.rate.rate, lang),
        satisfied: formatNumber(s.rate.satisfied, lang),
        n: formatNumber(s.rate.n, lang),
      })}
    </>
  );
}

/** Bars with their interval and the target (SVG, no script); the table after it holds the same figures. */
function Chart({ periods, lang, target }: { periods: Period[]; lang: Lang; target: number }) {
  const { t } = useTranslation();
  const name = useNames();
  const shown = periods.filter(
    (p) => p.satisfaction && !p.satisfaction.suppressed && p.satisfaction.rate.rate !== null,
  );
  if (!shown.length) return null;
  return (
    <figure className="results-chart" aria-labelledby="results-chart-title">
      <figcaption>
        <span id="results-chart-title" className="results-chart__title">
          {t("results.chartTitle")}
        </span>{" "}
        <span className="muted">{t("results.chartDesc", { target: pct(target, lang, 0) })}</span>
      </figcaption>
      <ul>
        {shown.map((p) => {
          const r = p.satisfaction!.rate;
          return (
            <li key={`${p.year}-${p.kind}`}>
              <span className="results-chart__label">{name(p)}</span>
              <svg
                className="results-chart__bar"
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
                  stroke="#555"
                  strokeWidth="1"
                  vectorEffect="non-scaling-stroke"
                />
                <rect x="0" y="2" width={(r.rate ?? 0) * 100} height="6" fill="#1f5f99" />
                {r.ci ? (
                  <line
                    x1={r.ci.low * 100}
                    x2={r.ci.high * 100}
                    y1="5"
                    y2="5"
                    stroke="#000"
                    strokeWidth="2"
                    vectorEffect="non-scaling-stroke"
                  />
                ) : null}
                <line
                  x1={target * 100}
                  x2={target * 100}
                  y1="0"
                  y2="10"
                  stroke="#000"
                  strokeWidth="2"
                  strokeDasharray="2 2"
                  vectorEffect="non-scaling-stroke"
                />
              </svg>
              <span className="results-chart__value">{pct(r.rate, lang)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export default function Results() {
  const { periods, target, threshold, lang, prefix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const name = useNames();
  const th = threshold ?? 5;
  return (
    <div className="page results">
      <h1>{t("results.heading")}</h1>
      <p className="lead">{t("results.intro", { department: t("app.department"), threshold: th })}</p>
      {!periods.length ? <p>{t("results.none")}</p> : null}
      {periods.length && target !== null ? <Chart periods={periods} lang={lang} target={target} /> : null}
      {periods.length ? (
        <section aria-labelledby="results-table">
          <h2 id="results-table">{t("results.tableTitle")}</h2>
          <TableWrap label={t("results.tableTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("results.colPeriod")}</th>
                  <th scope="col" className="num">
                    {t("dashboard.col.rate")}
                  </th>
                  <th scope="col" className="num">
                    n
                  </th>
                  <th scope="col" className="num">
                    {t("results.interval")}
                  </th>
                  <th scope="col">{t("results.verdict", { target: pct(target, lang, 0) })}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => {
                  const s = p.satisfaction;
                  return (
                    <tr key={`${p.year}-${p.kind}`}>
                      <th scope="row">{name(p)}</th>
                      {!s || s.suppressed || s.rate.n === 0 ? (
                        <td colSpan={4}>
                          {!s
                            ? t("results.notFrozen")
                            : s.suppressed
                              ? t("results.hidden", { threshold: th })
                              : t("results.noData")}
                        </td>
                      ) : (
                        <>
                          <td className="num">{pct(s.rate.rate, lang)}</td>
                          <td className="num">{formatNumber(s.rate.n, lang)}</td>
                          <td className="num">{formatInterval(s.rate.ci, lang).replace(/ %/g, "\u00a0%")}</td>
                          <td>{t(`dashboard.verdict.${s.verdict.kind}`)}</td>
                        </>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {periods.map((p) => {
        const id = `period-${p.year}-${p.kind}`;
        const s = p.satisfaction;
        const shown = s && !s.suppressed && s.rate.n > 0;
        return (
          <section key={id} className="results-period" aria-labelledby={id}>
            <h2 id={id}>{name(p)}</h2>
            <p className="muted">
              {t("results.window", {
                from: formatDate(p.start),
                to: formatDate(p.end),
                sent: formatDateTime(p.sentAt).split(" ")[0],
              })}
            </p>
            <dl>
              <div>
                <dt>{t("results.satisfaction")}</dt>
                <dd>
                  <SatisfactionValue p={p} lang={lang} threshold={th} />
                </dd>
              </div>
              {shown ? (
                <>
                  <div>
                    <dt>{t("results.interval")}</dt>
                    <dd>{formatInterval(s.rate.ci, lang).replace(/ %/g, "\u00a0%")}</dd>
                  </div>
                  <div>
                    <dt>{t("results.verdict", { target: pct(target, lang, 0) })}</dt>
                    <dd>
                      <span className={`verdict verdict--${s.verdict.kind}`}>
                        {t(`dashboard.verdict.${s.verdict.kind}`)}
                      </span>
                    </dd>
                  </div>
                </>
              ) : null}
              <div>
                <dt>{t("results.feedback")}</dt>
                <dd>
                  {!p.feedback
                    ? t("results.notFrozen")
                    : p.feedback.handled === 0
                      ? t("results.feedbackNone")
                      : t("results.feedbackValue", {
                          onTime: formatNumber(p.feedback.onTime, lang),
                          handled: formatNumber(p.feedback.handled, lang),
                          share: pct(p.feedback.onTime / p.feedback.handled, lang),
                        })}
                </dd>
              </div>
              <div>
                <dt>{t("results.dialogue", { year: p.dialogue?.year ?? p.year })}</dt>
                <dd>
                  {!p.dialogue
                    ? t("results.notFrozen")
                    : p.dialogue.held
                      ? t("results.dialogueHeld")
                      : t("results.dialogueNotHeld")}
                  {p.dialogue?.minutesSessionId ? (
                    <>
                      {" — "}
                      <a href={agencyPath(prefix, `/dialogues/${p.dialogue.minutesSessionId}/minutes`)}>
                        {t("results.minutes")}
                      </a>
                    </>
                  ) : null}
                </dd>
              </div>
            </dl>
          </section>
        );
      })}
    </div>
  );
}
