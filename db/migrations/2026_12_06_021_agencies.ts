// Agencies (cơ quan, issue 19): one installation serves a whole province. Every table that holds
// an agency's data gets `agency_id` (the existing rows belong to agency 1, made here from the
// report settings), and is keyed by it: the agency id leads its primary key and every unique key,
// and a foreign key to another agency's table carries it on both sides, so a row can only point
// at a row of its own agency. That is the shape Citus needs to distribute the tables by agency
// later without a rewrite (docs/decisions/0008-agency-keys.md). Shared tables (the agency list,
// the national holiday calendar, staff accounts, installation secrets and counters) keep their
// keys. Today's queries do not filter on agency yet, so every old key keeps a plain index on its
// old columns (`<key name>_lookup`): a lookup by id, slug or day stays an index lookup.
// Frozen once landed: later changes go in a new migration.
import { sql, type Kysely } from "kysely";

/** Every table at migration 020 that holds one agency's data. The decision record names the
 * others (shared) and why; test/integration/agency-keys.test.ts checks both lists. */
const SCOPED = [
  "unit",
  "procedure",
  "setting",
  "audit_log",
  "consent_record",
  "survey",
  "survey_version",
  "survey_item",
  "response",
  "answer",
  "served_count",
  "rollup_pending",
  "response_source",
  "flag_acceptance",
  "answer_rollup",
  "answer_rollup_half",
  "response_rollup",
  "feedback_counter",
  "feedback",
  "feedback_contact",
  "feedback_attachment",
  "feedback_event",
  "dialogue_session",
  "dialogue_session_procedure",
  "dialogue_registration",
  "dialogue_registrant_session",
  "dialogue_question",
  "dialogue_answer",
  "dialogue_vote",
  "dialogue_checkin_attempt",
  "dialogue_notification",
  "dialogue_minutes",
  "dialogue_minutes_version",
  "dialogue_followup",
  "citizen_otp",
  "privacy_request",
  "privacy_erasure",
  "report_period",
  "report_snapshot",
  "report_snapshot_count",
  "report_snapshot_response",
  "tt01_staff_score",
  "late_dossier",
];

/** Shared tables that still belong to an agency as an attribute: a staff account signs in across
 * the installation, and works for one agency (its unit is one of that agency's units). */
const ATTRIBUTED = ["staff_user"];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const raw = (text: string) => sql.raw(text);

interface KeyRow {
  tbl: string;
  name: string;
  def: string;
}
interface ForeignKeyRow {
  tbl: string;
  name: string;
  ref: string;
  cols: string[];
  ref_cols: string[];
  on_delete: string;
  on_update: string;
  match: string;
}

/** Primary keys and unique constraints of `tables` in this schema, with their definitions. */
async function keyConstraints(db: Kysely<any>, tables: string[]): Promise<KeyRow[]> {
  const { rows } = await sql<KeyRow>`
    select t.relname as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
      and c.contype in ('p', 'u')
    order by t.relname, c.conname`.execute(db);
  return rows;
}

/** Unique indexes of `tables` that no constraint owns (partial ones, expressions). */
async function uniqueIndexes(db: Kysely<any>, tables: string[]): Promise<KeyRow[]> {
  const { rows } = await sql<KeyRow>`
    select t.relname as tbl, i.relname as name, pg_get_indexdef(x.indexrelid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
      and x.indisunique
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid
                      and c.contype in ('p', 'u', 'x'))
    order by t.relname, i.relname`.execute(db);
  return rows;
}

/** Foreign keys from `from` tables to `to` tables, column by column. */
async function foreignKeys(db: Kysely<any>, from: string[], to: string[]): Promise<ForeignKeyRow[]> {
  const { rows } = await sql<ForeignKeyRow>`
    select t.relname as tbl, c.conname as name, r.relname as ref,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as ref_cols,
      c.confdeltype as on_delete, c.confupdtype as on_update, c.confmatchtype as match
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
    where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace
      and t.relname = any(${from}::text[]) and r.relname = any(${to}::text[])
    order by t.relname, c.conname`.execute(db);
  return rows;
}

const ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

