// The forms of the staff session page: each intent parsed with its schema and handed to one
// model function. Kept out of the route so the route stays a page.
import type { DialogueSession } from "../../db/types";
import type { Transition } from "~/lib/dialogue-state";
import { markCalled } from "~/models/dialogue-notify.server";
import { cancelRegistration, signUp } from "~/models/dialogue-registration.server";
import { changeStatus, updateSession } from "~/models/dialogue-session.server";
import { formValues, parseForm } from "~/lib/forms";
import { idSchema } from "~/schemas/dialogue";
import { cancelSessionSchema, onBehalfSchema, procedureIds, sessionInput, sessionSchema } from "~/schemas/dialogue-staff";
import { normaliseEmail, normalisePhone } from "~/lib/dialogue-code";
import type { StaffUser } from "./auth.server";
import { getT } from "./i18n.server";
import { publicOrigin } from "./public-url.server";

export interface ActionOutcome {
  redirect?: string;
  form?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  vars?: Record<string, string | number>;
  noticeIds?: string[];
}

const STEPS: Transition[] = ["publish", "close_registration", "reopen_registration", "mark_held"];

const raw = (fd: FormData) => Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));

export async function runSessionAction(request: Request, user: StaffUser, s: DialogueSession, fd: FormData): Promise<ActionOutcome> {
  const actor = { id: user.id, email: user.email };
  const ctx = { baseUrl: publicOrigin(request) };
  const intent = String(fd.get("intent") ?? "");

  if (intent === "save") {
    const parsed = parseForm(sessionSchema, fd);
    const values = { ...raw(fd), procedure_ids: procedureIds(fd).join(",") };
    if (!parsed.ok) return { form: "save", errors: parsed.errors, values };
    const res = await updateSession(request, actor, s.id, sessionInput(parsed.data, fd), ctx);
    if (!res.ok) return { form: "save", errors: res.errors, values, vars: (res.values ?? {}) as Record<string, number> };
    return { redirect: res.moved ? `moved=${res.noticeIds.length || 1}` : "saved=1", noticeIds: res.noticeIds };
  }
  if (intent === "transition" || intent === "cancel") {
    const transition = (intent === "cancel" ? "cancel" : String(fd.get("transition"))) as Transition;
    if (transition !== "cancel" && !STEPS.includes(transition)) return { form: "transition", errors: { _form: "dialogue.errors.badTransition" } };
    let reason: string | undefined;
    if (transition === "cancel") {
      const parsed = parseForm(cancelSessionSchema, fd);
      if (!parsed.ok) return { form: "cancel", errors: parsed.errors, values: formValues(fd) };
      reason = parsed.data.reason;
    }
    const res = await changeStatus(request, actor, s.id, transition as Exclude<Transition, "publish_minutes">, { reason }, ctx);
    if (!res.ok) return { form: transition === "cancel" ? "cancel" : "transition", errors: res.errors, vars: (res.values ?? {}) as Record<string, number> };
    const { t } = getT(request);
    return { redirect: `status=${encodeURIComponent(t(`dialogue.status.${res.status}`))}`, noticeIds: res.noticeIds };
  }
  if (intent === "register") {
    const parsed = parseForm(onBehalfSchema, fd);
    if (!parsed.ok) return { form: "register", errors: parsed.errors, values: formValues(fd) };
    const d = parsed.data;
    const res = await signUp({
      sessionId: s.id,
      name: d.name,
      phone: d.phone,
      phoneNorm: d.phone ? normalisePhone(d.phone) : null,
      email: d.email,
      emailNorm: d.email ? normaliseEmail(d.email) : null,
      kind: d.kind,
      organisation: d.organisation,
      accessibility: d.accessibility,
      question: d.question,
      topic: null,
      lang: "vi",
      channel: d.channel,
      staff: { ...actor, request },
    });
    if (!res.ok) return { form: "register", errors: { _form: "dialogue.errors.registrationClosed" }, values: raw(fd) };
    return { redirect: `registered=${res.registration.code}` };
  }
  if (intent === "cancel_registration") {
    const id = idSchema.safeParse(fd.get("registration"));
    if (!id.success) return { form: "registrants", errors: { _form: "dialogue.errors.invalid" } };
    const res = await cancelRegistration(id.data, ctx, { staff: { ...actor, request }, sessionId: s.id });
    if (!res.ok) throw new Response("Not found", { status: 404 });
    return { redirect: "cancelled=1", noticeIds: res.noticeIds };
  }
  if (intent === "called") {
    const id = String(fd.get("notification") ?? "");
    if (!/^\d+$/.test(id)) return { form: "calls", errors: { _form: "dialogue.errors.invalid" } };
    await markCalled(request, actor, s.id, id);
    return { redirect: "called=1" };
  }
  return { form: "unknown", errors: { _form: "dialogue.errors.invalid" } };
}
