// The period's figures as a spreadsheet: the same numbers the dashboard shows, rounded the same
// way (percentages to one decimal), one sheet (or CSV section) per table.
import type { TFunction } from "i18next";
import type { RowSink } from "~/kernel/files/export-stream.server";
import type { Dashboard } from "./dashboard-view.server";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

/** Sheet and column names are in the reader's language, like the page (Vietnamese by default). */
export async function exportFigures(d: Dashboard, t: TFunction, sink: RowSink): Promise<void> {
  const rateHead = [
    t("dashboard.col.rate") + " (%)",
    "n",
    `${t("dashboard.col.interval")}: ${t("dashboard.col.low")} (%)`,
    `${t("dashboard.col.interval")}: ${t("dashboard.col.high")} (%)`,
    t("dashboard.col.verdict"),
  ];
  sink.sheet(t("dashboard.sheets.headline"), [t("dashboard.headline"), ...rateHead]);
  // Hidden figures stay hidden in the file (docs/rules/suppression.md): no rate, no n.
  const hidden = t("dashboard.suppressed", { threshold: d.threshold });
  if (d.headline.suppressed) await sink.row([t("dashboard.headline"), null, null, null, null, hidden]);
  else
    await sink.row([
      t("dashboard.headline"),
      pct(d.headline.rate.rate),
      d.headline.rate.n,
      pct(d.headline.rate.ci?.low),
      pct(d.headline.rate.ci?.high),
      t(`dashboard.verdict.${d.headline.verdict.kind}`),
    ]);

  sink.sheet(t("dashboard.sheets.trend"), [t("dashboard.col.period"), ...rateHead]);
  for (const p of d.trend) {
    if (p.suppressed) await sink.row([p.key, null, null, null, null, hidden]);
    else
      await sink.row([
        p.key,
        pct(p.rate.rate),
        p.rate.n,
        pct(p.rate.ci?.low),
        pct(p.rate.ci?.high),
        t(`dashboard.verdict.${p.verdict.kind}`),
      ]);
  }

  sink.sheet(t("dashboard.sheets.by_unit"), [t("dashboard.unit"), ...rateHead]);
  for (const u of d.byUnit) {
    // A suppressed cell stays suppressed in the file too.
    if (u.suppressed) await sink.row([u.name, null, null, null, null, hidden]);
    else
      await sink.row([
        u.name,
        pct(u.rate.rate),
        u.rate.n,
        pct(u.rate.ci?.low),
        pct(u.rate.ci?.high),
        t(`dashboard.verdict.${u.verdict.kind}`),
      ]);
  }

  sink.sheet(t("dashboard.sheets.by_block"), [
    t("dashboard.byBlock"),
    t("dashboard.blockIndex") + " (%)",
    "n",
    t("dashboard.blockQuestion") + " (%)",
  ]);
  for (const b of d.blocks)
    await sink.row([
      t(`dashboard.blocks.${b.block}`),
      b.suppressed ? hidden : pct(b.index),
      b.suppressed ? null : b.minN,
      pct(b.question?.rate),
    ]);
  await sink.row(["SIPAS", pct(d.sipas), null, null]);

  sink.sheet(t("dashboard.sheets.distribution"), [
    t("dashboard.col.question"),
    "1",
    "2",
    "3",
    "4",
    "5",
    t("dashboard.col.noOpinion"),
    t("dashboard.col.rate") + " (%)",
  ]);
  for (const q of d.distribution) {
    if (q.suppressed) await sink.row([q.code, null, null, null, null, null, null, hidden]);
    else
      await sink.row([
        q.code,
        q.counts.c1,
        q.counts.c2,
        q.counts.c3,
        q.counts.c4,
        q.counts.c5,
        q.counts.c0,
        pct(q.rate.rate),
      ]);
  }

  sink.sheet(t("dashboard.sheets.by_channel"), [t("dashboard.channel"), ...rateHead]);
  for (const c of d.byChannel) {
    const name = `${t(`dashboard.channels.${c.channel}`)}${c.flagged ? ` (${t("dashboard.flagged")})` : ""}`;
    if (c.suppressed) await sink.row([name, null, null, null, null, hidden]);
    else
      await sink.row([
        name,
        pct(c.rate.rate),
        c.rate.n,
        pct(c.rate.ci?.low),
        pct(c.rate.ci?.high),
        t(`dashboard.verdict.${c.verdict.kind}`),
      ]);
  }

  sink.sheet(t("dashboard.sheets.volume"), [
    t("dashboard.unit"),
    t("dashboard.responses"),
    t("dashboard.flaggedResponses"),
    t("dashboard.served"),
    t("dashboard.responseRate") + " (%)",
  ]);
  for (const v of d.volume)
    await sink.row([
      v.name,
      v.responses ?? hidden,
      v.flagged ?? hidden,
      v.served,
      v.responses === null ? hidden : pct(v.responseRate),
    ]);
  await sink.end();
}
