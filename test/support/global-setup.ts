// Without DATABASE_URL, each test file gets an in-memory embedded database. Migrating a fresh one
// per file costs seconds; loading a migrated template made once here costs well under one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Each test file makes a schema named after this run; they are all dropped here at the end,
    // not one by one as files finish: a schema dropped while another file's migrator lists every
    // schema's tables made that listing fail ("schema … does not exist").
    const runId = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    project.provide("pgliteTemplate", "");
    project.provide("runId", runId);
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like $1`, [
        `t_${runId}_%`,
      ]);
      for (const r of rows) await c.query(`drop schema ${r.nspname} cascade`);
      await c.end();
    };
  }
  project.provide("runId", "");
  const pglite = new PGlite("memory://");
  await pglite.waitReady;
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }),
  });
  await migrateToLatest(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hai-long-tpl-"));
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
