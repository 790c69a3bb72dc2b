// The database connection: a pg pool to the server named by DATABASE_URL, or the embedded
// PostgreSQL (PGlite). Both go through the same pg driver and Kysely's PostgresDialect (with an
// introspector that reads only the connection's own schema, db/introspector.ts), so
// type parsing and SQL are the same on both. The embedded one runs in its own thread by default
// (db/embedded-thread.ts); PGLITE_THREAD=off keeps it on the event loop through PGlite's own
// node-postgres shim (docs/decisions/0009-embedded-worker.md).
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely } from "kysely";
import pg from "pg";
import { EmbeddedThread } from "./embedded-thread";
import { CurrentSchemaPostgresDialect } from "./introspector";
import { acquireDataDirLock } from "./lock";
import { nameStatements } from "./prepared";
import type { Database } from "./types";

// count(*) is int8 and sums are numeric: pg returns both as strings. Our counts stay far below
// 2^53, so numbers are the honest type. Dates stay "YYYY-MM-DD" strings: a JS Date at local
// midnight shifts the day in other time zones.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  kind: "postgres" | "pglite";
  pool: pg.Pool;
  /** The schema the tables live in (search_path), when not the default. */
  schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  url?: string;
  /** Embedded data directory; "memory://" for a throw-away database. */
  pgliteDir?: string;
  /** Start the embedded database from a dump (tests use a migrated template). */
  loadDataDir?: Blob | File;
  schema?: string;
  poolMax?: number;
  /** Hold the one-owner lock on the data directory (off for memory:// databases). */
  lock?: boolean;
  /** Run the embedded database in a thread of its own (default: on unless PGLITE_THREAD=off). */
  thread?: boolean;
}

/** PGLITE_THREAD: "off" runs the embedded database on the caller's event loop; anything else
 * (unset, "on") in its own thread. The server's environment check refuses other values. */
export function embeddedThreadDefault(): boolean {
  return process.env.PGLITE_THREAD !== "off";
}

function makeHandle(
  pool: pg.Pool,
  kind: DatabaseHandle["kind"],
  onClose: () => Promise<void>,
  schema?: string,
): DatabaseHandle {
  // An idle client whose server went away emits an error on the pool; without a listener Node
  // would crash the whole portal. The next query opens a new connection once the server is back.
  pool.on("error", (err) => console.error(`[db] idle connection lost: ${err.message}`));
  // A connection lost while a request holds it between two queries (inside a transaction) is
  // reported on the client, not the pool: without a listener that 'error' event crashed the whole
  // portal (found by the fault test that cuts the database during submissions). The request's
  // next query fails, it gets the "try again" page, and the pool drops the dead client on release.
  pool.on("connect", (client) => {
    client.on("error", (err) => console.error(`[db] connection lost during a request: ${err.message}`));
    // The embedded database runs in this process: no network, and its shim plans per call anyway.
    if (kind === "postgres") nameStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind,
    pool,
    schema,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      // Kysely ends only a pool it has used; one used only directly (handle.pool) is ended here.
      if (!pool.ending && !pool.ended) await pool.end();
      await onClose();
    },
  };
}

export async function connect(opts: ConnectOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolMax ?? 10,
      // Fail fast when the server is down so /healthz and pages answer instead of hanging.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    return makeHandle(pool, "postgres", async () => {}, opts.schema);
  }
  const dir = opts.pgliteDir ?? "./.data/pglite";
  const memory = dir.startsWith("memory://");
  const release = opts.lock !== false && !memory ? acquireDataDirLock(dir) : () => {};
  try {
    if (opts.thread ?? embeddedThreadDefault()) {
      const thread = await EmbeddedThread.start(dir, opts.loadDataDir);
      const pool = new pg.Pool({
        // PGlite serves one connection; it never goes away, so an idle one is kept.
        max: 1,
        idleTimeoutMillis: 0,
        user: "postgres",
        database: "postgres",
        stream: () => thread.stream(),
      });
      return makeHandle(pool, "pglite", async () => {
        await thread.close();
        release();
      });
    }
    const pglite = new PGlite(dir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : undefined);
    await pglite.waitReady;
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    return makeHandle(pool, "pglite", async () => {
      await pglite.close();
      release();
    });
  } catch (e) {
    release();
    throw e;
  }
}

// The process-wide handle. The server opens it before listening; each test file opens its own.
let current: DatabaseHandle | null = null;

export function setDatabase(handle: DatabaseHandle | null): void {
  current = handle;
}

export function currentDatabase(): DatabaseHandle | null {
  return current;
}

export function db(): DB {
  if (!current) throw new Error("The database is not open yet (call openDatabase first).");
  return current.db;
}
