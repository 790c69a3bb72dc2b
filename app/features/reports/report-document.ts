// The report (Báo cáo) of a report period in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I, as
// plain data: the header block, title, body paragraphs, one table, one chart, "Nơi nhận" and the
// signature block (docs/rules/report-document.md). The DOCX file and the print page both render
// this one value, so they cannot disagree on a figure. Pure: figures and settings in, text out.
import type { DialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import type { FeedbackFigures } from "~/features/feedback/feedback-figures.server";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatDate } from "~/kernel/time/clock";
import type { Settings } from "~/features/admin/settings";
import { formatInterval, formatNumber, formatPercent } from "./percent";
import type { PeriodKind } from "./report-periods";
import type { Reading } from "./report-reading";
import type { Rate, Verdict } from "./stats";
import type { AgencyTotal } from "./tt01";

export type DocText = (key: string, options?: Record<string, unknown>) => string;
type T = DocText;

/** What the document reads of a report (getReport's value, or its JSON on the page). */
export interface ReportFigures {
  period: { year: number; kind: PeriodKind };
  previousPeriod: { year: number; kind: PeriodKind };
  reading: Reading;
  sent: { sentAt: string | Date; readThrough: string } | null;
  current: FiguresView | null;
  previous: FiguresView | null;
  tt01: { total: AgencyTotal } | null;
  feedback: FeedbackFigures | null;
  dialogue: DialogueFigures | null;
}

interface FiguresView {
  target: number;
  threshold: number;
  headline: { rate: Rate; verdict: Verdict; suppressed: boolean };
  byUnit: { key: string; name: string; rate: Rate; verdict: Verdict; suppressed: boolean }[];
}

/** The agency, place and signer: the report.* settings. */
export interface DocumentSettings {
  parentAgency: string;
  agency: string;
  symbol: string;
  place: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
}

export interface DocTable {
  caption: string;
  head: string[];
  /** The first cell of each row names it (a row header); a row of two cells spans the figures. */
  rows: string[][];
}

export interface DocBar {
  label: string;
  /** 0–1. */
  value: number;
  text: string;
}

export interface DocChart {
  caption: string;
  bars: DocBar[];
  /** 0–1, drawn as a vertical mark. */
  target: number;
}

export interface DocSection {
  heading: string;
  paragraphs: string[];
  table?: DocTable;
  chart?: DocChart;
  /** Sentences the clerk completes (the proposals): printed as they are. */
  placeholder?: boolean;
}

export interface ReportDocument {
  lang: Lang;
  /** Upper case, as the decree sets them. */
  parentAgency: string;
  agency: string;
  number: string;
  nation: string;
  motto: string;
  placeDate: string;
  kind: string;
  summary: string;
  /** What the figures cover: window, reading date, estimate, sent or draft. */
  coverage: string[];
  sections: DocSection[];
  recipientsTitle: string;
  recipients: string[];
  signerTitle: string;
  signerName: string;
}

export const nbsp = (s: string) => s.replace(/ %/g, "\u00a0%");

/** "100,0 %" must never break before its sign: a no-break space, in the DOCX and on the page. */
export const percentText =
  (lang: Lang) =>
  (x: number | null | undefined, digits = 1) =>
    formatPercent(x, lang, digits).replace(" %", "\u00a0%");
const upper = (s: string, lang: Lang) => s.toLocaleUpperCase(lang === "vi" ? "vi-VN" : "en-GB");

