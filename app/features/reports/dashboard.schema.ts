// The dashboard's filters, read from the query string. Anything malformed falls back to the
// default rather than failing: a filter is a view, not a submission.
import * as z from "zod";
import { PERIOD_KINDS, type PeriodKind } from "~/features/reports/report-periods";

const optionalId = z
  .preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional())
  .catch(undefined);

export const dashboardQuery = z.object({
  survey: optionalId,
  period: z
    .string()
    .regex(/^\d{4}-(Q1|Q2|Q3|Q4|H1|M9|Y)$/)
    .optional()
    .catch(undefined),
  unit: optionalId,
  procedure: optionalId,
  version: optionalId,
  channel: z.enum(["qr", "kiosk", "web", "paper"]).optional().catch(undefined),
  flagged: z.literal("1").optional().catch(undefined),
  /** "1": a sent period's figures as sent (its frozen snapshot), e.g. the report's downloads. */
  sent: z.literal("1").optional().catch(undefined),
});

export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The query string's values (the route passes `url.searchParams`). */
export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
  return dashboardQuery.parse(Object.fromEntries(params));
}

export function parsePeriod(
  value: string | undefined,
  fallback: { year: number; kind: PeriodKind },
): { year: number; kind: PeriodKind } {
  if (!value) return fallback;
  const [y, k] = value.split("-");
  return PERIOD_KINDS.includes(k as PeriodKind) ? { year: Number(y), kind: k as PeriodKind } : fallback;
}

/** The quarter a local date falls in, by the NĐ 09/2019 windows (15/12 starts next year's Q1). */
export function quarterOf(date: string): { year: number; kind: PeriodKind } {
  const [y, m, d] = date.split("-").map(Number);
  const shifted = m * 100 + d; // MMDD
  if (shifted >= 1215) return { year: y + 1, kind: "Q1" };
  if (shifted < 315) return { year: y, kind: "Q1" };
  if (shifted < 615) return { year: y, kind: "Q2" };
  if (shifted < 915) return { year: y, kind: "Q3" };
  return { year: y, kind: "Q4" };
}
