// The Office's review of flagged responses: per local day and set of reasons, how many were
// flagged, and accepting such a batch back so its responses count again (docs/rules/flags.md).
import { sql } from "kysely";
import { recordAudit } from "~/kernel/audit.server";
import { acceptFlagged } from "~/features/survey/response-flags.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";

const LOCAL_DAY = sql<string>`to_char((r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD')`;
/** A batch's reasons as one text, in the order they were given ("too_fast+rate_address"). */
const REASONS = sql<string>`array_to_string(r.flag_reasons, '+')`;

export interface FlaggedBatch {
  day: string;
  reasons: string;
  responses: number;
}

/** Flagged responses of a survey per local day and reasons, newest day first, between two local
 * dates (inclusive "YYYY-MM-DD"). */
export async function flaggedBatches(surveyId: number, from: string, to: string): Promise<FlaggedBatch[]> {
  const rows = await sql<FlaggedBatch>`
    select ${LOCAL_DAY} as day, ${REASONS} as reasons, count(*)::int as responses
    from response r
    where r.survey_id = ${surveyId} and r.flagged
      and r.submitted_at >= (${from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
      and r.submitted_at < (${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    group by 1, 2 order by 1 desc, 2`.execute(db());
  return rows.rows;
}

/** Batches the Office accepted back for a survey, newest first. */
export async function acceptedBatches(surveyId: number, limit = 50) {
  return db()
    .selectFrom("flag_acceptance as f")
    .leftJoin("staff_user as s", "s.id", "f.accepted_by")
    .select(["f.id", "f.day", "f.reasons", "f.responses", "f.note", "f.accepted_at", "s.email as accepted_by"])
    .where("f.survey_id", "=", surveyId)
    .orderBy("f.id", "desc")
    .limit(limit)
    .execute();
}

export type AcceptResult = { ok: true; batchId: number; accepted: number } | { ok: false; reason: "empty" };

/** Accepts back every flagged response of the survey with exactly these reasons on that local
 * day: they count in the figures again. Audited in the same transaction. */
export async function acceptBatch(
  user: StaffUser,
  client: Client,
  input: { surveyId: number; day: string; reasons: string; note: string },
): Promise<AcceptResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<AcceptResult> => {
      const found = await sql<{ id: string }>`
        select r.id from response r
        where r.survey_id = ${input.surveyId} and r.flagged and ${REASONS} = ${input.reasons}
          and r.submitted_at >= (${input.day}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
          and r.submitted_at < (${input.day}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
        order by r.id for update`.execute(trx);
      if (!found.rows.length) return { ok: false, reason: "empty" };
      const batch = await trx
        .insertInto("flag_acceptance")
        .values({
          survey_id: input.surveyId,
          day: input.day,
          reasons: input.reasons,
          responses: 0,
          note: input.note,
          accepted_by: user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const changed = await acceptFlagged(
        trx,
        found.rows.map((r) => r.id),
        batch.id,
      );
      await trx.updateTable("flag_acceptance").set({ responses: changed.length }).where("id", "=", batch.id).execute();
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: { id: user.id, email: user.email },
          action: "survey.flags.accept",
          entity: "flag_acceptance",
          entityId: batch.id,
          details: {
            surveyId: input.surveyId,
            day: input.day,
            reasons: input.reasons,
            responses: changed.length,
            note: input.note || null,
          },
        },
        trx,
      );
      return { ok: true, batchId: batch.id, accepted: changed.length };
    });
}
