// The agency grade of TT 01/2018/TT-VPCP (Art. 13–15), as written down in docs/rules/tt01.md:
// nine indicators of 2/1/0 points per dossier; an indicator's score is the per-dossier average to
// one decimal; the agency total is their sum out of 18 and gives the grade. Pure: no I/O.
export type Points = 0 | 1 | 2;
export type IndicatorNo = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** Where an indicator's score comes from (TT 01 Art. 14). */
export type IndicatorSource = "citizen" | "feedback" | "staff";

export const INDICATOR_NOS: readonly IndicatorNo[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export const INDICATOR_SOURCE: Record<IndicatorNo, IndicatorSource> = {
  1: "citizen", // total time from submission to result
  2: "staff", // time at each unit that handled the dossier
  3: "citizen", // contacts needed to complete the dossier
  4: "citizen", // agencies the person had to go to
  5: "staff", // one-stop model
  6: "staff", // publication of the procedure
  7: "citizen", // officials' attitude
  8: "feedback", // feedback handled on time
  9: "staff", // online public services
};

/** Staff enter these per report period, read from the one-stop system. */
export const STAFF_INDICATORS: readonly IndicatorNo[] = [2, 5, 6, 9];

/** Form A items (by code, as the template and every copy of it name them) that are indicators.
 * Their choices carry the 2/1/0 points as the stored answer value. The other Form A items
 * (information, overall satisfaction, unofficial cost, apology) are not indicators. */
export const CITIZEN_ITEMS: Record<string, IndicatorNo> = { A_TIME: 1, A_CONTACTS: 3, A_AGENCIES: 4, A_ATTITUDE: 7 };

/** Answer counts of a scored Form A item: c0, c1, c2 dossiers scored 0, 1, 2 points. */
export interface PointCounts {
  c0: number;
  c1: number;
  c2: number;
}

/** Per-dossier average to one decimal, half up, in integers (29 points over 20 dossiers is 1.45
 * and gives 1.5; floating point would give 1.4). Null without dossiers. */
export function averageScore(points: number, dossiers: number): number | null {
  if (dossiers <= 0) return null;
  return Math.floor((20 * points + dossiers) / (2 * dossiers)) / 10;
}

export function scoreFromCounts(c: PointCounts): { points: number; dossiers: number; score: number | null } {
  const points = c.c1 + 2 * c.c2;
  const dossiers = c.c0 + c.c1 + c.c2;
  return { points, dossiers, score: averageScore(points, dossiers) };
}

/** Indicator 8: no feedback due, or all handled on time → 2; at least 90 % on time → 1; else 0.
 * `due` counts the cases handled plus those still open past their limit. */
export function feedbackIndicator(onTime: number, due: number): Points {
  if (due <= 0 || onTime >= due) return 2;
  return onTime * 10 >= due * 9 ? 1 : 0;
}

export type Grade = "excellent" | "good" | "fair" | "average" | "weak";

/** ≥15 Xuất sắc, 12–<15 Tốt, 9–<12 Khá, 6–<9 Trung bình, <6 Yếu (TT 01 Art. 15). */
export function gradeFor(total: number): Grade {
  if (total >= 15) return "excellent";
  if (total >= 12) return "good";
  if (total >= 9) return "fair";
  if (total >= 6) return "average";
  return "weak";
}

export interface AgencyTotal {
  /** Sum of the known indicators' scores (out of 18 only when none is missing). */
  total: number;
  known: IndicatorNo[];
  missing: IndicatorNo[];
  /** Only when all nine indicators are known: a partial sum is never scaled up to 18. */
  grade: Grade | null;
}

export function agencyTotal(scores: Partial<Record<IndicatorNo, number | null>>): AgencyTotal {
  const known = INDICATOR_NOS.filter((n) => typeof scores[n] === "number");
  const missing = INDICATOR_NOS.filter((n) => typeof scores[n] !== "number");
  // Scores have one decimal: sum in tenths so 1.5 + 2.0 + … does not drift.
  const tenths = known.reduce((a, n) => a + Math.round((scores[n] as number) * 10), 0);
  const total = tenths / 10;
  return { total, known, missing, grade: missing.length ? null : gradeFor(total) };
}

/** A staff-entered score "1,5" or "1.5": 0 to 2 with at most one decimal, as tenths; else null. */
export function parseScore(input: string): number | null {
  const m = /^\s*([0-2])(?:[.,](\d))?\s*$/.exec(input);
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0);
  return tenths <= 20 ? tenths : null;
}
