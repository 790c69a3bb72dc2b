// The survey's direct lane on the real server (docs/decisions/0010-direct-submission-lane.md), on
// the embedded database and on PostgreSQL: a post the lane answers gets exactly the answer Remix
// gives the same post (a chunked body is not read whole, so it still takes Remix's way), and the
// lane keeps every guard: another site's form, a forged client address, 40 copies of one form at
// once, an invalid post, the language switch, a body over the cap.
import crypto from "node:crypto";
import http from "node:http";
import { sql } from "kysely";
import { FORM_B } from "~/features/survey/forms";
import { signWith } from "~/kernel/sign.server";
import { limitKey } from "~/kernel/limits/rate-limit.server";
import { connect, type DatabaseHandle } from "../../db/client";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

const pgUp = await reachablePostgres();
const SECRET = `lane-${crypto.randomBytes(24).toString("hex")}`;
const SLUG = FORM_B.slug;
const REQUIRED = FORM_B.items.filter((i) => i.required).map((i) => i.code);

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
/** One POST with full control of its headers; `chunked` sends the body without a length. */
function postRaw(url: string, path: string, body: string, headers: Record<string, string> = {}, chunked = false) {
  const u = new URL(url);
  return new Promise<Raw>((resolve, reject) => {
    const h: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", origin: url, ...headers };
    if (!chunked) h["content-length"] = String(Buffer.byteLength(body));
    const req = http.request(
      { host: u.hostname, port: u.port, method: "POST", path, headers: h, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    if (chunked) req.write(body);
    req.end(chunked ? undefined : body);
  });
}

const token = (sid = crypto.randomUUID()) =>
  signWith(SECRET, "survey-form", { sid, t: Date.now() - 120_000, a: 1, s: SLUG });
const sidOf = (t: string) => JSON.parse(Buffer.from(t.split(".")[0], "base64url").toString()).sid as string;

/** Form B with every required answer "4", a unit, the empty honeypot; `mark` goes into the free
 * text so the test finds exactly the responses it stored. */
function formB(unit: number, t: string, extra: Record<string, string> = {}, skip: string[] = []) {
  const b = new URLSearchParams({ _f: t, unit: String(unit), procedure: "", website: "" });
  for (const code of REQUIRED) if (!skip.includes(code)) b.set(`q_${code}`, "4");
  for (const [k, v] of Object.entries(extra)) b.set(k, v);
  return b.toString();
}

/** What may differ between two answers to the same post: the date, the per-request nonce, and
 * the random values of new cookies (a device id, the next form's id and time). */
function comparable(r: Raw) {
  const { date: _date, "content-security-policy": csp, ...headers } = r.headers;
  expect(csp).toMatch(/'nonce-[\w+/=]+'/);
  if (headers["set-cookie"])
    headers["set-cookie"] = headers["set-cookie"].map((c) => c.replace(/^(hl_dev|hl_form)=[^;]+/, "$1=…"));
  return { status: r.status, headers, body: r.body.replace(/nonce="[^"]+"/g, 'nonce=""') };
}

for (const kind of ["embedded", ...(pgUp ? ["PostgreSQL"] : [])] as const) {
  describe(`the survey's direct lane (${kind})`, () => {
    let s: RunningServer;
    let unit = 0;
    const marker = `lane-${crypto.randomBytes(4).toString("hex")}`;
    const sids: Record<string, string> = {};

    beforeAll(async () => {
      // No TRUST_PROXY: the client's address is the socket's, whatever headers it sends.
      s = await startServer({ postgres: kind === "PostgreSQL", env: { SESSION_SECRET: SECRET } });
      const html = await (await fetch(`${s.url}/s/${SLUG}`)).text();
      unit = Number(html.match(/<option value="(\d+)"/)![1]);
    });
    afterAll(async () => {
      await s?.dispose();
    });

    it("answers a thanked post exactly as Remix answers it", async () => {
      const lane = await postRaw(s.url, `/s/${SLUG}`, formB(unit, token()));
      const remix = await postRaw(s.url, `/s/${SLUG}`, formB(unit, token()), {}, true);
      expect(lane.status).toBe(302);
      expect(lane.headers.location).toBe(`/s/${SLUG}/thanks`);
      expect(lane.headers["cache-control"]).toBe("no-store");
      expect(comparable(lane)).toEqual(comparable(remix));
    });

    it("renders an invalid post as before: the same 400 page with the typed answers", async () => {
      // Nothing is stored for an invalid post: the same form can go both ways.
      const t = token();
      const body = formB(unit, t, { q_EXP_OTHER: marker }, ["OVERALL"]);
      const lane = await postRaw(s.url, `/s/${SLUG}`, body, { cookie: "lng=vi" });
      const remix = await postRaw(s.url, `/s/${SLUG}`, body, { cookie: "lng=vi" }, true);
      expect(lane.status).toBe(400);
      expect(lane.body).toContain(marker);
      expect(comparable(lane)).toEqual(comparable(remix));
    });

    it("switches language with the answers kept, storing nothing", async () => {
      const body = formB(unit, token(), { q_EXP_OTHER: marker, _lang: "en" }, ["OVERALL"]);
      const r = await postRaw(s.url, `/s/${SLUG}?lng=en`, body, { cookie: "lng=vi" });
      expect(r.status).toBe(200);
      expect(r.body).toMatch(/<html lang="en"/);
      expect(r.body).toContain(marker);
      expect([r.headers["set-cookie"]].flat().some((c) => /^lng=en;/.test(c ?? ""))).toBe(true);
    });

    it("refuses another site's form 403 and a body over the cap 413", async () => {
      const t = token();
      sids.refused = sidOf(t);
      const foreign: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { "sec-fetch-site": "cross-site" },
        { origin: "null" },
      ];
      for (const h of foreign) expect((await postRaw(s.url, `/s/${SLUG}`, formB(unit, t), h)).status).toBe(403);
      const huge = formB(unit, t, { q_EXP_OTHER: "x".repeat(1024 * 1024) });
      expect((await postRaw(s.url, `/s/${SLUG}`, huge)).status).toBe(413);
    });

    it("counts the socket's address, not a forged X-HL-Client-IP or X-Forwarded-For", async () => {
      const t = token();
      sids.forged = sidOf(t);
      const r = await postRaw(s.url, `/s/${SLUG}`, formB(unit, t), {
        "x-hl-client-ip": "203.0.113.51",
        "x-forwarded-for": "203.0.113.50",
      });
      expect(r.status).toBe(302);
    });

    it("stores one response for 40 posts of the same form at once", async () => {
      const t = token();
      sids.burst = sidOf(t);
      const body = formB(unit, t, { q_EXP_OTHER: `${marker}-burst` });
      const all = await Promise.all(Array.from({ length: 40 }, () => postRaw(s.url, `/s/${SLUG}`, body)));
      expect(all.map((r) => r.status)).toEqual(Array(40).fill(302));
      expect(new Set(all.map((r) => r.headers.location))).toEqual(new Set([`/s/${SLUG}/thanks`]));
    });

    it("has stored exactly what it thanked (read from the database afterwards)", async () => {
      let handle: DatabaseHandle;
      if (kind === "PostgreSQL") handle = await connect({ url: s.databaseUrl! });
      else {
        // The embedded database belongs to one process: stop the server, then open its directory.
        await s.stop();
        handle = await connect({ pgliteDir: s.dataDir! });
      }
      try {
        const withText = async (text: string) =>
          Number(
            (
              await sql<{
                n: string;
              }>`select count(distinct response_id) as n from answer where text = ${text}`.execute(handle.db)
            ).rows[0].n,
          );
        // Invalid and switched posts stored nothing; the 40 posts of one form stored one.
        expect(await withText(marker)).toBe(0);
        expect(await withText(`${marker}-burst`)).toBe(1);
        const ids = async (id: string) =>
          Number(
            (await sql<{ n: string }>`select count(*) as n from response where id = ${id}`.execute(handle.db)).rows[0]
              .n,
          );
        expect(await ids(sids.burst)).toBe(1);
        expect(await ids(sids.refused)).toBe(0);
        // The forged post's address source is the socket's (IPv4 or IPv6 loopback), never a forged one.
        const sources = (
          await sql<{ source: string }>`select source from response_source where response_id = ${sids.forged}`.execute(
            handle.db,
          )
        ).rows.map((r) => r.source);
        const address = sources.filter((x) => x.startsWith("survey-ip:"));
        expect(address).toHaveLength(1);
        const key = (ip: string) => limitKey(`survey-ip:${ip}`, SECRET);
        expect([key("::ffff:127.0.0.1"), key("127.0.0.1"), key("::1")]).toContain(address[0]);
        expect([key("203.0.113.51"), key("203.0.113.50")]).not.toContain(address[0]);
      } finally {
        await handle.close();
      }
    });
  });
}
