// Limits that slow an attacker without locking out the owner or a shared address
// (docs/security/limits.md): paced attempt counters, feedback held for review past an
// address's share, and dialogue sign-ups waiting to be confirmed past an address's share.
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One row per target (an account, a known browser, an address, a code, a contact): how many
  // attempts were counted in the current run and when the next may be counted. The policy
  // (free tries, first delay, longest delay, quiet time that ends a run) rides in the row so the
  // single upsert that counts an attempt can decide without a second round trip.
  await db.schema
    .createTable("attempt_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    // The account a sign-in row belongs to (its keyed hash): an admin's unlock clears them all.
    .addColumn("account", "text")
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("run_start", "timestamptz", (c) => c.notNull())
    .addColumn("last_at", "timestamptz", (c) => c.notNull())
    .addColumn("next_at", "timestamptz", (c) => c.notNull())
    // Attempts refused since the last counted one (0 when this attempt was counted).
    .addColumn("refused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("free_n", "integer", (c) => c.notNull())
    .addColumn("base_ms", "integer", (c) => c.notNull())
    .addColumn("cap_ms", "integer", (c) => c.notNull())
    .addColumn("quiet_ms", "integer", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("attempt_limit_account_idx")
    .on("attempt_limit")
    .column("account")
    .where(sql.ref("account"), "is not", null)
    .execute();
  await db.schema.createIndex("attempt_limit_expires_idx").on("attempt_limit").column("expires_at").execute();

  // Feedback past an address's hourly share is stored and answered with its code, and held for
  // a person to look at (a flood from one address, or a hall full of people on one Wi-Fi).
  await db.schema
    .alterTable("feedback")
    .addColumn("held_at", "timestamptz")
    .addColumn("held_reason", "text", (c) => c.check(sql`held_reason in ('address_burst')`))
    .addColumn("released_at", "timestamptz")
    .addColumn("released_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .execute();
  await sql`create index feedback_held_idx on feedback (held_at) where held_at is not null and released_at is null`.execute(
    db,
  );

  // A sign-up past an address's share waits "to confirm" (chờ xác nhận): it holds no seat and no
  // waitlist place until staff confirm it (then it takes a seat if one is free, else the end of
  // the waitlist) or reject it (cancelled).
  await sql`alter table dialogue_registration drop constraint dialogue_registration_status_check`.execute(db);
  await sql`alter table dialogue_registration add constraint dialogue_registration_status_check
    check (status in ('confirmed', 'waitlisted', 'cancelled', 'walk_in', 'to_confirm'))`.execute(db);
  await db.schema
    .alterTable("dialogue_registration")
    .addColumn("settled_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("settled_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update dialogue_registration set status = 'cancelled', cancelled_at = coalesce(cancelled_at, now()) where status = 'to_confirm'`.execute(
    db,
  );
  await db.schema.alterTable("dialogue_registration").dropColumn("settled_by").dropColumn("settled_at").execute();
  await sql`alter table dialogue_registration drop constraint dialogue_registration_status_check`.execute(db);
  await sql`alter table dialogue_registration add constraint dialogue_registration_status_check
    check (status in ('confirmed', 'waitlisted', 'cancelled', 'walk_in'))`.execute(db);
  await sql`drop index feedback_held_idx`.execute(db);
  await db.schema
    .alterTable("feedback")
    .dropColumn("held_at")
    .dropColumn("held_reason")
    .dropColumn("released_at")
    .dropColumn("released_by")
    .execute();
  await db.schema.dropTable("attempt_limit").execute();
}
