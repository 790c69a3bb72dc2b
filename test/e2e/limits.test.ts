// The limits against a determined outsider, attacked over HTTP against the real server on
// PostgreSQL (docs/security/limits.md): a burst of sign-ins gets no more password checks than
// the allowance; a stranger cannot keep the owner's known browser out; an admin's unblock works
// and is audited; a hall's 60 feedback posts from one address are all stored; 45 made-up
// sign-ups from one address do not take the seats of the next real citizen.
import crypto from "node:crypto";
import pg from "pg";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let client: pg.Client;
const onPostgres = await reachablePostgres();

beforeAll(async () => {
  if (!onPostgres) return;
  server = await startServer({ postgres: true, env: { TRUST_PROXY: "1", LOG_REQUESTS: "false" } });
  client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  await server?.dispose();
});

/** A sign-in form post from address `ip`, with the browser's cookies. */
function signInPost(email: string, password: string, ip: string, cookie = "") {
  return fetch(`${server.url}/staff/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ email, password }),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: server.url,
      "X-Forwarded-For": ip,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe.skipIf(!onPostgres)("sign-in against an attacker (PostgreSQL)", () => {
  it("60 sign-ins at once, the right password 30th: only the 5 counted are checked, the rest refused unread", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signInPost("admin@demo.hailong.vn", i === 29 ? "demo-Admin-2026" : `wrong-${i}`, `192.0.2.${i + 1}`),
      ),
    );
    const statuses = results.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401 || s === 302).length;
    // The account's pool for unknown browsers: 5 tries, then a wait. Before the fix, all 60 were
    // checked (59 × 401 and one session).
    expect(checked, `statuses: ${statuses.join(",")}`).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(55);
    const failed = await client.query(
      `select count(*)::int as n from audit_log where action in ('auth.login_failed', 'auth.login')`,
    );
    expect(failed.rows[0].n, "audited checks").toBe(5);
    // Only one entry for the wait that began, not 55.
    const locked = await client.query(`select count(*)::int as n from audit_log where action = 'auth.login_locked'`);
    expect(locked.rows[0].n).toBe(1);
  });

  it("a stranger's wrong tries do not keep the owner's known browser out; unknown browsers wait", async () => {
    const owner = await signInPost("vanphong@demo.hailong.vn", "demo-Office-2026", "198.51.100.7");
    expect(owner.status).toBe(302);
    const known = cookiesOf(owner)
      .split("; ")
      .find((c) => c.startsWith("hl_known="))!;
    expect(known).toBeTruthy();
    // The stranger: 20 wrong passwords from 20 addresses.
    for (let i = 0; i < 20; i++)
      expect([401, 429]).toContain(
        (await signInPost("vanphong@demo.hailong.vn", `guess-${i}`, `203.0.113.${i + 1}`)).status,
      );
    // A new browser, even with the right password, must wait…
    expect((await signInPost("vanphong@demo.hailong.vn", "demo-Office-2026", "198.51.100.8")).status).toBe(429);
    // …but the owner's own browser goes straight in.
    const again = await signInPost("vanphong@demo.hailong.vn", "demo-Office-2026", "198.51.100.7", known);
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe("/staff");
  });

  it("an admin ends the wait from /staff/users, and the unblock is audited", async () => {
    for (let i = 0; i < 6; i++) await signInPost("donvi@demo.hailong.vn", `wrong-${i}`, `203.0.113.${100 + i}`);
    expect((await signInPost("donvi@demo.hailong.vn", "demo-Unit-2026", "198.51.100.20")).status).toBe(429);

    const admin = await signInPost("admin@demo.hailong.vn", "demo-Admin-2026", "198.51.100.30");
    // The first test's burst left the admin's unknown-browser pool waiting a minute.
    let adminCookie = cookiesOf(admin);
    if (admin.status === 429) {
      await client.query(`delete from attempt_limit`);
      adminCookie = cookiesOf(await signInPost("admin@demo.hailong.vn", "demo-Admin-2026", "198.51.100.30"));
      for (let i = 0; i < 6; i++) await signInPost("donvi@demo.hailong.vn", `wrong-${i}`, `203.0.113.${100 + i}`);
    }
    const list = await (await fetch(`${server.url}/staff/users`, { headers: { Cookie: adminCookie } })).text();
    expect(list).toContain("Trình duyệt lạ phải chờ đến");
    const unit = await client.query(`select id from staff_user where email = 'donvi@demo.hailong.vn'`);
    const res = await fetch(`${server.url}/staff/users?index`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ intent: "unlock", id: String(unit.rows[0].id) }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: adminCookie },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Đã mở chặn đăng nhập cho donvi@demo.hailong.vn");
    expect((await signInPost("donvi@demo.hailong.vn", "demo-Unit-2026", "198.51.100.20")).status).toBe(302);
    const audit = await client.query(
      `select a.entity_id, u.email from audit_log a join staff_user u on u.id = a.actor_id where a.action = 'user.unlock_sign_in'`,
    );
    expect(audit.rows).toEqual([{ entity_id: String(unit.rows[0].id), email: "admin@demo.hailong.vn" }]);
  });
});

describe.skipIf(!onPostgres)("citizens behind one address (PostgreSQL)", () => {
  it("60 feedback posts at once from one hall's Wi-Fi: all stored with a code, none refused; 40 held for review", async () => {
    const post = (i: number) => {
      const fd = new FormData();
      const data: Record<string, string> = {
        submissionId: crypto.randomUUID(),
        kind: "kien_nghi",
        name: `Người dự hội nghị ${i}`,
        address: "Hội trường tỉnh, Mỹ Tho",
        phone: `0913${String(300000 + i)}`,
        title: "Kiến nghị về thủ tục",
        content: `Kiến nghị số ${i}: rút ngắn thời gian giải quyết hồ sơ đo lường.`,
        consent: "yes",
        homepage: "",
      };
      for (const [k, v] of Object.entries(data)) fd.append(k, v);
      return fetch(`${server.url}/feedback`, {
        method: "POST",
        redirect: "manual",
        body: fd,
        headers: { Origin: server.url, "X-Forwarded-For": "100.64.1.1" },
      });
    };
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => post(i)));
    // Before: 20 codes, 40 refused with 429.
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(302));
    const codes = results.map((r) => decodeURIComponent(r.headers.get("Location")!.split("code=")[1]));
    expect(new Set(codes).size).toBe(60);
    const stored = await client.query(
      `select count(*)::int as n, count(held_at)::int as held from feedback where code = any($1)`,
      [codes],
    );
    expect(stored.rows[0]).toEqual({ n: 60, held: 40 });
  });

  it("45 made-up sign-ups from one address in a burst take 5 seats at most; the next real citizen gets a confirmed seat", async () => {
    const open = await client.query(
      `select id from dialogue_session where status = 'published' and registration_opens_at < now() and registration_closes_at > now() order by id limit 1`,
    );
    const sessionId = open.rows[0].id as number;
    // Ten free seats, whatever the demo data already confirmed.
    await client.query(
      `update dialogue_session set capacity = (select count(*) from dialogue_registration where session_id = $1 and status = 'confirmed') + 10 where id = $1`,
      [sessionId],
    );
    const signUp = (name: string, phone: string, ip: string) =>
      fetch(`${server.url}/dialogues/${sessionId}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ name, phone, kind: "citizen", adult: "on", consent: "on" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "X-Forwarded-For": ip },
      });
    const fakes = await Promise.all(
      Array.from({ length: 45 }, (_, i) => signUp(`Tên giả ${i}`, `0966${String(400000 + i)}`, "198.18.5.5")),
    );
    // Before: the 45 took all ten seats and the next citizen was waitlisted.
    expect(fakes.map((r) => r.status)).toEqual(Array(45).fill(303));
    const fake = await client.query(
      `select status, count(*)::int as n from dialogue_registration where session_id = $1 and phone_norm like '0966%' group by status order by status`,
      [sessionId],
    );
    expect(fake.rows).toEqual([
      { status: "confirmed", n: 5 },
      { status: "to_confirm", n: 40 },
    ]);
    const real = await signUp("Nguyễn Thị Thật", "0967000001", "203.0.113.200");
    expect(real.status).toBe(303);
    const mine = await client.query(
      `select status from dialogue_registration where session_id = $1 and phone_norm = '0967000001'`,
      [sessionId],
    );
    expect(mine.rows).toEqual([{ status: "confirmed" }]);
    // The 40 waiting see "chờ xác nhận" on their own page, the 5 others their seat.
    // Read five at a time: the burst under test is the sign-ups. With 45 page loads at once on a
    // machine at load average 16, only 28 of 40 showed the waiting text (seen once; it passed alone):
    // most likely the pool's connection time-out and its 503 "try again" page, not what this test
    // is about.
    const pages: string[] = [];
    for (let i = 0; i < fakes.length; i += 5)
      pages.push(
        ...(await Promise.all(
          fakes
            .slice(i, i + 5)
            .map(async (r) =>
              (await fetch(`${server.url}/dialogues/registration`, { headers: { Cookie: cookiesOf(r) } })).text(),
            ),
        )),
      );
    expect(pages.filter((html) => html.includes("Đăng ký của bạn đang chờ xác nhận")).length).toBe(40);
    expect(pages.filter((html) => html.includes("Bạn đã có chỗ.")).length).toBe(5);
    const confirmedTotal = await client.query(
      `select count(*)::int as n, (select capacity from dialogue_session where id = $1) as cap from dialogue_registration where session_id = $1 and status = 'confirmed'`,
      [sessionId],
    );
    expect(confirmedTotal.rows[0].n).toBeLessThanOrEqual(confirmedTotal.rows[0].cap);
  });
});
