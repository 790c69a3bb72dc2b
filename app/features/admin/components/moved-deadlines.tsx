// After a holiday change: the open feedback cases whose limits moved, old → new, each linked to
// the case (whose history records the same move).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { CalendarChangeNotice } from "~/features/admin/holidays.server";

export function MovedDeadlines({ notice, lng }: { notice: CalendarChangeNotice; lng: Lang }) {
  const { t } = useTranslation();
  const day = formatDate(notice.date, lng);
  if (!notice.moved.length) {
    return (
      <p className="notice" role="status">
        {t("staff.holidays.moved.none", { date: day })}
      </p>
    );
  }
  return (
    <section className="notice" role="status" aria-labelledby="moved-title">
      <h2 id="moved-title">{t("staff.holidays.moved.title", { count: notice.moved.length, date: day })}</h2>
      <TableWrap label={t("staff.holidays.moved.caption")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("staff.holidays.moved.case")}</th>
              <th scope="col">{t("staff.holidays.moved.limit")}</th>
              <th scope="col">{t("staff.holidays.moved.change")}</th>
            </tr>
          </thead>
          <tbody>
            {notice.moved.flatMap((m) =>
              m.changes.map((c, i) => (
                <tr key={`${m.id}-${c.field}`}>
                  <td>{i === 0 ? <Link to={`/staff/feedback/${m.id}`}>{m.code}</Link> : null}</td>
                  <td>{t(`feedback.deadlineFields.${c.field}`)}</td>
                  <td>
                    {c.from ? formatDate(c.from, lng) : "—"} → {c.to ? formatDate(c.to, lng) : "—"}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
