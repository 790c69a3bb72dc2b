// After a submission: the tracking code, shown once and plainly. The code alone reveals nothing
// (a look-up also needs the phone), so it may sit in the address.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { normaliseCode } from "~/lib/feedback-code";
import { getT } from "~/utils/i18n.server";
import css from "~/styles/feedback.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getT(request);
  const code = normaliseCode(new URL(request.url).searchParams.get("code"));
  if (!code) throw new Response("Not found", { status: 404 });
  return json({ title: t("feedback.sent.title"), code });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function FeedbackSent() {
  const { code } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <div className="notice notice--ok" role="status">
        <h1>{t("feedback.sent.heading")}</h1>
        <p>{t("feedback.sent.codeLabel")}:</p>
        <p className="fb-code" data-testid="feedback-code">
          {code}
        </p>
      </div>
      <p>{t("feedback.sent.keep")}</p>
      <p>{t("feedback.sent.next")}</p>
      <p>
        <a className="button" href={`/feedback/status?code=${encodeURIComponent(code)}`}>
          {t("feedback.sent.statusLink")}
        </a>
      </p>
      <p>
        <a href="/">{t("feedback.sent.home")}</a>
      </p>
    </div>
  );
}
