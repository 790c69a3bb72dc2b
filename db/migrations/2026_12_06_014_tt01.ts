// TT 01/2018 grade (issue 14, docs/rules/tt01.md): the indicators staff enter per report period
// (2, 5, 6, 9 — read from the one-stop system), and the register of dossiers returned late
// (NĐ 61/2018 Art. 19) with the apology letters sent. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tt01_staff_score")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y')`))
    .addColumn("indicator", "integer", (c) => c.notNull().check(sql`indicator in (2, 5, 6, 9)`))
    // Tenths of a point, 0–20: the score has one decimal and integers compare exactly.
    .addColumn("score_tenths", "integer", (c) => c.notNull().check(sql`score_tenths between 0 and 20`))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("entered_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("entered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("tt01_staff_score_uq", ["year", "kind", "indicator"])
    .execute();

  await db.schema
    .createTable("late_dossier")
    .addColumn("id", "serial", (c) => c.primaryKey())
    // The dossier code as the one-stop system writes it, upper case without spaces: the register
    // is the agency's own record and must name the dossier (docs/rules/tt01.md, "Privacy").
    .addColumn("dossier_code", "text", (c) => c.notNull().unique())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("unit.id").onDelete("restrict"))
    .addColumn("procedure_id", "integer", (c) => c.references("procedure.id").onDelete("set null"))
    .addColumn("promised_date", "date", (c) => c.notNull())
    // Null while the result has not been returned yet.
    .addColumn("returned_date", "date")
    .addColumn("apology_sent", "boolean", (c) => c.notNull())
    .addColumn("apology_date", "date")
    .addColumn("new_date", "date")
    // Null while the new date has not come (or no new date was set).
    .addColumn("new_date_kept", "boolean")
    .addColumn("entered_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("entered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("late_dossier_apology_ck", sql`apology_sent or apology_date is null`)
    .execute();
  await db.schema
    .createIndex("late_dossier_promised_idx")
    .on("late_dossier")
    .columns(["promised_date", "unit_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("late_dossier").execute();
  await db.schema.dropTable("tt01_staff_score").execute();
}
