// The embedded PostgreSQL (PGlite) in its own thread, so a long statement no longer stops every
// other request of the portal (docs/decisions/0009-embedded-worker.md). The main thread sends the
// bytes pg writes (PostgreSQL's wire protocol) and gets back the bytes PGlite answers; pg parses
// them exactly as it would a server's. Plain JavaScript: Node loads this file as it is, from the
// sources (tsx, vitest) and beside the built server alike.
//
// Messages in: { id, op: "open", dataDir, loadDataDir? } once, then { id, op: "exec", bytes },
// { id, op: "session" } before a connection's first bytes, { id, op: "close" } last.
// Messages out: { id, bytes } or { id, error: { name, message, stack, code } }.
import { parentPort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {PGlite | null} */
let pglite = null;
// PGlite runs one statement at a time; requests are answered in the order they came.
let queue = Promise.resolve();

function errorOf(e) {
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, message: err.message, stack: err.stack, code: /** @type {any} */ (err).code };
}

/** PGlite answers into its own reusable buffer: copy it so the copy's memory can be handed over. */
function reply(id, bytes) {
  const out = bytes.slice();
  parentPort.postMessage({ id, bytes: out }, [out.buffer]);
}

async function handle(msg) {
  switch (msg.op) {
    case "open": {
      const loadDataDir = msg.loadDataDir ? new Blob([msg.loadDataDir]) : undefined;
      const db = new PGlite(msg.dataDir, loadDataDir ? { loadDataDir } : undefined);
      await db.waitReady;
      pglite = db;
      return new Uint8Array(0);
    }
    case "session": {
      // A new connection starts clean: one that died inside a transaction (its client was
      // dropped by the pool) must not leave that transaction open for the next one.
      if (pglite.isInTransaction()) await pglite.exec("rollback");
      return new Uint8Array(0);
    }
    case "exec":
      return pglite.execProtocolRaw(msg.bytes);
    case "close": {
      const db = pglite;
      pglite = null;
      if (db && !db.closed) await db.close();
      return new Uint8Array(0);
    }
    default:
      throw new Error(`Unknown request to the embedded database thread: ${msg.op}`);
  }
}

parentPort.on("message", (msg) => {
  queue = queue.then(async () => {
    try {
      if ((msg.op === "session" || msg.op === "exec") && !pglite) throw new Error("The embedded database is closed.");
      reply(msg.id, await handle(msg));
    } catch (e) {
      parentPort.postMessage({ id: msg.id, error: errorOf(e) });
    }
    // Once closed nothing else comes: let the thread end so the process may exit.
    if (msg.op === "close") parentPort.close();
  });
});
