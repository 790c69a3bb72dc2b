// Staff list of feedback, the most urgent first, with "due soon" and "late" marks. A unit sees
// only what is assigned to it (the model scopes the query). The "to notify" view is the Office's
// call list and shows contact details: each view of it is logged.
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { releaseSchema } from "~/features/accounts/staff.schema";
import { HeldList } from "~/features/feedback/components/held-list";
import { FeedbackTable, NotifyTable } from "~/features/feedback/components/staff-lists";
import { releaseHeld } from "~/features/feedback/feedback-hold.server";
import { recordAudit } from "~/kernel/audit.server";
import { FEEDBACK_VIEWS, parseView } from "~/features/feedback/feedback-views";
import { listFeedback, notifyList } from "~/features/feedback/feedback-staff.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/feedback.css";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const params = new URL(request.url).searchParams;
  const view = parseView(params.get("view"));
  const title = t("feedback.staff.title");
  if (view === "notify") {
    if (user.role !== "admin" && user.role !== "office") throw new Response("Forbidden", { status: 403 });
    const rows = await notifyList(user.agencyId);
    if (rows.length)
      await recordAudit(clientOf(request), {
        agencyId: user.agencyId,
        actor: { id: user.id, email: user.email },
        action: "pii.view",
        entity: "feedback",
        details: { ids: rows.map((r) => r.id), list: "notify" },
      });
    return json({
      title,
      view,
      canNotify: true,
      list: null,
      notify: rows.map((r) => ({ ...r, published_at: r.published_at?.toISOString() ?? null })),
    });
  }
  const list = await listFeedback(user, { view, page: Number(params.get("page") ?? "1"), lang: lng });
  return json({ title, view, canNotify: user.role === "admin" || user.role === "office", list, notify: null });
}

/** Releases feedback held for review into the usual handling (the Office, an admin). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const parsed = releaseSchema.safeParse({ intent: fd.get("intent"), ids: fd.getAll("id") });
  if (!parsed.success) return json({ released: null, error: "staff.errors.invalid" }, { status: 400 });
  return json({ released: await releaseHeld(user.agencyId, parsed.data.ids, user, clientOf(request)), error: null });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function StaffFeedbackList() {
  const { view, list, notify, canNotify } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page">
      {done?.released != null ? (
        <p className="notice notice--ok" role="status">
          {t("limits.feedback.released", { count: done.released })}
        </p>
      ) : null}
      {done?.error ? (
        <p className="notice notice--warn" role="alert">
          {t(done.error)}
        </p>
      ) : null}
      <h1>{t("feedback.staff.heading")}</h1>
      <nav aria-label={t("feedback.staff.viewsLabel")}>
        <ul className="fb-tabs">
          {FEEDBACK_VIEWS.filter((v) => v !== "notify" || canNotify).map((v) => (
            <li key={v}>
              <Link to={`/staff/feedback?view=${v}`} aria-current={v === view ? "page" : undefined}>
                {t(`feedback.staff.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {notify ? (
        <NotifyTable rows={notify} />
      ) : list && view === "held" ? (
        <HeldList items={list.items} canRelease={canNotify} />
      ) : list ? (
        <>
          <FeedbackTable items={list.items} />
          {list.hasMore ? (
            <Link to={`/staff/feedback?view=${view}&page=${list.page + 1}`}>{t("feedback.staff.more")}</Link>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
