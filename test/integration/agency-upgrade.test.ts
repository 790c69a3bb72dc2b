// Issue 19: upgrading a single-agency database to agencies keeps every row and every link. A
// fresh database is migrated to the schema before agencies (020), filled with a small data set
// that links the main tables to each other, then migrated up, down and up again.
import crypto from "node:crypto";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { connect, type DatabaseHandle } from "../../db/client";
import { migrateTo, migrateToLatest } from "../../db/migrate";
import { SHARED_TABLES } from "../../db/shared-tables";
import { agencyKeyViolations } from "../support/agency-keys";
import { DATA_AT_020, LINKS } from "../support/agency-upgrade-data";

const BEFORE = "2026_12_06_020_dialogue_english";
const shared = Object.keys(SHARED_TABLES);

let handle: DatabaseHandle;
let schema: string | undefined;
let conn: Kysely<any>;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Named after the run, so the run's teardown drops it with the others.
    schema = `t_${inject("runId") || "x"}_agup_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    handle = await connect({ url, schema, poolMax: 2 });
  } else {
    // Not the migrated template: this database starts empty and stops at 020.
    handle = await connect({ pgliteDir: "memory://", lock: false });
  }
  conn = handle.db;
  await migrateTo(conn, BEFORE, schema);
  for (const statement of DATA_AT_020) await sql.raw(statement).execute(conn);
});

afterAll(async () => {
  await handle?.close();
  if (schema && !inject("runId")) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
});

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`
    select relname as t from pg_class where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p')
      and relname not like 'kysely%' order by 1`.execute(conn);
  return rows.map((r) => r.t);
}

async function counts(names: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of names) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(conn);
    out[t] = rows[0].n;
  }
  return out;
}

async function links(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, query] of Object.entries(LINKS)) {
    const { rows } = await sql.raw<{ n: number }>(query).execute(conn);
    out[name] = rows[0].n;
  }
  return out;
}

/** Tables with an agency_id column, and how many of their rows belong to another agency than 1. */
async function rowsOutsideAgency1(): Promise<Record<string, number>> {
  const { rows } = await sql<{ t: string }>`
    select c.relname as t from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'agency_id'
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' order by 1`.execute(conn);
  const out: Record<string, number> = {};
  for (const { t } of rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)} where agency_id <> 1`.execute(
      conn,
    );
    out[t] = r.rows[0].n;
  }
  return out;
}

describe("upgrading a single-agency database", () => {
  let before: Record<string, number>;
  const targetMoved = () => ({ ...before, setting: before.setting - 1 });
  let linked: Record<string, number>;

  it("starts from a filled 020 schema that breaks the key rule", async () => {
    before = await counts(await tables());
    linked = await links();
    // Every table the data set was meant to touch holds rows, and every link resolves.
    const empty = Object.entries(before).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);
    for (const [name, n] of Object.entries(linked)) expect(n, name).toBeGreaterThan(0);
    expect(await agencyKeyViolations(conn, shared)).toEqual(
      expect.arrayContaining([
        "the shared list names agency, which is not a table",
        "unit: no agency_id column",
        "answer: no agency_id column",
      ]),
    );
  });

  it("keeps every row and link, all in agency 1, and then keys every table by agency", async () => {
    await migrateToLatest(conn, schema);
    const names = await tables();
    // 023 adds agency_holiday (an agency's own days) and moves the satisfaction.target setting
    // onto the agency's row: one setting row fewer, its value in agency.target_percent. 024 adds
    // the quarter rollup, filled from the half-month one: the half-month of 01/12/2026 lies in
    // the report quarter 15/09–14/12/2026.
    expect(names.filter((t) => !(t in before))).toEqual(["agency", "agency_holiday", "answer_rollup_quarter"]);
    const quarter = await sql<{ row: string }>`
      select (agency_id, to_char(quarter, 'YYYY-MM-DD'), survey_version_id, unit_id, procedure_id, channel, flagged, item_id,
              c0, c1, c2, c3, c4, c5)::text as row from answer_rollup_quarter`.execute(conn);
    expect(quarter.rows.map((r) => r.row)).toEqual(["(1,2026-09-15,1,2,1,qr,f,1,0,0,0,0,1,0)"]);
    expect(await counts(Object.keys(before))).toEqual(targetMoved());
    expect(await links()).toEqual(linked);
    const outside = await rowsOutsideAgency1();
    // Every table but the shared ones (two of them kysely's, not in `names`) got the column, and
    // staff_user too, whose agency is an attribute.
    expect(Object.keys(outside).length).toBe(names.length + 2 - shared.length + 1);
    expect(Object.values(outside).every((n) => n === 0)).toBe(true);
    expect(await agencyKeyViolations(conn, shared)).toEqual([]);
  });

  it("makes agency 1 from the report settings, under the province", async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select id, code, name_vi, name_en, parent_id, target_percent from agency order by id`.execute(conn);
    expect(rows).toEqual([
      // The data set stored the agency's name and symbol (Sở Tư pháp, STP) and a 92.5 % target.
      {
        id: 1,
        code: "stp",
        name_vi: "Sở Tư pháp tỉnh Tiền Giang",
        name_en: "Sở Tư pháp tỉnh Tiền Giang",
        parent_id: 2,
        target_percent: 92.5,
      },
      {
        id: 2,
        code: "ubnd-tinh-tien-giang",
        name_vi: "UBND tỉnh Tiền Giang",
        name_en: "People's Committee of Tien Giang Province",
        parent_id: null,
        target_percent: 90,
      },
    ]);
    // The next agency takes the next id.
    const next = await sql<{ id: number }>`
      insert into agency (code, name_vi, name_en, parent_id) values ('sct', 'Sở Công Thương', 'Department of Industry and Trade', 2)
      returning id`.execute(conn);
    expect(next.rows[0].id).toBe(3);
  });

  it("refuses a link across agencies, and a way down that would merge them", async () => {
    // Another agency may reuse a code (keys are per agency) ...
    await sql`insert into unit (agency_id, id, code, name_vi, name_en, kind) values (3, 901, 'VP', 'Văn phòng', 'Office', 'office')`.execute(
      conn,
    );
    // ... but not point at agency 1's unit 2.
    await expect(
      sql`insert into procedure (agency_id, code, name_vi, name_en, field_vi, field_en, unit_id)
          values (3, 'X1', 'Thủ tục', 'Procedure', 'Lĩnh vực', 'Field', 2)`.execute(conn),
    ).rejects.toThrow(/foreign key/);
    await expect(migrateTo(conn, BEFORE, schema)).rejects.toThrow(/unit holds rows of an agency other than 1/);
    // The refused migration changed nothing.
    expect(await agencyKeyViolations(conn, shared)).toEqual([]);
    await sql`delete from unit where agency_id = 3`.execute(conn);
    await sql`delete from agency where id = 3`.execute(conn);
  });

  it("goes down to 020 and up again without losing a row or a link", async () => {
    await migrateTo(conn, BEFORE, schema);
    expect(await tables()).toEqual(Object.keys(before));
    expect(await counts(Object.keys(before))).toEqual(before);
    expect(await links()).toEqual(linked);
    expect(await rowsOutsideAgency1()).toEqual({});
    await migrateToLatest(conn, schema);
    expect(await counts(Object.keys(before))).toEqual(targetMoved());
    expect(await links()).toEqual(linked);
    expect(Object.values(await rowsOutsideAgency1()).every((n) => n === 0)).toBe(true);
    expect(await agencyKeyViolations(conn, shared)).toEqual([]);
  });

  it("clears only the link, never the agency, when a set-null target goes", async () => {
    // Feedback 2 repeats feedback 1; a unit's staff member points at unit 2.
    await sql`delete from feedback where id = 1`.execute(conn);
    const { rows } = await sql<{ agency_id: number; repeat_of: number | null }>`
      select agency_id, repeat_of from feedback where id = 2`.execute(conn);
    expect(rows).toEqual([{ agency_id: 1, repeat_of: null }]);
  });
});
