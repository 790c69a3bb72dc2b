// The staff forms of the minutes page: the record itself, follow-up actions, the signed scan,
// and publication (refused, with the reasons, until the record is complete).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MinutesSource } from "~/features/dialogue/dialogue-minutes";
import { formatDate, formatDateTime, toVnInput } from "~/kernel/time/clock";
import { ErrorSummary, SelectField, TextArea, TextField, type Errors, type Values } from "~/kernel/forms/fields";

interface EditorData {
  sessionId: number;
  /** The public minutes page, under the agency's own prefix. */
  publicMinutesPath: string;
  source: MinutesSource;
  problems: Record<string, string>;
  versions: { version: number; publishedAt: string }[];
  scan: { mime: string; size: number; uploadedAt: string } | null;
  units: { id: number; name: string }[];
}

export function MinutesEditor({
  data,
  form,
  errors,
  values,
}: {
  data: EditorData;
  form: string | null;
  errors: Errors;
  values: Values;
}) {
  const { t, i18n } = useTranslation();
  const m = data.source.minutes;
  const mine = (name: string) => (form === name ? { errors, values } : { errors: undefined, values: undefined });
  const issues = data.source.issues;
  return (
    <div className="no-print">
      <section aria-labelledby="record-title">
        <h2 id="record-title">{t("dialogue.staff.minutes.record")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <ErrorSummary errors={mine("save").errors} />
          <TextField
            name="opened_at"
            type="datetime-local"
            label={t("dialogue.staff.minutes.openedAt")}
            hint={t("dialogue.staff.form.timeHint")}
            defaultValue={toVnInput(m.openedAt)}
            {...mine("save")}
          />
          <TextField
            name="closed_at"
            type="datetime-local"
            label={t("dialogue.staff.minutes.closedAt")}
            defaultValue={toVnInput(m.closedAt)}
            {...mine("save")}
          />
          <TextArea
            name="officials"
            rows={3}
            label={t("dialogue.minutes.officials")}
            hint={t("dialogue.staff.minutes.officialsHint")}
            defaultValue={m.officials}
            {...mine("save")}
          />
          <TextArea
            name="summary"
            rows={5}
            label={t("dialogue.minutes.summary")}
            hint={t("dialogue.staff.minutes.summaryHint")}
            defaultValue={m.summary}
            {...mine("save")}
          />
          <TextArea
            name="chair_conclusion"
            rows={6}
            label={t("dialogue.minutes.chairConclusion")}
            defaultValue={m.chairConclusion}
            {...mine("save")}
          />
          <button type="submit" className="button">
            {t("dialogue.staff.minutes.saveSubmit")}
          </button>
        </Form>
        <p className="muted">
          {t("dialogue.staff.minutes.issuesFrom")}{" "}
          <Link to={`/staff/dialogues/${data.sessionId}/questions?status=approved`}>
            {t("dialogue.staff.tabs.questions")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="followups-title">
        <h2 id="followups-title">{t("dialogue.minutes.followups")}</h2>
        {data.source.followups.length ? (
          <ul className="question-list">
            {data.source.followups.map((f) => {
              const own = form === `followup-${f.id}` ? { errors, values } : { errors: undefined, values: undefined };
              return (
                <li key={f.id} className="question">
                  <p className="question__text">{f.action}</p>
                  <p className="question__meta">
                    <span>{i18n.language === "en" ? f.unitEn : f.unitVi}</span>
                    <span>{t("dialogue.answer.due", { date: formatDate(f.dueDate) })}</span>
                    <span className="tag">{t(`dialogue.followupStatus.${f.status}`)}</span>
                  </p>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="followup_update" />
                    <input type="hidden" name="id" value={f.id} />
                    <ErrorSummary errors={own.errors} idFor={(name) => `${name}-${f.id}`} />
                    <SelectField
                      id={`status-${f.id}`}
                      name="status"
                      label={t("dialogue.minutes.status")}
                      defaultValue={f.status}
                      options={["open", "in_progress", "done"].map((s) => ({
                        value: s,
                        label: t(`dialogue.followupStatus.${s}`),
                      }))}
                      {...own}
                    />
                    <TextField
                      id={`result-${f.id}`}
                      name="result"
                      label={t("dialogue.staff.minutes.result")}
                      defaultValue={f.result}
                      {...own}
                    />
                    <button type="submit" className="button button--secondary">
                      {t("dialogue.staff.minutes.updateSubmit")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t("dialogue.minutes.noFollowups")}</p>
        )}
        <details open={form === "followup_add"}>
          <summary>{t("dialogue.staff.minutes.addFollowup")}</summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="followup_add" />
            <ErrorSummary errors={mine("followup_add").errors} />
            <TextArea name="action" rows={2} label={t("dialogue.minutes.action")} {...mine("followup_add")} />
            <SelectField
              name="unit_id"
              label={t("dialogue.minutes.owner")}
              options={[
                { value: "", label: t("dialogue.staff.questions.choose") },
                ...data.units.map((u) => ({ value: String(u.id), label: u.name })),
              ]}
              {...mine("followup_add")}
            />
            <TextField name="due_date" type="date" label={t("dialogue.minutes.deadline")} {...mine("followup_add")} />
            <SelectField
              name="question_id"
              label={t("dialogue.staff.minutes.linkedIssue")}
              options={[
                { value: "", label: t("dialogue.staff.minutes.noIssue") },
                ...issues.map((q, i) => ({ value: String(q.id), label: `${i + 1}. ${q.text.slice(0, 80)}` })),
              ]}
              {...mine("followup_add")}
            />
            <button type="submit" className="button">
              {t("dialogue.staff.minutes.addSubmit")}
            </button>
          </Form>
        </details>
      </section>

      <section aria-labelledby="scan-title">
        <h2 id="scan-title">{t("dialogue.staff.minutes.scanHeading")}</h2>
        {data.scan ? (
          <p>
            {t("dialogue.staff.minutes.scanStored", {
              at: formatDateTime(data.scan.uploadedAt),
              kb: Math.ceil(data.scan.size / 1024),
            })}{" "}
            <a href={`/staff/dialogues/${data.sessionId}/scan`}>{t("dialogue.staff.minutes.scanDownload")}</a>
          </p>
        ) : (
          <p>{t("dialogue.staff.minutes.scanNone")}</p>
        )}
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="intent" value="scan" />
          <ErrorSummary errors={mine("scan").errors} />
          <div className={mine("scan").errors?.scan ? "field field--error" : "field"}>
            <label htmlFor="scan">{t("dialogue.staff.minutes.scanLabel")}</label>
            <span id="scan-hint" className="field__hint">
              {t("dialogue.staff.minutes.scanHint")}
            </span>
            {mine("scan").errors?.scan ? (
              <span id="scan-error" className="field__error">
                {t(mine("scan").errors!.scan)}
              </span>
            ) : null}
            <input
              id="scan"
              name="scan"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={mine("scan").errors?.scan ? "scan-hint scan-error" : "scan-hint"}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("dialogue.staff.minutes.scanSubmit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t("dialogue.staff.minutes.publishHeading")}</h2>
        {data.versions.length ? (
          <p>
            {t("dialogue.staff.minutes.published", {
              version: data.versions[0].version,
              date: formatDateTime(data.versions[0].publishedAt),
            })}{" "}
            <a href={data.publicMinutesPath}>{t("dialogue.staff.minutes.publicLink")}</a>
          </p>
        ) : null}
        <ErrorSummary errors={mine("publish").errors} />
        {Object.keys(data.problems).length ? (
          <ul>
            {Object.values(data.problems).map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <p className="field__hint">{t("dialogue.staff.minutes.publishHint")}</p>
          <button type="submit" className="button">
            {data.versions.length
              ? t("dialogue.staff.minutes.republishSubmit")
              : t("dialogue.staff.minutes.publishSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
