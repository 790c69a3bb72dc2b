// One calendar's days as a table: the agency's own days and each year of the national calendar
// show the same columns; only the actions differ (and the "unconfirmed" tag, which only shipped
// national days carry).
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate, weekday } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";

export interface ShownDay {
  date: string;
  name_vi: string;
  name_en: string;
  kind: "off" | "work";
  /** National days only; an own day has no such check. */
  confirmed?: boolean;
}

export function DayTable({
  label,
  days,
  lng,
  actions,
}: {
  label: string;
  days: ShownDay[];
  lng: Lang;
  actions: (day: ShownDay) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <TableWrap label={label}>
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
                {d.confirmed === false ? (
                  <>
                    {" "}
                    <span className="tag">{t("staff.holidays.unconfirmed")}</span>
                  </>
                ) : null}
              </td>
              <td>{actions(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Edit, confirm (a shipped national day not yet checked) and delete, for one day. The calendar
 * travels with each form because the same action serves both calendars. */
export function DayActions({
  date,
  calendar,
  confirmable,
  lng,
}: {
  date: string;
  calendar: "national" | "agency";
  confirmable: boolean;
  lng: Lang;
}) {
  const { t } = useTranslation();
  const day = formatDate(date, lng);
  const own = calendar === "agency";
  return (
    <div className="button-row">
      <Link
        to={`/staff/holidays?${own ? "calendar=agency&" : ""}edit=${date}`}
        aria-label={t("staff.holidays.editLabel", { date: day })}
      >
        {t("staff.holidays.edit")}
      </Link>
      {confirmable ? (
        <DayButton intent="confirm" own={own} date={date} label={t("staff.holidays.confirmLabel", { date: day })}>
          {t("staff.holidays.confirm")}
        </DayButton>
      ) : null}
      <DayButton intent="delete" own={own} date={date} label={t("staff.holidays.deleteLabel", { date: day })}>
        {t("staff.holidays.delete")}
      </DayButton>
    </div>
  );
}

function DayButton(props: { intent: string; own: boolean; date: string; label: string; children: ReactNode }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={props.intent} />
      {/* No calendar field means the national one (the action's default). */}
      {props.own ? <input type="hidden" name="calendar" value="agency" /> : null}
      <input type="hidden" name="date" value={props.date} />
      <button type="submit" className="button button--secondary button--small" aria-label={props.label}>
        {props.children}
      </button>
    </Form>
  );
}
