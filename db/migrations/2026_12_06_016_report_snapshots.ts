// A report period's figures as the Office sent them (chốt số liệu): the window, the moment the
// figures were read, and a copy of the rollup counts of that window. The report of a sent period
// reads these copies, so a late response or a back-dated paper form never changes it silently
// (docs/rules/report-periods.md). Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report_snapshot")
    .addColumn("id", "serial", (c) => c.primaryKey())
    // One sent report per period; the period row is never deleted while it has one.
    .addColumn("period_id", "integer", (c) => c.notNull().unique().references("report_period.id").onDelete("restrict"))
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date", (c) => c.notNull())
    // The local day the figures were read up to (the reading date, "số liệu đến ngày").
    .addColumn("read_through", "date", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .execute();

  // The answer counts of the window, per cell, as the rollups held them when sent.
  await db.schema
    .createTable("report_snapshot_count")
    .addColumn("snapshot_id", "integer", (c) => c.notNull().references("report_snapshot.id").onDelete("cascade"))
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("flagged", "boolean", (c) => c.notNull())
    .addColumn("item_id", "integer", (c) => c.notNull())
    .addColumn("c0", "integer", (c) => c.notNull())
    .addColumn("c1", "integer", (c) => c.notNull())
    .addColumn("c2", "integer", (c) => c.notNull())
    .addColumn("c3", "integer", (c) => c.notNull())
    .addColumn("c4", "integer", (c) => c.notNull())
    .addColumn("c5", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_snapshot_count_pk", [
      "snapshot_id",
      "item_id",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .execute();

  // Responses per cell, as sent (the volume table).
  await db.schema
    .createTable("report_snapshot_response")
    .addColumn("snapshot_id", "integer", (c) => c.notNull().references("report_snapshot.id").onDelete("cascade"))
    .addColumn("survey_version_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("procedure_id", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("flagged", "boolean", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_snapshot_response_pk", [
      "snapshot_id",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_snapshot_response").execute();
  await db.schema.dropTable("report_snapshot_count").execute();
  await db.schema.dropTable("report_snapshot").execute();
}
