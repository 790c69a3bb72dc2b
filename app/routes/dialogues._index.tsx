// Public list of dialogue sessions: upcoming first, then past ones with their minutes.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/features/dialogue/components/session-facts";
import { registrationState } from "~/features/dialogue/dialogue-state";
import { formatDateTime } from "~/kernel/time/clock";
import { listPublicSessions } from "~/features/dialogue/dialogue-session.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/dialogue.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/dialogues ($agency.dialogues._index.tsx): the path's agency's sessions only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const now = new Date();
  const rows = await listPublicSessions(agency.id, now);
  const sessions = rows.map((s) => ({
    id: s.id,
    title: sessionTitle(s, lng),
    titleLang: lng === "en" && !s.title_en ? ("vi" as const) : null,
    startsAt: s.starts_at.toISOString(),
    venue: s.venue,
    online: Boolean(s.online_url),
    status: s.status,
    registration: registrationState(s, now),
    upcoming: s.starts_at > now && s.status !== "cancelled",
  }));
  return json({ title: t("dialogue.list.title"), prefix: agency.prefix, sessions });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function DialogueList() {
  const { sessions, prefix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const upcoming = sessions.filter((s) => s.upcoming);
  const past = sessions.filter((s) => !s.upcoming);
  const item = (s: (typeof sessions)[number]) => (
    <li key={s.id} className="card">
      <h3 className="card__title">
        <Link to={agencyPath(prefix, `/dialogues/${s.id}`)} lang={s.titleLang ?? undefined}>
          {s.title}
        </Link>
      </h3>
      <p>
        {formatDateTime(s.startsAt)}
        {s.venue ? ` — ${s.venue}` : ""}
        {s.online ? ` — ${t("dialogue.list.online")}` : ""}
      </p>
      <p>
        <StatusTag status={s.status} />{" "}
        {s.registration === "open" ? <span className="tag tag--ok">{t("dialogue.registrationState.open")}</span> : null}
      </p>
    </li>
  );
  return (
    <div className="page">
      <h1>{t("dialogue.list.heading")}</h1>
      <p className="lead">{t("dialogue.list.intro")}</p>
      <h2>{t("dialogue.list.upcoming")}</h2>
      {upcoming.length ? (
        <ul className="cards" role="list">
          {upcoming.map(item)}
        </ul>
      ) : (
        <p>{t("dialogue.list.noneUpcoming")}</p>
      )}
      <h2>{t("dialogue.list.past")}</h2>
      {past.length ? (
        <ul className="cards" role="list">
          {past.map(item)}
        </ul>
      ) : (
        <p>{t("dialogue.list.nonePast")}</p>
      )}
      <p>
        <Link to={agencyPath(prefix, "/dialogues/registration")}>{t("dialogue.list.haveCode")}</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
