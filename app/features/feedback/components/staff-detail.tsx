// The facts of one case for staff: what was sent, by whom (if the role may see it), the limits,
// the attachments and the full log.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate as fmtDate, formatDateTime as fmtDateTime } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { StaffFeedbackDetail } from "~/features/feedback/feedback-staff.server";

/** Dates may be missing (a limit not set yet): show nothing then. */
const formatDate = (v: string | null | undefined, lang: Lang) => (v ? fmtDate(v, lang) : "");
const formatDateTime = (v: string | null | undefined, lang: Lang) => (v ? fmtDateTime(v, lang) : "");

export type Detail = SerializeFrom<StaffFeedbackDetail>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  if (children == null || children === "") return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function StaffDetail({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const f = detail.feedback;
  return (
    <>
      <dl className="fb-facts">
        <Fact label={t("feedback.common.status")}>
          <strong>{t(`feedback.statuses.${f.status}`)}</strong>{" "}
          {detail.urgency ? (
            <span className={`fb-tag fb-tag--${detail.urgency}`}>{t(`feedback.staff.urgency.${detail.urgency}`)}</span>
          ) : null}{" "}
          {f.late ? <span className="fb-tag fb-tag--late">{t("feedback.staff.lateFlag")}</span> : null}
        </Fact>
        <Fact label={t("feedback.common.kind")}>{t(`feedback.kinds.${f.kind}`)}</Fact>
        <Fact label={t("feedback.common.received")}>{formatDateTime(f.received_at, lang)}</Fact>
        <Fact label={t("feedback.staff.class")}>{f.class ? t(`feedback.classes.${f.class}`) : null}</Fact>
        <Fact label={t("feedback.staff.transfer")}>{f.transfer_agency}</Fact>
        <Fact label={t("feedback.staff.dispatch")}>{f.transfer_dispatch}</Fact>
        <Fact label={t("feedback.common.unit")}>{detail.unit}</Fact>
        <Fact label={t("feedback.staff.assignee")}>{detail.assignee}</Fact>
        <Fact label={t("feedback.common.procedure")}>{detail.procedure}</Fact>
        <Fact label={t("feedback.common.dossierCode")}>{f.dossier_code}</Fact>
        <Fact label={t("feedback.common.title")}>{f.title}</Fact>
      </dl>
      <h2>{t("feedback.common.content")}</h2>
      <p className="fb-text">{f.content}</p>
      {detail.attachments.length ? (
        <>
          <h2>{t("feedback.common.attachments")}</h2>
          <ul>
            {detail.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/staff/feedback/${f.id}/attachment/${a.id}`} download>
                  {t("feedback.staff.download", { filename: a.filename })}
                </a>{" "}
                <span className="muted">
                  ({t("feedback.common.bytes", { size: Math.max(1, Math.round(a.size / 1024)) })})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("feedback.staff.sender")}</h2>
      {detail.contact ? (
        <>
          <dl className="fb-facts">
            <Fact label={t("feedback.staff.name")}>{detail.contact.name}</Fact>
            <Fact label={t("feedback.staff.address")}>{detail.contact.address}</Fact>
            <Fact label={t("feedback.staff.phone")}>{detail.contact.phone}</Fact>
            <Fact label={t("feedback.staff.email")}>{detail.contact.email}</Fact>
            <Fact label={t("feedback.staff.organisation")}>{detail.contact.organisation}</Fact>
          </dl>
          <p className="muted">{t("feedback.staff.piiLogged")}</p>
        </>
      ) : (
        <p>{t("feedback.staff.noPii")}</p>
      )}

      <h2>{t("feedback.staff.deadlines")}</h2>
      <dl className="fb-facts">
        <Fact label={t("feedback.staff.refuseDue")}>{formatDate(f.refuse_due, lang)}</Fact>
        <Fact label={t("feedback.staff.infoDue")}>{formatDate(f.info_due, lang)}</Fact>
        <Fact label={t("feedback.staff.transferDue")}>{formatDate(f.transfer_due, lang)}</Fact>
        <Fact label={t("feedback.staff.answerDue")}>{formatDate(f.answer_due, lang)}</Fact>
        <Fact label={t("feedback.staff.publishDue")}>{formatDate(f.publish_due, lang)}</Fact>
      </dl>

      {f.refuse_reason || f.info_request || f.answer_draft || f.answer_published ? (
        <dl className="fb-facts">
          <Fact label={t("feedback.status.refuseReason")}>
            {f.refuse_reason ? <span className="fb-text">{f.refuse_reason}</span> : null}
          </Fact>
          <Fact label={t("feedback.staff.fields.request")}>
            {f.info_request ? <span className="fb-text">{f.info_request}</span> : null}
          </Fact>
          <Fact label={t("feedback.staff.draft")}>
            {f.answer_draft ? <span className="fb-text">{f.answer_draft}</span> : null}
          </Fact>
          <Fact label={t("feedback.staff.approvedBy")}>
            {f.approved_by_name ? `${f.approved_by_name} — ${formatDateTime(f.approved_at, lang)}` : null}
          </Fact>
          <Fact label={t("feedback.common.answer")}>
            {f.answer_published ? <span className="fb-text">{f.answer_published}</span> : null}
          </Fact>
          <Fact label={t("feedback.staff.publicVersion")}>
            {f.public_content ? <span className="fb-text">{f.public_content}</span> : null}
          </Fact>
          <Fact label={t("feedback.common.publishedAt")}>{formatDateTime(f.published_at, lang)}</Fact>
          <Fact label={t("feedback.staff.notifyStatus")}>
            {f.notify_status ? t(`feedback.staff.notifyStatuses.${f.notify_status}`) : null}
          </Fact>
          <Fact label={t("feedback.staff.rating")}>{f.rating ? t(`feedback.ratings.${f.rating}`) : null}</Fact>
          <Fact label={t("feedback.staff.reopened")}>{f.reopened_count ? String(f.reopened_count) : null}</Fact>
          <Fact label={t("feedback.staff.repeatOf")}>
            {detail.repeatOf ? <Link to={`/staff/feedback/${detail.repeatOf.id}`}>{detail.repeatOf.code}</Link> : null}
          </Fact>
        </dl>
      ) : null}

      <h2>{t("feedback.staff.history")}</h2>
      <TableWrap label={t("feedback.staff.history")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("feedback.staff.when")}</th>
              <th scope="col">{t("feedback.staff.step")}</th>
              <th scope="col">{t("feedback.staff.who")}</th>
              <th scope="col">{t("feedback.staff.note")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>
                  {t(`feedback.events.${e.action}`, { defaultValue: e.action })}
                  {e.to_status !== e.from_status && e.from_status ? (
                    <span className="muted fb-status-change">
                      {t("feedback.common.status")}:{" "}
                      {t(`feedback.statuses.${e.to_status}`, { defaultValue: e.to_status })}
                    </span>
                  ) : null}
                </td>
                <td>
                  {e.actor_name ??
                    (["receive", "add_info", "rate"].includes(e.action)
                      ? t("feedback.staff.senderActor")
                      : t("feedback.staff.systemActor"))}
                </td>
                <td className="fb-text">
                  {e.note}
                  {e.action === "deadlines_moved" ? <MovedLimits details={e.details} lang={lang} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** A holiday change's move of this case's limits, old → new (docs/rules/holidays.md). */
function MovedLimits({ details, lang }: { details: unknown; lang: Lang }) {
  const { t } = useTranslation();
  const d = details as {
    calendar?: { date?: string };
    changes?: { field: string; from: string | null; to: string | null }[];
  } | null;
  if (!d?.changes?.length) return null;
  return (
    <>
      {d.calendar?.date ? t("feedback.staff.movedBy", { date: formatDate(d.calendar.date, lang) }) : null}
      <ul className="fb-moved">
        {d.changes.map((c) => (
          <li key={c.field}>
            {t(`feedback.deadlineFields.${c.field}`, { defaultValue: c.field })}:{" "}
            {c.from ? formatDate(c.from, lang) : "—"} → {c.to ? formatDate(c.to, lang) : "—"}
          </li>
        ))}
      </ul>
    </>
  );
}
