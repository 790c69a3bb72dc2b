// TT 01 indicators 2, 5, 6 and 9, which the portal cannot measure: the Office reads them from the
// one-stop system and enters them per report period (docs/rules/tt01.md). Each save is audited.
import type { PeriodKind } from "~/features/reports/report-periods";
import { STAFF_INDICATORS } from "~/features/reports/tt01";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { recordAudit } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";

/** One agency's entries for the period (its own report, its row of the provincial league). */
export async function staffScores(agencyId: number, period: { year: number; kind: PeriodKind }) {
  return db()
    .selectFrom("tt01_staff_score as s")
    .leftJoin("staff_user as u", "u.id", "s.entered_by")
    .select(["s.indicator", "s.score_tenths", "s.note", "s.entered_at", "u.name as by"])
    .where("s.year", "=", period.year)
    .where("s.kind", "=", period.kind)
    .where("s.agency_id", "=", agencyId)
    .orderBy("s.indicator")
    .execute();
}

export interface StaffScoreInput {
  indicator: number;
  /** Tenths of a point 0–20, or null to clear the entry (the indicator becomes missing again). */
  tenths: number | null;
  note: string;
}

export type SaveScoresResult = { ok: true } | { ok: false; reason: "bad_indicator" };

/** Saves the period's entries in one transaction with one audit entry naming old and new values.
 * An indicator the portal measures itself is refused whole. */
export async function saveStaffScores(
  user: StaffUser,
  client: Client,
  period: { year: number; kind: PeriodKind },
  entries: StaffScoreInput[],
): Promise<SaveScoresResult> {
  if (entries.some((e) => !STAFF_INDICATORS.includes(e.indicator as never)))
    return { ok: false, reason: "bad_indicator" };
  return db()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("tt01_staff_score")
        .select(["indicator", "score_tenths"])
        .where("agency_id", "=", user.agencyId)
        .where("year", "=", period.year)
        .where("kind", "=", period.kind)
        .execute();
      for (const e of entries) {
        const base = trx
          .deleteFrom("tt01_staff_score")
          .where("agency_id", "=", user.agencyId)
          .where("year", "=", period.year)
          .where("kind", "=", period.kind)
          .where("indicator", "=", e.indicator);
        if (e.tenths === null) {
          await base.execute();
          continue;
        }
        await trx
          .insertInto("tt01_staff_score")
          .values({
            agency_id: user.agencyId,
            year: period.year,
            kind: period.kind,
            indicator: e.indicator,
            score_tenths: e.tenths,
            note: e.note,
            entered_by: user.id,
          })
          .onConflict((oc) =>
            oc
              .columns(["agency_id", "year", "kind", "indicator"])
              .doUpdateSet({ score_tenths: e.tenths!, note: e.note, entered_by: user.id, entered_at: new Date() }),
          )
          .execute();
      }
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: { id: user.id, email: user.email },
          action: "tt01.scores.save",
          entity: "tt01_staff_score",
          entityId: `${period.year}-${period.kind}`,
          details: {
            before: Object.fromEntries(before.map((b) => [b.indicator, b.score_tenths / 10])),
            after: Object.fromEntries(entries.map((e) => [e.indicator, e.tenths === null ? null : e.tenths / 10])),
          },
        },
        trx,
      );
      return { ok: true } as const;
    });
}
