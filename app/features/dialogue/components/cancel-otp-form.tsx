// The step that confirms a cancellation: the six digits emailed to the registered address.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/kernel/forms/fields";

export function CancelOtpForm({ error }: { error?: string }) {
  const { t } = useTranslation();
  return (
    <section className="notice" aria-labelledby="cancel-otp-heading">
      <h2 id="cancel-otp-heading">{t("dialogue.registration.cancelHeading")}</h2>
      <p role="status">{t("codes.otp.cancelSent")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="cancel_otp" />
        <TextField
          name="otp"
          label={t("codes.otp.label")}
          inputMode="numeric"
          autoComplete="one-time-code"
          errors={error ? { otp: error } : {}}
          values={{}}
        />
        <button type="submit" className="button">
          {t("codes.otp.submit")}
        </button>
      </Form>
    </section>
  );
}
