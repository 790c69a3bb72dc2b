// The public sign-up form: plain HTML, posts to the session page's action, works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { noticeVersionDate } from "~/features/privacy/notice-version";
import {
  Checkbox,
  ErrorSummary,
  Radios,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from "~/kernel/forms/fields";

export function SignUpForm({
  topics,
  notice,
  errors,
  values,
  full,
}: {
  /** The value is the Vietnamese topic; the label is in the reader's language. */
  topics: { value: string; label: string }[];
  notice: { text: string; consentLabel: string; version: string };
  errors: Errors;
  values: Values;
  /** All seats taken: the person is told they will be put on the waitlist. */
  full: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate aria-labelledby="signup-title">
      <h2 id="signup-title">{t("dialogue.signup.heading")}</h2>
      {full ? <p className="notice notice--warn">{t("dialogue.signup.fullWarning")}</p> : null}
      <ErrorSummary errors={errors} />
      <TextField
        name="name"
        label={t("dialogue.signup.name")}
        autoComplete="name"
        errors={errors}
        values={values}
        required
      />
      <TextField
        name="phone"
        type="tel"
        label={t("dialogue.signup.phone")}
        hint={t("dialogue.signup.contactHint")}
        autoComplete="tel"
        inputMode="tel"
        errors={errors}
        values={values}
      />
      <TextField
        name="email"
        type="email"
        label={t("dialogue.signup.email")}
        autoComplete="email"
        inputMode="email"
        errors={errors}
        values={values}
      />
      <Radios
        name="kind"
        label={t("dialogue.signup.kind")}
        options={[
          { value: "citizen", label: t("dialogue.kind.citizen") },
          { value: "business", label: t("dialogue.kind.business") },
        ]}
        errors={errors}
        values={values}
      />
      <TextField
        name="organisation"
        label={t("dialogue.signup.organisation")}
        hint={t("dialogue.signup.organisationHint")}
        autoComplete="organization"
        errors={errors}
        values={values}
      />
      <TextArea
        name="accessibility"
        rows={2}
        label={t("dialogue.signup.accessibility")}
        hint={t("dialogue.signup.accessibilityHint")}
        errors={errors}
        values={values}
      />
      <TextArea
        name="question"
        label={t("dialogue.signup.question")}
        hint={t("dialogue.signup.questionHint")}
        errors={errors}
        values={values}
      />
      {topics.length ? (
        <SelectField
          name="topic"
          label={t("dialogue.signup.topic")}
          options={[
            { value: "", label: t("dialogue.signup.topicNone") },
            ...topics.map((x) => ({ value: x.value, label: x.label })),
          ]}
          errors={errors}
          values={values}
        />
      ) : null}
      <h3>{t("dialogue.signup.privacyHeading")}</h3>
      <p className="privacy-notice" id="privacy-notice">
        {notice.text}
      </p>
      <p className="muted">{t("dialogue.signup.noticeVersion", { date: noticeVersionDate(notice.version) })}</p>
      <p>
        <a href="/privacy">{t("privacy.noticeLink")}</a>
      </p>
      <Checkbox
        name="adult"
        label={t("dialogue.signup.adult")}
        hint={t("dialogue.signup.adultHint")}
        errors={errors}
        values={values}
      />
      <Checkbox name="consent" label={notice.consentLabel} errors={errors} values={values} />
      <button type="submit" className="button">
        {t("dialogue.signup.submit")}
      </button>
    </Form>
  );
}
