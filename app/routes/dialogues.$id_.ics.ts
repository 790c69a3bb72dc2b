// The session as a calendar file. Its UID never changes and its SEQUENCE goes up with every
// change, so a calendar that imported it earlier updates the event (or marks it cancelled).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isPublic } from "~/features/dialogue/dialogue-state";
import { buildIcs } from "~/features/dialogue/ics";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { sessionDescription, sessionTitle } from "~/features/dialogue/dialogue-view";
import { getT } from "~/kernel/http/i18n.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";

// Also served as /<agency>/dialogues/:id/ics: another agency's session is not found there.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const s = await getSession(agency.id, Number(params.id));
  if (!s || !isPublic(s, new Date())) throw new Response("Not found", { status: 404 });
  const base = publicOrigin(request);
  const title = sessionTitle(s, lng);
  const body = buildIcs({
    uid: `dialogue-${s.id}@${new URL(base).hostname}`,
    sequence: s.sequence,
    start: s.starts_at,
    end: s.ends_at,
    stamp: s.updated_at,
    summary: s.status === "cancelled" ? `${t("dialogue.ics.cancelledPrefix")} ${title}` : title,
    description: [
      sessionDescription(s, lng),
      s.status === "cancelled" && s.cancel_reason ? t("dialogue.page.cancelReason", { reason: s.cancel_reason }) : null,
    ]
      .filter(Boolean)
      .join("\n\n"),
    location: [s.venue, s.online_url].filter(Boolean).join(" — ") || undefined,
    url: `${base}${agencyPath(agency.prefix, `/dialogues/${s.id}`)}`,
    cancelled: s.status === "cancelled",
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="doi-thoai-${s.id}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
