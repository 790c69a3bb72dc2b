// The province's report of the league table in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I
// (docs/rules/league.md, "The report document"): issued by the province (the root agency), one
// section per league table, the rule and the ties said in words. Pure: the league's rows in, the
// same ReportDocument value the department's report makes, so the print page and the DOCX file
// of the department's report render it unchanged.
import type { Lang } from "~/kernel/i18n/i18n";
import { formatDate } from "~/kernel/time/clock";
import {
  documentFrame,
  inSentence,
  nbsp,
  percentText,
  type DocSection,
  type DocText,
  type DocTable,
  type DocumentSettings,
  type ReportDocument,
} from "~/features/reports/report-document";
import { formatInterval, formatNumber } from "~/features/reports/percent";
import { placeLabel, type Place } from "./league";
import type { League } from "./league.server";

/** The issuer: the province itself (the root of the agency tree) and its parent, if it has one. */
export interface Issuer {
  name: string;
  parentName: string | null;
}

export function buildLeagueDocument(
  l: League,
  issuer: Issuer,
  s: DocumentSettings,
  o: { t: DocText; lang: Lang; today: string },
): ReportDocument {
  const { t, lang } = o;
  const pct = percentText(lang);
  const n = (x: number | null) => (x === null ? "" : formatNumber(x, lang));
  const interval = (ci: { low: number; high: number } | null) => (ci ? nbsp(formatInterval(ci, lang)) : "");
  // In a document "=2" reads as a typo: a tie is spelled out, as in the CSV.
  const place = (p: Place) => (p.tie && p.best !== p.worst ? t("province.tie", { place: p.best }) : placeLabel(p));
  const period = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${l.kind}`), year: l.year });
  const notRanked = (status: string) =>
    `${t("province.notRanked")}: ${
      status === "suppressed" ? t("dashboard.suppressed", { threshold: l.threshold }) : t("province.noData")
    }`;
  const head = (...cols: string[]) => [t("province.col.agency"), t("province.col.place"), ...cols];

  const satisfaction: DocTable = {
    caption: t("provinceDoc.table1"),
    head: head(
      t("province.col.rate"),
      t("reportDoc.colN"),
      t("province.col.interval"),
      t("province.col.target"),
      t("province.col.verdict"),
    ),
    rows: l.satisfaction.map((r) =>
      r.place
        ? [
            r.name,
            place(r.place),
            pct(r.rate),
            n(r.n),
            interval(r.ci),
            pct(r.target, 0),
            r.verdict ? t(`dashboard.verdict.${r.verdict.kind}`) : "",
          ]
        : [r.name, notRanked(r.status)],
    ),
  };
  const feedback: DocTable = {
    caption: t("provinceDoc.table2"),
    head: head(t("province.col.rate"), t("reportDoc.colN"), t("province.col.interval")),
    rows: l.feedback.map((r) =>
      r.place ? [r.name, place(r.place), pct(r.rate), n(r.n), interval(r.ci)] : [r.name, notRanked(r.status)],
    ),
  };
  const tt01: DocTable = {
    caption: t("provinceDoc.table3"),
    head: head(t("province.col.grade"), t("province.col.total"), t("province.col.status")),
    rows: l.tt01.map((r) => [
      r.name,
      r.place ? place(r.place) : t("province.notRanked"),
      r.grade ? t(`reports.grades.${r.grade}`) : "",
      formatNumber(r.total, lang, 1),
      r.missing.length ? t("province.missing", { list: r.missing.join(", ") }) : "",
    ]),
  };
  const section = (heading: string, paragraphs: string[], table: DocTable): DocSection => ({
    heading,
    paragraphs,
    table: table.rows.length ? table : undefined,
  });
  const sections = [
    section(t("provinceDoc.s1"), [t("province.rule"), t("provinceDoc.ties")], satisfaction),
    section(t("provinceDoc.s2"), [t("province.feedbackNote")], feedback),
    section(t("provinceDoc.s3"), [t("province.tt01Note")], tt01),
  ];
  if (!l.satisfaction.length) sections[0].paragraphs.push(t("province.empty"));

  return documentFrame({ ...s, parentAgency: issuer.parentName ?? "", agency: issuer.name, symbol: "UBND" }, o, {
    summary: t("provinceDoc.summary", { period: inSentence(period, lang) }),
    coverage: [
      t("reportStatus.window", { from: formatDate(l.from), to: formatDate(l.to) }),
      t("reportDoc.readThrough", { date: formatDate(o.today) }),
      t("provinceDoc.live"),
    ],
    sections,
  });
}
