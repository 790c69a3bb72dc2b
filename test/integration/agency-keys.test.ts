// Issue 19: every table that holds an agency's data says whose it is and is keyed by it, so the
// schema can be distributed by agency (docs/decisions/0008-agency-keys.md). Catalog-level, so it
// runs on the embedded database as on PostgreSQL.
import { sql } from "kysely";
import { db } from "../../db/client";
import { SHARED_TABLES } from "../../db/shared-tables";
import { agencyKeyViolations } from "../support/agency-keys";

const shared = Object.keys(SHARED_TABLES);

class Rollback extends Error {
  constructor(readonly found: string[]) {
    super("rollback");
  }
}

describe("agency keys", () => {
  it("hold for every table of the migrated schema", async () => {
    expect(await agencyKeyViolations(db(), shared)).toEqual([]);
  });

  it("leave out only shared tables that exist, each with its reason", async () => {
    const { rows } = await sql<{ tbl: string }>`
      select relname as tbl from pg_class
      where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p')`.execute(db());
    const tables = rows.map((r) => r.tbl);
    for (const [t, why] of Object.entries(SHARED_TABLES)) {
      expect(tables, t).toContain(t);
      expect(why.length, t).toBeGreaterThan(20);
    }
    // The bulk of the schema is agency data: a shared list that swallowed it would pass vacuously.
    expect(tables.length - shared.length).toBeGreaterThanOrEqual(40);
    // A name that is not a table is reported, so the list cannot go stale unnoticed.
    expect(await agencyKeyViolations(db(), [...shared, "no_such_table"])).toEqual([
      "the shared list names no_such_table, which is not a table",
    ]);
  });

  it("report a planted table that breaks each part of the rule", async () => {
    // Planted inside a transaction that is rolled back: the schema is left as it was.
    const found = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`create table planted_parent (id serial primary key, code text unique, agency_id integer)`.execute(
          trx,
        );
        await sql`create table planted_nokey (note text)`.execute(trx);
        await sql`create table planted_child (
            agency_id integer not null references agency (id),
            id integer not null,
            parent_id integer references planted_parent (id),
            unit_id integer,
            primary key (agency_id, id),
            foreign key (unit_id, agency_id) references unit (id, agency_id))`.execute(trx);
        await sql`create unique index planted_child_unit_uq on planted_child (unit_id)`.execute(trx);
        throw new Rollback(await agencyKeyViolations(trx, shared));
      })
      .catch((e: unknown) => {
        if (e instanceof Rollback) return e.found;
        throw e;
      });
    expect(found.sort()).toEqual(
      [
        "planted_nokey: no agency_id column",
        "planted_parent: agency_id may be null",
        "planted_parent: agency_id does not reference agency",
        "planted_parent: primary key planted_parent_pkey does not start with agency_id",
        "planted_parent: unique index planted_parent_code_key does not start with agency_id",
        "planted_child: foreign key planted_child_parent_id_fkey to planted_parent does not pair agency_id with agency_id",
        "planted_child: unique index planted_child_unit_uq does not start with agency_id",
      ].sort(),
    );
    // Rolled back: nothing planted is left.
    expect(await agencyKeyViolations(db(), shared)).toEqual([]);
  });
});
