// Surveys as data (versions of ordered items), anonymous responses and their answers, and
// served counts for the response rate. (Abuse-limit counters: rate_limit, migration 003.)
// Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    // A = per-dossier evaluation, B = the SIPAS-aligned periodic survey (docs/rules/questionnaires.md).
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('A', 'B', 'custom')`))
    .addColumn("title_vi", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("intro_vi", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("intro_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("opens_at", "timestamptz")
    .addColumn("closes_at", "timestamptz")
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A version's items are frozen once it has a response: answers must keep meaning what the
  // person read. A wording change makes a new version.
  await db.schema
    .createTable("survey_version")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("published_at", "timestamptz")
    .addColumn("frozen", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("survey_version_number_uq", ["survey_id", "version"])
    .execute();

  await db.schema
    .createTable("survey_item")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("version_id", "integer", (c) => c.notNull().references("survey_version.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("block", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('L5', 'L3', 'PRIORITY', 'single', 'multi', 'yesno', 'text', 'textarea')`),
    )
    .addColumn("text_vi", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("help_vi", "text")
    .addColumn("help_en", "text")
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(false))
    // Choices: [{ code, vi, en, score?, feedback? }]; labels live here, answers keep the code.
    .addColumn("options", "jsonb")
    .addColumn("max_length", "integer")
    .addUniqueConstraint("survey_item_code_uq", ["version_id", "code"])
    .execute();
  await db.schema
    .createIndex("survey_item_version_idx")
    .on("survey_item")
    .columns(["version_id", "position"])
    .execute();

  // The id is the submission id the form carried: a retry of the same form finds it taken.
  // No IP address, user agent or name is ever stored here (docs/rules/personal-data.md).
  await db.schema
    .createTable("response")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("survey.id").onDelete("restrict"))
    .addColumn("survey_version_id", "integer", (c) => c.notNull().references("survey_version.id").onDelete("restrict"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id").onDelete("restrict"))
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id").onDelete("set null"))
    .addColumn("counter", "text")
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('qr', 'kiosk', 'web', 'paper')`))
    .addColumn("lang", "text", (c) => c.notNull().check(sql`lang in ('vi', 'en')`))
    .addColumn("started_at", "timestamptz")
    // When the person answered (for paper: the date written on the form).
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // When the row was written (for paper: when staff typed it in).
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("flagged", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("flag_reasons", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("dossier_hash", "text")
    .addColumn("entered_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .execute();
  await sql`create unique index response_dossier_uq on response (survey_id, dossier_hash) where dossier_hash is not null`.execute(
    db,
  );
  await db.schema
    .createIndex("response_version_time_idx")
    .on("response")
    .columns(["survey_version_id", "submitted_at"])
    .execute();
  await db.schema.createIndex("response_unit_time_idx").on("response").columns(["unit_id", "submitted_at"]).execute();

  await db.schema
    .createTable("answer")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("survey_item.id").onDelete("restrict"))
    .addColumn("value", "integer")
    .addColumn("text", "text")
    .addColumn("choices", sql`text[]`)
    .addPrimaryKeyConstraint("answer_pk", ["response_id", "item_id"])
    .execute();
  await db.schema.createIndex("answer_item_idx").on("answer").columns(["item_id", "value"]).execute();

  // Dossiers served per unit (and optionally procedure) in a period: the response rate's denominator.
  await db.schema
    .createTable("served_count")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id").onDelete("restrict"))
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id").onDelete("cascade"))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count >= 0`))
    .addColumn("entered_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("entered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("served_count_period_ck", sql`period_end >= period_start`)
    .execute();
  // One figure per unit, procedure (or none) and period: entering it again corrects it.
  await sql`create unique index served_count_period_uq on served_count (unit_id, procedure_id, period_start, period_end) nulls not distinct`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("served_count").execute();
  await db.schema.dropTable("answer").execute();
  await db.schema.dropTable("response").execute();
  await db.schema.dropTable("survey_item").execute();
  await db.schema.dropTable("survey_version").execute();
  await db.schema.dropTable("survey").execute();
}
