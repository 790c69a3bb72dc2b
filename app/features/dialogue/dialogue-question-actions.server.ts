// The forms of the staff question page, each parsed and handed to one moderation function.
// Moderation (approve, hide, merge, assign, add) is for office and admin; a unit user may only
// record answers, and only for its own unit's questions (checked again in the model).
import { normaliseCode } from "~/features/dialogue/dialogue-code";
import { addStaffQuestion, assignQuestion, saveAnswer } from "~/features/dialogue/dialogue-answers.server";
import {
  approveQuestion,
  hideQuestion,
  mergeQuestion,
  restoreQuestion,
} from "~/features/dialogue/dialogue-moderation.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { idSchema } from "~/features/dialogue/dialogue.schema";
import {
  answerSchema,
  approveSchema,
  assignSchema,
  hideSchema,
  mergeSchema,
  staffQuestionSchema,
} from "~/features/dialogue/dialogue-staff.schema";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import type { DialogueSession } from "../../../db/types";

export interface QuestionActionOutcome {
  ok: boolean;
  /** A unit user asked for moderation: the page answers 403. */
  forbidden?: true;
  form: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  noticeIds?: string[];
  anchor?: string;
}

const MODERATION = new Set(["approve", "hide", "restore", "merge", "assign", "add"]);

/** `fields`: the posted form's text fields, read by the route; `baseUrl`: the public origin for
 * links in notices. */
export async function runQuestionAction(
  ctx: { user: StaffUser; client: Client; baseUrl: string },
  s: DialogueSession,
  posted: { intent: string; fields: Record<string, string> },
): Promise<QuestionActionOutcome> {
  const { intent, fields } = posted;
  const { user } = ctx;
  const manage = user.role === "admin" || user.role === "office";
  if (MODERATION.has(intent) && !manage) return { ok: false, forbidden: true, form: intent };
  const c = { client: ctx.client, user };
  const qid = idSchema.safeParse(fields.id);
  const form = `${intent}-${qid.success ? qid.data : ""}`;
  const fail = (errors: Record<string, string>, values?: Record<string, string>) => ({
    ok: false,
    form,
    errors,
    values,
  });
  const done = (
    res: { ok: true } | { ok: false; error: string },
    values?: Record<string, string>,
    noticeIds?: string[],
  ): QuestionActionOutcome =>
    res.ok
      ? { ok: true, form, noticeIds, anchor: qid.success ? `q-${qid.data}` : undefined }
      : fail({ _form: res.error }, values);

  switch (intent) {
    case "approve": {
      const p = parseForm(approveSchema, fields);
      if (!p.ok) return fail(p.errors, formValues(fields));
      if (p.data.topic && !s.topics.includes(p.data.topic)) return fail({ topic: "dialogue.errors.topicInvalid" });
      return done(await approveQuestion(c, s.id, p.data.id, p.data.public_text, p.data.topic));
    }
    case "hide": {
      const p = parseForm(hideSchema, fields);
      if (!p.ok) return fail(p.errors, formValues(fields));
      return done(await hideQuestion(c, s.id, p.data.id, p.data.reason, p.data.note));
    }
    case "restore": {
      if (!qid.success) return fail({ _form: "dialogue.errors.invalid" });
      return done(await restoreQuestion(c, s.id, qid.data));
    }
    case "merge": {
      const p = parseForm(mergeSchema, fields);
      if (!p.ok) return fail(p.errors, formValues(fields));
      return done(await mergeQuestion(c, s.id, p.data.id, p.data.into));
    }
    case "assign": {
      const p = parseForm(assignSchema, fields);
      if (!p.ok) return fail(p.errors, formValues(fields));
      return done(await assignQuestion(c, s.id, p.data.id, p.data.unit_id, p.data.due_date));
    }
    case "answer": {
      const p = parseForm(answerSchema, fields);
      if (!p.ok) return fail(p.errors, formValues(fields));
      const d = p.data;
      const res = await saveAnswer(
        c,
        s.id,
        d.id,
        {
          status: d.status,
          answeredIn: d.answered_in ?? null,
          answerText: d.answer_text,
          answeredBy: d.answered_by,
          conclusion: d.conclusion,
        },
        { baseUrl: ctx.baseUrl },
      );
      return done(res, undefined, res.ok ? res.noticeIds : undefined);
    }
    case "add": {
      const p = parseForm(staffQuestionSchema, fields);
      const addForm = { ...(p.ok ? {} : { errors: p.errors, values: formValues(fields) }) };
      if (!p.ok) return { ok: false, form: "add", ...addForm };
      const code = p.data.code ? normaliseCode(p.data.code) : null;
      if (p.data.code && !code)
        return { ok: false, form: "add", errors: { code: "dialogue.errors.codeInvalid" }, values: { ...fields } };
      if (p.data.topic && !s.topics.includes(p.data.topic))
        return { ok: false, form: "add", errors: { topic: "dialogue.errors.topicInvalid" } };
      const res = await addStaffQuestion(c, s.id, {
        text: p.data.text,
        topic: p.data.topic,
        channel: p.data.channel,
        registrationCode: code,
      });
      return res.ok
        ? { ok: true, form: "add" }
        : { ok: false, form: "add", errors: { code: res.error }, values: { ...fields } };
    }
    default:
      return fail({ _form: "dialogue.errors.invalid" });
  }
}
