// Sign-in pacing against an attacker (docs/security/limits.md): attempts are counted before the
// password check, so a burst gets no more checks than the allowance; a stranger's tries do not
// keep the owner's known browser out; an admin ends a wait from /staff/users, audited.
import { authenticate } from "~/features/accounts/staff.server";
import { signInWithPassword } from "~/features/accounts/sign-in.server";
import { action as usersAction, loader as usersLoader } from "~/routes/staff.users._index";
import { action as loginAction } from "~/routes/staff_.login";
import { db } from "~/kernel/db/db.server";
import { CLIENT_IP_HEADER } from "~/kernel/http/request.server";
import { makeStaff, signIn, staffRequest, TEST_PASSWORD } from "../support/staff";

const MIN = 60_000;
const args = (request: Request) => ({ request, params: {}, context: {} });

function loginPost(form: Record<string, string>, ip: string, cookie: string | null = null) {
  const request = staffRequest("/staff/login", cookie, { form });
  request.headers.set(CLIENT_IP_HEADER, ip);
  return request;
}
/** What the sign-in page hands the service for a post from `ip` with `cookie`. */
const from = (ip: string, cookie: string | null = null) => ({ client: { ip }, cookieHeader: cookie });
/** The cookies a response sets, as a Cookie header. */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("counted before the password check", () => {
  it("60 attempts at once, the right password 30th: at most 5 passwords are checked", async () => {
    const user = await makeStaff("admin");
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        authenticate(user.email, i === 29 ? TEST_PASSWORD : `wrong-${i}`, `203.0.113.${i}`),
      ),
    );
    // The account's pool for unknown browsers gives 5 attempts with no wait; every other attempt
    // of the burst is refused before its password is read.
    const checked = results.filter((r) => r.ok || r.reason === "invalid");
    const refused = results.filter((r) => !r.ok && r.reason === "locked");
    expect(checked.length).toBe(5);
    expect(refused.length).toBe(55);
    // The right password got a session only if it was one of the five counted.
    if (results[29].ok) expect(checked).toContain(results[29]);
  });
});

