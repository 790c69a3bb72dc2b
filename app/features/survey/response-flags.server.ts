// Setting and clearing the flag of stored responses: a source that goes over its limit flags
// what it sent before (retroactively), and the Office accepts a flagged batch back. Either way
// response.flagged changes after the response may already be counted in the rollups, so the
// change and the rollups move together in one transaction (docs/rules/flags.md).
import { sql, type Kysely } from "kysely";
import type { RateReason } from "~/features/survey/flags";
import { moveInRollups } from "~/features/reports/rollup.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

type Trx = Kysely<Database>;

/** Takes the given responses out of the rollup queue (in id order, as a fold does) and returns
 * the ones it took: those are not in the rollups yet. A fold holding some of them is waited for,
 * after which they count as folded. */
async function takeFromQueue(trx: Trx, ids: string[]): Promise<Set<string>> {
  const taken = await sql<{ response_id: string }>`
    delete from rollup_pending where response_id in (
      select response_id from rollup_pending where response_id = any(${ids}::uuid[]) order by response_id for update)
    returning response_id`.execute(trx);
  return new Set(taken.rows.map((r) => r.response_id));
}

/** Moves `changed` responses from the cell with flag `from` to the other one in every rollup. */
async function moveCounted(trx: Trx, changed: string[], from: boolean): Promise<void> {
  if (!changed.length) return;
  const queued = await takeFromQueue(trx, changed);
  const folded = changed.filter((id) => !queued.has(id));
  await moveInRollups(trx, [
    { ids: folded, flagged: from, sign: -1 },
    { ids: changed, flagged: !from, sign: 1 },
  ]);
}

/** Flags, with `reason`, every response the source sent in this window that does not carry the
 * reason yet and was not accepted back by the Office. Returns how many became flagged. */
export async function flagSourceWindow(source: string, windowStart: Date, reason: RateReason): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      // Locked in id order: two posts of the same flood flag the same rows one after the other.
      const rows = await trx
        .selectFrom("response as r")
        .innerJoin("response_source as s", "s.response_id", "r.id")
        .select(["r.id", "r.flagged"])
        .where("s.source", "=", source)
        .where("s.window_start", "=", windowStart)
        .where("r.accepted_in", "is", null)
        .where(sql<boolean>`not (${reason} = any(r.flag_reasons))`)
        .orderBy("r.id")
        .forUpdate("r")
        .execute();
      if (!rows.length) return 0;
      const ids = rows.map((r) => r.id);
      await sql`update response set flagged = true, flag_reasons = array_append(flag_reasons, ${reason}::text) where id = any(${ids}::uuid[])`.execute(
        trx,
      );
      const changed = rows.filter((r) => !r.flagged).map((r) => r.id);
      await moveCounted(trx, changed, false);
      return changed.length;
    });
}

/** Clears the flag of the given flagged responses, marking them accepted in `batchId`; inside the
 * caller's transaction. Returns the ids it changed. */
export async function acceptFlagged(trx: Trx, ids: string[], batchId: number): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom("response")
    .select("id")
    .where("id", "in", ids)
    .where("flagged", "=", true)
    .orderBy("id")
    .forUpdate()
    .execute();
  const changed = rows.map((r) => r.id);
  if (!changed.length) return [];
  await trx.updateTable("response").set({ flagged: false, accepted_in: batchId }).where("id", "in", changed).execute();
  await moveCounted(trx, changed, true);
  return changed;
}

/** Deletes the source records no limit window can use any more (kept two hours: the longest
 * survey window, one hour, and one more). */
export async function sweepResponseSources(now: Date): Promise<void> {
  await db()
    .deleteFrom("response_source")
    .where("window_start", "<", new Date(now.getTime() - 2 * 3_600_000))
    .execute();
}
