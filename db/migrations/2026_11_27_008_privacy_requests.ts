// Requests from people about their own personal data (see, correct, delete, withdraw consent),
// answered within 72 hours (docs/rules/personal-data.md), and the register of erasures: which person's data was
// erased or anonymised, when and why. The erasure register holds no personal data itself; the
// retention job reads it so it never erases the same subject twice. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("privacy_request")
    .addColumn("id", "serial", (c) => c.primaryKey())
    // A retried post of the same form returns the first request instead of a second one.
    .addColumn("submission_id", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('access', 'correct', 'delete', 'withdraw')`))
    .addColumn("subject_kind", "text", (c) =>
      c.notNull().check(sql`subject_kind in ('feedback', 'dialogue_registration')`),
    )
    .addColumn("subject_id", "integer", (c) => c.notNull())
    // The tracking or registration code, so staff can name the case without seeing personal data.
    .addColumn("subject_code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'fulfilled', 'refused')`),
    )
    // Corrections asked for (personal data): cleared once the request is decided.
    .addColumn("requested", "jsonb")
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("refuse_reason", "text")
    .execute();
  await db.schema.createIndex("privacy_request_open_idx").on("privacy_request").columns(["status", "due_at"]).execute();
  await db.schema
    .createIndex("privacy_request_subject_idx")
    .on("privacy_request")
    .columns(["subject_kind", "subject_id"])
    .execute();

  await db.schema
    .createTable("privacy_erasure")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().check(sql`reason in ('withdrawal', 'request', 'retention')`))
    .addColumn("request_id", "integer", (c) => c.references("privacy_request.id").onDelete("set null"))
    .addColumn("erased_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("privacy_erasure_subject_uq", ["subject_kind", "subject_id"])
    .execute();

  // A registration whose contact was erased has neither phone nor email: migration 006's check
  // allowed that only for walk-ins. It now also allows it once erased.
  await db.schema.alterTable("dialogue_registration").addColumn("erased_at", "timestamptz").execute();
  await db.schema.alterTable("dialogue_registration").dropConstraint("dialogue_registration_contact").execute();
  await db.schema
    .alterTable("dialogue_registration")
    .addCheckConstraint(
      "dialogue_registration_contact",
      sql`phone_norm is not null or email_norm is not null or status = 'walk_in' or erased_at is not null`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("dialogue_registration").dropConstraint("dialogue_registration_contact").execute();
  // Erased rows cannot satisfy the old rule; going down keeps them by marking them walk-ins' kin:
  // there is no contact to restore.
  await sql`delete from dialogue_registration where erased_at is not null and phone_norm is null and email_norm is null and status <> 'walk_in'`.execute(
    db,
  );
  await db.schema
    .alterTable("dialogue_registration")
    .addCheckConstraint(
      "dialogue_registration_contact",
      sql`phone_norm is not null or email_norm is not null or status = 'walk_in'`,
    )
    .execute();
  await db.schema.alterTable("dialogue_registration").dropColumn("erased_at").execute();
  await db.schema.dropTable("privacy_erasure").execute();
  await db.schema.dropTable("privacy_request").execute();
}
