// Citizen access keys (docs/security/citizen-codes.md). A feedback's tracking code counts up per
// day and a registration's door code is short: both are read out on the phone and at the door,
// so neither can be what proves who someone is. Every feedback and registration gets a secret
// key of 10 characters from a 31-character alphabet (about 49.5 bits); a look-up needs the full
// code (short code + key). Existing rows get a fresh key here, so their owners can have it sent
// to the contact on file or read out by staff.
//
// The key comes from the database's own strong random source (gen_random_uuid(), core since
// PostgreSQL 13), one random byte per character: a byte modulo 31 favours 8 characters
// slightly (9/256 instead of 8/256), which leaves 4.952 bits per character instead of 4.954.
//
// Also: the registrant's browser sign-in as a server-side row (so "forget" ends it at once), and
// one-time codes sent to a contact to confirm a withdrawal or a cancellation. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function citizen_key() returns text language sql volatile as $$
      select string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + get_byte(uuid_send(gen_random_uuid()), 0) % 31, 1), '')
      from generate_series(1, 10)
    $$`.execute(db);
  await sql`alter table feedback add column access_key text not null default citizen_key()`.execute(db);
  await sql`alter table dialogue_registration add column access_key text not null default citizen_key()`.execute(db);

  // "details": a second sign-up with a registered contact; the details go to that contact.
  // "cancel_request": a registrant without email asked to cancel; staff call back to confirm.
  await sql`alter table dialogue_notification drop constraint dialogue_notification_kind_check`.execute(db);
  await sql`alter table dialogue_notification add constraint dialogue_notification_kind_check check (kind in ('moved', 'cancelled', 'promoted', 'answered', 'details', 'cancel_request'))`.execute(
    db,
  );

  await db.schema
    .createTable("dialogue_registrant_session")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("registration_id", "integer", (c) =>
      c.notNull().references("dialogue_registration.id").onDelete("cascade"),
    )
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("dialogue_registrant_session_reg_idx")
    .on("dialogue_registrant_session")
    .column("registration_id")
    .execute();

  await db.schema
    .createTable("citizen_otp")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("subject_kind", "text", (c) =>
      c.notNull().check(sql`subject_kind in ('feedback', 'dialogue_registration')`),
    )
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('withdraw', 'cancel')`))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("citizen_otp_subject_idx")
    .on("citizen_otp")
    .columns(["subject_kind", "subject_id", "purpose"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("citizen_otp").execute();
  await db.schema.dropTable("dialogue_registrant_session").execute();
  await sql`delete from dialogue_notification where kind in ('details', 'cancel_request')`.execute(db);
  await sql`alter table dialogue_notification drop constraint dialogue_notification_kind_check`.execute(db);
  await sql`alter table dialogue_notification add constraint dialogue_notification_kind_check check (kind in ('moved', 'cancelled', 'promoted', 'answered'))`.execute(
    db,
  );
  await sql`alter table dialogue_registration drop column access_key`.execute(db);
  await sql`alter table feedback drop column access_key`.execute(db);
  await sql`drop function citizen_key()`.execute(db);
}
