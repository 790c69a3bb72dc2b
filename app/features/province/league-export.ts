// The league table as CSV (or XLSX): one section per table, the same figures and places as the
// page, percentages to one decimal. A hidden figure stays hidden in the file (no rate, no n).
import type { TFunction } from "i18next";
import type { RowSink } from "~/kernel/files/export-stream.server";
import { placeLabel, type Place } from "./league";
import type { League } from "./league.server";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

export async function exportLeague(l: League, t: TFunction, sink: RowSink): Promise<void> {
  // "=1" would open as a formula in a spreadsheet (the CSV writer would then quote it as "'=1"),
  // so the file spells a tie out in words.
  const place = (p: Place | null) =>
    !p ? t("province.notRanked") : p.tie && p.best !== p.worst ? t("province.tie", { place: p.best }) : placeLabel(p);
  const low = `${t("province.col.interval")}: ${t("dashboard.col.low")} (%)`;
  const high = `${t("province.col.interval")}: ${t("dashboard.col.high")} (%)`;
  const hidden = t("dashboard.suppressed", { threshold: l.threshold });
  const agency = t("province.col.agency");
  const placeCol = t("province.col.place");

  sink.sheet(t("province.sheets.satisfaction"), [
    agency,
    placeCol,
    `${t("province.col.rate")} (%)`,
    "n",
    low,
    high,
    `${t("province.col.target")} (%)`,
    t("province.col.verdict"),
  ]);
  for (const r of l.satisfaction) {
    if (r.status !== "ranked")
      await sink.row([r.name, place(r.place), null, null, null, null, pct(r.target), statusText(r.status)]);
    else
      await sink.row([
        r.name,
        place(r.place),
        pct(r.rate),
        r.n,
        pct(r.ci?.low),
        pct(r.ci?.high),
        pct(r.target),
        r.verdict ? t(`dashboard.verdict.${r.verdict.kind}`) : null,
      ]);
  }

  sink.sheet(t("province.sheets.feedback"), [agency, placeCol, `${t("province.col.rate")} (%)`, "n", low, high]);
  for (const r of l.feedback) {
    if (r.status !== "ranked") await sink.row([r.name, place(r.place), null, null, null, null]);
    else await sink.row([r.name, place(r.place), pct(r.rate), r.n, pct(r.ci?.low), pct(r.ci?.high)]);
  }

  sink.sheet(t("province.sheets.tt01"), [
    agency,
    placeCol,
    t("province.col.grade"),
    t("province.col.total"),
    t("province.col.status"),
  ]);
  for (const r of l.tt01)
    await sink.row([
      r.name,
      place(r.place),
      r.grade ? t(`reports.grades.${r.grade}`) : null,
      r.total,
      r.missing.length ? t("province.missing", { list: r.missing.join(", ") }) : null,
    ]);
  await sink.end();

  function statusText(s: string) {
    return s === "suppressed" ? hidden : t("province.noData");
  }
}
