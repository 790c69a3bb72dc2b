// The citizen dialogue (docs/rules/dialogue.md): sessions, sign-ups with a waitlist, questions with their
// answers and votes, check-in attempts, notices to registrants, minutes and follow-ups.
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dialogue_session")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("plan_number", "text")
    .addColumn("title_vi", "text", (c) => c.notNull())
    .addColumn("title_en", "text")
    .addColumn("description_vi", "text")
    .addColumn("description_en", "text")
    // A short list of topic names; questions pick one, staff sort by it.
    .addColumn("topics", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("invited_groups", "text")
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("venue", "text")
    .addColumn("online_url", "text")
    .addColumn("chair", "text", (c) => c.notNull())
    .addColumn("secretary", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn("registration_opens_at", "timestamptz", (c) => c.notNull())
    .addColumn("registration_closes_at", "timestamptz", (c) => c.notNull())
    .addColumn("publish_at", "timestamptz", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published', 'registration_closed', 'held', 'minutes_published', 'cancelled')`),
    )
    .addColumn("published_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text")
    // The calendar file's SEQUENCE: bumped whenever what a calendar shows changes.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "dialogue_session_times",
      sql`ends_at > starts_at and registration_closes_at > registration_opens_at`,
    )
    .addCheckConstraint("dialogue_session_place", sql`venue is not null or online_url is not null`)
    .execute();
  await db.schema.createIndex("dialogue_session_starts_idx").on("dialogue_session").column("starts_at").execute();

  await db.schema
    .createTable("dialogue_session_procedure")
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("cascade"))
    .addColumn("procedure_id", "integer", (c) => c.notNull().references("procedure.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("dialogue_session_procedure_pk", ["session_id", "procedure_id"])
    .execute();

  await db.schema
    .createTable("dialogue_registration")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    // Lower-case, without Vietnamese diacritics: the check-in desk finds "Nguyễn" by typing "nguyen".
    .addColumn("name_search", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("phone_norm", "text")
    .addColumn("email", "text")
    .addColumn("email_norm", "text")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('citizen', 'business')`))
    .addColumn("organisation", "text")
    .addColumn("accessibility", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled', 'walk_in')`),
    )
    .addColumn("waitlist_seq", "integer")
    .addColumn("channel", "text", (c) =>
      c.notNull().check(sql`channel in ('online', 'phone', 'desk', 'paper', 'walk_in')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("lang", "text", (c) => c.notNull().defaultTo("vi"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("promoted_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancelled_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("checked_in_at", "timestamptz")
    .addColumn("checked_in_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addUniqueConstraint("dialogue_registration_code_uq", ["session_id", "code"])
    .addCheckConstraint(
      "dialogue_registration_contact",
      sql`phone_norm is not null or email_norm is not null or status = 'walk_in'`,
    )
    .addCheckConstraint(
      "dialogue_registration_waitlist",
      sql`(status = 'waitlisted') = (waitlist_seq is not null) or status = 'cancelled'`,
    )
    .execute();
  // The same person (same phone or email) holds at most one live registration per session. The
  // sign-up checks this under the session lock; these indexes are the backstop.
  await sql`create unique index dialogue_registration_phone_uq on dialogue_registration (session_id, phone_norm)
    where status <> 'cancelled' and phone_norm is not null`.execute(db);
  await sql`create unique index dialogue_registration_email_uq on dialogue_registration (session_id, email_norm)
    where status <> 'cancelled' and email_norm is not null`.execute(db);
  await db.schema
    .createIndex("dialogue_registration_status_idx")
    .on("dialogue_registration")
    .columns(["session_id", "status", "waitlist_seq"])
    .execute();

  await db.schema
    .createTable("dialogue_question")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("registration_id", "integer", (c) => c.references("dialogue_registration.id").onDelete("set null"))
    .addColumn("text", "text", (c) => c.notNull())
    // What the public reads: set at approval, always passed through maskPii.
    .addColumn("public_text", "text")
    .addColumn("topic", "text")
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id").onDelete("set null"))
    .addColumn("channel", "text", (c) =>
      c.notNull().check(sql`channel in ('online', 'phone', 'desk', 'paper', 'at_dialogue')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'approved', 'hidden', 'merged')`),
    )
    .addColumn("hidden_reason", "text")
    .addColumn("hidden_note", "text")
    .addColumn("merged_into_id", "integer", (c) => c.references("dialogue_question.id").onDelete("restrict"))
    .addColumn("moderated_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("moderated_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("dialogue_question_hidden", sql`(status = 'hidden') = (hidden_reason is not null)`)
    .addCheckConstraint("dialogue_question_merged", sql`(status = 'merged') = (merged_into_id is not null)`)
    .execute();
  await db.schema
    .createIndex("dialogue_question_session_idx")
    .on("dialogue_question")
    .columns(["session_id", "status"])
    .execute();
  await db.schema
    .createIndex("dialogue_question_registration_idx")
    .on("dialogue_question")
    .column("registration_id")
    .execute();

  // Every question has exactly one answer record from the moment it is asked.
  await db.schema
    .createTable("dialogue_answer")
    .addColumn("question_id", "integer", (c) => c.primaryKey().references("dialogue_question.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.references("unit.id").onDelete("set null"))
    .addColumn("due_date", "date")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'answered')`),
    )
    .addColumn("answered_in", "text", (c) => c.check(sql`answered_in in ('dialogue', 'after')`))
    .addColumn("answer_text", "text")
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "timestamptz")
    .addColumn("conclusion", "text")
    .addColumn("updated_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "dialogue_answer_answered",
      sql`status = 'pending' or (answer_text is not null and answered_in is not null)`,
    )
    .execute();
  await db.schema.createIndex("dialogue_answer_unit_idx").on("dialogue_answer").column("unit_id").execute();

  await db.schema
    .createTable("dialogue_vote")
    .addColumn("question_id", "integer", (c) => c.notNull().references("dialogue_question.id").onDelete("cascade"))
    .addColumn("registration_id", "integer", (c) =>
      c.notNull().references("dialogue_registration.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("dialogue_vote_pk", ["question_id", "registration_id"])
    .execute();

  // Every check-in attempt at the door, failed ones too, with the reason.
  await db.schema
    .createTable("dialogue_checkin_attempt")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("registration_id", "integer", (c) => c.references("dialogue_registration.id").onDelete("set null"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('code', 'search', 'walk_in')`))
    .addColumn("code_entered", "text")
    .addColumn("ok", "boolean", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("staff_id", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("dialogue_checkin_session_idx")
    .on("dialogue_checkin_attempt")
    .columns(["session_id", "at"])
    .execute();

  // What registrants must be told (moved, cancelled, promoted, answered): by email when the
  // portal can send it, otherwise on the staff call list until someone has phoned them.
  await db.schema
    .createTable("dialogue_notification")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("registration_id", "integer", (c) =>
      c.notNull().references("dialogue_registration.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('moved', 'cancelled', 'promoted', 'answered')`))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email', 'call')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('queued', 'sent', 'to_call', 'called')`))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("done_at", "timestamptz")
    .addColumn("done_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("dialogue_notification_session_idx")
    .on("dialogue_notification")
    .columns(["session_id", "status"])
    .execute();

  await db.schema
    .createTable("dialogue_minutes")
    .addColumn("session_id", "integer", (c) => c.primaryKey().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("opened_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("officials", "text")
    .addColumn("summary", "text")
    .addColumn("chair_conclusion", "text")
    .addColumn("scan", "bytea")
    .addColumn("scan_mime", "text")
    .addColumn("scan_filename", "text")
    .addColumn("scan_size", "integer")
    .addColumn("scan_uploaded_at", "timestamptz")
    .addColumn("scan_uploaded_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .execute();

  // Each publication of the minutes is kept as it was published: a later correction is a new version.
  await db.schema
    .createTable("dialogue_minutes_version")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("published_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addUniqueConstraint("dialogue_minutes_version_uq", ["session_id", "version"])
    .execute();

  await db.schema
    .createTable("dialogue_followup")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) => c.notNull().references("dialogue_session.id").onDelete("restrict"))
    .addColumn("question_id", "integer", (c) => c.references("dialogue_question.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id").onDelete("restrict"))
    .addColumn("due_date", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'in_progress', 'done')`),
    )
    .addColumn("result", "text")
    .addColumn("done_at", "timestamptz")
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("dialogue_followup_session_idx")
    .on("dialogue_followup")
    .columns(["session_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "dialogue_followup",
    "dialogue_minutes_version",
    "dialogue_minutes",
    "dialogue_notification",
    "dialogue_checkin_attempt",
    "dialogue_vote",
    "dialogue_answer",
    "dialogue_question",
    "dialogue_registration",
    "dialogue_session_procedure",
    "dialogue_session",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
