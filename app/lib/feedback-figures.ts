// QĐ 766/QĐ-TTg (2022) satisfaction with feedback handling (domain.md §5, secondary source):
//   (total − rated unsatisfied − handled late − reopened) ÷ total
// applied literally. In this portal an unsatisfied rating reopens the case, so such a case is
// subtracted twice, as the formula has it; each count is reported beside the rate so a reader
// sees what it is made of.
export interface HandlingCounts {
  total: number;
  unsatisfied: number;
  late: number;
  reopened: number;
}

export interface HandlingRate extends HandlingCounts {
  /** 0–1, or null when there is nothing to rate. */
  rate: number | null;
  n: number;
}

export function handlingSatisfaction(c: HandlingCounts): HandlingRate {
  if (c.total <= 0) return { ...c, rate: null, n: 0 };
  const good = Math.max(0, c.total - c.unsatisfied - c.late - c.reopened);
  return { ...c, rate: good / c.total, n: c.total };
}
