// The migrator's look at the schema (db/introspector.ts) reads the connection's own schema only,
// so a test file migrating its schema down on the same server cannot make another file's
// migration fail (CI of stop 21: `relation "<other>.dialogue_session" does not exist`).
import crypto from "node:crypto";
import { PostgresIntrospector, sql } from "kysely";
import pg from "pg";
import { db } from "../../db/client";

const url = process.env.DATABASE_URL;

describe("the schema introspector", () => {
  it("describes this schema's tables and columns as Kysely's own introspector does", async () => {
    const mine = await db().introspection.getTables({ withInternalKyselyTables: true });
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db());
    const stock = (await new PostgresIntrospector(db()).getTables({ withInternalKyselyTables: true })).filter(
      (t) => t.schema === rows[0].s,
    );
    expect(mine.length).toBeGreaterThan(40);
    expect(mine.every((t) => t.schema === rows[0].s)).toBe(true);
    const shape = (tables: typeof mine) =>
      tables
        .map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => a.name.localeCompare(b.name)) }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(shape(mine)).toEqual(shape(stock));
    // Without the internal tables, the migrator's two are left out (as Kysely's does).
    const plain = (await db().introspection.getTables()).map((t) => t.name);
    expect(plain).not.toContain("kysely_migration");
    expect(plain.length).toBe(mine.length - 2);
  });

  it.skipIf(!url)(
    "keeps working while another schema on the server drops and makes tables (PostgreSQL only: one embedded database has no other schema)",
    async () => {
      const other = `t_introspect_${crypto.randomBytes(4).toString("hex")}`;
      const churn = new pg.Client({ connectionString: url });
      await churn.connect();
      await churn.query(`create schema ${other}`);
      let stop = false;
      let cycles = 0;
      const loop = (async () => {
        while (!stop) {
          await churn.query(`create table ${other}.t (id serial primary key, a int, b text)`);
          await churn.query(`drop table ${other}.t`);
          cycles++;
        }
      })();
      const failures: string[] = [];
      try {
        for (let i = 0; i < 150; i++) {
          await db()
            .introspection.getTables({ withInternalKyselyTables: true })
            .catch((e: Error) => failures.push(e.message));
        }
      } finally {
        stop = true;
        await loop;
        await churn.query(`drop schema ${other} cascade`);
        await churn.end();
      }
      // The other schema really changed under the reads, many times.
      expect(cycles).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    },
  );
});
