// Report periods of a year: the windows and due dates, editable by the Office.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { SelectField, TableWrap } from "~/kernel/forms/fields";
import { formatDate, isDayRange, vnDay } from "~/kernel/time/clock";
import { recordAudit } from "~/kernel/audit.server";
import { listPeriods, updatePeriod } from "~/features/reports/report-period.server";
import { snapshotOf } from "~/features/reports/report-snapshot.server";
import { quarterOf } from "~/features/reports/dashboard.schema";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import css from "~/styles/dashboard.css";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: DEPARTMENT_ROLES, action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

const yearParam = z.coerce.number().int().min(2000).max(2100);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const current = quarterOf(vnDay(new Date())).year;
  const parsed = yearParam.safeParse(new URL(request.url).searchParams.get("year"));
  const year = parsed.success ? parsed.data : current;
  return json({
    year,
    current,
    periods: await listPeriods(user.agencyId, year),
    canEdit: access.action!.includes(user.role),
  });
}

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodForm = z.object({
  id: z.coerce.number().int().positive(),
  start: dateField,
  end: dateField,
  due: z.union([dateField, z.literal("")]),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const parsed = periodForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (
    !parsed.success ||
    !isDayRange(parsed.data.start, parsed.data.end) ||
    (parsed.data.due && !isDayRange(parsed.data.due, parsed.data.due))
  ) {
    return json(
      { ok: false as const, id: parsed.success ? parsed.data.id : null, error: "reports.invalidRange" },
      { status: 400 },
    );
  }
  const { id, start, end, due } = parsed.data;
  // A sent report keeps the window it was sent with (docs/rules/report-periods.md).
  if (await snapshotOf(user.agencyId, id))
    return json({ ok: false as const, id, error: "reportStatus.lockedPeriod" }, { status: 409 });
  // Another agency's period id is not found (docs/rules/agencies.md): nothing changes.
  const before = await updatePeriod(user.agencyId, id, { start, end, due: due || null }, user.id);
  if (!before) throw new Response("Not found", { status: 404 });
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: user,
    action: "report_period.update",
    entity: "report_period",
    entityId: id,
    details: {
      before: { start: before.start_date, end: before.end_date, due: before.due_date },
      after: { start, end, due: due || null },
    },
  });
  return json({ ok: true as const, id, error: null });
}

export default function ReportPeriods() {
  const { year, current, periods, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const label = (kind: string) => t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${kind}`), year });
  return (
    <div className="page">
      <h1>{t("reports.title")}</h1>
      <p>{t("reports.intro")}</p>
      <Form method="get" className="filters no-print">
        <SelectField
          name="year"
          label={t("reports.year")}
          defaultValue={year}
          options={[current + 1, current, current - 1, current - 2].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
        <div>
          <button className="button" type="submit">
            {t("reports.show")}
          </button>
        </div>
      </Form>
      {result?.ok ? (
        <p className="notice notice--ok" role="status">
          {t("reports.saved")}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="error-summary" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      <TableWrap label={t("reports.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.col.period")}</th>
              <th scope="col">{t("dashboard.col.from")}</th>
              <th scope="col">{t("dashboard.col.to")}</th>
              <th scope="col">{t("dashboard.col.due")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("reports.open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">{label(p.kind)}</th>
                {canEdit ? (
                  <td colSpan={3}>
                    <Form method="post" className="period-form" aria-label={label(p.kind)}>
                      <input type="hidden" name="id" value={p.id} />
                      <label
                        className="visually-hidden"
                        htmlFor={`start-${p.id}`}
                      >{`${label(p.kind)}: ${t("dashboard.col.from")}`}</label>
                      <input type="date" id={`start-${p.id}`} name="start" defaultValue={p.start_date} required />
                      <label
                        className="visually-hidden"
                        htmlFor={`end-${p.id}`}
                      >{`${label(p.kind)}: ${t("dashboard.col.to")}`}</label>
                      <input type="date" id={`end-${p.id}`} name="end" defaultValue={p.end_date} required />
                      <label
                        className="visually-hidden"
                        htmlFor={`due-${p.id}`}
                      >{`${label(p.kind)}: ${t("dashboard.col.due")}`}</label>
                      <input type="date" id={`due-${p.id}`} name="due" defaultValue={p.due_date ?? ""} />
                      <button type="submit" className="button button--secondary">
                        {t("reports.save")}
                      </button>
                    </Form>
                  </td>
                ) : (
                  <>
                    <td>{formatDate(p.start_date)}</td>
                    <td>{formatDate(p.end_date)}</td>
                    <td>{p.due_date ? formatDate(p.due_date) : "—"}</td>
                  </>
                )}
                <td>
                  <Link to={`/staff/reports/${year}-${p.kind}`}>{t("reports.open")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
