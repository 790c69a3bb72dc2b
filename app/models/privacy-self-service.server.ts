// The public request page's posts: look up by full code + phone or email, then see, correct, ask
// for deletion or withdraw consent (confirmed by a code sent to the email on file, else by staff). No cookie: every post carries the code and contact again (like
// the feedback status page), so a shared phone keeps nothing. Limited per network address and,
// for failed look-ups, per code, so nobody can try contacts against a code.
import crypto from "node:crypto";
import { formatDateTime } from "~/lib/clock";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms";
import type { Lang } from "~/lib/i18n";
import { confirmSchema, correctionSchema, lookupSchema, submissionSchema } from "~/schemas/privacy";
import { checkOtp, sendOtp } from "./citizen-otp.server";
import { recordAccess, requestCorrection, requestDeletion, requestWithdrawal, requestsFor, withdrawNow } from "./privacy-request.server";
import { findSubject, subjectData, type FoundSubject } from "./privacy-subject.server";
import { beginLookup } from "./lookup-limit.server";
import { clientIp, readFormData } from "~/utils/request.server";
import { publicOrigin } from "~/utils/public-url.server";


export interface SelfServiceView {
  kind: FoundSubject["kind"];
  code: string;
  erased: boolean;
  about: { title: string | null; date: string; statusKey: string };
  fields: { key: string; value: string | null }[];
  consents: { purpose: string; version: string; given: string; withdrawn: string | null }[];
  requests: { id: number; kind: string; status: string; received: string; due: string; refuseReason: string | null }[];
  /** One fresh id per form on the page: a second post of the same form is not a second request. */
  submissionIds: { correct: string; delete: string; withdraw: string };
}

export interface SelfServiceResult {
  status: number;
  view: SelfServiceView | null;
  /** The form the errors belong to. */
  form: "lookup" | "correct" | "delete" | "withdraw" | "withdraw_otp";
  /** Set when a confirmation code was emailed: the page asks for it, with this submission id. */
  otp?: { intent: "withdraw_otp"; submissionId: string };
  errors: FieldErrors;
  values: Record<string, string>;
  message: { key: string; params?: Record<string, string> } | null;
}

async function buildView(subject: FoundSubject, lang: Lang): Promise<SelfServiceView | null> {
  const [data, requests] = await Promise.all([subjectData(subject, lang), requestsFor(subject)]);
  if (!data) return null;
  const at = (d: Date) => formatDateTime(d, lang);
  return {
    kind: data.kind,
    code: data.code,
    erased: data.erased,
    about: { title: data.about.title, date: at(data.about.date), statusKey: data.about.statusKey },
    fields: data.fields,
    consents: data.consents.map((c) => ({ purpose: c.purpose, version: c.version, given: at(c.givenAt), withdrawn: c.withdrawnAt ? at(c.withdrawnAt) : null })),
    requests: requests.map((r) => ({ id: r.id, kind: r.kind, status: r.status, received: at(r.received_at), due: at(r.due_at), refuseReason: r.refuse_reason })),
    submissionIds: { correct: crypto.randomUUID(), delete: crypto.randomUUID(), withdraw: crypto.randomUUID() },
  };
}

export async function handlePrivacyPost(request: Request, lang: Lang): Promise<SelfServiceResult> {
  const fd = await readFormData(request);
  const intent = String(fd.get("intent") ?? "lookup");
  const form = (["correct", "delete", "withdraw", "withdraw_otp"].includes(intent) ? intent : "lookup") as SelfServiceResult["form"];
  const values = formValues(fd);
  // The submission ids and the intent are not something to put back into a form.
  delete values.submissionId;
  delete values.intent;
  const out = (status: number, patch: Partial<SelfServiceResult>): SelfServiceResult => ({ status, view: null, form, errors: {}, values, message: null, ...patch });

  const who = parseForm(lookupSchema, fd, "privacy.errors.codeInvalid");
  if (!who.ok) return out(400, { form: "lookup", errors: who.errors });
  // Paced per code, per contact and per address before anything is read (lookup-limit.server.ts):
  // the code's pool is the one the feedback and registration pages use too.
  const gate = await beginLookup(who.data.code.code, who.data.contact, clientIp(request));
  if (!gate.ok) return out(429, { form: "lookup", errors: { _form: "privacy.errors.limited" } });
  const subject = await findSubject(who.data.code, who.data.contact);
  if (!subject) return out(404, { form: "lookup", errors: { _form: "privacy.errors.notFound" } });
  await gate.found();
  const base = { request, subject, lang };

  if (form === "lookup") {
    await recordAccess(base);
    return out(200, { view: await buildView(subject, lang) });
  }
  const submission = submissionSchema.safeParse(fd.get("submissionId"));
  if (!submission.success) return out(400, { view: await buildView(subject, lang), errors: { _form: "privacy.errors.formExpired" } });
  const input = { ...base, submissionId: submission.data };

  if (form === "correct") {
    const parsed = parseForm(correctionSchema(subject.kind), fd, "privacy.errors.tooLong");
    if (!parsed.ok) return out(400, { view: await buildView(subject, lang), errors: parsed.errors });
    const current = await subjectData(subject, lang);
    const now = Object.fromEntries((current?.fields ?? []).map((f) => [f.key, f.value ?? ""]));
    const changed = (["name", "phone", "email", "address", "organisation"] as const).some((k) => k in now && parsed.data[k] !== now[k]);
    if (!changed) return out(400, { view: await buildView(subject, lang), errors: { _form: "privacy.errors.nothingChanged" } });
    const created = await requestCorrection(input, parsed.data);
    return out(200, { view: await buildView(subject, lang), message: { key: "privacy.request.correctionReceived", params: { due: formatDateTime(created.dueAt, lang) } } });
  }
  if (form === "withdraw_otp") {
    // The change that erases: only with the code sent to the contact on file.
    if (!(await checkOtp(subject, "withdraw", String(fd.get("otp") ?? "")))) {
      return out(400, { view: await buildView(subject, lang), errors: { otp: "codes.otp.wrong" }, otp: { intent: "withdraw_otp", submissionId: input.submissionId } });
    }
    await withdrawNow(input, { baseUrl: publicOrigin(request) });
    // The contact it was found by is gone now: the page shows what is left by the subject itself.
    return out(200, { view: await buildView(subject, lang), message: { key: "privacy.request.withdrawn" } });
  }
  const confirmed = parseForm(confirmSchema, fd, "privacy.errors.confirmRequired");
  if (!confirmed.ok) return out(400, { view: await buildView(subject, lang), errors: { [`${form}-confirm`]: confirmed.errors.confirm ?? "privacy.errors.confirmRequired" } });
  if (form === "delete") {
    const created = await requestDeletion(input);
    return out(200, { view: await buildView(subject, lang), message: { key: "privacy.request.deletionReceived", params: { due: formatDateTime(created.dueAt, lang) } } });
  }
  // Knowing the full code is not enough to erase: the contact on file confirms (a code by email),
  // or, when it cannot, staff do after calling the phone on file.
  if (await sendOtp(subject, "withdraw")) {
    return out(200, { view: await buildView(subject, lang), message: { key: "codes.otp.withdrawSent" }, otp: { intent: "withdraw_otp", submissionId: input.submissionId } });
  }
  const created = await requestWithdrawal(input);
  return out(200, { view: await buildView(subject, lang), message: { key: "codes.otp.withdrawQueued", params: { due: formatDateTime(created.dueAt, lang) } } });
}
