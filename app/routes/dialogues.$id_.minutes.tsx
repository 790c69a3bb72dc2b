// The published minutes of a dialogue, without personal data, printable on A4. Earlier versions
// stay readable: a correction is a new version, never an edit of the old one.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MinutesDocument } from "~/features/dialogue/components/minutes-document";
import { isPublic } from "~/features/dialogue/dialogue-state";
import { formatDateTime } from "~/kernel/time/clock";
import { getPublicMinutes, minutesVersions } from "~/features/dialogue/dialogue-minutes.server";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/dialogue.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/dialogues/:id/minutes: another agency's session is not found there.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t } = getT(request);
  const s = await getSession(agency.id, Number(params.id));
  if (!s || !isPublic(s, new Date())) throw new Response("Not found", { status: 404 });
  const v = Number(new URL(request.url).searchParams.get("v")) || undefined;
  const minutes = await getPublicMinutes(agency.id, s.id, v);
  if (!minutes) throw new Response("Not found", { status: 404 });
  const versions = await minutesVersions(agency.id, s.id);
  return json({
    title: t("dialogue.minutes.pageTitle"),
    prefix: agency.prefix,
    minutes,
    versions: versions.map((x) => ({ version: x.version, publishedAt: x.published_at.toISOString() })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function PublicMinutesPage() {
  const { minutes, versions, prefix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="no-print">
        <Link to={agencyPath(prefix, `/dialogues/${minutes.session.id}`)}>{t("dialogue.minutes.backToSession")}</Link>
      </p>
      <p className="notice no-print">{t("dialogue.minutes.printHint")}</p>
      <MinutesDocument m={minutes} />
      {versions.length > 1 ? (
        <nav className="no-print" aria-label={t("dialogue.minutes.versions")}>
          <h2>{t("dialogue.minutes.versions")}</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                <Link to={`?v=${v.version}`} aria-current={v.version === minutes.version ? "page" : undefined}>
                  {t("dialogue.minutes.versionLine", { version: v.version, date: formatDateTime(v.publishedAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
