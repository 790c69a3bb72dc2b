// The forms of the staff question page, each parsed and handed to one moderation function.
// Moderation (approve, hide, merge, assign, add) is for office and admin; a unit user may only
// record answers, and only for its own unit's questions (checked again in the model).
import type { DialogueSession } from "../../db/types";
import { normaliseCode } from "~/lib/dialogue-code";
import { addStaffQuestion, approveQuestion, assignQuestion, hideQuestion, mergeQuestion, restoreQuestion, saveAnswer } from "~/models/dialogue-moderation.server";
import { formValues, parseForm } from "~/lib/forms";
import { idSchema } from "~/schemas/dialogue";
import { answerSchema, approveSchema, assignSchema, hideSchema, mergeSchema, staffQuestionSchema } from "~/schemas/dialogue-staff";
import type { StaffUser } from "./auth.server";
import { publicOrigin } from "./public-url.server";

export interface QuestionActionOutcome {
  ok: boolean;
  form: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  noticeIds?: string[];
  anchor?: string;
}

const MODERATION = new Set(["approve", "hide", "restore", "merge", "assign", "add"]);

export async function runQuestionAction(request: Request, user: StaffUser, s: DialogueSession, fd: FormData): Promise<QuestionActionOutcome> {
  const intent = String(fd.get("intent") ?? "");
  const manage = user.role === "admin" || user.role === "office";
  if (MODERATION.has(intent) && !manage) throw new Response("Forbidden", { status: 403 });
  const c = { request, user };
  const qid = idSchema.safeParse(fd.get("id"));
  const form = `${intent}-${qid.success ? qid.data : ""}`;
  const fail = (errors: Record<string, string>, values?: Record<string, string>) => ({ ok: false, form, errors, values });
  const done = (res: { ok: true } | { ok: false; error: string }, values?: Record<string, string>, noticeIds?: string[]): QuestionActionOutcome =>
    res.ok ? { ok: true, form, noticeIds, anchor: qid.success ? `q-${qid.data}` : undefined } : fail({ _form: res.error }, values);

  switch (intent) {
    case "approve": {
      const p = parseForm(approveSchema, fd);
      if (!p.ok) return fail(p.errors, formValues(fd));
      if (p.data.topic && !s.topics.includes(p.data.topic)) return fail({ topic: "dialogue.errors.topicInvalid" });
      return done(await approveQuestion(c, s.id, p.data.id, p.data.public_text, p.data.topic));
    }
    case "hide": {
      const p = parseForm(hideSchema, fd);
      if (!p.ok) return fail(p.errors, formValues(fd));
      return done(await hideQuestion(c, s.id, p.data.id, p.data.reason, p.data.note));
    }
    case "restore": {
      if (!qid.success) return fail({ _form: "dialogue.errors.invalid" });
      return done(await restoreQuestion(c, s.id, qid.data));
    }
    case "merge": {
      const p = parseForm(mergeSchema, fd);
      if (!p.ok) return fail(p.errors, formValues(fd));
      return done(await mergeQuestion(c, s.id, p.data.id, p.data.into));
    }
    case "assign": {
      const p = parseForm(assignSchema, fd);
      if (!p.ok) return fail(p.errors, formValues(fd));
      return done(await assignQuestion(c, s.id, p.data.id, p.data.unit_id, p.data.due_date));
    }
    case "answer": {
      const p = parseForm(answerSchema, fd);
      if (!p.ok) return fail(p.errors, formValues(fd));
      const d = p.data;
      const res = await saveAnswer(
        c,
        s.id,
        d.id,
        { status: d.status, answeredIn: d.answered_in ?? null, answerText: d.answer_text, answeredBy: d.answered_by, conclusion: d.conclusion },
        { baseUrl: publicOrigin(request) },
      );
      return done(res, undefined, res.ok ? res.noticeIds : undefined);
    }
    case "add": {
      const p = parseForm(staffQuestionSchema, fd);
      const addForm = { ...(p.ok ? {} : { errors: p.errors, values: formValues(fd) }) };
      if (!p.ok) return { ok: false, form: "add", ...addForm };
      const code = p.data.code ? normaliseCode(p.data.code) : null;
      if (p.data.code && !code) return { ok: false, form: "add", errors: { code: "dialogue.errors.codeInvalid" }, values: Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])) };
      if (p.data.topic && !s.topics.includes(p.data.topic)) return { ok: false, form: "add", errors: { topic: "dialogue.errors.topicInvalid" } };
      const res = await addStaffQuestion(c, s.id, { text: p.data.text, topic: p.data.topic, channel: p.data.channel, registrationCode: code });
      return res.ok ? { ok: true, form: "add" } : { ok: false, form: "add", errors: { code: res.error }, values: Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])) };
    }
    default:
      return fail({ _form: "dialogue.errors.invalid" });
  }
}
