// Issue 18: the dashboard on any window under 100 ms at 1,000,000 responses. A report year read
// 24 half-month buckets of answer_rollup_half (about 146,000 rows at that size, several times per
// page); this adds the same counts per report quarter (NĐ 09/2019: 15/12–14/03, 15/03–14/06,
// 15/06–14/09, 15/09–14/12), each exactly six half-months, so a year is four row sets. Keyed by
// agency like the half-month table (docs/decisions/0008-agency-keys.md); `quarter` is the
// quarter's first day. Filled here from the half-month table, so an upgrade keeps its figures.
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("answer_rollup_quarter")
    .addColumn("agency_id", "integer", (c) => c.notNull())
    .addColumn("quarter", "date", (c) => c.notNull())
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
    .addPrimaryKeyConstraint("answer_rollup_quarter_pk", [
      "agency_id",
      "item_id",
      "quarter",
      "unit_id",
      "procedure_id",
      "channel",
      "flagged",
      "survey_version_id",
    ])
    .addForeignKeyConstraint("answer_rollup_quarter_agency_fk", ["agency_id"], "agency", ["id"], (c) =>
      c.onDelete("restrict"),
    )
    .execute();
  // The dashboard does not filter on the agency yet (it picks rows by survey version and item):
  // the same two indexes the half-month table has for it, by item and by quarter and unit.
  await db.schema
    .createIndex("answer_rollup_quarter_item_idx")
    .on("answer_rollup_quarter")
    .columns(["item_id", "quarter", "unit_id", "procedure_id", "channel", "flagged", "survey_version_id"])
    .execute();
  await db.schema
    .createIndex("answer_rollup_quarter_quarter_idx")
    .on("answer_rollup_quarter")
    .columns(["quarter", "unit_id"])
    .execute();

  // A half-month bucket's quarter: shifted 14 days back, a report quarter is the months Dec–Feb,
  // Mar–May, …, a calendar quarter one month later (the same rule as the fold's).
  await sql`
    insert into answer_rollup_quarter (agency_id, quarter, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
    select agency_id, (date_trunc('quarter', bucket - 14 + interval '1 month') - interval '1 month')::date + 14,
           survey_version_id, unit_id, procedure_id, channel, flagged, item_id,
           sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
    from answer_rollup_half group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("answer_rollup_quarter").execute();
}
