// Feedback figures and the holiday calendar (docs/rules/feedback-figures.md, docs/rules/holidays.md):
// - a case reopened after an unsatisfied rating is no longer handled: its handled date is cleared,
//   so it counts as pending (and overdue past its new limit) until it is answered again;
// - `feedback.repeat_of`: staff mark a new case as the same matter raised again by a sender who
//   was not satisfied with an earlier answer — the event behind QĐ 766's "repeated" term;
// - `holiday.confirmed`: days the portal ships from the statute (Labour Code 2019 Art. 112) before
//   the government announces the year's arrangement, for the admin to confirm;
// - the statutory days off of 2027 and 2028, written only into a year that has no day yet, so an
//   admin's own calendar is never mixed with ours. Frozen once landed.
import type { Kysely } from "kysely";

type Day = [date: string, nameVi: string, nameEn: string];

const TET_VI = "Tết Nguyên đán";
const TET_EN = "Lunar New Year (Tết)";
const LIEU_VI = "Nghỉ bù";
const LIEU_EN = "day in lieu";

// Lunar dates computed with the Vietnamese lunar calendar (UTC+7) and checked against the known
// years 2024–2026 (see docs/rules/holidays.md). Which of the days around Tết and 2/9 the
// government picks is decided each year: these follow the pattern of the last years with the
// same weekday and are shipped unconfirmed.
const STATUTORY: Day[] = [
  // 2027 — Đinh Mùi. Mùng 1 Tết is Saturday 6/2 (29 Chạp, Friday 5/2, is New Year's Eve).
  ["2027-01-01", "Tết Dương lịch", "New Year's Day"],
  ["2027-02-04", `${TET_VI} Đinh Mùi (28 tháng Chạp)`, `${TET_EN}, 28th of the 12th month`],
  ["2027-02-05", `${TET_VI} Đinh Mùi (29 tháng Chạp, giao thừa)`, `${TET_EN}, New Year's Eve`],
  ["2027-02-06", `${TET_VI} Đinh Mùi (mùng 1)`, `${TET_EN}, 1st day`],
  ["2027-02-07", `${TET_VI} Đinh Mùi (mùng 2)`, `${TET_EN}, 2nd day`],
  ["2027-02-08", `${TET_VI} Đinh Mùi (mùng 3)`, `${TET_EN}, 3rd day`],
  ["2027-02-09", `${LIEU_VI} Tết (mùng 1 trùng thứ Bảy)`, `Tết ${LIEU_EN} (1st day fell on a Saturday)`],
  ["2027-02-10", `${LIEU_VI} Tết (mùng 2 trùng Chủ nhật)`, `Tết ${LIEU_EN} (2nd day fell on a Sunday)`],
  ["2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration (10th of the 3rd lunar month)"],
  ["2027-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day"],
  ["2027-05-01", "Ngày Quốc tế Lao động", "International Labour Day"],
  [
    "2027-05-03",
    `${LIEU_VI} Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)`,
    `Labour Day ${LIEU_EN} (1/5 fell on a Saturday)`,
  ],
  ["2027-09-02", "Quốc khánh", "National Day"],
  ["2027-09-03", "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"],
  // 2028 — Mậu Thân. Mùng 1 Tết is Wednesday 26/1 (29 Chạp, Tuesday 25/1, is New Year's Eve).
  ["2028-01-01", "Tết Dương lịch", "New Year's Day"],
  ["2028-01-03", `${LIEU_VI} Tết Dương lịch (1/1 trùng thứ Bảy)`, `New Year's ${LIEU_EN} (1/1 fell on a Saturday)`],
  ["2028-01-24", `${TET_VI} Mậu Thân (28 tháng Chạp)`, `${TET_EN}, 28th of the 12th month`],
  ["2028-01-25", `${TET_VI} Mậu Thân (29 tháng Chạp, giao thừa)`, `${TET_EN}, New Year's Eve`],
  ["2028-01-26", `${TET_VI} Mậu Thân (mùng 1)`, `${TET_EN}, 1st day`],
  ["2028-01-27", `${TET_VI} Mậu Thân (mùng 2)`, `${TET_EN}, 2nd day`],
  ["2028-01-28", `${TET_VI} Mậu Thân (mùng 3)`, `${TET_EN}, 3rd day`],
  ["2028-04-04", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration (10th of the 3rd lunar month)"],
  ["2028-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day"],
  ["2028-05-01", "Ngày Quốc tế Lao động", "International Labour Day"],
  [
    "2028-05-02",
    `${LIEU_VI} Ngày Giải phóng (30/4 trùng Chủ nhật)`,
    `Reunification Day ${LIEU_EN} (30/4 fell on a Sunday)`,
  ],
  ["2028-09-01", "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"],
  ["2028-09-02", "Quốc khánh", "National Day"],
  ["2028-09-04", `${LIEU_VI} Quốc khánh (2/9 trùng thứ Bảy)`, `National Day ${LIEU_EN} (2/9 fell on a Saturday)`],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("holiday")
    .addColumn("confirmed", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema
    .alterTable("feedback")
    .addColumn("repeat_of", "integer", (c) => c.references("feedback.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("feedback_repeat_of_idx").on("feedback").column("repeat_of").execute();

  // A case in a state where the department owes the next step was never finally handled: only a
  // reopening left a handled date on one.
  await db
    .updateTable("feedback")
    .set({ handled_at: null })
    .where("handled_at", "is not", null)
    .where("status", "in", ["received", "classified", "in_progress", "drafted", "approved"])
    .execute();

  for (const year of ["2027", "2028"]) {
    const rows = STATUTORY.filter(([d]) => d.startsWith(year));
    const taken = await db
      .selectFrom("holiday")
      .select("date")
      .where("date", ">=", `${year}-01-01`)
      .where("date", "<=", `${year}-12-31`)
      .executeTakeFirst();
    if (taken) continue;
    await db
      .insertInto("holiday")
      .values(rows.map(([date, name_vi, name_en]) => ({ date, name_vi, name_en, kind: "off", confirmed: false })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom("holiday")
    .where("confirmed", "=", false)
    .where(
      "date",
      "in",
      STATUTORY.map(([d]) => d),
    )
    .execute();
  await db.schema.alterTable("feedback").dropColumn("repeat_of").execute();
  await db.schema.alterTable("holiday").dropColumn("confirmed").execute();
}