/** The definition of a foreign key. On a key that carries agency_id, "set null" names the
 * columns to clear (PostgreSQL 15): clearing agency_id too would break its not-null rule. */
function foreignKeyDef(fk: ForeignKeyRow, cols: string[], refCols: string[]): string {
  const own = cols.filter((c) => c !== "agency_id");
  const onDelete =
    fk.on_delete === "n" && own.length < cols.length ? `set null (${own.map(q).join(", ")})` : ACTIONS[fk.on_delete];
  return (
    `foreign key (${cols.map(q).join(", ")}) references ${q(fk.ref)} (${refCols.map(q).join(", ")})` +
    `${fk.match === "f" ? " match full" : ""} on delete ${onDelete} on update ${ACTIONS[fk.on_update]}`
  );
}

const KEY_HEAD = /^(PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?) \(/;
const INDEX_COLS = / USING (\w+) \(/;
const lookupName = (key: string) => `${key}_lookup`;

async function addAgencyToKeys(db: Kysely<any>): Promise<void> {
  const fks = await foreignKeys(db, [...SCOPED, ...ATTRIBUTED], SCOPED);
  for (const fk of fks) await raw(`alter table ${q(fk.tbl)} drop constraint ${q(fk.name)}`).execute(db);

  for (const k of await keyConstraints(db, SCOPED)) {
    if (!KEY_HEAD.test(k.def)) throw new Error(`agency keys: unexpected key ${k.name}: ${k.def}`);
    const next = k.def.replace(KEY_HEAD, "$1 (agency_id, ");
    await raw(`alter table ${q(k.tbl)} drop constraint ${q(k.name)}, add constraint ${q(k.name)} ${next}`).execute(db);
    // The old columns, no longer unique on their own, for today's lookups and ranges.
    const cols = k.def.replace(/^(PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?) /, "");
    await raw(`create index ${q(lookupName(k.name))} on ${q(k.tbl)} ${cols}`).execute(db);
  }
  for (const ix of await uniqueIndexes(db, SCOPED)) {
    if (!INDEX_COLS.test(ix.def)) throw new Error(`agency keys: unexpected index ${ix.name}: ${ix.def}`);
    await raw(`drop index ${q(ix.name)}`).execute(db);
    await raw(ix.def.replace(INDEX_COLS, " USING $1 (agency_id, ")).execute(db);
    const lookup = ix.def
      .replace(/^CREATE UNIQUE INDEX \S+ ON/, `CREATE INDEX ${q(lookupName(ix.name))} ON`)
      .replace(" NULLS NOT DISTINCT", "");
    await raw(lookup).execute(db);
  }

  for (const fk of fks) {
    const def = foreignKeyDef(fk, ["agency_id", ...fk.cols], ["agency_id", ...fk.ref_cols]);
    await raw(`alter table ${q(fk.tbl)} add constraint ${q(fk.name)} ${def}`).execute(db);
  }
}

async function removeAgencyFromKeys(db: Kysely<any>): Promise<void> {
  const fks = (await foreignKeys(db, [...SCOPED, ...ATTRIBUTED], SCOPED)).filter((fk) => fk.cols[0] === "agency_id");
  for (const fk of fks) await raw(`alter table ${q(fk.tbl)} drop constraint ${q(fk.name)}`).execute(db);

  const led = /^(PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?) \(agency_id, /;
  for (const k of await keyConstraints(db, SCOPED)) {
    if (!led.test(k.def)) continue;
    await raw(`drop index if exists ${q(lookupName(k.name))}`).execute(db);
    const before = k.def.replace(led, "$1 (");
    await raw(`alter table ${q(k.tbl)} drop constraint ${q(k.name)}, add constraint ${q(k.name)} ${before}`).execute(
      db,
    );
  }
  const ledIndex = / USING (\w+) \(agency_id, /;
  for (const ix of await uniqueIndexes(db, SCOPED)) {
    if (!ledIndex.test(ix.def)) continue;
    await raw(`drop index if exists ${q(lookupName(ix.name))}`).execute(db);
    await raw(`drop index ${q(ix.name)}`).execute(db);
    await raw(ix.def.replace(ledIndex, " USING $1 (")).execute(db);
  }

  for (const fk of fks) {
    const def = foreignKeyDef(fk, fk.cols.slice(1), fk.ref_cols.slice(1));
    await raw(`alter table ${q(fk.tbl)} add constraint ${q(fk.name)} ${def}`).execute(db);
  }
}

/** A URL slug from a name or symbol: "SKHCN" → "skhcn", "UBND tỉnh Tiền Giang" → "ubnd-tinh-tien-giang". */
function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
}

// The demo installation's names, with their English; a name the Office changed in the settings
// is kept as typed, in both languages, until the admin gives its English.
const DEFAULT_AGENCY_VI = "Sở Khoa học và Công nghệ tỉnh Tiền Giang";
const DEFAULT_AGENCY_EN = "Department of Science and Technology of Tien Giang Province";
const DEFAULT_PROVINCE_VI = "UBND tỉnh Tiền Giang";
const DEFAULT_PROVINCE_EN = "People's Committee of Tien Giang Province";

async function insertAgencies(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom("setting").select(["key", "value"]).execute();
  const text = (key: string) => {
    const v = rows.find((r) => r.key === key)?.value;
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  const target = rows.find((r) => r.key === "satisfaction.target")?.value;
  const agencyVi = text("report.agency") ?? DEFAULT_AGENCY_VI;
  const provinceVi = text("report.parent_agency") ?? DEFAULT_PROVINCE_VI;
  const code = slug(text("report.symbol") ?? "") || "skhcn";
  let provinceCode = slug(provinceVi) || "tinh";
  if (provinceCode === code) provinceCode = `${provinceCode}-tinh`;
  // The province is the root of the tree (id 2): the agency this installation already served
  // keeps id 1, the default every existing row takes.
  await db
    .insertInto("agency")
    .values([
      {
        id: 2,
        code: provinceCode,
        name_vi: provinceVi,
        name_en: provinceVi === DEFAULT_PROVINCE_VI ? DEFAULT_PROVINCE_EN : provinceVi,
        parent_id: null,
      },
      {
        id: 1,
        code,
        name_vi: agencyVi,
        name_en: agencyVi === DEFAULT_AGENCY_VI ? DEFAULT_AGENCY_EN : agencyVi,
        parent_id: 2,
        target_percent: typeof target === "number" && target > 0 && target <= 1 ? Math.round(target * 10000) / 100 : 90,
      },
    ])
    .execute();
  await sql`select setval(pg_get_serial_sequence('agency', 'id'), (select max(id) from agency))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("agency")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    )
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("agency.id").onDelete("restrict"))
    // The share of satisfied answers the agency aims at, in percent (the satisfaction.target
    // setting holds the same as a fraction for agency 1 until the settings read this).
    .addColumn("target_percent", "numeric", (c) =>
      c
        .notNull()
        .defaultTo(90)
        .check(sql`target_percent > 0 and target_percent <= 100`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("agency_not_own_parent", sql`parent_id <> id`)
    .execute();
  await db.schema.createIndex("agency_parent_idx").on("agency").column("parent_id").execute();
  await insertAgencies(db);

  // A constant default fills the column without rewriting the table; the existing rows read 1.
  for (const t of [...ATTRIBUTED, ...SCOPED])
    await raw(
      `alter table ${q(t)} add column agency_id integer not null default 1 ` +
        `constraint ${q(`${t}_agency_fk`)} references agency (id) on delete restrict`,
    ).execute(db);
  await addAgencyToKeys(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Going back to one agency would merge the others' rows into it (and break its unique keys):
  // refused while any row belongs to another agency.
  for (const t of [...SCOPED, ...ATTRIBUTED]) {
    const { rows } = await raw(`select 1 from ${q(t)} where agency_id <> 1 limit 1`).execute(db);
    if (rows.length) throw new Error(`agencies: ${t} holds rows of an agency other than 1; move or delete them first`);
  }
  await removeAgencyFromKeys(db);
  for (const t of [...SCOPED, ...ATTRIBUTED]) await raw(`alter table ${q(t)} drop column agency_id`).execute(db);
  await db.schema.dropTable("agency").execute();
}
