// The minutes (biên bản) of a dialogue as one printable document (A4 via the print styles in
// dialogue.css). It renders a PublicMinutes snapshot, which carries no personal data by design.
import { useTranslation } from "react-i18next";
import type { PublicMinutes } from "~/features/dialogue/dialogue-minutes";
import { formatDate, formatDateTime, formatTime } from "~/kernel/time/clock";
import { TableWrap } from "~/kernel/forms/fields";

export function MinutesDocument({ m }: { m: PublicMinutes }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const s = m.session;
  const title = en && s.titleEn ? s.titleEn : s.titleVi;
  const unit = (x: { unitVi: string | null; unitEn: string | null }) =>
    (en ? x.unitEn : x.unitVi) ?? t("dialogue.minutes.noUnit");
  return (
    <article className="minutes" aria-labelledby="minutes-title">
      <header className="minutes__head">
        <p className="minutes__motto">{t("dialogue.minutes.motto")}</p>
        <p>{t("dialogue.minutes.mottoSub")}</p>
        <h1 id="minutes-title">{t("dialogue.minutes.documentTitle")}</h1>
        <p>{title}</p>
        <p className="muted">
          {t("dialogue.minutes.versionLine", { version: m.version, date: formatDateTime(m.publishedAt) })}
        </p>
      </header>

      <h2>{t("dialogue.minutes.general")}</h2>
      <dl className="facts">
        <dt>{t("dialogue.facts.when")}</dt>
        <dd>
          {m.openedAt
            ? `${formatDateTime(m.openedAt)} – ${m.closedAt ? formatTime(m.closedAt) : ""}`
            : `${formatDateTime(s.startsAt)} – ${formatTime(s.endsAt)}`}
        </dd>
        <dt>{t("dialogue.facts.venue")}</dt>
        <dd>{[s.venue, s.onlineUrl].filter(Boolean).join(" — ")}</dd>
        {s.planNumber ? (
          <>
            <dt>{t("dialogue.facts.plan")}</dt>
            <dd>{s.planNumber}</dd>
          </>
        ) : null}
        <dt>{t("dialogue.facts.chair")}</dt>
        <dd>{s.chair}</dd>
        <dt>{t("dialogue.facts.secretary")}</dt>
        <dd>{s.secretary}</dd>
        {m.officials ? (
          <>
            <dt>{t("dialogue.minutes.officials")}</dt>
            <dd className="question__text">{m.officials}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t("dialogue.minutes.attendance")}</h2>
      <TableWrap label={t("dialogue.minutes.attendance")}>
        <table>
          <caption className="visually-hidden">{t("dialogue.minutes.attendance")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dialogue.minutes.attendeeType")}</th>
              <th scope="col" className="num">
                {t("dialogue.minutes.present")}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("dialogue.kind.citizen")}</th>
              <td className="num">{m.attendance.citizen}</td>
            </tr>
            <tr>
              <th scope="row">{t("dialogue.kind.business")}</th>
              <td className="num">{m.attendance.business}</td>
            </tr>
            <tr>
              <th scope="row">{t("dialogue.minutes.total")}</th>
              <td className="num">{m.attendance.total}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">
        {t("dialogue.minutes.attendanceNote", {
          total: m.attendance.total,
          registered: m.attendance.registered,
          walkIns: m.attendance.walkIns,
        })}
      </p>

      {m.summary ? (
        <>
          <h2>{t("dialogue.minutes.summary")}</h2>
          <p className="question__text">{m.summary}</p>
        </>
      ) : null}

      <h2>{t("dialogue.minutes.issues")}</h2>
      {m.issues.length ? (
        <ol className="question-list">
          {m.issues.map((q) => (
            <li key={q.number} className="question">
              <h3>{t("dialogue.minutes.issueNumber", { n: q.number })}</h3>
              <p className="question__meta">
                <span>
                  {t("dialogue.minutes.raisedBy", {
                    who: q.askerKind ? t(`dialogue.kind.${q.askerKind}`) : t("dialogue.minutes.raisedByOther"),
                  })}
                </span>
                {q.topic ? <span>{t("dialogue.questions.topic", { topic: q.topic })}</span> : null}
              </p>
              <p className="question__text">{q.text}</p>
              <p>
                <strong>{t("dialogue.minutes.answer")}</strong>{" "}
                {q.answer ? (
                  <>
                    {q.answeredBy ? `${q.answeredBy}: ` : ""}
                    <span className="question__text">{q.answer}</span>
                    {q.answeredIn === "after" ? ` (${t("dialogue.answer.answered_after")})` : ""}
                  </>
                ) : // No unit given yet: say so, not "giao chưa giao đơn vị trả lời".
                (en ? q.unitEn : q.unitVi) ? (
                  t("dialogue.minutes.answerPending", { unit: unit(q), date: q.dueDate ? formatDate(q.dueDate) : "—" })
                ) : (
                  t("dialogue.minutes.answerPendingNoUnit")
                )}
              </p>
              {q.conclusion ? (
                <p>
                  <strong>{t("dialogue.minutes.conclusion")}</strong> {q.conclusion}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("dialogue.minutes.noIssues")}</p>
      )}

      <h2>{t("dialogue.minutes.followups")}</h2>
      {m.followups.length ? (
        <TableWrap label={t("dialogue.minutes.followups")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dialogue.minutes.action")}</th>
                <th scope="col">{t("dialogue.minutes.owner")}</th>
                <th scope="col">{t("dialogue.minutes.deadline")}</th>
                <th scope="col">{t("dialogue.minutes.status")}</th>
              </tr>
            </thead>
            <tbody>
              {m.followups.map((f, i) => (
                <tr key={i}>
                  <td>
                    {f.action}
                    {f.issueNumber ? (
                      <span className="muted"> ({t("dialogue.minutes.issueNumber", { n: f.issueNumber })})</span>
                    ) : null}
                  </td>
                  <td>{unit(f)}</td>
                  <td>{formatDate(f.dueDate)}</td>
                  <td>{t(`dialogue.followupStatus.${f.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("dialogue.minutes.noFollowups")}</p>
      )}

      <h2>{t("dialogue.minutes.chairConclusion")}</h2>
      <p className="question__text">{m.chairConclusion}</p>

      <div className="signatures">
        <div>
          <p>
            <strong>{t("dialogue.facts.secretary")}</strong>
          </p>
          <p>{s.secretary}</p>
        </div>
        <div>
          <p>
            <strong>{t("dialogue.facts.chair")}</strong>
          </p>
          <p>{s.chair}</p>
        </div>
      </div>
      <p className="muted">{m.signedScanAttached ? t("dialogue.minutes.signedKept") : null}</p>
    </article>
  );
}
