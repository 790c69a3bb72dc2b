// The holiday calendar, grouped by year: days off (holidays, swapped days) and weekend days made
// working days. Deadlines in working days are counted from it; after a change the page lists the
// open feedback cases whose limits moved (docs/rules/holidays.md).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, SelectField, TableWrap, TextField } from "~/kernel/forms/fields";
import { formatDate, parseDateInput, weekday } from "~/kernel/time/clock";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import {
  calendarChangeNotice,
  confirmHoliday,
  deleteHoliday,
  getHoliday,
  holidaysByYear,
  saveHoliday,
} from "~/features/admin/holidays.server";
import { MovedDeadlines } from "~/features/admin/components/moved-deadlines";
import { holidaySchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const url = new URL(request.url);
  const editDate = parseDateInput(url.searchParams.get("edit"));
  const editing = editDate ? ((await getHoliday(editDate)) ?? null) : null;
  const change = url.searchParams.get("change");
  const moved = change ? await calendarChangeNotice(change) : null;
  return json({
    title: t("staff.holidays.title"),
    years: await holidaysByYear(),
    editing,
    lng,
    done: url.searchParams.get("done"),
    moved,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const notFound = () =>
    json({ errors: { _form: "staff.holidays.errors.notFound" } as FieldErrors, values: {} }, { status: 400 });
  if (fd.get("intent") === "confirm") {
    const date = parseDateInput(String(fd.get("date") ?? ""));
    if (!date || !(await confirmHoliday(date, user, clientOf(request)))) return notFound();
    return redirect("/staff/holidays?done=confirmed");
  }
  if (fd.get("intent") === "delete") {
    const date = parseDateInput(String(fd.get("date") ?? ""));
    const result = date ? await deleteHoliday(date, user, clientOf(request)) : null;
    if (!result?.ok) return notFound();
    return redirect(`/staff/holidays?done=deleted&change=${result.changeId}`);
  }
  const parsed = parseForm(holidaySchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const { original, ...day } = parsed.data;
  const result = await saveHoliday(day, original, user, clientOf(request));
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "dateTaken"
        ? { date: "staff.holidays.errors.dateTaken" }
        : { _form: "staff.holidays.errors.notFound" };
    return json({ errors, values: formValues(fd) }, { status: 400 });
  }
  return redirect(`/staff/holidays?done=saved&change=${result.changeId}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Holidays() {
  const { years, editing, lng, done, moved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const v: Record<string, string | undefined> = data?.values ?? {
    date: editing?.date,
    nameVi: editing?.name_vi,
    nameEn: editing?.name_en,
    kind: editing?.kind ?? "off",
    original: editing?.date ?? "",
  };
  return (
    <div className="page">
      <ErrorSummary errors={errors} order={["date", "nameVi", "nameEn", "kind"]} />
      <h1>{t("staff.holidays.heading")}</h1>
      {done && !data ? (
        <p className="notice notice--ok" role="status">
          {t(
            done === "deleted"
              ? "staff.holidays.deleted"
              : done === "confirmed"
                ? "staff.holidays.confirmed"
                : "staff.holidays.saved",
          )}
        </p>
      ) : null}
      {moved && !data ? <MovedDeadlines notice={moved} lng={lng} /> : null}
      <section aria-labelledby="holiday-form" className="page--narrow">
        <h2 id="holiday-form">
          {v.original
            ? t("staff.holidays.editHeading", { date: formatDate(v.original, lng) })
            : t("staff.holidays.addHeading")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="original" value={v.original ?? ""} />
          <TextField
            name="date"
            type="date"
            label={t("staff.holidays.date")}
            hint={t("staff.holidays.dateHint")}
            defaultValue={v.date}
            error={errors.date}
          />
          <TextField name="nameVi" label={t("staff.form.nameVi")} defaultValue={v.nameVi} error={errors.nameVi} />
          <TextField name="nameEn" label={t("staff.form.nameEn")} defaultValue={v.nameEn} error={errors.nameEn} />
          <SelectField
            name="kind"
            label={t("staff.holidays.kind")}
            defaultValue={v.kind ?? "off"}
            error={errors.kind}
            options={[
              { value: "off", label: t("staff.holidays.kinds.off") },
              { value: "work", label: t("staff.holidays.kinds.work") },
            ]}
          />
          <div className="button-row">
            <button type="submit" className="button">
              {t("staff.form.save")}
            </button>
            {v.original ? <Link to="/staff/holidays">{t("staff.holidays.cancelEdit")}</Link> : null}
          </div>
        </Form>
      </section>
      {years.length === 0 ? <p className="notice">{t("staff.holidays.empty")}</p> : null}
      {years.map(({ year, days }) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{t("staff.holidays.year", { year })}</h2>
          <TableWrap label={t("staff.holidays.year", { year })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("staff.holidays.date")}</th>
                  <th scope="col">{t("staff.holidays.name")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("staff.holidays.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date}>
                    <td>
                      {t(`staff.holidays.weekdays.${weekday(d.date)}`)} {formatDate(d.date, lng)}
                    </td>
                    <td>
                      {lng === "en" ? d.name_en : d.name_vi}
                      <br />
                      <span className={d.kind === "work" ? "tag" : "muted"}>{t(`staff.holidays.kinds.${d.kind}`)}</span>
                      {d.confirmed ? null : (
                        <>
                          {" "}
                          <span className="tag">{t("staff.holidays.unconfirmed")}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <div className="button-row">
                        <Link
                          to={`/staff/holidays?edit=${d.date}`}
                          aria-label={t("staff.holidays.editLabel", { date: formatDate(d.date, lng) })}
                        >
                          {t("staff.holidays.edit")}
                        </Link>
                        {d.confirmed ? null : (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="confirm" />
                            <input type="hidden" name="date" value={d.date} />
                            <button
                              type="submit"
                              className="button button--secondary button--small"
                              aria-label={t("staff.holidays.confirmLabel", { date: formatDate(d.date, lng) })}
                            >
                              {t("staff.holidays.confirm")}
                            </button>
                          </Form>
                        )}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="date" value={d.date} />
                          <button
                            type="submit"
                            className="button button--secondary button--small"
                            aria-label={t("staff.holidays.deleteLabel", { date: formatDate(d.date, lng) })}
                          >
                            {t("staff.holidays.delete")}
                          </button>
                        </Form>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
