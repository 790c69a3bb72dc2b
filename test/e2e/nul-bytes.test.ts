// No response body may hold a 0x00 byte: react-dom 18.3.1 pads a chunk with NUL when a
// multi-byte character does not fit (app/kernel/http/nul-bytes.ts). Crawls every public page reachable
// from the home page in both languages, plus the surveys, a dialogue made with long Vietnamese
// text, error states and a few staff pages, and reads each body as raw bytes.
import pg from "pg";
import { PG_BASE_URL, reachablePostgres, startServer, type RunningServer } from "../support/server";

const pgUp = await reachablePostgres();
let server: RunningServer;

const LONG = Array.from(
  { length: 80 },
  (_, i) =>
    `Ý kiến ${i}: người dân đề nghị rút ngắn thời gian giải quyết hồ sơ đăng ký quyền sở hữu công nghiệp, kiểm định phương tiện đo.`,
).join(" ");

async function bytesOf(path: string, cookie: string, init: RequestInit = {}) {
  const res = await fetch(server.url + path, {
    redirect: "manual",
    ...init,
    headers: { Cookie: cookie, ...(init.headers ?? {}) },
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** Same-origin page links in an HTML body, without fragments, downloads and staff pages. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => m[1].replaceAll("&amp;", "&"))
    .filter(
      (p) =>
        !p.startsWith("/build/") &&
        !p.startsWith("/staff") &&
        !/\.(css|ico|png|svg|ics)$/.test(p) &&
        !p.endsWith("/ics"),
    );
}

describe.skipIf(!pgUp)(`no NUL byte in any response (needs PostgreSQL at ${PG_BASE_URL})`, () => {
  beforeAll(async () => {
    server = await startServer({ postgres: true });
    const c = new pg.Client({ connectionString: server.databaseUrl });
    await c.connect();
    try {
      // Every dialogue carries long Vietnamese text, so its pages run over many 2048-byte views.
      await c.query(`update dialogue_session set description_vi = $1, description_en = $1, invited_groups = $1`, [
        LONG,
      ]);
    } finally {
      await c.end();
    }
  });
  afterAll(async () => {
    await server?.dispose();
  });

  for (const lang of ["vi", "en"] as const) {
    it(`${lang}: every public page reached from the home page, and its error states`, async () => {
      const cookie = `lng=${lang}`;
      const seen = new Set<string>();
      const queue = [
        "/",
        "/s",
        "/dialogues",
        "/feedback",
        "/privacy",
        "/privacy/request",
        "/feedback/status",
        "/dialogues/registration",
        "/no-such-page",
        "/staff/login",
      ];
      const withNul: string[] = [];
      while (queue.length && seen.size < 80) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const r = await bytesOf(path, cookie);
        if (r.body.includes(0)) withNul.push(`${path} (${r.status})`);
        if (r.type.startsWith("text/html"))
          for (const l of linksIn(r.body.toString("utf8"))) if (!seen.has(l)) queue.push(l);
      }
      // Error states: a survey and the feedback form sent empty (re-rendered with their messages).
      const post = (path: string, form: Record<string, string>) =>
        bytesOf(path, cookie, {
          method: "POST",
          body: new URLSearchParams(form),
          headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        });
      for (const [path, form] of [
        ["/s/khao-sat-hai-long", { q25: LONG.slice(0, 900) }],
        ["/s/danh-gia-ho-so", { code: "Mã hồ sơ sai" }],
        ["/feedback", { content: LONG }],
        ["/feedback/status", { code: "PAKN-sai", phone: "0900" }],
      ] as const) {
        const r = await post(path, form);
        if (r.body.includes(0)) withNul.push(`POST ${path} (${r.status})`);
      }
      expect(seen.size).toBeGreaterThan(12);
      expect([...seen]).toEqual(expect.arrayContaining(["/s/khao-sat-hai-long", "/s/danh-gia-ho-so"]));
      expect(withNul).toEqual([]);
    });
  }

  it("staff pages signed in as the Office", async () => {
    const form = new URLSearchParams({ email: "vanphong@demo.hailong.vn", password: "demo-Office-2026", to: "/staff" });
    const login = await fetch(server.url + "/staff/login", {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const session = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(session).not.toBe("");
    const withNul: string[] = [];
    for (const path of [
      "/staff",
      "/staff/dialogues",
      "/staff/feedback",
      "/staff/reports",
      "/staff/surveys",
      "/staff/paper",
      "/staff/coverage",
    ]) {
      const r = await bytesOf(path, session);
      expect(r.status, path).toBe(200);
      if (r.body.includes(0)) withNul.push(path);
    }
    expect(withNul).toEqual([]);
  });
});
