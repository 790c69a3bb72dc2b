// The thanks page after a survey (also after a replayed submission, which lands on the same
// address). It offers the feedback form, carrying the unit and procedure — never who answered.
// On a kiosk it returns to a fresh form by itself, with or without JavaScript.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NO_STORE, SurveyErrorBoundary, surveyHeaders } from "~/components/survey/route-parts";
import surveyCss from "~/styles/survey.css";
import { getT } from "~/utils/i18n.server";
import { surveyPath, verifyLink } from "~/utils/survey-tokens.server";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];
export const headers = surveyHeaders;

const KIOSK_RETURN_S = 8;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} — Hài Lòng` },
  ...(data?.kioskNext ? [{ httpEquiv: "refresh", content: `${KIOSK_RETURN_S};url=${data.kioskNext}` }] : []),
];

const id = (v: string | null) => (v && /^[1-9]\d{0,8}$/.test(v) ? v : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = getT(request);
  const url = new URL(request.url);
  const unit = id(url.searchParams.get("unit"));
  const procedure = id(url.searchParams.get("procedure"));
  const feedbackHref = unit ? `/feedback?${new URLSearchParams({ unit, ...(procedure ? { procedure } : {}) })}` : null;
  const context = await verifyLink(url.searchParams.get("c"));
  const kioskNext = context?.ch === "kiosk" ? await surveyPath(params.slug ?? "", context) : null;
  return json({ title: t("survey.thanks.title"), feedbackHref, kioskNext }, { headers: NO_STORE });
}

export default function Thanks() {
  const { feedbackHref, kioskNext } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow thanks" data-kiosk-reset={kioskNext ?? undefined} data-kiosk-idle={kioskNext ? KIOSK_RETURN_S * 1000 : undefined}>
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
            <a href="/dialogues">{t("survey.thanks.dialogue")}</a>
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
