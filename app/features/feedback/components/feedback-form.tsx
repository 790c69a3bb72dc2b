// The public feedback form's markup. A plain multipart form: it needs no JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Radios, SelectField, TextArea, TextField } from "~/kernel/forms/fields";
import { agencyPath } from "~/kernel/agency/agency-path";
import { AttachmentsField } from "./attachments-field";
import { fieldId } from "./ids";

type Errors = Partial<Record<string, string>>;
type ErrorParams = Record<string, Record<string, string>>;

const ORDER = [
  "submissionId",
  "kind",
  "name",
  "address",
  "phone",
  "email",
  "organisation",
  "procedureId",
  "dossierCode",
  "title",
  "content",
  "attachments",
  "consent",
] as const;

export interface FeedbackFormProps {
  submissionId: string;
  /** The agency's path prefix (null for the default agency): its status and answers pages. */
  prefix: string | null;
  procedures: { value: string; label: string }[];
  notice: { text: string; consent: string };
  values: Record<string, string>;
  errors: Errors;
  errorParams: ErrorParams;
  filesDropped: boolean;
}

export function FeedbackForm({
  submissionId,
  prefix,
  procedures,
  notice,
  values,
  errors,
  errorParams,
  filesDropped,
}: FeedbackFormProps) {
  const { t } = useTranslation();
  const v = (k: string) => values[k] ?? "";
  // What every field of the form takes the same way: its prefixed id, what was typed, its error,
  // and "(required)" or "(optional)" after its label.
  const field = (name: string) => ({
    marker: true,
    id: fieldId(name),
    name,
    defaultValue: v(name),
    error: errors[name],
  });
  // An expired form id has no field of its own: show it at the top.
  const summaryErrors: Errors = {
    ...errors,
    ...(errors.submissionId ? { _form: errors.submissionId, submissionId: undefined } : {}),
  };
  return (
    <div className="page page--narrow">
      <h1>{t("feedback.form.heading")}</h1>
      <ErrorSummary idFor={fieldId} errors={summaryErrors} params={errorParams} order={ORDER} />
      <p>{t("feedback.form.intro")}</p>
      <aside className="notice notice--warn" aria-labelledby="fb-out-of-scope">
        <h2 id="fb-out-of-scope">{t("feedback.form.outOfScopeHeading")}</h2>
        <p>{t("feedback.form.outOfScopeBody")}</p>
      </aside>
      <p>
        <a href={agencyPath(prefix, "/feedback/status")}>{t("feedback.form.statusLink")}</a> ·{" "}
        <a href={agencyPath(prefix, "/feedback/answers")}>{t("feedback.form.answersLink")}</a>
      </p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="submissionId" value={submissionId} />
        <Radios
          {...field("kind")}
          label={t("feedback.form.kindLegend")}
          required
          options={(["phan_anh", "kien_nghi"] as const).map((k) => ({
            value: k,
            label: t(`feedback.kinds.${k}`),
            hint: t(`feedback.kindHints.${k}`),
          }))}
        />

        <h2>{t("feedback.form.senderHeading")}</h2>
        <p className="muted">{t("feedback.form.requiredNote")}</p>
        <TextField {...field("name")} label={t("feedback.form.name")} required autoComplete="name" />
        <TextField
          {...field("address")}
          label={t("feedback.form.address")}
          hint={t("feedback.form.addressHint")}
          required
          autoComplete="street-address"
        />
        <TextField
          {...field("phone")}
          type="tel"
          inputMode="tel"
          label={t("feedback.form.phone")}
          hint={t("feedback.form.phoneHint")}
          required
          autoComplete="tel"
        />
        <TextField
          {...field("email")}
          type="email"
          inputMode="email"
          label={t("feedback.form.email")}
          hint={t("feedback.form.emailHint")}
          autoComplete="email"
          spellCheck={false}
        />
        <TextField {...field("organisation")} label={t("feedback.form.organisation")} autoComplete="organization" />

        <h2>{t("feedback.form.contentHeading")}</h2>
        <SelectField
          {...field("procedureId")}
          label={t("feedback.form.procedure")}
          options={[{ value: "", label: t("feedback.form.procedureNone") }, ...procedures]}
        />
        <TextField
          {...field("dossierCode")}
          label={t("feedback.form.dossierCode")}
          hint={t("feedback.form.dossierHint")}
        />
        <TextField {...field("title")} label={t("feedback.form.titleField")} />
        <TextArea
          {...field("content")}
          label={t("feedback.form.content")}
          hint={t("feedback.form.contentHint")}
          required
          rows={10}
        />

        <AttachmentsField
          error={errors.attachments}
          errorParams={errorParams.attachments}
          hintExtra={filesDropped ? t("feedback.form.filesAgain") : undefined}
        />

        <div className="fb-hp" aria-hidden="true">
          <label htmlFor="fb-homepage">{t("feedback.form.honeypot")}</label>
          <input id="fb-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <h2 id="fb-notice-heading">{t("feedback.form.noticeHeading")}</h2>
        <div className="notice" id="fb-notice">
          <p>{notice.text}</p>
          <p>
            <a href={agencyPath(prefix, "/privacy")}>{t("privacy.noticeLink")}</a>
          </p>
        </div>
        <div className={`field${errors.consent ? " field--error" : ""}`}>
          <fieldset className="fb-fieldset" aria-describedby={errors.consent ? "fb-consent-error" : undefined}>
            <legend className="visually-hidden">{t("feedback.form.consentLegend")}</legend>
            {errors.consent ? (
              <span className="field__error" id="fb-consent-error">
                {t(errors.consent)}
              </span>
            ) : null}
            <div className="fb-choice">
              <input
                type="checkbox"
                id={fieldId("consent")}
                name="consent"
                value="yes"
                defaultChecked={v("consent") === "yes"}
                aria-describedby="fb-notice"
              />
              <label htmlFor={fieldId("consent")}>{notice.consent}</label>
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button">
          {t("feedback.form.submit")}
        </button>
      </Form>
    </div>
  );
}
