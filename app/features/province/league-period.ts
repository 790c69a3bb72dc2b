// A league period as the URL spells it ("2026-Q3"): a year from 2000 to 2100 and a report period
// kind (docs/rules/report-periods.md). Anything else is not a page (404).
import type { PeriodKind } from "~/features/reports/report-periods";

const PERIOD_PARAM = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/;

export function leaguePeriod(param: string | undefined): { year: number; kind: PeriodKind } | null {
  const m = PERIOD_PARAM.exec(param ?? "");
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 2000 || year > 2100) return null;
  return { year, kind: m[2] as PeriodKind };
}
