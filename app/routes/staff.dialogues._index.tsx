// Staff: every dialogue session with its seats and pending questions, and this year's figures.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/features/dialogue/components/session-facts";
import { formatDateTime, vnYear } from "~/kernel/time/clock";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { listStaffSessions } from "~/features/dialogue/dialogue-session.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dialogue.css";
import { TableWrap } from "~/kernel/forms/fields";

export const access: RouteAccess = { loader: ["admin", "office", "unit", "viewer"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const year = vnYear();
  // The account's agency's sessions and figures only (docs/rules/agencies.md).
  const [rows, figures] = await Promise.all([
    listStaffSessions(user.agencyId),
    dialogueFigures({ agencyId: user.agencyId, year }),
  ]);
  return json({
    title: t("dialogue.staff.list.title"),
    canCreate: user.role === "admin" || user.role === "office",
    sessions: rows.map((s) => ({
      ...s,
      title: sessionTitle(s, lng),
      starts_at: s.starts_at.toISOString(),
      confirmed: Number(s.confirmed),
      waitlisted: Number(s.waitlisted),
      pending: Number(s.pending_questions),
    })),
    figures,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function StaffDialogues() {
  const { sessions, canCreate, figures } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const pct = figures.questions.answeredShare === null ? "—" : `${Math.round(figures.questions.answeredShare * 100)} %`;
  return (
    <div className="page">
      <h1>{t("dialogue.staff.list.heading")}</h1>
      {canCreate ? (
        <p>
          <Link className="button" to="/staff/dialogues/new">
            {t("dialogue.staff.list.new")}
          </Link>
        </p>
      ) : null}
      <h2>{t("dialogue.staff.figures.heading", { year: figures.year })}</h2>
      <ul className="counts">
        <li>
          <strong>{figures.held ? t("dialogue.staff.figures.yes") : t("dialogue.staff.figures.no")}</strong>
          {t("dialogue.staff.figures.held")}
        </li>
        <li>
          <strong>{figures.attendance.total}</strong>
          {t("dialogue.staff.figures.attendance", {
            citizen: figures.attendance.citizen,
            business: figures.attendance.business,
          })}
        </li>
        <li>
          <strong>{pct}</strong>
          {t("dialogue.staff.figures.answered", {
            answered: figures.questions.answered,
            total: figures.questions.total,
          })}
        </li>
        <li>
          <strong>{figures.followUps.open}</strong>
          {t("dialogue.staff.figures.openFollowups", { overdue: figures.followUps.overdue })}
        </li>
      </ul>
      <h2>{t("dialogue.staff.list.sessions")}</h2>
      {sessions.length ? (
        <TableWrap label={t("dialogue.staff.list.sessions")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dialogue.staff.list.session")}</th>
                <th scope="col">{t("dialogue.facts.when")}</th>
                <th scope="col">{t("dialogue.staff.list.status")}</th>
                <th scope="col" className="num">
                  {t("dialogue.staff.list.seats")}
                </th>
                <th scope="col" className="num">
                  {t("dialogue.staff.list.waitlisted")}
                </th>
                <th scope="col" className="num">
                  {t("dialogue.staff.list.pending")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/staff/dialogues/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>{formatDateTime(s.starts_at)}</td>
                  <td>
                    <StatusTag status={s.status} />
                  </td>
                  <td className="num">
                    {s.confirmed}/{s.capacity}
                  </td>
                  <td className="num">{s.waitlisted}</td>
                  <td className="num">{s.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("dialogue.staff.list.none")}</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
