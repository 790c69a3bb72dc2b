// Public holidays for civil servants in 2026, as announced. 2027 and 2028 come with migration
// 2026_12_06_015 (the statutory days of the Labour Code 2019 Art. 112, lunar dates computed, the
// government's arrangement not yet known, so marked "to be confirmed" for the admin — see
// docs/rules/holidays.md). Lunar holidays and swapped days change every year: the admin keeps
// the calendar.
export const demoHolidays: { date: string; name_vi: string; name_en: string; kind?: "off" | "work" }[] = [
  { date: "2026-01-01", name_vi: "Tết Dương lịch", name_en: "New Year's Day" },
  ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((date) => ({
    date,
    name_vi: "Tết Nguyên đán Bính Ngọ",
    name_en: "Lunar New Year (Tết)",
  })),
  { date: "2026-04-27", name_vi: "Nghỉ bù Giỗ Tổ Hùng Vương", name_en: "Hung Kings' Commemoration (day in lieu)" },
  { date: "2026-04-30", name_vi: "Ngày Giải phóng miền Nam, thống nhất đất nước", name_en: "Reunification Day" },
  { date: "2026-05-01", name_vi: "Ngày Quốc tế Lao động", name_en: "International Labour Day" },
  { date: "2026-09-01", name_vi: "Quốc khánh", name_en: "National Day" },
  { date: "2026-09-02", name_vi: "Quốc khánh", name_en: "National Day" },
];
