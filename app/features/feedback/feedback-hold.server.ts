// Feedback held for review (sent past its address's hourly share: docs/security/limits.md): the
// Office or an admin looks at it and releases it into the usual handling. Audited.
import { recordAudit, type Actor } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";

/** Only cases of `agencyId` (the acting account's): another agency's ids are skipped. */
export async function releaseHeld(
  agencyId: number,
  ids: number[],
  actor: Actor,
  client: Client,
  now = new Date(),
): Promise<number> {
  if (!ids.length) return 0;
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await trx
        .updateTable("feedback")
        .set({ released_at: now, released_by: actor.id })
        .where("agency_id", "=", agencyId)
        .where("id", "in", ids)
        .where("held_at", "is not", null)
        .where("released_at", "is", null)
        .returning("id")
        .execute();
      if (rows.length)
        await recordAudit(
          client,
          {
            agencyId: agencyId,
            actor,
            action: "feedback.release_hold",
            entity: "feedback",
            details: { ids: rows.map((r) => r.id) },
          },
          trx,
        );
      return rows.length;
    });
}
