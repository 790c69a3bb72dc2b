// Published answers (NĐ 20/2008 Art. 13, 19), without personal data: no sender details at all,
// and free text masked again when shown.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate as fmtDate } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { publishedAnswers } from "~/features/feedback/feedback-public.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/feedback.css";

/** Dates may be missing (a limit not set yet): show nothing then. */
const formatDate = (v: string | null | undefined, lang: Lang) => (v ? fmtDate(v, lang) : "");

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const data = await publishedAnswers(lng, Number.isFinite(page) ? page : 1, agency.id);
  return json({ title: t("feedback.answers.title"), prefix: agency.prefix, ...data });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function FeedbackAnswers() {
  const { items, page, hasMore, prefix } = useLoaderData<typeof loader>();
  const here = agencyPath(prefix, "/feedback/answers");
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <div className="page">
      <h1>{t("feedback.answers.heading")}</h1>
      <p>{t("feedback.answers.intro")}</p>
      {items.length === 0 ? <p>{t("feedback.answers.none")}</p> : null}
      <ul className="fb-answer-list">
        {items.map((a) => (
          <li key={a.code}>
            <h2>
              {a.title ?? t(`feedback.kinds.${a.kind}`)} <span className="muted">({a.code})</span>
            </h2>
            <dl className="fb-facts">
              <dt>{t("feedback.common.kind")}</dt>
              <dd>{t(`feedback.kinds.${a.kind}`)}</dd>
              <dt>{t("feedback.common.received")}</dt>
              <dd>{formatDate(a.receivedAt, lang)}</dd>
              <dt>{t("feedback.common.publishedAt")}</dt>
              <dd>{formatDate(a.publishedAt, lang)}</dd>
              {a.unit ? (
                <>
                  <dt>{t("feedback.common.unit")}</dt>
                  <dd>{a.unit}</dd>
                </>
              ) : null}
              {a.procedure ? (
                <>
                  <dt>{t("feedback.common.procedure")}</dt>
                  <dd>{a.procedure}</dd>
                </>
              ) : null}
            </dl>
            <h3>{t("feedback.common.content")}</h3>
            <p className="fb-text">{a.content}</p>
            <h3>{t("feedback.common.answer")}</h3>
            <p className="fb-text">{a.answer}</p>
          </li>
        ))}
      </ul>
      <nav className="fb-pager" aria-label={t("feedback.answers.pageLabel")}>
        {page > 1 ? <a href={`${here}?page=${page - 1}`}>{t("feedback.answers.newer")}</a> : null}
        {hasMore ? <a href={`${here}?page=${page + 1}`}>{t("feedback.answers.older")}</a> : null}
      </nav>
    </div>
  );
}
