// The staff session page's buttons for sign-ups waiting "to confirm" (docs/security/limits.md):
// confirm or reject one, or all of them at once. Returns null for any other intent, which the
// page's other actions handle. The page's action has already checked the role (admin, office)
// and read the form; a refusal comes back as a reason the page turns into its answer.
import { settleRegistrations } from "~/features/dialogue/dialogue-settle.server";
import { idSchema } from "~/features/dialogue/dialogue.schema";
import type { Client } from "~/kernel/http/client";

const INTENTS = {
  confirm_registration: "confirm",
  reject_registration: "reject",
  confirm_all_to_confirm: "confirm",
  reject_all_to_confirm: "reject",
} as const;

export type SettleOutcome =
  { ok: true; redirect: string; noticeIds: string[] } | { ok: false; refused: "bad_request" | "not_found" };

export async function runSettleAction(
  c: { actor: { id: number; email: string }; client: Client; baseUrl: string },
  agencyId: number,
  sessionId: number,
  form: { intent: string; fields: Record<string, string> },
): Promise<SettleOutcome | null> {
  const { intent } = form;
  if (!(intent in INTENTS)) return null;
  const decision = INTENTS[intent as keyof typeof INTENTS];
  let ids: number[] | "all" = "all";
  if (!intent.endsWith("_all_to_confirm")) {
    const id = idSchema.safeParse(form.fields.registration);
    if (!id.success) return { ok: false, refused: "bad_request" };
    ids = [id.data];
  }
  const res = await settleRegistrations(
    agencyId,
    sessionId,
    ids,
    decision,
    { ...c.actor, client: c.client },
    { baseUrl: c.baseUrl },
  );
  if (!res.ok) return { ok: false, refused: "not_found" };
  return { ok: true, redirect: `settled=${res.settled.length}`, noticeIds: res.noticeIds };
}
