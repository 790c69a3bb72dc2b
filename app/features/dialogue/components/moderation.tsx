// One question in the staff queue with the forms that act on it. Field ids carry the question's
// id, since the page holds many forms with the same field names.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HIDE_REASONS } from "~/features/dialogue/dialogue-state";
import { formatDateTime, vnDay } from "~/kernel/time/clock";
import { maskPii } from "~/kernel/mask-pii";
import {
  ErrorSummary,
  Radios,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from "~/kernel/forms/fields";
import { AnswerState } from "./public-questions";

export interface StaffQuestion {
  id: number;
  text: string;
  public_text: string | null;
  topic: string | null;
  channel: string;
  status: "pending" | "approved" | "hidden" | "merged";
  hidden_reason: string | null;
  hidden_note: string | null;
  merged_into_id: number | null;
  created_at: string;
  asker_name: string | null;
  asker_kind: "citizen" | "business" | null;
  procedure_code: string | null;
  unit_id: number | null;
  due_date: string | null;
  answer_status: "pending" | "answered";
  answered_in: "dialogue" | "after" | null;
  answer_text: string | null;
  answered_by: string | null;
  conclusion: string | null;
  unit: string | null;
  votes: number;
}

interface CardProps {
  q: StaffQuestion;
  manage: boolean;
  canAnswer: boolean;
  topics: string[];
  units: { id: number; name: string }[];
  mergeTargets: { id: number; text: string }[];
  defaultDue: string;
  /** Errors and values of the form last posted, when it was one of this question's. */
  form: string | null;
  errors: Errors;
  values: Values;
}

function Hidden({ intent, id }: { intent: string; id: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
    </>
  );
}

export function QuestionCard({
  q,
  manage,
  canAnswer,
  topics,
  units,
  mergeTargets,
  defaultDue,
  form,
  errors,
  values,
}: CardProps) {
  const { t } = useTranslation();
  const mine = (name: string) =>
    form === `${name}-${q.id}` ? { errors, values } : { errors: undefined, values: undefined };
  const fid = (name: string) => `${name}-${q.id}`;
  const topicOptions = [
    { value: "", label: t("dialogue.signup.topicNone") },
    ...topics.map((x) => ({ value: x, label: x })),
  ];
  return (
    <li className="question" id={`q-${q.id}`}>
      <p className="question__meta">
        <span>#{q.id}</span>
        <span className="tag">{t(`dialogue.questionStatus.${q.status}`)}</span>
        {q.topic ? <span>{t("dialogue.questions.topic", { topic: q.topic })}</span> : null}
        <span>{t("dialogue.questions.votes", { n: q.votes })}</span>
        <span>{t(`dialogue.channel.${q.channel}`)}</span>
        <span>{formatDateTime(q.created_at)}</span>
        {q.asker_name ? <span>{t("dialogue.staff.questions.askedBy", { name: q.asker_name })}</span> : null}
        {q.asker_kind ? <span>{t(`dialogue.kind.${q.asker_kind}`)}</span> : null}
      </p>
      <p className="question__text">{q.text}</p>
      {q.status === "approved" && q.public_text && q.public_text !== q.text ? (
        <p className="muted">{t("dialogue.staff.questions.publicAs", { text: q.public_text })}</p>
      ) : null}
      {q.status === "hidden" ? (
        <p className="muted">
          {t("dialogue.staff.questions.hiddenAs", {
            reason: t(`dialogue.hideReason.${q.hidden_reason}`),
            note: q.hidden_note ?? "",
          })}
        </p>
      ) : null}
      {q.status === "merged" ? (
        <p className="muted">{t("dialogue.staff.questions.mergedInto", { id: q.merged_into_id })}</p>
      ) : null}
      <AnswerState
        q={{
          answerStatus: q.answer_status,
          answeredIn: q.answered_in,
          dueDate: q.due_date,
          unit: q.unit,
          answer: q.answer_text,
        }}
      />

      {manage && (q.status === "pending" || q.status === "approved") ? (
        <details open={form === fid("approve")}>
          <summary>
            {q.status === "pending" ? t("dialogue.staff.questions.approve") : t("dialogue.staff.questions.editPublic")}
          </summary>
          <Form method="post" noValidate>
            <Hidden intent="approve" id={q.id} />
            <ErrorSummary errors={mine("approve").errors} idFor={(f) => `${f}-${q.id}`} />
            <TextArea
              id={fid("public_text")}
              name="public_text"
              label={t("dialogue.staff.questions.publicText")}
              hint={t("dialogue.staff.questions.publicTextHint")}
              defaultValue={q.public_text ?? maskPii(q.text)}
              {...mine("approve")}
            />
            <SelectField
              id={fid("topic")}
              name="topic"
              label={t("dialogue.signup.topic")}
              options={topicOptions}
              defaultValue={q.topic ?? ""}
              {...mine("approve")}
            />
            <button type="submit" className="button">
              {t("dialogue.staff.questions.approveSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {manage && (q.status === "pending" || q.status === "approved") ? (
        <details open={form === fid("hide")}>
          <summary>{t("dialogue.staff.questions.hide")}</summary>
          <Form method="post" noValidate>
            <Hidden intent="hide" id={q.id} />
            <ErrorSummary errors={mine("hide").errors} idFor={(f) => `${f}-${q.id}`} />
            <SelectField
              id={fid("reason")}
              name="reason"
              label={t("dialogue.staff.questions.hideReason")}
              options={[
                { value: "", label: t("dialogue.staff.questions.choose") },
                ...HIDE_REASONS.map((r) => ({ value: r, label: t(`dialogue.hideReason.${r}`) })),
              ]}
              {...mine("hide")}
            />
            <TextField
              id={fid("note")}
              name="note"
              label={t("dialogue.staff.questions.hideNote")}
              hint={t("dialogue.staff.questions.hideNoteHint")}
              {...mine("hide")}
            />
            <button type="submit" className="button button--warning">
              {t("dialogue.staff.questions.hideSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {manage && q.status === "hidden" ? (
        <Form method="post">
          <Hidden intent="restore" id={q.id} />
          <button type="submit" className="button button--secondary">
            {t("dialogue.staff.questions.restore")}
          </button>
        </Form>
      ) : null}
      {manage && q.status !== "merged" && q.status !== "hidden" && mergeTargets.some((m) => m.id !== q.id) ? (
        <details open={form === fid("merge")}>
          <summary>{t("dialogue.staff.questions.merge")}</summary>
          <Form method="post" noValidate>
            <Hidden intent="merge" id={q.id} />
            <ErrorSummary errors={mine("merge").errors} idFor={(f) => `${f}-${q.id}`} />
            <SelectField
              id={fid("into")}
              name="into"
              label={t("dialogue.staff.questions.mergeInto")}
              options={mergeTargets
                .filter((m) => m.id !== q.id)
                .map((m) => ({ value: String(m.id), label: `#${m.id} ${m.text.slice(0, 80)}` }))}
              {...mine("merge")}
            />
            <button type="submit" className="button button--secondary">
              {t("dialogue.staff.questions.mergeSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {manage && q.status !== "merged" ? (
        <details open={form === fid("assign")}>
          <summary>{t("dialogue.staff.questions.assign")}</summary>
          <Form method="post" noValidate>
            <Hidden intent="assign" id={q.id} />
            <ErrorSummary errors={mine("assign").errors} idFor={(f) => `${f}-${q.id}`} />
            <SelectField
              id={fid("unit_id")}
              name="unit_id"
              label={t("dialogue.staff.questions.unit")}
              options={[
                { value: "", label: t("dialogue.staff.questions.choose") },
                ...units.map((u) => ({ value: String(u.id), label: u.name })),
              ]}
              defaultValue={q.unit_id ?? ""}
              {...mine("assign")}
            />
            <TextField
              id={fid("due_date")}
              name="due_date"
              type="date"
              label={t("dialogue.staff.questions.due")}
              defaultValue={q.due_date ?? defaultDue}
              {...mine("assign")}
            />
            <button type="submit" className="button button--secondary">
              {t("dialogue.staff.questions.assignSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {canAnswer && q.status !== "merged" && q.status !== "hidden" ? (
        <details open={form === fid("answer")}>
          <summary>{t("dialogue.staff.questions.answer")}</summary>
          <Form method="post" noValidate>
            <Hidden intent="answer" id={q.id} />
            <ErrorSummary errors={mine("answer").errors} idFor={(f) => `${f}-${q.id}`} />
            <Radios
              id={fid("status")}
              name="status"
              label={t("dialogue.staff.questions.answerStatus")}
              options={[
                { value: "pending", label: t("dialogue.answer.pending") },
                { value: "answered", label: t("dialogue.staff.questions.answered") },
              ]}
              defaultValue={q.answer_status}
              {...mine("answer")}
            />
            <Radios
              id={fid("answered_in")}
              name="answered_in"
              label={t("dialogue.staff.questions.answeredIn")}
              options={[
                { value: "dialogue", label: t("dialogue.answer.answered_dialogue") },
                { value: "after", label: t("dialogue.answer.answered_after") },
              ]}
              defaultValue={q.answered_in ?? ""}
              {...mine("answer")}
            />
            <TextArea
              id={fid("answer_text")}
              name="answer_text"
              label={t("dialogue.staff.questions.answerText")}
              defaultValue={q.answer_text}
              {...mine("answer")}
            />
            <TextField
              id={fid("answered_by")}
              name="answered_by"
              label={t("dialogue.staff.questions.answeredBy")}
              hint={t("dialogue.staff.questions.answeredByHint")}
              defaultValue={q.answered_by}
              {...mine("answer")}
            />
            <TextArea
              id={fid("conclusion")}
              name="conclusion"
              rows={2}
              label={t("dialogue.staff.questions.conclusion")}
              defaultValue={q.conclusion}
              {...mine("answer")}
            />
            <button type="submit" className="button">
              {t("dialogue.staff.questions.answerSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

/** A deadline two weeks after the session, as a starting point for the date box. */
export function defaultDueDate(startsAt: string): string {
  return vnDay(new Date(new Date(startsAt).getTime() + 15 * 86400_000));
}
