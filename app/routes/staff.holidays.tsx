// The holiday calendar, grouped by year: days off (holidays, swapped days) and weekend days made
// working days, the national ones (kept by the installation's admin) and the agency's own on top.
// Deadlines in working days are counted from both; after a change the page lists the agency's
// open feedback cases whose limits moved (docs/rules/holidays.md).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, SelectField, TextField } from "~/kernel/forms/fields";
import { formatDate, parseDateInput } from "~/kernel/time/clock";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import {
  calendarChangeNotice,
  confirmHoliday,
  deleteHoliday,
  deleteOwnHoliday,
  getHoliday,
  getOwnHoliday,
  holidaysByYear,
  keepsNationalCalendar,
  ownHolidays,
  saveHoliday,
  saveOwnHoliday,
} from "~/features/admin/holidays.server";
import { DayActions, DayTable } from "~/features/admin/components/day-table";
import { MovedDeadlines } from "~/features/admin/components/moved-deadlines";
import { holidaySchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const url = new URL(request.url);
  const national = keepsNationalCalendar(user.agencyId);
  const own = url.searchParams.get("calendar") === "agency" || !national;
  const editDate = parseDateInput(url.searchParams.get("edit"));
  const found = !editDate ? null : own ? await getOwnHoliday(user.agencyId, editDate) : await getHoliday(editDate);
  const change = url.searchParams.get("change");
  return json({
    title: t("staff.holidays.title"),
    years: await holidaysByYear(),
    own: await ownHolidays(user.agencyId),
    canEditNational: national,
    editing: found ? { ...found, calendar: own ? "agency" : "national" } : null,
    lng,
    done: url.searchParams.get("done"),
    moved: change ? await calendarChangeNotice(change, user.agencyId) : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const own = fd.get("calendar") === "agency";
  // The national calendar is the installation admin's; another agency's admin keeps its own days
  // only, whatever the form says (docs/rules/holidays.md). Nothing is written.
  if (!own && !keepsNationalCalendar(user.agencyId)) throw new Response("Forbidden", { status: 403 });
  const back = (q: string) => `/staff/holidays?${own ? "calendar=agency&" : ""}${q}`;
  const notFound = () =>
    json({ errors: { _form: "staff.holidays.errors.notFound" } as FieldErrors, values: {} }, { status: 400 });
  const client = clientOf(request);
  if (fd.get("intent") === "confirm") {
    const date = parseDateInput(String(fd.get("date") ?? ""));
    if (own || !date || !(await confirmHoliday(date, user, client))) return notFound();
    return redirect(back("done=confirmed"));
  }
  if (fd.get("intent") === "delete") {
    const date = parseDateInput(String(fd.get("date") ?? ""));
    const result = !date
      ? null
      : own
        ? await deleteOwnHoliday(user.agencyId, date, user, client)
        : await deleteHoliday(date, user, client);
    if (!result?.ok) return notFound();
    return redirect(back(`done=deleted&change=${result.changeId}`));
  }
  const parsed = parseForm(holidaySchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const { original, ...day } = parsed.data;
  const result = own
    ? await saveOwnHoliday(user.agencyId, day, original, user, client)
    : await saveHoliday(day, original, user, client);
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "notFound"
        ? { _form: "staff.holidays.errors.notFound" }
        : { date: `staff.holidays.errors.${result.error}` };
    return json({ errors, values: formValues(fd) }, { status: 400 });
  }
  return redirect(back(`done=saved&change=${result.changeId}`));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Holidays() {
  const { years, own, canEditNational, editing, lng, done, moved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const v: Record<string, string | undefined> = data?.values ?? {
    date: editing?.date,
    nameVi: editing?.name_vi,
    nameEn: editing?.name_en,
    kind: editing?.kind ?? "off",
    original: editing?.date ?? "",
    calendar: editing?.calendar ?? (canEditNational ? "national" : "agency"),
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
          {canEditNational && !v.original ? (
            <SelectField
              name="calendar"
              label={t("staff.holidays.calendar")}
              defaultValue={v.calendar}
              options={[
                { value: "national", label: t("staff.holidays.calendars.national") },
                { value: "agency", label: t("staff.holidays.calendars.agency") },
              ]}
            />
          ) : (
            <input type="hidden" name="calendar" value={v.calendar} />
          )}
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
      <section aria-labelledby="own-days">
        <h2 id="own-days">{t("staff.holidays.ownHeading")}</h2>
        <p>{t("staff.holidays.ownIntro")}</p>
        {own.length === 0 ? (
          <p className="notice">{t("staff.holidays.ownEmpty")}</p>
        ) : (
          <DayTable
            label={t("staff.holidays.ownHeading")}
            days={own}
            lng={lng}
            actions={(d) => <DayActions date={d.date} calendar="agency" confirmable={false} lng={lng} />}
          />
        )}
      </section>
      <h2>{t("staff.holidays.nationalHeading")}</h2>
      {canEditNational ? null : <p>{t("staff.holidays.nationalReadOnly")}</p>}
      {years.length === 0 ? <p className="notice">{t("staff.holidays.empty")}</p> : null}
      {years.map(({ year, days }) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>{t("staff.holidays.year", { year })}</h3>
          <DayTable
            label={t("staff.holidays.year", { year })}
            days={days}
            lng={lng}
            actions={(d) =>
              canEditNational ? (
                <DayActions date={d.date} calendar="national" confirmable={!d.confirmed} lng={lng} />
              ) : null
            }
          />
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
