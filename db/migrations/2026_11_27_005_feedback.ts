// Feedback (phản ánh, kiến nghị — NĐ 20/2008): the register, the sender's contact details kept
// apart so the retention job can erase them and keep the anonymous figures, attachments held in
// the database so several instances share them, the log of every step, and a per-day counter
// for tracking codes. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("feedback_counter")
    .addColumn("day", "date", (c) => c.primaryKey())
    .addColumn("last", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("feedback")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    // Generated when the form is shown: a retried post returns the first one's code.
    .addColumn("submission_id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('phan_anh', 'kien_nghi')`))
    .addColumn("title", "text")
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id").onDelete("set null"))
    .addColumn("dossier_code", "text")
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("received"))
    .addColumn("class", "text", (c) => c.check(sql`class in ('competent', 'conduct', 'transferred')`))
    .addColumn("transfer_agency", "text")
    .addColumn("transfer_dispatch", "text")
    .addColumn("refuse_reason", "text")
    .addColumn("info_request", "text")
    .addColumn("unit_id", "integer", (c) => c.references("unit.id").onDelete("set null"))
    .addColumn("assignee_id", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("answer_draft", "text")
    // What the public sees: set at publication, masked, and kept when a reopened case is re-drafted.
    .addColumn("answer_published", "text")
    .addColumn("public_title", "text")
    .addColumn("public_content", "text")
    .addColumn("approved_by_name", "text")
    .addColumn("approved_at", "timestamptz")
    .addColumn("published_at", "timestamptz")
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("base_date", "date", (c) => c.notNull())
    .addColumn("refuse_due", "date", (c) => c.notNull())
    .addColumn("info_due", "date", (c) => c.notNull())
    .addColumn("transfer_due", "date", (c) => c.notNull())
    .addColumn("answer_due", "date", (c) => c.notNull())
    .addColumn("publish_due", "date")
    // The department's next limit in the current state (null when it is not the department's turn).
    .addColumn("due_date", "date")
    .addColumn("late", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("handled_at", "timestamptz")
    .addColumn("rating", "text", (c) => c.check(sql`rating in ('satisfied', 'unsatisfied')`))
    .addColumn("rated_at", "timestamptz")
    .addColumn("unsatisfied_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reopened_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notify_status", "text", (c) => c.check(sql`notify_status in ('emailed', 'to_notify', 'notified')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("feedback_submission_uq", ["submission_id"])
    .execute();
  await db.schema.createIndex("feedback_status_due_idx").on("feedback").columns(["status", "due_date"]).execute();
  await db.schema.createIndex("feedback_unit_idx").on("feedback").column("unit_id").execute();
  await db.schema.createIndex("feedback_received_idx").on("feedback").column("received_at").execute();
  await db.schema.createIndex("feedback_published_idx").on("feedback").column("published_at").execute();

  await db.schema
    .createTable("feedback_contact")
    .addColumn("feedback_id", "integer", (c) => c.primaryKey().references("feedback.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("phone_digits", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("organisation", "text")
    .execute();

  await db.schema
    .createTable("feedback_attachment")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("feedback_id", "integer", (c) => c.notNull().references("feedback.id").onDelete("cascade"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("data", "bytea", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo("intake"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("feedback_attachment_fb_idx").on("feedback_attachment").column("feedback_id").execute();

  await db.schema
    .createTable("feedback_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("feedback_id", "integer", (c) => c.notNull().references("feedback.id").onDelete("cascade"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    // Null actor: the sender (intake, more information, rating).
    .addColumn("actor_id", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("actor_name", "text")
    .addColumn("note", "text")
    .addColumn("details", "jsonb")
    .execute();
  await db.schema.createIndex("feedback_event_fb_idx").on("feedback_event").columns(["feedback_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("feedback_event").execute();
  await db.schema.dropTable("feedback_attachment").execute();
  await db.schema.dropTable("feedback_contact").execute();
  await db.schema.dropTable("feedback").execute();
  await db.schema.dropTable("feedback_counter").execute();
}
