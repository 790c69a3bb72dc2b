// The steps a staff member may take now, one small form each. The server decides again on post
// (the state machine and the unit scope); these are only the buttons that would succeed.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FeedbackAction } from "~/features/feedback/feedback-workflow";
import { maskPii } from "~/kernel/mask-pii";
import { ErrorSummary, Radios, SelectField, TextArea, TextField } from "~/kernel/forms/fields";
import { fieldId } from "./ids";
import type { Detail } from "./staff-detail";

interface Choices {
  units: { id: number; name: string }[];
  people: { id: number; name: string; unitId: number | null }[];
}
interface Result {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

const STAFF_STEPS: FeedbackAction[] = [
  "classify",
  "request_info",
  "refuse",
  "assign",
  "note",
  "draft",
  "return_draft",
  "approve",
  "publish",
  "mark_notified",
  "mark_repeat",
];

export function StaffActions({
  detail,
  choices,
  result,
}: {
  detail: Detail;
  choices: Choices | null;
  result: Result | null;
}) {
  const { t } = useTranslation();
  const f = detail.feedback;
  const steps = STAFF_STEPS.filter((a) => detail.actions.includes(a));
  const mine = (a: string) => (result?.intent === a ? result : null);
  const err = (a: string, k: string) => mine(a)?.errors[k];
  const val = (a: string, k: string, fallback = "") => {
    const v = mine(a)?.values[k];
    return typeof v === "string" ? v : fallback;
  };
  const id = (a: string, k: string) => `${a}-${k}`;
  const fields: Record<string, React.ReactNode> = {
    refuse: (
      <TextArea
        marker
        name="reason"
        id={fieldId(id("refuse", "reason"))}
        label={t("feedback.staff.fields.reason")}
        required
        rows={4}
        defaultValue={val("refuse", "reason")}
        error={err("refuse", "reason")}
      />
    ),
    request_info: (
      <TextArea
        marker
        name="note"
        id={fieldId(id("request_info", "note"))}
        label={t("feedback.staff.fields.request")}
        required
        rows={4}
        defaultValue={val("request_info", "note")}
        error={err("request_info", "note")}
      />
    ),
    classify: (
      <>
        <Radios
          marker
          name="feedbackClass"
          id={fieldId(id("classify", "feedbackClass"))}
          label={t("feedback.staff.fields.feedbackClass")}
          required
          defaultValue={val("classify", "feedbackClass")}
          error={err("classify", "feedbackClass")}
          options={(["competent", "conduct", "transferred"] as const).map((c) => ({
            value: c,
            label: t(`feedback.classes.${c}`),
          }))}
        />
        <TextField
          marker
          name="agency"
          id={fieldId(id("classify", "agency"))}
          label={t("feedback.staff.fields.agency")}
          defaultValue={val("classify", "agency")}
          error={err("classify", "agency")}
        />
        <TextField
          marker
          name="dispatch"
          id={fieldId(id("classify", "dispatch"))}
          label={t("feedback.staff.fields.dispatch")}
          defaultValue={val("classify", "dispatch")}
          error={err("classify", "dispatch")}
        />
        <TextArea
          marker
          name="note"
          id={fieldId(id("classify", "note"))}
          label={t("feedback.staff.fields.note")}
          rows={3}
          defaultValue={val("classify", "note")}
          error={err("classify", "note")}
        />
      </>
    ),
    assign: choices ? (
      <>
        <SelectField
          marker
          name="unitId"
          id={fieldId(id("assign", "unitId"))}
          label={t("feedback.staff.fields.unit")}
          required
          defaultValue={val("assign", "unitId", f.unit_id ? String(f.unit_id) : "")}
          error={err("assign", "unitId")}
          options={[
            { value: "", label: t("feedback.staff.fields.unitNone") },
            ...choices.units.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
        />
        <SelectField
          marker
          name="assigneeId"
          id={fieldId(id("assign", "assigneeId"))}
          label={t("feedback.staff.fields.assignee")}
          defaultValue={val("assign", "assigneeId", f.assignee_id ? String(f.assignee_id) : "")}
          error={err("assign", "assigneeId")}
          options={[
            { value: "", label: t("feedback.staff.fields.assigneeNone") },
            ...choices.people.map((p) => ({
              value: String(p.id),
              label: `${p.name}${p.unitId ? ` — ${choices.units.find((u) => u.id === p.unitId)?.name ?? ""}` : ""}`,
            })),
          ]}
        />
        <TextArea
          marker
          name="note"
          id={fieldId(id("assign", "note"))}
          label={t("feedback.staff.fields.note")}
          rows={3}
          defaultValue={val("assign", "note")}
          error={err("assign", "note")}
        />
      </>
    ) : null,
    note: (
      <TextArea
        marker
        name="note"
        id={fieldId(id("note", "note"))}
        label={t("feedback.staff.fields.note")}
        required
        rows={3}
        defaultValue={val("note", "note")}
        error={err("note", "note")}
      />
    ),
    draft: (
      <TextArea
        marker
        name="answer"
        id={fieldId(id("draft", "answer"))}
        label={t("feedback.staff.fields.answer")}
        required
        rows={10}
        defaultValue={val("draft", "answer", f.answer_draft ?? "")}
        error={err("draft", "answer")}
      />
    ),
    return_draft: (
      <TextArea
        marker
        name="note"
        id={fieldId(id("return_draft", "note"))}
        label={t("feedback.staff.fields.note")}
        required
        rows={3}
        defaultValue={val("return_draft", "note")}
        error={err("return_draft", "note")}
      />
    ),
    approve: (
      <>
        <TextField
          marker
          name="approver"
          id={fieldId(id("approve", "approver"))}
          label={t("feedback.staff.fields.approver")}
          hint={t("feedback.staff.fields.approverHint")}
          required
          defaultValue={val("approve", "approver")}
          error={err("approve", "approver")}
        />
        <TextArea
          marker
          name="note"
          id={fieldId(id("approve", "note"))}
          label={t("feedback.staff.fields.note")}
          rows={3}
          defaultValue={val("approve", "note")}
          error={err("approve", "note")}
        />
      </>
    ),
    publish: (
      <>
        <TextField
          marker
          name="publicTitle"
          id={fieldId(id("publish", "publicTitle"))}
          label={t("feedback.staff.fields.publicTitle")}
          defaultValue={val("publish", "publicTitle", f.title ? maskPii(f.title) : "")}
          error={err("publish", "publicTitle")}
        />
        <TextArea
          marker
          name="publicContent"
          id={fieldId(id("publish", "publicContent"))}
          label={t("feedback.staff.fields.publicContent")}
          hint={t("feedback.staff.fields.publicHint")}
          required
          rows={8}
          defaultValue={val("publish", "publicContent", maskPii(f.content))}
          error={err("publish", "publicContent")}
        />
      </>
    ),
    mark_repeat: (
      <>
        <TextField
          marker
          name="earlierCode"
          id={fieldId(id("mark_repeat", "earlierCode"))}
          label={t("feedback.staff.fields.earlierCode")}
          hint={t("feedback.staff.fields.earlierCodeHint")}
          defaultValue={val("mark_repeat", "earlierCode", detail.repeatOf?.code ?? "")}
          error={err("mark_repeat", "earlierCode")}
        />
        <TextArea
          marker
          name="note"
          id={fieldId(id("mark_repeat", "note"))}
          label={t("feedback.staff.fields.note")}
          rows={2}
          defaultValue={val("mark_repeat", "note")}
          error={err("mark_repeat", "note")}
        />
      </>
    ),
    mark_notified: (
      <TextArea
        marker
        name="note"
        id={fieldId(id("mark_notified", "note"))}
        label={t("feedback.staff.fields.note")}
        rows={2}
        defaultValue={val("mark_notified", "note")}
        error={err("mark_notified", "note")}
      />
    ),
  };
  return (
    <section aria-labelledby="fb-actions-heading">
      <h2 id="fb-actions-heading">{t("feedback.staff.actionsHeading")}</h2>
      {result?.errors._form ? <ErrorSummary errors={{ _form: result.errors._form }} /> : null}
      {steps.length === 0 ? <p>{t("feedback.staff.noActions")}</p> : null}
      <div className="fb-actions">
        {steps.map((a) => (
          <details key={a} open={result?.intent === a || steps.length === 1}>
            <summary>{t(`feedback.staff.actions.${a}`)}</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value={a} />
              {fields[a]}
              <button type="submit" className={a === "refuse" ? "button button--warning" : "button"}>
                {t(`feedback.staff.actions.${a}`)}
              </button>
            </Form>
          </details>
        ))}
      </div>
    </section>
  );
}
