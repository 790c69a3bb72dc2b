// The staff session page's buttons for sign-ups waiting "to confirm" (docs/security/limits.md):
// confirm or reject one, or all of them at once. Returns null for any other intent, which the
// page's other actions handle. The page's action has already checked the role (admin, office).
import { settleRegistrations } from "~/models/dialogue-settle.server";
import { idSchema } from "~/schemas/dialogue";
import { publicOrigin } from "./public-url.server";

const INTENTS = { confirm_registration: "confirm", reject_registration: "reject", confirm_all_to_confirm: "confirm", reject_all_to_confirm: "reject" } as const;

export async function runSettleAction(request: Request, actor: { id: number; email: string }, sessionId: number, fd: FormData) {
  const intent = String(fd.get("intent") ?? "");
  if (!(intent in INTENTS)) return null;
  const decision = INTENTS[intent as keyof typeof INTENTS];
  let ids: number[] | "all" = "all";
  if (!intent.endsWith("_all_to_confirm")) {
    const id = idSchema.safeParse(fd.get("registration"));
    if (!id.success) throw new Response("Bad request", { status: 400 });
    ids = [id.data];
  }
  const res = await settleRegistrations(sessionId, ids, decision, { ...actor, request }, { baseUrl: publicOrigin(request) });
  if (!res.ok) throw new Response("Not found", { status: 404 });
  return { redirect: `settled=${res.settled.length}`, noticeIds: res.noticeIds };
}
