// Download of a feedback attachment, for staff who may see the case; logged as a personal-data
// view. Sent as a download with the type decided at upload, never rendered inline.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDbId } from "~/kernel/db/ids";
import { recordAudit } from "~/kernel/audit.server";
import { getAttachment } from "~/features/feedback/feedback-staff.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { clientOf } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const id = Number(params.id);
  const aid = Number(params.aid);
  if (!isDbId(id) || !isDbId(aid)) throw new Response("Not found", { status: 404 });
  const file = await getAttachment(user, id, aid);
  if (!file) throw new Response("Not found", { status: 404 });
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: { id: user.id, email: user.email },
    action: "pii.view",
    entity: "feedback_attachment",
    entityId: aid,
    details: { feedbackId: id },
  });
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
