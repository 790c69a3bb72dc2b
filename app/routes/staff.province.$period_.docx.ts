// The province's league report as a DOCX file (Nghị định 30/2020/NĐ-CP), to edit before signing.
// Audited as the league's other downloads are (export.league).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/kernel/audit.server";
import { clientOf } from "~/kernel/http/request.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { LEAGUE_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { reportDocx } from "~/features/reports/report-docx";
import { getLeagueDocument } from "~/features/province/league-document.server";
import { leaguePeriod } from "~/features/province/league-period";

export const access: RouteAccess = { loader: LEAGUE_ROLES };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const p = leaguePeriod(params.period);
  if (!p) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const { doc } = await getLeagueDocument(user, p.year, p.kind, lng, t);
  const body = await reportDocx(doc);
  const period = `${p.year}-${p.kind}`;
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: user,
    action: "export.league",
    entity: "report_period",
    entityId: period,
    details: { format: "docx" },
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${t("provinceDoc.fileName", { period })}"`,
      "Content-Length": String(body.length),
      "Cache-Control": "private, no-store",
    },
  });
}
