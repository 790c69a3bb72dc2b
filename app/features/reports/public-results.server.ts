// The public results page (/ket-qua): for each report period the Office sent (chốt số liệu), the
// figures as sent — the satisfaction index with its n, interval and verdict, feedback handled on
// time and the dialogue — under the same small-group rule as the staff report
// (docs/rules/suppression.md). Nothing live: a period not sent is not here.
import type { PeriodKind } from "~/features/reports/report-periods";
import type { Lang } from "~/kernel/i18n/i18n";
import type { Rate, Verdict } from "~/features/reports/stats";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { getDashboard, listSurveys } from "./dashboard-view.server";

export interface PublicPeriod {
  year: number;
  kind: PeriodKind;
  start: string;
  end: string;
  sentAt: string;
  satisfaction: { rate: Rate; verdict: Verdict; suppressed: boolean } | null;
  /** Feedback handled in the period and how many on time, as sent; null when not frozen. */
  feedback: { handled: number; onTime: number } | null;
  /** The period's year's dialogue as sent; null when not frozen. */
  dialogue: { year: number; held: boolean; minutesSessionId: number | null } | null;
}

// The figures are read as the whole agency's, the way the staff report reads them for the
// Office: the reader only decides the agency and unit scope, and the public sees no unit.
const departmentOf = (agencyId: number): StaffUser => ({
  id: 0,
  email: "",
  name: "",
  role: "viewer",
  unitId: null,
  agencyId,
  mustChangePassword: false,
  sessionId: "",
});

// Sent figures do not change; the small-group rule also reads the quarters around a cumulative
// period, so a short cache keeps a busy public page from redoing the work on every view.
const CACHE_MS = 60_000;
const cache = new Map<
  number,
  { at: number; value: NonNullable<PublicPeriod["satisfaction"]> & { target: number; threshold: number } }
>();

async function satisfactionOf(
  agencyId: number,
  surveyId: number,
  snap: { id: number; start: string; end: string },
  p: { year: number; kind: PeriodKind },
  now: number,
) {
  const hit = cache.get(snap.id);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const d = await getDashboard(
    departmentOf(agencyId),
    { surveyId, from: snap.start, to: snap.end, snapshotId: snap.id },
    p,
    "vi",
  );
  const value = { ...d.headline, target: d.target, threshold: d.threshold };
  cache.set(snap.id, { at: now, value });
  return value;
}

/** The periods `agencyId` sent, and only those (the page of /<agency>/ket-qua). */
export async function publicResults(
  lang: Lang,
  agencyId: number,
  now = Date.now(),
): Promise<{ periods: PublicPeriod[]; target: number | null; threshold: number | null }> {
  const rows = await db()
    .selectFrom("report_snapshot as s")
    .innerJoin("report_period as p", (j) =>
      j.onRef("p.agency_id", "=", "s.agency_id").onRef("p.id", "=", "s.period_id"),
    )
    .where("s.agency_id", "=", agencyId)
    .select(["s.id", "p.year", "p.kind", "s.start_date", "s.end_date", "s.sent_at", "s.feedback", "s.dialogue"])
    .orderBy("s.end_date", "desc")
    .orderBy("s.start_date", "desc")
    .execute();
  const formB = (await listSurveys(agencyId, lang)).find((s) => s.kind === "B");
  let target: number | null = null;
  let threshold: number | null = null;
  const periods: PublicPeriod[] = [];
  for (const r of rows) {
    const sat = formB
      ? await satisfactionOf(
          agencyId,
          formB.id,
          { id: r.id, start: r.start_date, end: r.end_date },
          { year: r.year, kind: r.kind },
          now,
        )
      : null;
    if (sat) [target, threshold] = [sat.target, sat.threshold];
    const fb = parse<{ handled: number; handledOnTime: number }>(r.feedback);
    const dl = parse<{ year: number; held: boolean; lastHeld: { id: number; minutesPublished: boolean } | null }>(
      r.dialogue,
    );
    periods.push({
      year: r.year,
      kind: r.kind,
      start: r.start_date,
      end: r.end_date,
      sentAt: new Date(r.sent_at).toISOString(),
      satisfaction: sat ? { rate: sat.rate, verdict: sat.verdict, suppressed: sat.suppressed } : null,
      feedback: fb ? { handled: fb.handled, onTime: fb.handledOnTime } : null,
      dialogue: dl
        ? { year: dl.year, held: dl.held, minutesSessionId: dl.lastHeld?.minutesPublished ? dl.lastHeld.id : null }
        : null,
    });
  }
  return { periods, target, threshold };
}

const parse = <T>(v: unknown): T | null =>
  v === null || v === undefined ? null : ((typeof v === "string" ? JSON.parse(v) : v) as T);