/** "ngày … tháng … năm 2026": the clerk writes the day of signing; the year is the year it is drafted. */
export function buildReportDocument(
  r: ReportFigures,
  s: DocumentSettings,
  o: { t: T; lang: Lang; today: string; sentTime?: { date: string; time: string } },
): ReportDocument {
  const { t, lang } = o;
  const pct = percentText(lang);
  const periodName = (p: { year: number; kind: PeriodKind }) =>
    t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${p.kind}`), year: p.year });
  const period = periodName(r.period);

  const coverage = [t("reportStatus.window", { from: formatDate(r.reading.start), to: formatDate(r.reading.end) })];
  if (r.reading.readThrough === null) coverage.push(t("reportDoc.notStarted"));
  else coverage.push(t("reportDoc.readThrough", { date: formatDate(r.reading.readThrough) }));
  if (r.reading.estimate)
    coverage.push(
      t("reportStatus.estimate", {
        from: formatDate(r.reading.estimate.from),
        to: formatDate(r.reading.estimate.to),
        days: r.reading.estimate.days,
      }),
    );
  coverage.push(r.sent && o.sentTime ? t("reportDoc.sent", o.sentTime) : t("reportDoc.draft"));

  const sections: DocSection[] = [satisfactionSection(r, t, lang, pct, periodName)];
  if (r.tt01) {
    const total = r.tt01.total;
    sections.push({
      heading: t("reportDoc.s2"),
      paragraphs: [
        total.grade
          ? t("reportDoc.tt01Total", {
              total: formatNumber(total.total, lang, 1),
              grade: t(`reports.grades.${total.grade}`),
            })
          : t("reportDoc.tt01Partial", {
              known: total.known.length,
              total: formatNumber(total.total, lang, 1),
              max: total.known.length * 2,
              missing: total.missing.join(", "),
            }),
      ],
    });
  }
  sections.push({ heading: t("reportDoc.s3"), paragraphs: feedbackParagraphs(r.feedback, t, lang, pct) });
  sections.push({ heading: t("reportDoc.s4"), paragraphs: [dialogueParagraph(r.dialogue, t, r.period.year)] });
  sections.push({ heading: t("reportDoc.s5"), paragraphs: [t("reportDoc.proposals")], placeholder: true });

  return documentFrame(s, o, {
    summary: t("reportDoc.summary", { period: inSentence(period, lang) }),
    coverage,
    sections,
  });
}

/** "Quý III năm 2025" inside a sentence: only the first letter lowered. */
export const inSentence = (period: string, lang: Lang) =>
  lang === "vi" ? period.charAt(0).toLocaleLowerCase("vi-VN") + period.slice(1) : period;

/** A Nghị định 30/2020 report around its body: the issuing agency over its parent, the number,
 * the national motto, place and date, the kind "BÁO CÁO", the recipients and the signer. Every
 * report the portal prints (the department's, the province's league) is framed by this. */
export function documentFrame(
  s: DocumentSettings,
  o: { t: T; lang: Lang; today: string },
  body: Pick<ReportDocument, "summary" | "coverage" | "sections">,
): ReportDocument {
  const { t, lang } = o;
  return noBreak({
    lang,
    parentAgency: upper(s.parentAgency, lang),
    agency: upper(s.agency, lang),
    number: t("reportDoc.number", { symbol: s.symbol }),
    nation: t("reportDoc.nation"),
    motto: t("reportDoc.motto"),
    placeDate: t("reportDoc.placeDate", { place: s.place, year: o.today.slice(0, 4) }),
    kind: t("reportDoc.kind"),
    ...body,
    recipientsTitle: t("reportDoc.recipientsTitle"),
    recipients: s.recipients
      .split(";")
      .map((x) => x.trim())
      .filter(Boolean),
    signerTitle: upper(s.signerTitle, lang),
    signerName: s.signerName.trim() || t("reportDoc.signerBlank"),
  });
}

/** Every "95 %" of the document, figures and sentences alike, with a no-break space. */
function noBreak<V>(v: V): V {
  if (typeof v === "string") return v.replace(/(\d) %/g, "$1\u00a0%") as V;
  if (Array.isArray(v)) return v.map(noBreak) as V;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noBreak(x)])) as V;
  return v;
}

function satisfactionSection(
  r: ReportFigures,
  t: T,
  lang: Lang,
  pct: (x: number | null | undefined, d?: number) => string,
  periodName: (p: { year: number; kind: PeriodKind }) => string,
): DocSection {
  const c = r.current;
  const heading = t("reportDoc.s1");
  if (!c) return { heading, paragraphs: [t("reportDoc.noAnswers")] };
  const h = c.headline;
  const paragraphs: string[] = [];
  if (h.suppressed) paragraphs.push(t("reportDoc.satisfactionHidden", { threshold: c.threshold }));
  else if (h.rate.n === 0) paragraphs.push(t("reportDoc.noAnswers"));
  else
    paragraphs.push(
      t("reportDoc.satisfaction", {
        rate: pct(h.rate.rate),
        satisfied: formatNumber(h.rate.satisfied, lang),
        n: formatNumber(h.rate.n, lang),
        interval: nbsp(formatInterval(h.rate.ci, lang)),
        target: pct(c.target, 0),
        verdict: t(`dashboard.verdict.${h.verdict.kind}`),
      }),
    );
  const p = r.previous?.headline;
  if (p && !p.suppressed && p.rate.n > 0)
    paragraphs.push(
      t("reportDoc.previous", {
        period: periodName(r.previousPeriod),
        rate: pct(p.rate.rate),
        n: formatNumber(p.rate.n, lang),
      }),
    );

  const hidden = t("dashboard.suppressed", { threshold: c.threshold });
  const row = (name: string, x: { rate: Rate; verdict: Verdict; suppressed: boolean }) =>
    x.suppressed
      ? [name, hidden]
      : [
          name,
          pct(x.rate.rate),
          formatNumber(x.rate.n, lang),
          nbsp(formatInterval(x.rate.ci, lang)),
          t(`dashboard.verdict.${x.verdict.kind}`),
        ];
  const units = [...c.byUnit].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const table: DocTable = {
    caption: t("reportDoc.unitsTable"),
    head: [
      t("reportDoc.colUnit"),
      t("reportDoc.colRate"),
      t("reportDoc.colN"),
      t("reportDoc.colInterval"),
      t("reportDoc.colVerdict"),
    ],
    rows: [
      ...units.map((u) => row(u.name, u)),
      ...(h.rate.n > 0 || h.suppressed ? [row(t("reportDoc.allUnits"), h)] : []),
    ],
  };
  // Only figures that are published go in the chart; a hidden unit stays a row of the table.
  const bars = units
    .filter((u) => !u.suppressed && u.rate.rate !== null)
    .map((u) => ({
      label: u.name,
      value: u.rate.rate!,
      text: `${pct(u.rate.rate)} (n = ${formatNumber(u.rate.n, lang)})`,
    }));
  const chart: DocChart = { caption: t("reportDoc.unitsChart", { target: pct(c.target, 0) }), bars, target: c.target };
  if (!bars.length) paragraphs.push(t("reportDoc.chartNone"));
  return { heading, paragraphs, table: table.rows.length ? table : undefined, chart: bars.length ? chart : undefined };
}

function feedbackParagraphs(
  f: FeedbackFigures | null,
  t: T,
  lang: Lang,
  pct: (x: number | null | undefined) => string,
): string[] {
  if (!f) return [t("reportDoc.notFrozen")];
  const n = (x: number) => formatNumber(x, lang);
  const out = [
    t("reportDoc.feedback", {
      received: n(f.received),
      handled: n(f.handled),
      onTime: n(f.handledOnTime),
      onTimeShare: f.handled ? pct(f.handledOnTime / f.handled) : "—",
      late: n(f.handledLate),
      pending: n(f.pending),
      overdue: n(f.overdue),
    }),
  ];
  if (f.satisfaction.rate !== null)
    out.push(t("reportDoc.feedbackRate", { rate: pct(f.satisfaction.rate), n: n(f.satisfaction.n) }));
  return out;
}

function dialogueParagraph(d: DialogueFigures | null, t: T, year: number): string {
  if (!d) return t("reportDoc.notFrozen");
  if (!d.held) return t("reportDoc.dialogueNotHeld", { year: d.year ?? year });
  return t("reportDoc.dialogueHeld", {
    year: d.year,
    attendees: d.attendance.total,
    citizen: d.attendance.citizen,
    business: d.attendance.business,
    answered: d.questions.answered,
    questions: d.questions.total,
  });
}

/** The report.* settings as the document reads them. */
export function documentSettings(s: Settings): DocumentSettings {
  return {
    parentAgency: s["report.parent_agency"],
    agency: s["report.agency"],
    symbol: s["report.symbol"],
    place: s["report.place"],
    signerTitle: s["report.signer_title"],
    signerName: s["report.signer_name"],
    recipients: s["report.recipients"],
  };
}
