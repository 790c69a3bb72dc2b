// The audit log for the admin: newest first, filtered by who, what and when (days in Viet Nam
// time), 50 to a page. Read-only: the database refuses changes to it anyway.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TableWrap, TextField } from "~/kernel/forms/fields";
import { formatDateTime, nextDay, vnDayStart } from "~/kernel/time/clock";
import { parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { listAudit } from "~/kernel/audit.server";
import { auditFilterSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { auditSentence } from "~/kernel/audit-sentence";
import vi from "~/locales/vi";
import en from "~/locales/en";

export const access: RouteAccess = { loader: ["admin"] };

const FIELDS = ["actor", "action", "entity", "from", "to"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const params = new URL(request.url).searchParams;
  const input = Object.fromEntries([...FIELDS, "page"].map((k) => [k, params.get(k) ?? undefined]));
  const parsed = parseForm(auditFilterSchema, input);
  // A bad date is reported and left out; the other filters still apply.
  const filter = parsed.ok ? parsed.data : { ...input, from: undefined, to: undefined, page: 1 };
  const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  const sentences = lng === "vi" ? vi.auditLog : en.auditLog;
  const { rows, hasMore, page } = await listAudit({
    agencyId: user.agencyId,
    actor: filter.actor || undefined,
    action: filter.action || undefined,
    entity: filter.entity || undefined,
    from: filter.from ? vnDayStart(filter.from) : undefined,
    to: filter.to ? vnDayStart(nextDay(filter.to)) : undefined,
    page: Number(filter.page) || 1,
  });
  return json({
    title: t("staff.audit.title"),
    values: Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ""])) as Record<(typeof FIELDS)[number], string>,
    errors,
    page,
    hasMore,
    rows: rows.map((r) => ({
      id: r.id,
      at: formatDateTime(r.at, lng),
      actor: r.actor_email,
      sentence: auditSentence(
        {
          action: r.action,
          actorName: r.actor_name,
          actorEmail: r.actor_email,
          entity: r.entity,
          entityId: r.entity_id,
          details: r.details,
        },
        sentences,
      ),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      ip: r.ip,
      details: r.details == null ? "" : JSON.stringify(r.details),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

function pageLink(values: Record<string, string>, page: number) {
  const q = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  q.set("page", String(page));
  return `/staff/audit?${q}`;
}

export default function AuditLog() {
  const { values, errors, rows, page, hasMore } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <ErrorSummary errors={errors} order={[...FIELDS]} />
      <h1>{t("staff.audit.heading")}</h1>
      <Form method="get" className="no-print">
        <div className="filters">
          <TextField
            name="actor"
            label={t("staff.audit.actor")}
            hint={t("staff.audit.actorHint")}
            defaultValue={values.actor}
          />
          <TextField
            name="action"
            label={t("staff.audit.action")}
            hint={t("staff.audit.actionHint")}
            defaultValue={values.action}
          />
          <TextField
            name="entity"
            label={t("staff.audit.entity")}
            hint={t("staff.audit.entityHint")}
            defaultValue={values.entity}
          />
          <TextField
            name="from"
            type="date"
            label={t("staff.audit.from")}
            defaultValue={values.from}
            error={errors.from}
          />
          <TextField name="to" type="date" label={t("staff.audit.to")} defaultValue={values.to} error={errors.to} />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("staff.audit.filter")}
          </button>
          <Link to="/staff/audit">{t("staff.audit.clear")}</Link>
        </div>
      </Form>
      {rows.length ? (
        <TableWrap label={t("staff.audit.caption")}>
          <table>
            <caption className="visually-hidden">{t("staff.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.audit.at")}</th>
                <th scope="col">{t("staff.audit.action")}</th>
                <th scope="col">{t("staff.audit.ip")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.at}</td>
                  <td>
                    <p className="audit-sentence">{r.sentence}</p>
                    {/* The raw record stays one click away: the sentence is a reading aid, not the record. */}
                    <details className="audit-raw">
                      <summary>{t("staff.audit.details")}</summary>
                      <dl>
                        <dt>{t("staff.audit.actor")}</dt>
                        <dd>{r.actor ?? t("staff.audit.anonymous")}</dd>
                        <dt>{t("staff.audit.action")}</dt>
                        <dd>
                          <code>{r.action}</code>
                        </dd>
                        <dt>{t("staff.audit.entity")}</dt>
                        <dd>{r.entity ? `${r.entity}${r.entityId ? ` #${r.entityId}` : ""}` : "—"}</dd>
                      </dl>
                      {r.details ? <pre className="details">{r.details}</pre> : null}
                    </details>
                  </td>
                  <td>{r.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="notice">{t("staff.audit.empty")}</p>
      )}
      <nav className="pager" aria-label={t("staff.audit.pages")}>
        {page > 1 ? <Link to={pageLink(values, page - 1)}>{t("staff.audit.newer")}</Link> : <span />}
        <span className="muted">{t("staff.audit.page", { page })}</span>
        {hasMore ? <Link to={pageLink(values, page + 1)}>{t("staff.audit.older")}</Link> : <span />}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
