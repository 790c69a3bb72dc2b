// A temporary password shown to the admin once, to pass on in person or by phone.
import { useTranslation } from "react-i18next";

export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--ok" role="status">
      <p>{t("staff.users.oneTime", { email })}</p>
      <p>
        <span className="visually-hidden">{t("staff.users.tempPassword")}: </span>
        <code className="secret" data-testid="temp-password">
          {password}
        </code>
      </p>
      <p>{t("staff.users.oneTimeHint")}</p>
    </div>
  );
}
