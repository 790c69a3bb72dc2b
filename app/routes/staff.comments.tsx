// Free-text answers, searchable, with personal details masked.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { formatDate, vnDay } from "~/kernel/time/clock";
import { listComments } from "~/features/survey/comments.server";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: DEPARTMENT_ROLES };

const query = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { lng } = getT(request);
  const params = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listComments(user, { q: params.q || undefined, page: params.page }, lng);
  return json({ ...result, q: params.q ?? "" });
}

export default function Comments() {
  const { rows, page, hasMore, q } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="page">
      <h1>{t("comments.title")}</h1>
      <p>{t("comments.intro")}</p>
      <Form method="get" role="search" className="filters no-print">
        <div className="field">
          <label htmlFor="q">{t("comments.search")}</label>
          <input type="search" id="q" name="q" defaultValue={q} maxLength={200} />
        </div>
        <div>
          <button type="submit" className="button">
            {t("comments.searchButton")}
          </button>
        </div>
      </Form>
      {rows.length === 0 ? <p>{t("comments.none")}</p> : null}
      <ol className="comments" start={(page - 1) * 50 + 1}>
        {rows.map((r, i) => (
          <li key={`${r.at}-${i}`} className="comment">
            <blockquote>{r.text}</blockquote>
            <p className="muted">
              {formatDate(vnDay(new Date(r.at)))} · {r.unit}
              {r.procedure ? ` · ${r.procedure}` : ""} · {t(`dashboard.channels.${r.channel}`)}
              {r.flagged ? ` · ${t("dashboard.flagged")}` : ""} · <span title={r.question}>{r.code}</span>
            </p>
          </li>
        ))}
      </ol>
      <nav aria-label={t("comments.pages")} className="no-print">
        {page > 1 ? <Link to={link(page - 1)}>{t("comments.prev")}</Link> : null}{" "}
        {hasMore ? <Link to={link(page + 1)}>{t("comments.next")}</Link> : null}
      </nav>
    </div>
  );
}
