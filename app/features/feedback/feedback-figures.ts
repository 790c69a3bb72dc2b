// QĐ 766/QĐ-TTg (2022) satisfaction with feedback handling, as docs/rules/feedback-figures.md
// sets it out:
//   (total − rated unsatisfied − handled late − repeated because of dissatisfaction) ÷ total
// Each term counts the cases in which one kind of event happened, and one event feeds one term:
// the sender's "unsatisfied" rating feeds "rated unsatisfied" only (the reopening it causes is
// not a second event), lateness feeds "late", and a new case that staff mark as the same matter
// raised again by a dissatisfied sender feeds "repeated". Different events of the same case
// each count (a late answer the sender then rated unsatisfied costs two), because the formula
// subtracts terms and a reader must be able to redo the arithmetic from the terms shown; so the
// numerator is floored at 0 and `floored` says when that happened.
export interface HandlingCounts {
  total: number;
  unsatisfied: number;
  late: number;
  repeated: number;
}

export interface HandlingRate extends HandlingCounts {
  /** total − unsatisfied − late − repeated, floored at 0: the count the rate is made of. */
  good: number;
  /** True when the terms added up to more than the total and the numerator was floored. */
  floored: boolean;
  /** 0–1, or null when there is nothing to rate. */
  rate: number | null;
  n: number;
}

export function handlingSatisfaction(c: HandlingCounts): HandlingRate {
  const raw = c.total - c.unsatisfied - c.late - c.repeated;
  const good = Math.max(0, raw);
  if (c.total <= 0) return { ...c, good: 0, floored: false, rate: null, n: 0 };
  return { ...c, good, floored: raw < 0, rate: good / c.total, n: c.total };
}
