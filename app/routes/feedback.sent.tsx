// After a submission: the full code (short code + secret key), shown once and plainly. The
// address carries only the short code, which opens nothing; the full one comes in a short-lived
// cookie set by the form's post (docs/security/citizen-codes.md).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fullCode, parseFeedbackCode } from "~/features/citizen-codes/citizen-code";
import { readFlashCode } from "~/features/citizen-codes/code-flash.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/feedback.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t } = getT(request);
  const code = parseFeedbackCode(new URL(request.url).searchParams.get("code"))?.code;
  if (!code) throw new Response("Not found", { status: 404 });
  const flashed = parseFeedbackCode(
    await readFlashCode(agencyPath(agency.prefix, "/feedback/sent"), request.headers.get("Cookie")),
  );
  const full = flashed?.key && flashed.code === code ? fullCode(code, flashed.key) : null;
  // The page holds a secret: no cache may keep it.
  return json(
    { title: t("feedback.sent.title"), code, full, prefix: agency.prefix },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function FeedbackSent() {
  const { code, full, prefix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <div className="notice notice--ok" role="status">
        <h1>{t("feedback.sent.heading")}</h1>
        {full ? (
          <>
            <p>{t("codes.sent.fullLabel")}:</p>
            <p className="fb-code" data-testid="feedback-code">
              {full}
            </p>
          </>
        ) : null}
        <p>
          {t("codes.sent.shortLabel")}: <strong data-testid="feedback-short-code">{code}</strong>
        </p>
      </div>
      <p>{full ? t("codes.sent.keepFull") : t("codes.sent.fullGone")}</p>
      <p>{t("feedback.sent.next")}</p>
      <p>
        <a className="button" href={`${agencyPath(prefix, "/feedback/status")}?code=${encodeURIComponent(code)}`}>
          {t("feedback.sent.statusLink")}
        </a>
      </p>
      <p>
        <a href={agencyPath(prefix, "/")}>{t("feedback.sent.home")}</a>
      </p>
    </div>
  );
}
