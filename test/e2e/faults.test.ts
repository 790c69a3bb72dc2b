// Faults under load: the database connection cut during a burst of Form B submissions, and
// SIGTERM while submissions are in flight. What must hold: a submission the portal acknowledged
// (its thanks page) is stored exactly once; one it could not store got a page saying to try
// again, and the retry (same submission id) stores it exactly once; a stopping server finishes
// what it accepted and exits 0 within 2 s.
import crypto from "node:crypto";
import http from "node:http";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { FORM_B } from "~/features/survey/forms";
import {
  createPgDatabase,
  dropPgDatabase,
  PG_BASE_URL,
  reachablePostgres,
  startServer,
  type RunningServer,
} from "../support/server";
import { startTcpProxy } from "../support/tcp-proxy";
import { acceptedPorts, until } from "../support/wait";
import { formBBody, formBToken } from "../bench/support";

const pgUp = await reachablePostgres();
const SECRET = `faults-${crypto.randomBytes(24).toString("hex")}`;

async function firstUnit(url: string) {
  const html = await (await fetch(`${url}/s/${FORM_B.slug}`)).text();
  return Number(html.match(/<option value="(\d+)"/)![1]);
}

/** One phone's submission: its own device cookie and address, in Vietnamese. */
function submit(url: string, body: string, i: number) {
  return fetch(`${url}/s/${FORM_B.slug}`, {
    method: "POST",
    redirect: "manual",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: url,
      Cookie: `hl_dev=${crypto.randomBytes(16).toString("base64url")}; lng=vi`,
      "X-Forwarded-For": `10.9.${i >> 8}.${i & 255}`,
    },
  }).then(
    async (r) => ({
      status: r.status,
      location: r.headers.get("location"),
      retryAfter: r.headers.get("retry-after"),
      text: await r.text(),
    }),
    (e: Error) => ({
      status: 0,
      location: null,
      retryAfter: null,
      text: `${e.message}: ${(e.cause as Error | undefined)?.message}`,
    }),
  );
}

const sidOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()).sid as string;

describe.skipIf(!pgUp)(
  `the database going away during submissions (needs PostgreSQL at ${PG_BASE_URL} behind a TCP proxy; the machine's server is never restarted)`,
  () => {
    it("every acknowledged submission is stored once; the others were told to try again, and their retry stores each once", async () => {
      const dbUrl = await createPgDatabase();
      const target = new URL(dbUrl);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const viaProxy = new URL(dbUrl);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      const s = await startServer({
        databaseUrl: viaProxy.toString(),
        env: { SESSION_SECRET: SECRET, TRUST_PROXY: "1" },
      });
      const direct = new pg.Client({ connectionString: dbUrl });
      await direct.connect();
      try {
        const unit = await firstUnit(s.url);
        const N = 120;
        const forms = Array.from({ length: N }, () => {
          const token = formBToken(crypto.randomUUID(), 120_000, SECRET);
          return { sid: sidOf(token), body: formBBody(unit, token) };
        });
        // 8 phones at a time; the connection to the database is cut after the first 30 and
        // restored once 8 submissions have been refused, while submissions keep coming.
        const results: { status: number; location: string | null; retryAfter: string | null; text: string }[] =
          new Array(N);
        let nextIndex = 0;
        let cut: Promise<void> | undefined;
        let restored = false;
        const worker = async () => {
          for (let i = nextIndex++; i < N; i = nextIndex++) {
            if (i === 30) cut = proxy.down();
            results[i] = await submit(s.url, forms[i].body, i);
            if (cut && !restored && results.filter((r) => r && r.status !== 302).length >= 8) {
              restored = true;
              await cut;
              await proxy.up();
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));

        const acked = forms.filter((_, i) => results[i].status === 302);
        const refused = forms.map((f, i) => ({ ...f, r: results[i] })).filter((x) => x.r.status !== 302);
        console.log(
          `[faults] database cut during ${N} submissions: ${acked.length} acknowledged, ${refused.length} told to try again`,
        );
        // The cut must have hit some submissions and spared others, or this proved nothing.
        expect(acked.length).toBeGreaterThan(0);
        expect(refused.length).toBeGreaterThan(0);
        expect(s.proc.exitCode, s.logs.join("").slice(-3000)).toBeNull();
        for (const x of refused) {
          // "Unavailable, try again shortly", not "something is broken".
          expect(x.r.status, x.r.text.slice(0, 300)).toBe(503);
          expect(x.r.retryAfter).toBe("10");
          expect(x.r.text).toContain("Xin vui lòng thử lại");
        }
        const count = async (ids: string[]) =>
          (
            await direct.query(
              `select id, (select count(*)::int from answer where response_id = r.id) as answers from response r where id = any($1)`,
              [ids],
            )
          ).rows;
        const stored = await count(acked.map((f) => f.sid));
        expect(stored).toHaveLength(acked.length);
        const answersEach = stored[0].answers;
        expect(stored.every((r) => r.answers === answersEach)).toBe(true);

        // The database is back: each refused phone sends the very same form again.
        expect(
          await until(
            async () => (await fetch(`${s.url}/healthz`)).status,
            (st) => st === 200,
            { timeoutMs: 10_000 },
          ),
        ).toBe(200);
        const retried = await Promise.all(refused.map((x, i) => submit(s.url, x.body, 1000 + i)));
        expect(retried.map((r) => r.status)).toEqual(refused.map(() => 302));
        const all = await count(forms.map((f) => f.sid));
        // Every form stored once (the id is the key), each with all its answers and no more.
        expect(all).toHaveLength(N);
        expect(all.every((r) => r.answers === answersEach)).toBe(true);
      } finally {
        await direct.end();
        await s.dispose();
        await proxy.close();
        await dropPgDatabase(dbUrl);
      }
    });
  },
);

/** A POST on its own connection; resolves once the whole request is on the wire, and carries
 * the promise of the complete response (or the error). */
function postRaw(url: string, body: string, i: number) {
  const u = new URL(`${url}/s/${FORM_B.slug}`);
  return new Promise<{ port: number; response: Promise<{ status: number; complete: boolean }> }>((sent, fail) => {
    const req = http.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Origin: url,
        Cookie: `hl_dev=${crypto.randomBytes(16).toString("base64url")}`,
        "X-Forwarded-For": `10.8.0.${i}`,
      },
    });
    const response = new Promise<{ status: number; complete: boolean }>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, complete: res.complete }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
    response.catch(() => {});
    req.on("error", fail);
    req.end(body, () => sent({ port: req.socket!.localPort!, response }));
  });
}

