import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// One boundary for every expected failure (thrown Responses) and every unexpected one. It never
// shows a stack trace: in production Remix strips server error details before they get here.
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  if (isRouteErrorResponse(error)) status = error.status;
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status === 400
          ? [
              t("errors.badRequestTitle"),
              typeof (error as { data?: unknown }).data === "string"
                ? String((error as { data: string }).data)
                : t("errors.errorBody"),
            ]
          : [t("errors.errorTitle"), t("errors.errorBody")];
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <div className="page page--narrow error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {/* A known status only: an unexpected error may also be a 503 (the database out of reach,
          see entry.server.tsx), which this boundary cannot tell from a 500. */}
      {isRouteErrorResponse(error) ? <p className="muted">{t("errors.code", { status })}</p> : null}
      <p>
        <Link to="/" className="button button--secondary">
          {t("errors.backHome")}
        </Link>
      </p>
    </div>
  );
}
