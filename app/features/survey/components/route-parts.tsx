// Small pieces shared by the public survey routes: the headers every survey page sends, and an
// error boundary that shows a thrown { title, body } in the reader's language.
import type { HeadersFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";

/**
 * Caching of survey pages. A phone's page is `private, no-cache`: every new visit asks the server
 * (a fresh submission id each time), while the back button brings back the same page and id, so
 * going back and sending again records one response. A kiosk page and any page holding typed
 * answers are `no-store`: on a shared tablet the back button must never bring back the previous
 * person's page.
 */
export const PHONE_CACHE = { "Cache-Control": "private, no-cache" };
export const NO_STORE = { "Cache-Control": "no-store" };

export const surveyHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const cache =
    errorHeaders?.get("Cache-Control") ??
    actionHeaders?.get("Cache-Control") ??
    loaderHeaders.get("Cache-Control") ??
    NO_STORE["Cache-Control"];
  const h = new Headers({ "Cache-Control": cache });
  for (const src of [loaderHeaders, actionHeaders, errorHeaders])
    for (const cookie of src?.getSetCookie() ?? []) h.append("Set-Cookie", cookie);
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
