// Reading the export's rows batch by batch, the next batch asked for while this one is written (the
// database and the writer overlap). On PostgreSQL the statement runs once, through a cursor, as
// PostgreSQL's own COPY runs it; on the embedded database, and past the cursors' share of the pool,
// in keyset pages, one short statement each (docs/decisions/0012-export-cursor.md).
import { sql, type RawBuilder } from "kysely";
import { currentDatabase, db, type DB } from "~/kernel/db/db.server";
import type { DashboardFilter } from "./dashboard.server";
import { exportQuery, type PageRow } from "./export-query.server";

// 1,000 rows a batch: a larger one is more to keep while the next one arrives: 5,000-row pages
// were promoted to the old generation and the heap grew to 100+ MB (README "Performance",
// exports; 1,000, 2,000 and 5,000 measured, 1,000 the least memory).
export const BATCH = 1000;

/** Exports reading through a cursor right now, in this process: each holds a pool connection. */
let cursorsOpen = 0;

/** Whether another export may hold a connection for its whole run: at most half the pool, so
 * exports started together leave the other half to the survey and staff pages. */
export function mayOpenCursor(open: number, poolMax: number): boolean {
  return open < Math.floor(poolMax / 2);
}

/** Hands every row of the window to `write`, batch after batch; the number of rows. */
export async function readExportRows(f: DashboardFilter, write: (rows: PageRow[]) => Promise<void>): Promise<number> {
  const handle = currentDatabase();
  if (handle?.kind !== "postgres" || !mayOpenCursor(cursorsOpen, handle.pool.options.max ?? 10)) {
    return eachBatch((last) => fetchPage(f, last), write);
  }
  cursorsOpen++;
  try {
    return await readThroughCursor(db(), f, write);
  } finally {
    cursorsOpen--;
  }
}

// One read-only REPEATABLE READ transaction: the cursor sees one snapshot from the first row to
// the last, like COPY. A failure anywhere (the writer's too: the client went away) rolls it back,
// which closes the cursor and gives the connection back to the pool.
function readThroughCursor(database: DB, f: DashboardFilter, write: (rows: PageRow[]) => Promise<void>) {
  return database
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      // A cursor is planned for its first tenth by default (cursor_tuple_fraction 0.1); this one
      // is read to the end, so it is planned as COPY plans it. JIT: see fetchRows.
      await sql`select set_config('jit', 'off', true), set_config('cursor_tuple_fraction', '1', true)`.execute(trx);
      await sql`declare hl_export no scroll cursor for ${exportQuery(f, null, null)}`.execute(trx);
      return eachBatch(() => fetchBatch(trx), write);
    });
}

async function fetchBatch(trx: DB): Promise<PageRow[]> {
  return (await sql<PageRow>`fetch ${sql.raw(String(BATCH))} from hl_export`.execute(trx)).rows;
}

function fetchPage(f: DashboardFilter, last: PageRow | null): Promise<PageRow[]> {
  return fetchRows(exportQuery(f, last && { at: last.at_key, id: last.id }, BATCH));
}

function fetchRows<R>(query: RawBuilder<R>): Promise<R[]> {
  // The planner prices the per-response look-ups high enough to JIT-compile every page, which
  // cost ~0.7 s a page for nothing (measured): off for this statement only.
  return db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return (await query.execute(trx)).rows;
    });
}

/** Asks `next` for batches until one comes back short (`last` is the previous batch's last row,
 * for keyset pages), asking for the following one before writing each. */
async function eachBatch(
  next: (last: PageRow | null) => Promise<PageRow[]>,
  write: (rows: PageRow[]) => Promise<void>,
): Promise<number> {
  let total = 0;
  // A batch asked for ahead must not fail unobserved (an unhandled rejection ends the process)
  // when the writer fails first: the error is still thrown where the batch is awaited.
  const ask = (last: PageRow | null) => {
    const p = next(last);
    p.catch(() => {});
    return p;
  };
  let pending: Promise<PageRow[]> | null = ask(null);
  while (pending) {
    const rows: PageRow[] = await pending;
    pending = rows.length === BATCH ? ask(rows[rows.length - 1]) : null;
    try {
      await write(rows);
    } catch (e) {
      // The batch asked for ahead is let finish first: the cursor's rollback then goes out on an
      // idle connection (pg no longer queues a statement behind a running one without a warning).
      await pending?.catch(() => {});
      throw e;
    }
    total += rows.length;
  }
  return total;
}