for (const kind of ["embedded", ...(pgUp ? ["PostgreSQL"] : [])] as const) {
  describe(`SIGTERM during submissions (${kind})`, () => {
    it("answers every request it had accepted in full, stores those, and exits 0 within 2 s", async () => {
      const s: RunningServer = await startServer({
        postgres: kind === "PostgreSQL",
        env: { SESSION_SECRET: SECRET, TRUST_PROXY: "1" },
      });
      try {
        const unit = await firstUnit(s.url);
        // A stopping server has SHUTDOWN_GRACE_MS (1.5 s) to finish, then cuts what is left to keep
        // its 2 s promise; the embedded database runs one statement at a time, so fewer requests
        // there fit the grace on a busy machine.
        const N = kind === "embedded" ? 6 : 12;
        const newForms = () =>
          Array.from({ length: N }, () => {
            const token = formBToken(crypto.randomUUID(), 120_000, SECRET);
            return { sid: sidOf(token), body: formBBody(unit, token) };
          });
        // A server under load is warm: one round first, so the grace is not spent opening the
        // pool's connections and compiling the submission path (CI once ran out of it cold).
        const warm = await Promise.all(
          newForms().map((f, i) => postRaw(s.url, f.body, 100 + i).then((x) => x.response)),
        );
        expect(warm.map((w) => w.status)).toEqual(warm.map(() => 302));
        const forms = newForms();
        // Every request fully sent on its own connection, then SIGTERM while they are in flight.
        const sent = await Promise.all(forms.map((f, i) => postRaw(s.url, f.body, i + 1)));
        // SIGTERM once the server process has taken every one of those connections: seen held by
        // it, or already answered (a quick server may answer some between two looks).
        const ports = sent.map((x) => x.port);
        const settled = new Set<number>();
        for (const x of sent) void x.response.finally(() => settled.add(x.port)).catch(() => {});
        const seen = new Set<number>();
        await until(
          async () => {
            for (const p of acceptedPorts(s.proc.pid!, s.port)) seen.add(p);
            return ports.filter((p) => !seen.has(p) && !settled.has(p));
          },
          (waiting) => waiting.length === 0,
          { timeoutMs: 10_000, everyMs: 10 },
        );
        const stopped = s.stop();
        const answers = await Promise.all(
          sent.map((x) => x.response.catch((e: Error) => ({ status: 0, complete: false, error: e.message }))),
        );
        expect(answers).toEqual(forms.map(() => ({ status: 302, complete: true })));
        const { code, ms } = await stopped;
        expect(code).toBe(0);
        expect(ms).toBeLessThan(2000);
        // Acknowledged means stored: read the data after the server let go of it.
        const ids = forms.map((f) => f.sid);
        if (kind === "PostgreSQL") {
          const c = new pg.Client({ connectionString: s.databaseUrl });
          await c.connect();
          const r = await c.query(`select count(*)::int as n from response where id = any($1)`, [ids]);
          await c.end();
          expect(r.rows[0].n).toBe(N);
        } else {
          const db = new PGlite(s.dataDir!);
          const r = await db.query<{ n: number }>(`select count(*)::int as n from response where id = any($1)`, [ids]);
          await db.close();
          expect(r.rows[0].n).toBe(N);
        }
      } finally {
        await s.dispose();
      }
    });
  });
}
