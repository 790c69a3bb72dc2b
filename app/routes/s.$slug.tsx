// The public survey page: one phone-first page that works with JavaScript off and sends none
// (a kiosk link adds one small static script for the idle reset).
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  MessagePage,
  NO_STORE,
  PHONE_CACHE,
  SurveyErrorBoundary,
  surveyHeaders,
} from "~/features/survey/components/route-parts";
import { SURVEY_FORM_ID, SurveyForm } from "~/features/survey/components/survey-form";
import { isLang, langCookie, LANG_SWITCH_FIELD } from "~/kernel/i18n/i18n";
import { answerMinutes } from "~/features/survey/duration";
import type { FormValues } from "~/features/survey/answers";
import { loadSurveyPage } from "~/features/survey/survey-page.server";
import { submitSurvey } from "~/features/survey/survey-submit.server";
import { submittedByLane, thanksAnswer } from "~/features/survey/survey-lane.server";
import surveyCss from "~/styles/survey.css";
import { deviceCookieHeader, readDeviceId } from "~/features/survey/device.server";
import { contextKey, pendingCookie, readPending } from "~/features/survey/pending-form.server";
import { getT } from "~/kernel/http/i18n.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { requireAgency } from "~/kernel/agency/agency.server";
import { assertSameOrigin, clientOf, readPostedFields } from "~/kernel/http/request.server";

