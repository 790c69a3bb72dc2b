// Settings and holidays per agency (issue 19, docs/rules/agencies.md "Reports, settings and
// holidays").
// - The satisfaction target had two homes: the `satisfaction.target` setting (a fraction, read by
//   the dashboard and the reports) and `agency.target_percent` (read by the league, edited in the
//   agencies admin). It keeps one, the agency's column: each agency's stored setting is copied
//   there (the value its own reports were judged against) and the setting rows go. The other
//   settings were already keyed by agency in migration 021 (the existing rows are agency 1's); an
//   agency without a row reads the defaults.
// - `agency_holiday`: an agency's own days off (or working days) on top of the national calendar
//   (`holiday`, shared), keyed by agency like every agency table (docs/decisions/0008-agency-keys.md).
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update agency a set target_percent = trim_scale(round((s.value #>> '{}')::numeric * 100, 3))
    from setting s
    where s.agency_id = a.id and s.key = 'satisfaction.target' and jsonb_typeof(s.value) = 'number'
      and (s.value #>> '{}')::numeric > 0 and (s.value #>> '{}')::numeric <= 1
      and a.target_percent <> (s.value #>> '{}')::numeric * 100`.execute(db);
  await db.deleteFrom("setting").where("key", "=", "satisfaction.target").execute();

  await db.schema
    .createTable("agency_holiday")
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agency.id").onDelete("restrict"))
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("off")
        .check(sql`kind in ('off', 'work')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("staff_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("agency_holiday_pkey", ["agency_id", "date"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // An agency's own days have no place in the schema before this one: refused while any exists.
  const { rows } = await sql`select 1 from agency_holiday limit 1`.execute(db);
  if (rows.length) throw new Error("agency_holiday holds an agency's own days; delete them first");
  await db.schema.dropTable("agency_holiday").execute();
  // The target goes back to the setting of agency 1 and of every agency that has settings of its
  // own (one without any read the default before, and a row would stop 021's way down).
  await sql`insert into setting (agency_id, key, value)
    select id, 'satisfaction.target', to_jsonb(trim_scale(round(target_percent / 100, 5))) from agency
    where id = 1 or exists (select 1 from setting s where s.agency_id = agency.id)
    on conflict (agency_id, key) do nothing`.execute(db);
}