describe("waits grow, and end by themselves", () => {
  it("after 5 failures: waits of 1, 2, 4, 8, 15, 15 minutes between counted tries; an hour's quiet starts afresh", async () => {
    const user = await makeStaff("office");
    const t0 = new Date("2026-12-06T01:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 1; i <= 5; i++)
      expect(await authenticate(user.email, "wrong", "10.2.0.1", t0)).toMatchObject({ reason: "invalid", failures: i });
    // Hand-computed schedule: the 6th try may come 1 min after the 5th, the 7th 2 min after the
    // 6th, then 4, 8, and 15 minutes (the longest wait) from then on.
    let t = 0;
    for (const [n, wait] of [
      [6, 1],
      [7, 2],
      [8, 4],
      [9, 8],
      [10, 15],
      [11, 15],
    ] as const) {
      const early = await authenticate(user.email, "wrong", "10.2.0.1", at(t + wait * MIN - 1000));
      expect(early).toMatchObject({ ok: false, reason: "locked" });
      t += wait * MIN;
      expect(await authenticate(user.email, "wrong", "10.2.0.1", at(t))).toMatchObject({
        reason: "invalid",
        failures: n,
      });
    }
    // The right password works at the next slot, from any unknown browser.
    t += 15 * MIN;
    expect(await authenticate(user.email, TEST_PASSWORD, "10.2.0.2", at(t))).toMatchObject({ ok: true });
    // One hour without a counted try: five free tries again.
    t += 60 * MIN;
    for (let i = 1; i <= 5; i++)
      expect(await authenticate(user.email, "wrong", "10.2.0.1", at(t))).toMatchObject({
        reason: "invalid",
        failures: i,
      });
  });

  it("a right password gives its attempt back: an office signing in 32 times from one address is never made to wait", async () => {
    // 32 right passwords from one address: past the address's 30 free tries, had they counted.
    const people = await Promise.all(Array.from({ length: 4 }, () => makeStaff("unit")));
    for (let round = 0; round < 8; round++) {
      for (const p of people)
        expect(await authenticate(p.email, TEST_PASSWORD, "10.2.1.1")).toMatchObject({ ok: true });
    }
  });
});

describe("a stranger cannot keep the owner out", () => {
  it("five wrong tries every 15 minutes for 3 hours: the owner's known browser signs in every time", async () => {
    const owner = await makeStaff("admin");
    const t0 = new Date("2026-12-06T02:00:00Z");
    // The owner signs in once from their browser: it becomes known to the account.
    const first = await signInWithPassword(owner.email, TEST_PASSWORD, from("10.3.0.1"), t0);
    expect(first.ok).toBe(true);
    const known = (first as { setCookies: string[] }).setCookies.map((c) => c.split(";")[0]).join("; ");
    let strangerChecked = 0;
    for (let q = 0; q < 12; q++) {
      const now = new Date(t0.getTime() + q * 15 * MIN + 1000);
      for (let i = 0; i < 5; i++) {
        const r = await signInWithPassword(owner.email, `guess-${q}-${i}`, from(`198.51.100.${q * 5 + i}`), now);
        if (!r.ok && r.reason === "invalid") strangerChecked++;
      }
      const owned = await signInWithPassword(
        owner.email,
        TEST_PASSWORD,
        from("10.3.0.1", known),
        new Date(now.getTime() + 1000),
      );
      expect(owned.ok).toBe(true);
    }
    // The stranger's guesses were checked: 5 free, then one slot per wait (1, 2, 4, 8 minutes fit
    // in the 15-minute gaps one each, 15 minutes from then on): 5 + 11 = 16 over 3 hours.
    expect(strangerChecked).toBe(16);
    // Each wait that began is in the audit log, with the pool that refused.
    const locked = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "auth.login_locked")
      .execute();
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((r) => (r.details as { pool: string }).pool === "account")).toBe(true);
  });

  it("a forged known-browser cookie is ignored: it is signed, and names one account", async () => {
    const owner = await makeStaff("office");
    for (let i = 0; i < 5; i++)
      await loginAction(args(loginPost({ email: owner.email, password: `wrong-${i}` }, "10.4.0.1")));
    const forged = await loginAction(
      args(
        loginPost(
          { email: owner.email, password: TEST_PASSWORD },
          "10.4.0.1",
          "hl_known=W3siYSI6ImFjY3QiLCJuIjoiYWFhYWFhYWFhYWFhYWFhYWFhIn1d",
        ),
      ),
    );
    expect(forged.status).toBe(429);
    // A real known-browser cookie for another account does not open this one either.
    const other = await makeStaff("office");
    const res = await loginAction(args(loginPost({ email: other.email, password: TEST_PASSWORD }, "10.4.0.2")));
    expect(res.status).toBe(302);
    const elsewhere = await loginAction(
      args(loginPost({ email: owner.email, password: TEST_PASSWORD }, "10.4.0.2", cookiesOf(res))),
    );
    expect(elsewhere.status).toBe(429);
  });
});

describe("admin unlock", () => {
  it("shows the wait on /staff/users, ends it with one button, and audits it; other roles may not", async () => {
    const admin = await signIn("admin");
    const target = await makeStaff("viewer");
    for (let i = 0; i < 5; i++) await authenticate(target.email, `wrong-${i}`, "10.5.0.1");
    expect(await authenticate(target.email, TEST_PASSWORD, "10.5.0.2")).toMatchObject({ reason: "locked" });

    const page = await (await usersLoader(args(staffRequest("/staff/users", admin.cookie)))).json();
    expect(page.waits[target.id]).toMatchObject({ attempts: 5 });
    expect(page.waits[target.id].until).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$|\d\d\/\d\d\/\d{4}/);

    const office = await signIn("office");
    await expect(
      usersAction(
        args(staffRequest("/staff/users", office.cookie, { form: { intent: "unlock", id: String(target.id) } })),
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(await authenticate(target.email, TEST_PASSWORD, "10.5.0.2")).toMatchObject({ reason: "locked" });

    const res = await usersAction(
      args(staffRequest("/staff/users", admin.cookie, { form: { intent: "unlock", id: String(target.id) } })),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: null, email: target.email });
    expect(await authenticate(target.email, TEST_PASSWORD, "10.5.0.2")).toMatchObject({ ok: true });
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "entity_id"])
      .where("action", "=", "user.unlock_sign_in")
      .execute();
    expect(audit).toEqual([{ actor_id: admin.id, entity_id: String(target.id) }]);

    const bad = await usersAction(
      args(staffRequest("/staff/users", admin.cookie, { form: { intent: "unlock", id: "abc" } })),
    );
    expect(bad.status).toBe(400);
  });
});
