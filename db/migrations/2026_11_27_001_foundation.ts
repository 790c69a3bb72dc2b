// Units, the procedure catalogue, settings and the holiday calendar.
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("unit.id").onDelete("restrict"))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("procedure")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("national_code", "text")
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("field_vi", "text", (c) => c.notNull())
    .addColumn("field_en", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("unit.id").onDelete("set null"))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("procedure_unit_idx").on("procedure").column("unit_id").execute();

  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "integer")
    .execute();

  await db.schema
    .createTable("holiday")
    .addColumn("date", "date", (c) => c.primaryKey())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("off")
        .check(sql`kind in ('off', 'work')`),
    )
    .execute();

  // Defaults every deployment needs (docs/rules/); the admin edits them later.
  const defaults: Record<string, unknown> = {
    "satisfaction.target": 0.9,
    "satisfaction.suppression_threshold": 5,
    "dialogue.notice_days": 7,
    "privacy.retention_months": 12,
    "feedback.days.refuse": 2,
    "feedback.days.request_info": 5,
    "feedback.days.transfer": 5,
    "feedback.days.answer": 15,
    "feedback.days.publish": 2,
    "feedback.due_soon_days": 2,
  };
  await db
    .insertInto("setting")
    .values(Object.entries(defaults).map(([key, value]) => ({ key, value: JSON.stringify(value) })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("holiday").execute();
  await db.schema.dropTable("setting").execute();
  await db.schema.dropTable("procedure").execute();
  await db.schema.dropTable("unit").execute();
}
