// The forms of the staff session page: each intent parsed with its schema and handed to one
// model function. Kept out of the route so the route stays a page.
import type { Transition } from "~/features/dialogue/dialogue-state";
import { markCalled } from "~/features/dialogue/dialogue-notify.server";
import { cancelRegistration } from "~/features/dialogue/dialogue-seats.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { changeStatus, updateSession } from "~/features/dialogue/dialogue-session.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { idSchema } from "~/features/dialogue/dialogue.schema";
import {
  cancelSessionSchema,
  onBehalfSchema,
  sessionInput,
  sessionSchema,
} from "~/features/dialogue/dialogue-staff.schema";
import { normaliseEmail, normalisePhone } from "~/features/dialogue/dialogue-code";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import type { DialogueSession, DialogueStatus } from "../../../db/types";

export interface ActionOutcome {
  redirect?: string;
  /** The state the session moved to: the page names it (translated) in its redirect. */
  status?: DialogueStatus;
  /** The session or registration is gone: the page answers 404. */
  notFound?: true;
  form?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  vars?: Record<string, string | number>;
  noticeIds?: string[];
}

const STEPS: Transition[] = ["publish", "close_registration", "reopen_registration", "mark_held"];

/** A posted form of the page, read by the route: its text fields and the ticked procedures
 * (repeated checkboxes, which a record of fields cannot hold). */
export interface SessionForm {
  intent: string;
  fields: Record<string, string>;
  procedureIds: number[];
}

/** Who acts, from where, and the public origin that links in notices point to. */
export interface SessionActionContext {
  user: StaffUser;
  client: Client;
  baseUrl: string;
}

export async function runSessionAction(
  c: SessionActionContext,
  s: DialogueSession,
  form: SessionForm,
): Promise<ActionOutcome> {
  const actor = { id: c.user.id, email: c.user.email };
  const staff = { ...actor, client: c.client };
  const ctx = { baseUrl: c.baseUrl };
  const { intent, fields } = form;

  if (intent === "save") {
    const parsed = parseForm(sessionSchema, fields);
    const values = { ...fields, procedure_ids: form.procedureIds.join(",") };
    if (!parsed.ok) return { form: "save", errors: parsed.errors, values };
    const input = sessionInput(parsed.data, form.procedureIds);
    const res = await updateSession(c.client, actor, c.user.agencyId, s.id, input, ctx);
    if (!res.ok && "notFound" in res) return { notFound: true };
    if (!res.ok)
      return { form: "save", errors: res.errors, values, vars: (res.values ?? {}) as Record<string, number> };
    // Everyone told counts, by email or on the call list (not only the emails): 4 people, 4 notices.
    return { redirect: res.moved ? `moved=${res.told}` : "saved=1", noticeIds: res.noticeIds };
  }
  if (intent === "transition" || intent === "cancel") {
    const transition = (intent === "cancel" ? "cancel" : String(fields.transition)) as Transition;
    if (transition !== "cancel" && !STEPS.includes(transition))
      return { form: "transition", errors: { _form: "dialogue.errors.badTransition" } };
    let reason: string | undefined;
    if (transition === "cancel") {
      const parsed = parseForm(cancelSessionSchema, fields);
      if (!parsed.ok) return { form: "cancel", errors: parsed.errors, values: formValues(fields) };
      reason = parsed.data.reason;
    }
    const res = await changeStatus(
      c.client,
      actor,
      c.user.agencyId,
      s.id,
      transition as Exclude<Transition, "publish_minutes">,
      { reason },
      ctx,
    );
    if (!res.ok && "notFound" in res) return { notFound: true };
    if (!res.ok)
      return {
        form: transition === "cancel" ? "cancel" : "transition",
        errors: res.errors,
        vars: (res.values ?? {}) as Record<string, number>,
      };
    return { status: res.status, noticeIds: res.noticeIds };
  }
  if (intent === "register") {
    const parsed = parseForm(onBehalfSchema, fields);
    if (!parsed.ok) return { form: "register", errors: parsed.errors, values: formValues(fields) };
    const d = parsed.data;
    const res = await signUp({
      agencyId: c.user.agencyId,
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
      staff,
    });
    if (!res.ok)
      return { form: "register", errors: { _form: "dialogue.errors.registrationClosed" }, values: { ...fields } };
    return { redirect: `registered=${res.registration.code}` };
  }
  if (intent === "cancel_registration") {
    const id = idSchema.safeParse(fields.registration);
    if (!id.success) return { form: "registrants", errors: { _form: "dialogue.errors.invalid" } };
    const res = await cancelRegistration(id.data, ctx, { staff, sessionId: s.id, agencyId: c.user.agencyId });
    if (!res.ok) return { notFound: true };
    return { redirect: "cancelled=1", noticeIds: res.noticeIds };
  }
  if (intent === "called") {
    const id = fields.notification ?? "";
    if (!/^\d+$/.test(id)) return { form: "calls", errors: { _form: "dialogue.errors.invalid" } };
    await markCalled(c.client, actor, c.user.agencyId, s.id, id);
    return { redirect: "called=1" };
  }
  return { form: "unknown", errors: { _form: "dialogue.errors.invalid" } };
}
