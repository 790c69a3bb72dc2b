// Two portal instances on one PostgreSQL behind a round-robin balancer: a session made through
// one works through the other, the sign-in lockout counts attempts from both, and concurrent
// dialogue sign-ups through both never confirm more people than there are seats (the in-process
// sign-up queue is per instance; only the database's row lock holds across them).
import crypto from "node:crypto";
import pg from "pg";
import {
  createPgDatabase,
  dropPgDatabase,
  PG_BASE_URL,
  reachablePostgres,
  startServer,
  type RunningServer,
} from "../support/server";
import { startRoundRobin, type RoundRobin } from "../support/round-robin";

const pgUp = await reachablePostgres();
const SECRET = `two-instances-${crypto.randomBytes(24).toString("hex")}`;

describe.skipIf(!pgUp)(
  `two instances behind a round-robin balancer (needs PostgreSQL at ${PG_BASE_URL}: the embedded database is one process only)`,
  () => {
    let dbUrl: string;
    let a: RunningServer;
    let b: RunningServer;
    let lb: RoundRobin;
    let client: pg.Client;

    beforeAll(async () => {
      dbUrl = await createPgDatabase();
      const env = { SESSION_SECRET: SECRET, TRUST_PROXY: "1" };
      // Both start at once: migrations and the demo seed run under the migration lock.
      [a, b] = await Promise.all([startServer({ databaseUrl: dbUrl, env }), startServer({ databaseUrl: dbUrl, env })]);
      lb = await startRoundRobin([a.port, b.port]);
      client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
      await lb?.close();
      await Promise.all([a?.dispose(), b?.dispose()]);
      if (dbUrl) await dropPgDatabase(dbUrl);
    });

    const login = (email: string, password: string, ip: string) =>
      fetch(`${lb.url}/staff/login`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ email, password }),
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: lb.url,
          "X-Forwarded-For": ip,
          Cookie: "lng=en",
        },
      });

    it("a session made through one instance works through the other", async () => {
      const res = await login("vanphong@demo.hailong.vn", "demo-Office-2026", "192.0.2.10");
      expect(res.status).toBe(302);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const served = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const page = await fetch(`${lb.url}/staff`, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Trần Thị Văn Phòng");
        served.add(page.headers.get("x-backend")!);
      }
      expect(served).toEqual(new Set(["0", "1"]));
    });

    it("the sign-in lockout counts wrong passwords sent to both instances", async () => {
      const served = new Set<string>();
      for (let i = 0; i < 5; i++) {
        const res = await login("donvi@demo.hailong.vn", `wrong-${i}`, `192.0.2.${20 + i}`);
        expect(res.status).toBe(401);
        served.add(res.headers.get("x-backend")!);
      }
      expect(served).toEqual(new Set(["0", "1"]));
      // The right password, through either instance, is now refused for the lock's duration.
      for (let i = 0; i < 2; i++) {
        const res = await login("donvi@demo.hailong.vn", "demo-Unit-2026", "192.0.2.30");
        expect(res.status).toBe(429);
        expect(await res.text()).toMatch(/locked|try again/i);
      }
    });

    it("concurrent sign-ups through both instances never confirm more people than there are seats", async () => {
      const list = await (await fetch(`${lb.url}/dialogues`)).text();
      const ids = [...list.matchAll(/href="\/dialogues\/(\d+)"/g)].map((m) => Number(m[1]));
      const open = await client.query(
        `select id from dialogue_session where id = any($1) and status = 'published' and registration_closes_at > now() order by id limit 1`,
        [ids],
      );
      const sessionId = open.rows[0].id as number;
      // Ten free seats, whatever the demo data already confirmed.
      await client.query(
        `update dialogue_session set capacity = (select count(*) from dialogue_registration where session_id = $1 and status = 'confirmed') + 10 where id = $1`,
        [sessionId],
      );
      const before = await client.query(`select count(*)::int as n from dialogue_registration where session_id = $1`, [
        sessionId,
      ]);
      const N = 60;
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          fetch(`${lb.url}/dialogues/${sessionId}`, {
            method: "POST",
            redirect: "manual",
            body: new URLSearchParams({
              name: `Người thử ${i}`,
              phone: `0988${String(100000 + i)}`,
              kind: "citizen",
              adult: "on",
              consent: "on",
            }),
            // Each from its own phone. The balancer adds the address it sees (this test's, for all
            // 60), so past 5 they wait "to confirm" (docs/security/limits.md) until staff confirm
            // them below — through both instances at once as well.
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Origin: lb.url,
              "X-Forwarded-For": `198.51.100.${i + 1}`,
            },
          }).then((r) => ({ status: r.status, backend: r.headers.get("x-backend") })),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(N).fill(303));
      expect(new Set(results.map((r) => r.backend))).toEqual(new Set(["0", "1"]));
      const after = await client.query(
        `select count(*)::int as n, count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waitlisted')::int as waitlisted,
              (select capacity from dialogue_session where id = $1) as capacity
         from dialogue_registration where session_id = $1`,
        [sessionId],
      );
      expect(after.rows[0].n - before.rows[0].n).toBe(N);
      const waiting = await client.query(
        `select id from dialogue_registration where session_id = $1 and status = 'to_confirm' order by id`,
        [sessionId],
      );
      expect(waiting.rows).toHaveLength(N - 5);
      const staff = await login("vanphong@demo.hailong.vn", "demo-Office-2026", "192.0.2.11");
      const cookie = staff.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const settled = await Promise.all(
        waiting.rows.map((w) =>
          fetch(`${lb.url}/staff/dialogues/${sessionId}`, {
            method: "POST",
            redirect: "manual",
            body: new URLSearchParams({ intent: "confirm_registration", registration: String(w.id) }),
            headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: lb.url, Cookie: cookie },
          }).then((r) => r.status),
        ),
      );
      expect(settled).toEqual(Array(N - 5).fill(303));
      const final = await client.query(
        `select count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'waitlisted')::int as waitlisted,
              (select capacity from dialogue_session where id = $1) as capacity
         from dialogue_registration where session_id = $1`,
        [sessionId],
      );
      const r = final.rows[0];
      expect(r.confirmed).toBe(r.capacity);
      const seq = await client.query(
        `select waitlist_seq from dialogue_registration where session_id = $1 and status = 'waitlisted' order by waitlist_seq`,
        [sessionId],
      );
      // The waitlist has no duplicates: two instances never handed out the same place.
      expect(new Set(seq.rows.map((x) => x.waitlist_seq)).size).toBe(r.waitlisted);
    });
  },
);
