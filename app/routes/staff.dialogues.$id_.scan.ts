// Staff: the signed scan of the minutes. It may show signatures and names, so it stays with
// office staff (each download logged) and is never part of the public minutes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDbId } from "~/kernel/db/ids";
import { recordAudit } from "~/kernel/audit.server";
import { getScan } from "~/features/dialogue/dialogue-minutes-scan.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { clientOf } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const id = Number(params.id);
  // The account's agency's session only: another agency's scan is 404 (docs/rules/agencies.md).
  const scan = isDbId(id) ? await getScan(user.agencyId, id) : null;
  if (!scan) throw new Response("Not found", { status: 404 });
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: { id: user.id, email: user.email },
    action: "pii.export",
    entity: "dialogue_minutes",
    entityId: id,
    details: { what: "signed scan" },
  });
  return new Response(new Uint8Array(scan.bytes), {
    headers: {
      "Content-Type": scan.mime,
      "Content-Length": String(scan.size),
      "Content-Disposition": `attachment; filename="${scan.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
