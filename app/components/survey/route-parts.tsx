// Small pieces shared by the public survey routes: the headers every survey page sends, and an
// error boundary that shows a thrown { title, body } in the reader's language.
import type { HeadersFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Never cached: each load must carry a fresh submission id, and on a shared tablet the back
 * button must not bring back the previous person's page. */
export const NO_STORE = { "Cache-Control": "no-store" };

export const surveyHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const h = new Headers(NO_STORE);
  for (const src of [loaderHeaders, actionHeaders, errorHeaders]) {
    const cookie = src?.get("Set-Cookie");
    if (cookie) h.append("Set-Cookie", cookie);
  }
  return h;
};

export interface PageMessage {
  title: string;
  body: string;
}

export function MessagePage({ title, body, children }: PageMessage & { children?: React.ReactNode }) {
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </div>
  );
}

export function SurveyErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.data && typeof error.data === "object" && "title" in error.data) {
    const m = error.data as PageMessage;
    return (
      <MessagePage title={m.title} body={m.body}>
        <p>
          <a href="/s">{t("survey.form.toList")}</a>
        </p>
      </MessagePage>
    );
  }
  return <GeneralErrorBoundary />;
}
