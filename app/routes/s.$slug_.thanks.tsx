// The thanks page after a survey (also after a replayed submission, which lands on the same
// address). It offers the feedback form, carrying the unit and procedure — never who answered.
// On a kiosk it returns to a fresh form by itself (public/kiosk.js).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NO_STORE, PHONE_CACHE, SurveyErrorBoundary, surveyHeaders } from "~/features/survey/components/route-parts";
import surveyCss from "~/styles/survey.css";
import { getT } from "~/kernel/http/i18n.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { requireAgency } from "~/kernel/agency/agency.server";
import { surveyExists } from "~/features/survey/survey.server";
import { surveyPath, verifyLink } from "~/features/survey/survey-tokens.server";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];
export const headers = surveyHeaders;

const KIOSK_RETURN_S = 8;

// No <meta http-equiv="refresh">: the kiosk's own script returns to a fresh form (a meta refresh
// fails WCAG 2.2.1 for every other reader); without JavaScript the big button does it.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

const id = (v: string | null) => (v && /^[1-9]\d{0,8}$/.test(v) ? v : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = getT(request);
  const url = new URL(request.url);
  // Only the agency's own survey has a thanks page under its prefix (docs/rules/agencies.md).
  const agency = await requireAgency(params.agency);
  const slug = params.slug ?? "";
  if (!(await surveyExists(agency.id, slug))) throw new Response("Not found", { status: 404 });
  const unit = id(url.searchParams.get("unit"));
  const procedure = id(url.searchParams.get("procedure"));
  const feedbackHref = unit
    ? agencyPath(agency.prefix, `/feedback?${new URLSearchParams({ unit, ...(procedure ? { procedure } : {}) })}`)
    : null;
  const context = await verifyLink(url.searchParams.get("c"));
  const kioskNext = context?.ch === "kiosk" ? await surveyPath(agency.prefix, slug, context) : null;
  const fresh = await surveyPath(agency.prefix, slug, context ?? undefined);
  const another = `${fresh}${fresh.includes("?") ? "&" : "?"}new=1`;
  return json(
    {
      title: t("survey.thanks.title"),
      feedbackHref,
      // The dialogue of the survey's own agency.
      dialogueHref: agencyPath(agency.prefix, "/dialogues"),
      kioskNext,
      another,
    },
    { headers: kioskNext ? NO_STORE : PHONE_CACHE },
  );
}

export default function Thanks() {
  const { feedbackHref, dialogueHref, kioskNext, another } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div
      className="page page--narrow thanks"
      data-kiosk-reset={kioskNext ?? undefined}
      data-kiosk-idle={kioskNext ? KIOSK_RETURN_S * 1000 : undefined}
    >
      <div className="notice notice--ok" role="status">
        <h1>{t("survey.thanks.title")}</h1>
        <p>{t("survey.thanks.body")}</p>
      </div>
      {feedbackHref ? (
        <div className="notice notice--warn">
          <p>
            <strong>{t("survey.thanks.sorry")}</strong> {t("survey.thanks.feedbackOffer")}
          </p>
          <p>
            <a className="button" href={feedbackHref}>
              {t("survey.thanks.feedback")}
            </a>
          </p>
        </div>
      ) : null}
      {kioskNext ? (
        <>
          <p>
            <a className="button" href={kioskNext}>
              {t("survey.thanks.kioskNext")}
            </a>
          </p>
          <p className="muted">{t("survey.thanks.kioskAuto")}</p>
          <script src="/kiosk.js" defer />
        </>
      ) : (
        <ul className="thanks__links">
          {feedbackHref ? null : (
            <li>
              <a href="/feedback">{t("survey.thanks.feedbackPlain")}</a>
            </li>
          )}
          <li>
            <a href={dialogueHref}>{t("survey.thanks.dialogue")}</a>
          </li>
          <li>
            <a href={another}>{t("survey.thanks.another")}</a>
          </li>
          <li>
            <a href="/">{t("survey.thanks.home")}</a>
          </li>
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = SurveyErrorBoundary;
