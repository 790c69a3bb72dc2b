// Faster raw-response export (one row per response, answers aggregated per response in SQL).
// Measured at 100k responses (EXPLAIN ANALYZE, PostgreSQL 15): looking up a response's ~25
// answers through the plain primary key cost ~0.06 ms per response, mostly heap visits — the
// answers of one response lie on ~25 different heap pages when answers are loaded item by item.
// With the score carried in the primary key's index (INCLUDE) the scores come from an
// index-only scan (~0.03 ms) — once the table is vacuumed (visibility map set, as autovacuum
// does for older rows); freshly loaded rows still visit the heap. Free text is not included: a B-tree entry must stay under ~2.7 kB
// and comments can be longer; the few text/choice answers (value is null) get a small partial
// index instead. Swapping the primary key rebuilds its index under a table lock: on a large
// database run this migration in a quiet hour. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table answer drop constraint answer_pk, add constraint answer_pk primary key (response_id, item_id) include (value)`.execute(
    db,
  );
  await sql`create index answer_free_idx on answer (response_id) where value is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index answer_free_idx`.execute(db);
  await sql`alter table answer drop constraint answer_pk, add constraint answer_pk primary key (response_id, item_id)`.execute(
    db,
  );
}
