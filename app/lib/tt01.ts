// Form A (per-dossier evaluation) scored as in TT 01/2018/TT-VPCP Art. 12–14 (domain.md §2):
// each indicator gives a dossier 2, 1 or 0 points; an indicator's score is the sum over dossiers
// divided by the number of dossiers, to 1 decimal; the agency's total (max 18 for 9 indicators)
// decides its grade.
export type Points = 0 | 1 | 2;

export interface IndicatorTotal {
  code: string;
  /** Sum of points over the dossiers that answered this indicator. */
  points: number;
  dossiers: number;
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function indicatorScore(t: IndicatorTotal): number | null {
  return t.dossiers > 0 ? round1(t.points / t.dossiers) : null;
}

export type Grade = "excellent" | "good" | "fair" | "average" | "weak";

/** Grade on the 18-point scale: ≥15 Xuất sắc, 12–<15 Tốt, 9–<12 Khá, 6–<9 Trung bình, <6 Yếu. */
export function gradeFor(total18: number): Grade {
  if (total18 >= 15) return "excellent";
  if (total18 >= 12) return "good";
  if (total18 >= 9) return "fair";
  if (total18 >= 6) return "average";
  return "weak";
}

/** The agency total scaled to 18 points, so the TT 01 grade bands apply when a form carries
 * fewer than 9 indicators (each indicator keeps its 0–2 range). */
export function agencyScore(totals: IndicatorTotal[]): { total18: number; grade: Grade } | null {
  const scores = totals.map(indicatorScore).filter((s): s is number => s !== null);
  if (!scores.length) return null;
  const total = scores.reduce((a, b) => a + b, 0);
  const total18 = round1((total * 18) / (2 * scores.length));
  return { total18, grade: gradeFor(total18) };
}

/** L5 answers as TT 01 points: satisfied 2, neutral 1, dissatisfied 0; "no opinion" not scored. */
export function pointsFromL5(v: number): Points | null {
  if (v === 4 || v === 5) return 2;
  if (v === 3) return 1;
  if (v === 1 || v === 2) return 0;
  return null;
}

/** Counts of answer codes 0–5 for one item (from the rollups). */
export interface CodeCounts {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

// For yes/no indicators, the answer that earns the 2 points: no unofficial cost; an apology
// received when the dossier was late (asked only of late dossiers, so those who skip it are not
// scored). Our reading of TT 01 Art. 13; a ministry revision changes this map, not the code.
export const YES_NO_GOOD: Record<string, "yes" | "no"> = { A_COST: "no", A_APOLOGY: "yes" };

/** An item's TT 01 indicator total from its answer counts, or null when it is not scored.
 * Scored choices store their 2/1/0 points as the answer's value; L5 maps 4–5 → 2, 3 → 1, 1–2 → 0. */
export function indicatorFromCounts(item: { code: string; type: string; scored: boolean }, c: CodeCounts): IndicatorTotal | null {
  if (item.type === "single" && item.scored) return { code: item.code, points: c.c1 + 2 * c.c2, dossiers: c.c0 + c.c1 + c.c2 };
  if (item.type === "L5") return { code: item.code, points: 2 * (c.c4 + c.c5) + c.c3, dossiers: c.c1 + c.c2 + c.c3 + c.c4 + c.c5 };
  if (item.type === "yesno" && YES_NO_GOOD[item.code]) {
    const good = YES_NO_GOOD[item.code] === "yes" ? c.c1 : c.c0;
    return { code: item.code, points: 2 * good, dossiers: c.c0 + c.c1 };
  }
  return null;
}
