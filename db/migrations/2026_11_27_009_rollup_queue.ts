// Faster submissions (issue 9). Measured before this migration: 64 phones at once got ~100
// responses/s out of PostgreSQL because every response upserted the same few rollup rows (same
// day, unit and items) and held their locks through its commit's disk flush — one response per
// flush. Now a response only queues its id here, in its own transaction; foldPendingRollups()
// adds queued responses to the rollups in batches (every few seconds and before every dashboard
// read), deleting the queue rows in the same transaction, so each response is counted once.
// Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rollup_pending")
    .addColumn("response_id", "uuid", (c) => c.primaryKey().references("response.id").onDelete("cascade"))
    .execute();
  // Abuse-limit counters are worth nothing after a crash, and every public post bumps one shared
  // row: unlogged, a bump does not wait for a disk flush while holding that row's lock.
  await sql`alter table rate_limit set unlogged`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rate_limit set logged`.execute(db);
  await db.schema.dropTable("rollup_pending").execute();
}
