// The provincial league table (docs/rules/league.md). Pure: counts in, rows with places out.
// An agency is placed above another only when the figures prove it: its whole 95 % interval lies
// above the other's. Otherwise the two could be in either order, and the table says so by giving
// each the range of places it could hold instead of inventing an order from noise.
import { rate as rateOf, verdict as verdictOf, type Interval, type Verdict } from "~/features/reports/stats";
import { tooSmall } from "~/features/reports/suppression";
import type { Grade, IndicatorNo } from "~/features/reports/tt01";

export interface Bounds {
  low: number;
  high: number;
}

/** The places an entry could hold: `best` = 1 + entries surely above it, `worst` = the number of
 * entries not surely below it. `tie` when it shares exactly those places with others. */
export interface Place {
  best: number;
  worst: number;
  tie: boolean;
}

/** Places for entries given their intervals: A is surely above B when A.low > B.high. */
export function places(entries: Bounds[]): Place[] {
  const ranges = entries.map((a) => {
    const above = entries.filter((b) => b !== a && b.low > a.high).length;
    const below = entries.filter((b) => b !== a && a.low > b.high).length;
    return { best: 1 + above, worst: entries.length - below };
  });
  return ranges.map((r) => {
    // A tie is a block of entries that hold exactly the same places and fill them: none of
    // them is surely above another, and all of them are surely above what comes after.
    const same = ranges.filter((o) => o.best === r.best && o.worst === r.worst).length;
    return { ...r, tie: same > 1 && same === r.worst - r.best + 1 };
  });
}

/** "3" for a settled place, "=2" for a tie, "1–3" for a range. */
export function placeLabel(p: Place): string {
  if (p.best === p.worst) return String(p.best);
  return p.tie ? `=${p.best}` : `${p.best}–${p.worst}`;
}

export type RowStatus = "ranked" | "suppressed" | "no_data";

export interface RateInput {
  agencyId: number;
  name: string;
  /** The figure's numerator (satisfied answers, cases handled on time …). */
  numerator: number;
  n: number;
  /** 0–1; null when the figure has no target (no verdict is given). */
  target: number | null;
  /** Hidden by a suppression rule beyond the row's own n (a 6-month, 9-month or year figure with
   * a hidden quarter inside, docs/rules/suppression.md rule 4): treated as suppressed. */
  hidden?: boolean;
}

export interface RateRow {
  agencyId: number;
  name: string;
  status: RowStatus;
  /** Null when suppressed: a hidden figure shows no n either (docs/rules/suppression.md). */
  n: number | null;
  numerator: number | null;
  rate: number | null;
  ci: Interval | null;
  target: number | null;
  verdict: Verdict | null;
  place: Place | null;
}

/** Ranked first by place (then name, never by the point estimate inside a range), then the
 * agencies listed but not ranked, by name. */
function order<T extends { name: string; place: Place | null }>(rows: T[]): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "vi");
  const ranked = rows
    .filter((r) => r.place)
    .sort((a, b) => {
      const pa = a.place!;
      const pb = b.place!;
      return pa.best - pb.best || pa.worst - pb.worst || byName(a, b);
    });
  return [...ranked, ...rows.filter((r) => !r.place).sort(byName)];
}

/**
 * A league of rates (satisfaction, feedback handled on time). `threshold` is the suppression
 * threshold: an agency whose figure rests on 1 to threshold − 1 answers is listed, hidden and not
 * ranked; an agency with n = 0 is listed as "no data" and not ranked. Pass 1 for a figure that
 * is not suppressed.
 */
export function rateLeague(inputs: RateInput[], threshold: number): RateRow[] {
  const rows: RateRow[] = inputs.map((i) => {
    const base = { agencyId: i.agencyId, name: i.name, target: i.target, place: null };
    // Hidden first: a figure hidden upstream arrives with its counts already withheld (n = 0).
    if (i.hidden || tooSmall(i.n, threshold))
      return { ...base, status: "suppressed", n: null, numerator: null, rate: null, ci: null, verdict: null };
    if (i.n <= 0)
      return { ...base, status: "no_data", n: 0, numerator: 0, rate: null, ci: null, verdict: null } as RateRow;
    const r = rateOf(i.numerator, i.n);
    return {
      ...base,
      status: "ranked",
      n: i.n,
      numerator: i.numerator,
      rate: r.rate,
      ci: r.ci,
      verdict: i.target === null ? null : verdictOf(r, i.target),
    };
  });
  const ranked = rows.filter((r) => r.status === "ranked");
  places(ranked.map((r) => r.ci!)).forEach((p, k) => (ranked[k].place = p));
  return order(rows);
}

/** The TT 01 bands from lowest to highest (Art. 15). */
const BANDS: Grade[] = ["weak", "average", "fair", "good", "excellent"];

export interface GradeInput {
  agencyId: number;
  name: string;
  /** Sum of the known indicators' scores. */
  total: number;
  /** Null while any indicator is missing (docs/rules/tt01.md). */
  grade: Grade | null;
  missing: IndicatorNo[];
}

export interface GradeRow extends GradeInput {
  status: Exclude<RowStatus, "suppressed">;
  place: Place | null;
}

/**
 * A league of TT 01 grades. The grade has no interval: its total mixes sample averages (the
 * citizen indicators) with scores staff enter, so no sampling error can be stated for it, and a
 * 0.1 difference in totals is not a proven difference. The band is what TT 01 Art. 15 itself
 * declares, so agencies are placed by band only: a higher band is above, the same band ties
 * (each band is an interval of zero width, so the same `places` rule applies). An agency without
 * a grade is listed with its partial total and not ranked.
 */
export function gradeLeague(inputs: GradeInput[]): GradeRow[] {
  const rows: GradeRow[] = inputs.map((i) => ({ ...i, status: i.grade ? "ranked" : "no_data", place: null }));
  const ranked = rows.filter((r) => r.grade);
  const band = (g: Grade) => BANDS.indexOf(g);
  places(ranked.map((r) => ({ low: band(r.grade!), high: band(r.grade!) }))).forEach((p, k) => (ranked[k].place = p));
  return order(rows);
}
