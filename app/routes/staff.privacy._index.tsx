// Open personal data requests, the nearest 72-hour deadline first, marked "due soon" or "late";
// and the last ones decided. No personal data on this page (kind, code and times), so viewing it
// is not logged; the request page is.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDateTime } from "~/kernel/time/clock";
import { deadlineState, hoursLeft } from "~/features/privacy/privacy-deadline";
import { listDecidedRequests, listOpenRequests } from "~/features/privacy/privacy-staff.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/privacy.css";

export const access: RouteAccess = { loader: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const now = new Date();
  const [open, decided] = await Promise.all([listOpenRequests(user.agencyId), listDecidedRequests(user.agencyId)]);
  return json({
    title: t("privacy.staff.title"),
    isAdmin: user.role === "admin",
    open: open.map((r) => ({
      id: r.id,
      kind: r.kind,
      subjectKind: r.subject_kind,
      code: r.subject_code,
      received: formatDateTime(r.received_at, lng),
      due: formatDateTime(r.due_at, lng),
      state: deadlineState(r.due_at, now),
      hours: hoursLeft(r.due_at, now),
    })),
    decided: decided.map((r) => ({
      id: r.id,
      kind: r.kind,
      code: r.subject_code,
      status: r.status,
      decided: r.decided_at ? formatDateTime(r.decided_at, lng) : "",
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

const STATE_TAG = { late: "tag tag--late", due_soon: "tag tag--due-soon", on_time: "tag tag--on-time" } as const;
const STATE_LABEL = {
  late: "privacy.staff.late",
  due_soon: "privacy.staff.dueSoon",
  on_time: "privacy.staff.onTime",
} as const;

export default function StaffPrivacyRequests() {
  const { open, decided, isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("privacy.staff.heading")}</h1>
      <p>{t("privacy.staff.intro")}</p>
      {isAdmin ? (
        <p>
          <Link to="/staff/privacy/retention">{t("privacy.staff.retentionLink")}</Link> ·{" "}
          <Link to="/staff/audit?action=pii.">{t("privacy.staff.accessLink")}</Link>
        </p>
      ) : null}
      {open.length ? (
        <TableWrap label={t("privacy.staff.caption")}>
          <table>
            <caption className="visually-hidden">{t("privacy.staff.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.staff.request")}</th>
                <th scope="col">{t("privacy.staff.kind")}</th>
                <th scope="col">{t("privacy.staff.subject")}</th>
                <th scope="col">{t("privacy.staff.received")}</th>
                <th scope="col">{t("privacy.staff.due")}</th>
                <th scope="col">{t("privacy.staff.state")}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/staff/privacy/${r.id}`}>#{r.id}</Link>
                  </td>
                  <td>{t(`privacy.requestKinds.${r.kind}`)}</td>
                  <td>
                    {t(`privacy.subjectKinds.${r.subjectKind}`)} <code>{r.code}</code>
                  </td>
                  <td>{r.received}</td>
                  <td>{r.due}</td>
                  <td>
                    <span className={STATE_TAG[r.state]}>{t(STATE_LABEL[r.state])}</span>{" "}
                    <span className="muted">
                      {r.hours < 0
                        ? t("privacy.staff.hoursLate", { hours: -r.hours })
                        : t("privacy.staff.hoursLeft", { hours: r.hours })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="notice">{t("privacy.staff.empty")}</p>
      )}
      {decided.length ? (
        <>
          <h2>{t("privacy.staff.decidedHeading")}</h2>
          <TableWrap label={t("privacy.staff.decidedCaption")}>
            <table>
              <caption className="visually-hidden">{t("privacy.staff.decidedCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.staff.request")}</th>
                  <th scope="col">{t("privacy.staff.kind")}</th>
                  <th scope="col">{t("privacy.staff.subject")}</th>
                  <th scope="col">{t("privacy.staff.status")}</th>
                  <th scope="col">{t("privacy.staff.decided")}</th>
                </tr>
              </thead>
              <tbody>
                {decided.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/staff/privacy/${r.id}`}>#{r.id}</Link>
                    </td>
                    <td>{t(`privacy.requestKinds.${r.kind}`)}</td>
                    <td>
                      <code>{r.code}</code>
                    </td>
                    <td>{t(`privacy.requestStatus.${r.status}`)}</td>
                    <td>{r.decided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
