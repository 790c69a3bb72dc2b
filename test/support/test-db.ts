// An isolated database for one test file: its own schema on the server named by DATABASE_URL,
// or its own in-memory embedded PostgreSQL started from a migrated template. Dropped afterwards.
import fs from "node:fs";
import crypto from "node:crypto";
import pg from "pg";
import { connect, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

export interface TestDatabase extends DatabaseHandle {
  dispose(): Promise<void>;
}

export async function createTestDatabase(templatePath?: string, runId = ""): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${runId || "x"}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = await connect({ url, schema, poolMax: 20 });
    // Another file migrating its own schema down meanwhile cannot break this: the migrator reads
    // only this schema (db/introspector.ts).
    await migrateToLatest(handle.db, schema);
    return {
      ...handle,
      async dispose() {
        await handle.close();
        // Inside a test run the global teardown drops every schema of the run at once; a caller
        // outside one (no run id) drops its own.
        if (runId) return;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const loadDataDir = templatePath ? new Blob([fs.readFileSync(templatePath)]) : undefined;
  const handle = await connect({ pgliteDir: "memory://", loadDataDir, lock: false });
  // With a template this finds nothing to do; without one it builds the schema from scratch.
  await migrateToLatest(handle.db);
  return { ...handle, dispose: () => handle.close() };
}
