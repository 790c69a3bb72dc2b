// The public request page's posts: look up by full code + phone or email, then see, correct, ask
// for deletion or withdraw consent (confirmed by a code sent to the email on file, else by staff). No cookie: every post carries the code and contact again (like
// the feedback status page), so a shared phone keeps nothing. Limited per network address and,
// for failed look-ups, per code, so nobody can try contacts against a code.
import crypto from "node:crypto";
import { formatDateTime } from "~/kernel/time/clock";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import type { Lang } from "~/kernel/i18n/i18n";
import { confirmSchema, correctionSchema, lookupSchema, submissionSchema } from "~/features/privacy/privacy.schema";
import { checkOtp, sendOtp } from "~/features/citizen-codes/citizen-otp.server";
import { beginLookup } from "~/features/citizen-codes/lookup-limit.server";
import type { Client } from "~/kernel/http/client";
import {
  recordAccess,
  requestCorrection,
  requestDeletion,
  requestWithdrawal,
  requestsFor,
  withdrawNow,
} from "./privacy-request.server";
import { findSubject, subjectData, type FoundSubject } from "./privacy-subject.server";

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

/** How the post went, for the page to answer with: shown (200), a field or form problem (400),
 * too many look-ups (429), or no such code and contact (404). */
export type SelfServiceOutcome = "shown" | "invalid" | "limited" | "not_found";

export interface SelfServiceResult {
  outcome: SelfServiceOutcome;
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
    consents: data.consents.map((c) => ({
      purpose: c.purpose,
      version: c.version,
      given: at(c.givenAt),
      withdrawn: c.withdrawnAt ? at(c.withdrawnAt) : null,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      received: at(r.received_at),
      due: at(r.due_at),
      refuseReason: r.refuse_reason,
    })),
    submissionIds: { correct: crypto.randomUUID(), delete: crypto.randomUUID(), withdraw: crypto.randomUUID() },
  };
}

/** One post of the page, as the route read it: the form's text fields, where it came from, and
 * the public origin that links in notices point to. */
export interface PrivacyPost {
  /** The agency of the page's path: codes are looked up within it only. */
  agencyId: number;
  fields: Record<string, string>;
  client: Client;
  baseUrl: string;
}

export async function handlePrivacyPost(post: PrivacyPost, lang: Lang): Promise<SelfServiceResult> {
  const { fields } = post;
  const intent = fields.intent ?? "lookup";
  const form = (
    ["correct", "delete", "withdraw", "withdraw_otp"].includes(intent) ? intent : "lookup"
  ) as SelfServiceResult["form"];
  const values = formValues(fields);
  // The submission ids and the intent are not something to put back into a form.
  delete values.submissionId;
  delete values.intent;
  const out = (outcome: SelfServiceOutcome, patch: Partial<SelfServiceResult>): SelfServiceResult => ({
    outcome,
    view: null,
    form,
    errors: {},
    values,
    message: null,
    ...patch,
  });

  const who = parseForm(lookupSchema, fields, "privacy.errors.codeInvalid");
  if (!who.ok) return out("invalid", { form: "lookup", errors: who.errors });
  // Paced per code, per contact and per address before anything is read (lookup-limit.server.ts):
  // the code's pool is the one the feedback and registration pages use too.
  const gate = await beginLookup(who.data.code.code, who.data.contact, post.client.ip, new Date(), post.agencyId);
  if (!gate.ok) return out("limited", { form: "lookup", errors: { _form: "privacy.errors.limited" } });
  const subject = await findSubject(who.data.code, who.data.contact, post.agencyId);
  if (!subject) return out("not_found", { form: "lookup", errors: { _form: "privacy.errors.notFound" } });
  await gate.found();
  const base = { client: post.client, subject, lang };

  if (form === "lookup") {
    await recordAccess(base);
    return out("shown", { view: await buildView(subject, lang) });
  }
  const submission = submissionSchema.safeParse(fields.submissionId);
  if (!submission.success)
    return out("invalid", { view: await buildView(subject, lang), errors: { _form: "privacy.errors.formExpired" } });
  const input = { ...base, submissionId: submission.data };

  if (form === "correct") {
    const parsed = parseForm(correctionSchema(subject.kind), fields, "privacy.errors.tooLong");
    if (!parsed.ok) return out("invalid", { view: await buildView(subject, lang), errors: parsed.errors });
    const current = await subjectData(subject, lang);
    const now = Object.fromEntries((current?.fields ?? []).map((f) => [f.key, f.value ?? ""]));
    const changed = (["name", "phone", "email", "address", "organisation"] as const).some(
      (k) => k in now && parsed.data[k] !== now[k],
    );
    if (!changed)
      return out("invalid", {
        view: await buildView(subject, lang),
        errors: { _form: "privacy.errors.nothingChanged" },
      });
    const created = await requestCorrection(input, parsed.data);
    return out("shown", {
      view: await buildView(subject, lang),
      message: { key: "privacy.request.correctionReceived", params: { due: formatDateTime(created.dueAt, lang) } },
    });
  }
  if (form === "withdraw_otp") {
    // The change that erases: only with the code sent to the contact on file.
    if (!(await checkOtp(subject, "withdraw", fields.otp ?? ""))) {
      return out("invalid", {
        view: await buildView(subject, lang),
        errors: { otp: "codes.otp.wrong" },
        otp: { intent: "withdraw_otp", submissionId: input.submissionId },
      });
    }
    await withdrawNow(input, { baseUrl: post.baseUrl });
    // The contact it was found by is gone now: the page shows what is left by the subject itself.
    return out("shown", { view: await buildView(subject, lang), message: { key: "privacy.request.withdrawn" } });
  }
  const confirmed = parseForm(confirmSchema, fields, "privacy.errors.confirmRequired");
  if (!confirmed.ok)
    return out("invalid", {
      view: await buildView(subject, lang),
      errors: { [`${form}-confirm`]: confirmed.errors.confirm ?? "privacy.errors.confirmRequired" },
    });
  if (form === "delete") {
    const created = await requestDeletion(input);
    return out("shown", {
      view: await buildView(subject, lang),
      message: { key: "privacy.request.deletionReceived", params: { due: formatDateTime(created.dueAt, lang) } },
    });
  }
  // Knowing the full code is not enough to erase: the contact on file confirms (a code by email),
  // or, when it cannot, staff do after calling the phone on file.
  if (await sendOtp(subject, "withdraw")) {
    return out("shown", {
      view: await buildView(subject, lang),
      message: { key: "codes.otp.withdrawSent" },
      otp: { intent: "withdraw_otp", submissionId: input.submissionId },
    });
  }
  const created = await requestWithdrawal(input);
  return out("shown", {
    view: await buildView(subject, lang),
    message: { key: "codes.otp.withdrawQueued", params: { due: formatDateTime(created.dueAt, lang) } },
  });
}
