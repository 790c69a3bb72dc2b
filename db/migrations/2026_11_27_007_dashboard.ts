// Report periods and the rollups that keep the dashboard fast at a million responses.
// Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Pre-filled per year from NĐ 09/2019 and the reform plan; the Office edits them.
  await db.schema
    .createTable("report_period")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y')`))
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date", (c) => c.notNull())
    .addColumn("due_date", "date")
    .addColumn("updated_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("report_period_uq", ["year", "kind"])
    .addCheckConstraint("report_period_range_ck", sql`end_date >= start_date`)
    .execute();

  // One row per local day, survey version, unit, procedure (0 = none), channel, flag and item,
  // with how many answers took each code 0–5 (L5: 0 = no opinion … 5; L3/priority 1–3; yes/no
  // 0/1). Written in the same transaction as each response, so it is never stale and never
  // rebuilt on a page view.
  await db.schema
    .createTable("answer_rollup")
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("flagged", "boolean", (c) => c.notNull())
    .addColumn("item_id", "integer", (c) => c.notNull())
    .addColumn("c0", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c1", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c2", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c3", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c4", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c5", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("answer_rollup_pk", [
      "item_id",
      "day",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .execute();

  // The same counts per half-month (1st–14th, 15th–end). Report windows run from a 15th to a
  // 14th, so a period's figures come from a few dozen rows per cell instead of one per day; the
  // daily table only fills in the edges of a window that does not align (an edited period).
  await db.schema
    .createTable("answer_rollup_half")
    .addColumn("bucket", "date", (c) => c.notNull())
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("flagged", "boolean", (c) => c.notNull())
    .addColumn("item_id", "integer", (c) => c.notNull())
    .addColumn("c0", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c1", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c2", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c3", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c4", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("c5", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("answer_rollup_half_pk", [
      "item_id",
      "bucket",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .execute();
  await db.schema
    .createIndex("answer_rollup_half_bucket_idx")
    .on("answer_rollup_half")
    .columns(["bucket", "unit_id"])
    .execute();

  // Responses per day and cell: the volume, and the denominator of the response rate.
  await db.schema
    .createTable("response_rollup")
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("flagged", "boolean", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("response_rollup_pk", [
      "day",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .execute();

  // Exports page through a period's responses in (submitted_at, id) order.
  await db.schema.createIndex("response_time_id_idx").on("response").columns(["submitted_at", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("response_time_id_idx").execute();
  await db.schema.dropTable("response_rollup").execute();
  await db.schema.dropTable("answer_rollup_half").execute();
  await db.schema.dropTable("answer_rollup").execute();
  await db.schema.dropTable("report_period").execute();
}
