// Without DATABASE_URL, each test file gets an in-memory embedded database. Migrating a fresh one
// per file costs seconds; loading a migrated template made once here costs well under one. The
// template is kept between runs under node_modules/.cache, named by a hash of the migrations and
// the PGlite version, so a run after a change to either makes a new one.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
  // The template is made (or found) on PostgreSQL runs too: embedded-thread.test.ts opens its own
  // embedded databases whatever DATABASE_URL says, and starting one from the template costs about
  // a third of a fresh initdb.
  project.provide("pgliteTemplate", await pgliteTemplate());
  if (url) {
    // Each test file makes a schema named after this run; they are all dropped here at the end,
    // not one by one as files finish: a schema dropped while another file's migrator lists every
    // schema's tables made that listing fail ("schema … does not exist").
    const runId = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
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
}

/** The migrated template's path, made once and then kept between runs. */
async function pgliteTemplate(): Promise<string> {
  const cached = templateCachePath();
  if (fs.existsSync(cached)) return cached;
  const pglite = new PGlite("memory://");
  await pglite.waitReady;
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }),
  });
  await migrateToLatest(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  // Written beside its final name and renamed: two runs at once never read half a file.
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const partial = `${cached}.${process.pid}.part`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, cached);
  for (const old of fs.readdirSync(path.dirname(cached)))
    if (old.startsWith("pglite-template-") && path.join(path.dirname(cached), old) !== cached && !old.endsWith(".part"))
      fs.rmSync(path.join(path.dirname(cached), old), { force: true });
  return cached;
}

/** Where the migrated template of these migrations lives: the hash covers every migration file,
 * the migrator and the PGlite version, so an edited or added migration never reads a stale one. */
function templateCachePath(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const hash = crypto.createHash("sha256");
  const migrations = path.join(root, "db/migrations");
  for (const name of fs.readdirSync(migrations).sort()) {
    hash.update(name);
    hash.update(fs.readFileSync(path.join(migrations, name)));
  }
  hash.update(fs.readFileSync(path.join(root, "db/migrate.ts")));
  hash.update(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json")));
  const key = hash.digest("hex").slice(0, 16);
  return path.join(root, "node_modules/.cache/hai-long", `pglite-template-${key}.tar`);
}
