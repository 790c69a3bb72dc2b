// The two staff tables of feedback: cases by urgency, and the Office's call list.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate as fmtDate } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { listFeedback, notifyList } from "~/features/feedback/feedback-staff.server";

const formatDate = (v: string | null | undefined, lang: Lang) => (v ? fmtDate(v, lang) : "");

export function FeedbackTable({ items }: { items: SerializeFrom<Awaited<ReturnType<typeof listFeedback>>["items"]> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (items.length === 0) return <p>{t("feedback.staff.none")}</p>;
  return (
    <TableWrap label={t("feedback.staff.heading")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("feedback.common.code")}</th>
            <th scope="col">{t("feedback.common.status")}</th>
            <th scope="col">{t("feedback.staff.due")}</th>
            <th scope="col">{t("feedback.common.title")}</th>
            <th scope="col">{t("feedback.common.unit")}</th>
            <th scope="col">{t("feedback.common.received")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/staff/feedback/${r.id}`}>{r.code}</Link>
              </td>
              <td>{t(`feedback.statuses.${r.status}`)}</td>
              <td>
                {formatDate(r.dueDate, lang)}{" "}
                {r.urgency ? (
                  <span className={`fb-tag fb-tag--${r.urgency}`}>{t(`feedback.staff.urgency.${r.urgency}`)}</span>
                ) : null}
                {r.late && r.urgency !== "late" ? (
                  <span className="fb-tag fb-tag--late">{t("feedback.staff.lateFlag")}</span>
                ) : null}
                {r.held ? <span className="fb-tag fb-tag--due_soon">{t("limits.feedback.heldTag")}</span> : null}
              </td>
              <td>{r.title ?? t(`feedback.kinds.${r.kind}`)}</td>
              <td>{r.unit ?? ""}</td>
              <td>{formatDate(r.receivedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function NotifyTable({ rows }: { rows: SerializeFrom<Awaited<ReturnType<typeof notifyList>>> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <>
      <p>{t("feedback.staff.notifyIntro")}</p>
      <p className="muted">{t("feedback.staff.piiLogged")}</p>
      {rows.length === 0 ? (
        <p>{t("feedback.staff.none")}</p>
      ) : (
        <TableWrap label={t("feedback.staff.views.notify")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("feedback.common.code")}</th>
                <th scope="col">{t("feedback.common.publishedAt")}</th>
                <th scope="col">{t("feedback.staff.name")}</th>
                <th scope="col">{t("feedback.staff.phone")}</th>
                <th scope="col">{t("feedback.staff.email")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/staff/feedback/${r.id}`}>{r.code}</Link>
                  </td>
                  <td>{formatDate(r.published_at, lang)}</td>
                  <td>{r.name}</td>
                  <td>
                    <a href={`tel:${r.phone.replace(/[^\d+]/g, "")}`}>{r.phone}</a>
                  </td>
                  <td>{r.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
