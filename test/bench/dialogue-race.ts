// The dialogue sign-up race through the production server: N people press "sign up" at the same
// moment for the last free seats. Prints how long it takes to settle and how it settled; asserts
// nothing. Run: npx tsx test/bench/dialogue-race.ts [N] [seats]
import pg from "pg";
import { connect } from "../../db/client";
import { reachablePostgres, startServer, PG_BASE_URL, type RunningServer } from "../support/server";
import { ensureBuild, nextAddress } from "./support";

const N = Number(process.argv[2] ?? 300);
const SEATS = Number(process.argv[3] ?? 50);

/** The demo's dialogue whose registration is open (its page shows the sign-up form). */
async function openSession(server: RunningServer): Promise<number> {
  const list = await (await fetch(`${server.url}/dialogues`)).text();
  for (const m of list.matchAll(/href="\/dialogues\/(\d+)"/g)) {
    const page = await (await fetch(`${server.url}/dialogues/${m[1]}`)).text();
    if (page.includes('name="consent"')) return Number(m[1]);
  }
  throw new Error("no dialogue with open registration");
}

/** One person's post, from their own phone and address (the per-address limit is 60 in 10 min). */
function signUp(server: RunningServer, sessionId: number, i: number) {
  const body = new URLSearchParams({
    name: `Người đăng ký ${i}`,
    phone: `09${String(10_000_000 + i * 7919).slice(0, 8)}`,
    email: "",
    kind: "citizen",
    organisation: "",
    accessibility: "",
    question: "",
    topic: "",
    adult: "on",
    consent: "on",
  });
  return fetch(`${server.url}/dialogues/${sessionId}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: server.url,
      "X-Forwarded-For": nextAddress(),
    },
  }).then(
    (r) => r.status,
    () => 0,
  );
}

async function counts(conn: pg.Pool | pg.Client, sessionId: number, t0: Date) {
  const r = await conn.query(
    `select count(*) filter (where status = 'confirmed' and created_at >= $2) as new_confirmed,
            count(*) filter (where status = 'waitlisted' and created_at >= $2) as new_waitlisted,
            count(*) filter (where status = 'confirmed') as confirmed,
            (select capacity from dialogue_session where id = $1) as capacity
       from dialogue_registration where session_id = $1`,
    [sessionId, t0],
  );
  return r.rows[0] as { new_confirmed: number; new_waitlisted: number; confirmed: number; capacity: number };
}

async function run(kind: "PostgreSQL" | "embedded") {
  const postgres = kind === "PostgreSQL";
  const server = await startServer({ postgres, env: { TRUST_PROXY: "1" } });
  try {
    const sessionId = await openSession(server);
    let free = "the demo dialogue's free seats";
    if (postgres) {
      // Leave exactly SEATS free seats, whatever the demo data already confirmed.
      const c = new pg.Client({ connectionString: server.databaseUrl });
      await c.connect();
      await c.query(
        `update dialogue_session set capacity = (select count(*) from dialogue_registration where session_id = $1 and status = 'confirmed') + $2 where id = $1`,
        [sessionId, SEATS],
      );
      await c.end();
      free = `${SEATS} free seats`;
    }
    const t0 = new Date();
    const start = performance.now();
    const statuses = await Promise.all(Array.from({ length: N }, (_, i) => signUp(server, sessionId, i)));
    const ms = performance.now() - start;
    const byStatus: Record<string, number> = {};
    for (const s of statuses) byStatus[s] = (byStatus[s] ?? 0) + 1;
    let c: Awaited<ReturnType<typeof counts>>;
    if (postgres) {
      const pool = new pg.Pool({ connectionString: server.databaseUrl });
      c = await counts(pool, sessionId, t0);
      await pool.end();
    } else {
      await server.stop();
      const handle = await connect({ pgliteDir: server.dataDir! });
      c = await counts(handle.pool, sessionId, t0);
      await handle.close();
    }
    const errors = Object.entries(byStatus).filter(([s]) => s !== "303");
    console.log(`\n${kind}: ${N} concurrent sign-ups for ${free} (capacity ${c.capacity}) through the server`);
    console.log(
      `  settled in ${ms.toFixed(0)} ms: ${c.new_confirmed} confirmed, ${c.new_waitlisted} waitlisted; ${byStatus["303"] ?? 0} answered with the registration page; errors: ${errors.length ? errors.map(([s, n]) => `${n}× ${s === "0" ? "no answer" : `HTTP ${s}`}`).join(", ") : "none"}`,
    );
    console.log(
      `  confirmed in all ${c.confirmed} of capacity ${c.capacity}: ${c.confirmed <= c.capacity ? "never over capacity" : "OVER CAPACITY"}`,
    );
  } finally {
    await server.dispose();
  }
}

ensureBuild();
if (await reachablePostgres()) await run("PostgreSQL");
else console.log(`\nPostgreSQL: skipped (not reachable at ${PG_BASE_URL})`);
await run("embedded");
