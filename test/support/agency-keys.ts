// The agency key rule (docs/decisions/0008-agency-keys.md), read from the catalog of the current
// schema: every table that is not shared has a not-null agency_id referencing agency, its primary
// key and every unique index start with agency_id, and every foreign key into such a table pairs
// agency_id with agency_id (so a row can only point inside its own agency). Returns one sentence
// per breach; an empty list means the schema can be distributed by agency as it stands.
import { sql, type Kysely } from "kysely";

interface TableRow {
  tbl: string;
  agency_att: number | null;
  not_null: boolean | null;
  refs_agency: boolean;
}
interface UniqueRow {
  tbl: string;
  name: string;
  is_primary: boolean;
  first_att: number;
}
interface ForeignRow {
  tbl: string;
  name: string;
  ref: string;
  cols: string[];
  ref_cols: string[];
}

export async function agencyKeyViolations(conn: Kysely<any>, shared: readonly string[]): Promise<string[]> {
  const tables = (
    await sql<TableRow>`
      select c.relname as tbl, a.attnum as agency_att, a.attnotnull as not_null,
        exists (select 1 from pg_constraint f join pg_class r on r.oid = f.confrelid
                where f.conrelid = c.oid and f.contype = 'f' and r.relname = 'agency'
                  and f.conkey = array[a.attnum]) as refs_agency
      from pg_class c
      left join pg_attribute a on a.attrelid = c.oid and a.attname = 'agency_id' and not a.attisdropped
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      order by c.relname`.execute(conn)
  ).rows;
  const uniques = (
    await sql<UniqueRow>`
      select t.relname as tbl, i.relname as name, x.indisprimary as is_primary, x.indkey[0] as first_att
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = current_schema()::regnamespace and x.indisunique
      order by t.relname, i.relname`.execute(conn)
  ).rows;
  const foreign = (
    await sql<ForeignRow>`
      select t.relname as tbl, c.conname as name, r.relname as ref,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as ref_cols
      from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
      where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace
      order by t.relname, c.conname`.execute(conn)
  ).rows;

  const out: string[] = [];
  const names = new Set(tables.map((t) => t.tbl));
  for (const s of shared) if (!names.has(s)) out.push(`the shared list names ${s}, which is not a table`);
  const scoped = tables.filter((t) => !shared.includes(t.tbl));
  const scopedNames = new Set(scoped.map((t) => t.tbl));

  for (const t of scoped) {
    if (t.agency_att === null) {
      out.push(`${t.tbl}: no agency_id column`);
      continue;
    }
    if (!t.not_null) out.push(`${t.tbl}: agency_id may be null`);
    if (!t.refs_agency) out.push(`${t.tbl}: agency_id does not reference agency`);
    const own = uniques.filter((u) => u.tbl === t.tbl);
    if (!own.some((u) => u.is_primary)) out.push(`${t.tbl}: no primary key`);
    for (const u of own)
      if (Number(u.first_att) !== Number(t.agency_att))
        out.push(`${t.tbl}: ${u.is_primary ? "primary key" : "unique index"} ${u.name} does not start with agency_id`);
  }
  // Into an agency's table, from any table: the pair (agency_id, x) → (agency_id, id).
  for (const f of foreign) {
    if (!scopedNames.has(f.ref)) continue;
    const at = f.cols.indexOf("agency_id");
    if (at < 0 || f.ref_cols[at] !== "agency_id")
      out.push(`${f.tbl}: foreign key ${f.name} to ${f.ref} does not pair agency_id with agency_id`);
  }
  return out;
}
