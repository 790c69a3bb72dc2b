// The file field of the feedback form and of the status page's "send more information": one
// component, so both mark an error for screen readers the same way (aria-invalid, and the error
// read with the hint). The status page's copy once lacked both.
import { useTranslation } from "react-i18next";
import { ATTACHMENT_ACCEPT } from "~/features/feedback/feedback.schema";
import { fieldId } from "./ids";

interface Props {
  /** An i18n key, when the files were refused. */
  error?: string;
  errorParams?: Record<string, string>;
  /** A note after the hint (the form's "choose the files again" after a refused post). */
  hintExtra?: string;
}

export function AttachmentsField({ error, errorParams, hintExtra }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId("attachments")}>
        {t("feedback.form.attachments")}
        <span className="field__marker"> {t("forms.optional")}</span>
      </label>
      <span className="field__hint" id="fb-attachments-hint">
        {t("feedback.form.attachmentsHint")}
        {hintExtra ? ` ${hintExtra}` : ""}
      </span>
      {error ? (
        <span className="field__error" id="fb-attachments-error">
          {t(error, errorParams)}
        </span>
      ) : null}
      <input
        id={fieldId("attachments")}
        name="attachments"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "fb-attachments-hint fb-attachments-error" : "fb-attachments-hint"}
      />
    </div>
  );
}
