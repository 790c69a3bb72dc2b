// Satisfaction figures (docs/rules/satisfaction-figures.md). Pure: counts in, figures out. Every rate travels with its
// n and a 95 % Wilson score interval, because "93 % satisfied" from 14 answers proves nothing.
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export interface Rate {
  /** Satisfied answers (4 or 5 on the L5 scale). */
  satisfied: number;
  /** Valid answers: not "no opinion" (0), not blank. */
  n: number;
  /** satisfied / n, or null when n = 0. */
  rate: number | null;
  ci: Interval | null;
}

/** 95 % Wilson score interval for x successes in n trials (x may be fractional for projections). */
export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function rate(satisfied: number, n: number): Rate {
  return { satisfied, n, rate: n > 0 ? satisfied / n : null, ci: wilson(satisfied, n) };
}

/** L5 codes: 1 Rất không hài lòng … 5 Rất hài lòng; 0 = no opinion. */
export const isSatisfiedL5 = (v: number) => v === 4 || v === 5;
export const isValidL5 = (v: number) => v >= 1 && v <= 5;

/** Rate from a distribution of L5 answers, e.g. { 0: 3, 1: 1, 4: 20, 5: 30 }. */
export function rateFromDistribution(dist: Record<number, number>): Rate {
  let satisfied = 0;
  let n = 0;
  for (const [code, count] of Object.entries(dist)) {
    const v = Number(code);
    if (!isValidL5(v)) continue;
    n += count;
    if (isSatisfiedL5(v)) satisfied += count;
  }
  return rate(satisfied, n);
}

export type VerdictKind = "met" | "below" | "undetermined" | "no_data";

export interface Verdict {
  kind: VerdictKind;
  /** For "undetermined": further responses that would settle it if the rate stayed where it is;
   * null when it can never settle (rate exactly on the target) or would need over 10 million. */
  moreNeeded: number | null;
}

const MAX_PROJECTION = 10_000_000;

/** Met when the whole interval is at or above the target; below when it is wholly under it. */
export function verdict(r: Rate, target: number): Verdict {
  if (!r.ci || r.rate === null) return { kind: "no_data", moreNeeded: null };
  if (r.ci.low >= target) return { kind: "met", moreNeeded: 0 };
  if (r.ci.high < target) return { kind: "below", moreNeeded: 0 };
  return { kind: "undetermined", moreNeeded: responsesToSettle(r.rate, r.n, target) };
}

/** Smallest m such that n + m answers at rate p would put the interval wholly on one side of the target. */
export function responsesToSettle(p: number, n: number, target: number): number | null {
  if (p === target) return null;
  const settled = (m: number) => {
    const ci = wilson(p * (n + m), n + m)!;
    return p > target ? ci.low >= target : ci.high < target;
  };
  if (settled(0)) return 0;
  let hi = 1;
  while (!settled(hi)) {
    hi *= 2;
    if (hi > MAX_PROJECTION) return null;
  }
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (settled(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A breakdown cell with fewer answers than the threshold is not shown (NĐ 61 Art. 27). */
export function suppress<T extends { n: number }>(
  cell: T,
  threshold: number,
): (T & { suppressed: false }) | { suppressed: true; n: null } {
  return cell.n < threshold ? { suppressed: true, n: null } : { ...cell, suppressed: false };
}

/** Block index: the mean of its items' rates (items with no valid answers left out). */
export function blockIndex(itemRates: Rate[]): number | null {
  const rates = itemRates.map((r) => r.rate).filter((x): x is number => x !== null);
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
}

/** SIPAS-style index: the mean of the five block indices; null unless all five are known. */
export function sipasIndex(blockIndices: (number | null)[]): number | null {
  if (blockIndices.length === 0 || blockIndices.some((b) => b === null)) return null;
  return (blockIndices as number[]).reduce((a, b) => a + b, 0) / blockIndices.length;
}