// The header's language switch is a button of the survey form (app/kernel/ui/layout.tsx).
export const handle = { scripts: false, langForm: SURVEY_FORM_ID };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];
export const headers = surveyHeaders;
// The server answers a thanked post without Remix (docs/decisions/0010-direct-submission-lane.md).
export { surveyDirectPost as directPost } from "~/features/survey/survey-lane.server";
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "survey" in data ? `${data.survey.title} — Hài Lòng` : "Hài Lòng" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, lng } = getT(request);
  const url = new URL(request.url);
  const slug = params.slug ?? "";
  const linkParam = url.searchParams.get("c");
  // /<agency-code>/s/<slug>, or /s/<slug> for the default agency (docs/rules/agencies.md).
  const agency = await requireAgency(params.agency);
  const page = await loadSurveyPage({
    agency,
    slug,
    linkParam,
    lang: lng,
    pending: readPending(request.headers.get("Cookie")),
    ctxKey: contextKey(linkParam),
    fresh: url.searchParams.has("new"),
  });
  if (page.state === "bad_link")
    throw json(
      { title: t("survey.errors.badLinkTitle"), body: t("survey.errors.badLink") },
      { status: 400, headers: NO_STORE },
    );
  if (page.state === "not_found") throw new Response("Not found", { status: 404 });
  const headers = new Headers(page.state === "form" && page.kioskReset ? NO_STORE : PHONE_CACHE);
  const cookie = deviceCookieHeader(request.headers.get("Cookie"));
  if (cookie) headers.append("Set-Cookie", cookie);
  if (page.state === "form" && page.pending)
    headers.append("Set-Cookie", pendingCookie(agency.prefix, slug, page.pending));
  const { pending: _kept, ...shown } = page as typeof page & { pending?: unknown };
  return json(
    {
      ...shown,
      lang: lng,
      dossier: url.searchParams.get("d")?.slice(0, 40) ?? "",
      another: agencyPath(
        agency.prefix,
        `/s/${encodeURIComponent(slug)}?${new URLSearchParams({ new: "1", ...(linkParam ? { c: linkParam } : {}) })}`,
      ),
      home: agencyPath(agency.prefix, "/s"),
      feedback: agencyPath(agency.prefix, "/feedback"),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // A page on another site cannot make a visitor's browser post answers here.
  assertSameOrigin(request);
  const { t, lng } = getT(request);
  const agency = await requireAgency(params.agency);
  const fields = await readPostedFields(request);
  // The language switch: the same answers back in the language asked for (getLang reads ?lng=).
  const switching = isLang(fields.get(LANG_SWITCH_FIELD)?.[0] ?? null);
  // A post the server's direct lane already submitted is answered from its outcome, never again.
  const out =
    submittedByLane(context) ??
    (await submitSurvey({
      client: clientOf(request),
      agency,
      slug: params.slug ?? "",
      fields,
      lang: lng,
      deviceId: readDeviceId(request.headers.get("Cookie")),
      keepOnly: switching,
    }));
  if (switching && out.kind === "invalid") {
    const headers = new Headers(NO_STORE);
    headers.append("Set-Cookie", langCookie(lng));
    return json({ state: "invalid" as const, errors: out.errors, values: out.values, token: out.token }, { headers });
  }
  switch (out.kind) {
    case "thanks":
      return thanksAnswer(out.location);
    case "invalid":
      // The page keeps the typed answers: never stored on a kiosk; on a phone "back" may show it.
      return json(
        { state: "invalid" as const, errors: out.errors, values: out.values, token: out.token },
        { status: 400, headers: out.context?.ch === "kiosk" ? NO_STORE : PHONE_CACHE },
      );
    case "duplicate_dossier":
      // Every answer kept, the code marked: a mistyped code is fixed and sent again.
      return json(
        { state: "invalid" as const, errors: out.errors, values: out.values, token: out.token },
        { status: 409, headers: NO_STORE },
      );
    case "stale":
      return json(
        { state: "message" as const, title: t("survey.errors.staleTitle"), body: t("survey.errors.stale") },
        { status: 409, headers: NO_STORE },
      );
    case "closed":
      return json(
        { state: "message" as const, title: t("survey.form.closedTitle"), body: t("survey.form.closedBody") },
        { status: 410, headers: NO_STORE },
      );
    case "not_found":
      throw new Response("Not found", { status: 404 });
    case "bad_form":
      throw json(
        { title: t("errors.badRequestTitle"), body: t("survey.errors.badForm") },
        { status: 400, headers: NO_STORE },
      );
  }
}

export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.state === "message") {
    return (
      <MessagePage title={result.title} body={result.body}>
        <LangOnlyForm />
        <p>
          <a href={data.feedback}>{t("survey.thanks.feedback")}</a>
        </p>
      </MessagePage>
    );
  }
  if (data.state !== "form") {
    return (
      <MessagePage title={t("survey.form.closedTitle")} body={t("survey.form.closedBody")}>
        <LangOnlyForm />
        <p>
          <a href={data.home}>{t("survey.form.toList")}</a>
        </p>
      </MessagePage>
    );
  }
  const invalid = result?.state === "invalid" ? result : null;
  const values: FormValues = invalid?.values ?? { dossier: data.dossier };
  return (
    <div className="page page--narrow survey-page">
      <h1>{data.survey.title}</h1>
      {data.survey.intro ? <p>{data.survey.intro}</p> : null}
      <p className="muted">
        {t("survey.form.anonymous")}{" "}
        {t("survey.form.count", { count: data.survey.items.length, minutes: answerMinutes(data.survey.items) })}
      </p>
      {data.kioskReset ? <p className="notice">{t("survey.form.kioskNote")}</p> : null}
      {/* "Already sent" is about the earlier form: not beside the errors of this one. */}
      {data.alreadySent && !invalid ? (
        <div className="notice notice--ok" role="status">
          <p>{t("survey.form.alreadySent")}</p>
          <p>
            <a href={data.another}>{t("survey.form.another")}</a>
          </p>
        </div>
      ) : null}
      <SurveyForm
        kind={data.survey.kind}
        items={data.survey.items}
        lang={data.lang}
        token={invalid?.token ?? data.token}
        place={data.place}
        errors={invalid?.errors ?? {}}
        values={values}
        kioskReset={data.kioskReset}
      />
      {data.kioskReset ? <script src="/kiosk.js" defer /> : null}
    </div>
  );
}

/** With no survey form on the page, the header's switch submits this empty one: a plain GET of
 * the page in the other language. */
function LangOnlyForm() {
  return <form id={SURVEY_FORM_ID} method="get" hidden />;
}

export const ErrorBoundary = SurveyErrorBoundary;
