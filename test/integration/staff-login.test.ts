// Sign-in, sign-out and changing one's own password, through the route modules themselves.
import { ACCOUNT_LIMIT } from "~/features/accounts/throttle.server";
import { action as loginAction, loader as loginLoader } from "~/routes/staff_.login";
import { action as logoutAction } from "~/routes/staff_.logout";
import { action as passwordAction, loader as passwordLoader } from "~/routes/staff.password";
import { loader as overviewLoader } from "~/routes/staff._index";
import { cookieSecure, parseEnv } from "~/kernel/env.server";
import { db } from "~/kernel/db/db.server";
import { CLIENT_IP_HEADER } from "~/kernel/http/request.server";
import { getSessionUser } from "~/kernel/session.server";
import { makeStaff, signIn, staffRequest, TEST_PASSWORD } from "../support/staff";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** A sign-in form post from a browser on this site at address `ip`, in `lang`. */
function loginPost(form: Record<string, string>, ip: string, lang: "vi" | "en" = "vi", cookie?: string) {
  const request = staffRequest("/staff/login", cookie ?? null, { form });
  request.headers.set(CLIENT_IP_HEADER, ip);
  request.headers.set("Accept-Language", lang);
  return request;
}

async function settle(p: Promise<Response>): Promise<Response> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0];

describe("sign-in page", () => {
  it("signs in with a new session id every time, in an HttpOnly, SameSite=Lax cookie, and goes back to a staff page", async () => {
    const user = await makeStaff("office");
    const first = await loginAction(
      args(
        loginPost({ email: user.email.toUpperCase(), password: TEST_PASSWORD, to: "/staff/procedures" }, "10.1.0.1"),
      ),
    );
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/staff/procedures");
    const setCookie = first.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^hl_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    // Secure follows the environment: on in production, off for plain-HTTP tests.
    expect(cookieSecure(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://hailong.example.gov.vn" }))).toBe(true);
    expect(
      cookieSecure(
        parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://hailong.example.gov.vn", COOKIE_SECURE: "false" }),
      ),
    ).toBe(false);

    // Signing in again from a browser that already holds a session gives a different id.
    const second = await loginAction(
      args(
        loginPost(
          { email: user.email, password: TEST_PASSWORD, to: "https://evil.example/" },
          "10.1.0.1",
          "vi",
          cookieOf(first),
        ),
      ),
    );
    expect(second.headers.get("Location")).toBe("/staff");
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    const a = await getSessionUser(cookieOf(first));
    const b = await getSessionUser(cookieOf(second));
    expect(a?.id).toBe(user.id);
    expect(b?.id).toBe(user.id);
    expect(a?.sessionId).not.toBe(b?.sessionId);

    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "action", "ip"])
      .where("action", "=", "auth.login")
      .where("actor_id", "=", user.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0].ip).toBe("10.1.0.1");
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    const user = await makeStaff("unit");
    const wrong = await loginAction(
      args(loginPost({ email: user.email, password: "not the password" }, "10.1.0.2", "vi")),
    );
    const unknown = await loginAction(
      args(loginPost({ email: "nobody-here@test.hailong.vn", password: "not the password" }, "10.1.0.2", "vi")),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [w, u] = [await wrong.json(), await unknown.json()];
    expect(w.errors).toEqual({ _form: "staff.login.invalid" });
    expect(u.errors).toEqual(w.errors);
    expect(w.values).toEqual({ email: user.email });
    expect(JSON.stringify(w)).not.toContain("not the password");

    // The failure is logged without the address typed, only its hash.
    const failed = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "auth.login_failed")
      .execute();
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const f of failed) {
      expect(f.actor_id).toBeNull();
      expect(JSON.stringify(f.details)).not.toMatch(/@/);
      expect((f.details as { account: string }).account).toMatch(/^acct:[0-9a-f]{32}$/);
    }
  });

  it("validates the form and keeps the email typed", async () => {
    const res = await loginAction(args(loginPost({ email: "not-an-email", password: "" }, "10.1.0.3")));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: { email: "staff.errors.emailInvalid", password: "staff.errors.passwordRequired" },
      values: { email: "not-an-email" },
    });
  });

  it(`makes unknown browsers wait after ${ACCOUNT_LIMIT} failures: the right password is refused, with the minutes left, for real and unknown emails alike`, async () => {
    const user = await makeStaff("viewer");
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      const res = await loginAction(args(loginPost({ email: user.email, password: `wrong-${i}` }, "10.1.0.4")));
      expect(res.status).toBe(401);
    }
    const locked = await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.1.0.5", "en")));
    expect(locked.status).toBe(429);
    expect(locked.headers.get("Set-Cookie")).toBeNull();
    const body = await locked.json();
    expect(body.errors).toEqual({ _form: "staff.login.locked" });
    // The first wait: 1 minute after the fifth failure (docs/security/limits.md).
    expect(body.minutes).toBe(1);

    for (let i = 0; i < ACCOUNT_LIMIT; i++)
      await loginAction(args(loginPost({ email: "ghost@test.hailong.vn", password: "x" }, "10.1.0.6")));
    const ghost = await loginAction(args(loginPost({ email: "ghost@test.hailong.vn", password: "x" }, "10.1.0.7")));
    expect(ghost.status).toBe(429);
    expect((await ghost.json()).errors).toEqual(body.errors);
    // One entry per wait that began (a second refused try in the same wait adds none).
    await loginAction(args(loginPost({ email: "ghost@test.hailong.vn", password: "x" }, "10.1.0.7")));
    expect(
      await db().selectFrom("audit_log").select("id").where("action", "=", "auth.login_locked").execute(),
    ).toHaveLength(2);
  }, 60_000);

  it("refuses a sign-in posted from another site", async () => {
    const user = await makeStaff("office");
    const request = new Request("http://localhost/staff/login", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    });
    expect((await settle(loginAction(args(request)))).status).toBe(403);
  });

  it("sends a signed-in person on to the staff area", async () => {
    const live = await signIn("viewer");
    const res = await settle(loginLoader(args(staffRequest("/staff/login", live.cookie))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/staff");
    const anonymous = await loginLoader(args(staffRequest("/staff/login?to=/staff/audit", null)));
    expect((await anonymous.json()).to).toBe("/staff/audit");
  });
});

describe("sign-out", () => {
  it("ends this session only, or every session with 'everywhere'", async () => {
    const user = await makeStaff("office");
    const s1 = cookieOf(await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.2.0.1"))));
    const s2 = cookieOf(await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.2.0.1"))));
    const s3 = cookieOf(await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.2.0.1"))));

    const out = await logoutAction(args(staffRequest("/staff/logout", s1, { form: {} })));
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/staff/login");
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await getSessionUser(s1)).toBeNull();
    expect(await getSessionUser(s2)).not.toBeNull();

    await logoutAction(args(staffRequest("/staff/logout", s2, { form: { everywhere: "on" } })));
    expect(await getSessionUser(s2)).toBeNull();
    expect(await getSessionUser(s3)).toBeNull();
    const actions = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", user.id)
      .where("action", "like", "auth.logout%")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["auth.logout", "auth.logout_everywhere"]);
  });
});

describe("changing one's own password", () => {
  it("sends a user with a temporary password to this page, and nowhere else, until it is changed", async () => {
    const user = await makeStaff("unit", null, { mustChange: true });
    const cookie = cookieOf(
      await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.3.0.1"))),
    );
    const elsewhere = await settle(overviewLoader(args(staffRequest("/staff", cookie))));
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get("Location")).toBe("/staff/password?required=1");
    expect(
      (await (await passwordLoader(args(staffRequest("/staff/password?required=1", cookie)))).json()).required,
    ).toBe(true);

    const post = (form: Record<string, string>, c = cookie) =>
      settle(passwordAction(args(staffRequest("/staff/password", c, { form }))));
    const short = await post({ current: TEST_PASSWORD, password: "short", confirm: "short" });
    expect(short.status).toBe(400);
    expect((await short.json()).errors).toEqual({ password: "staff.errors.passwordTooShort" });
    const mismatch = await post({
      current: TEST_PASSWORD,
      password: "sông Tiền chảy qua 2026",
      confirm: "sông Tiền chảy qua 2027",
    });
    expect((await mismatch.json()).errors).toEqual({ confirm: "staff.password.errors.mismatch" });
    const wrong = await post({
      current: "not my password",
      password: "sông Tiền chảy qua 2026",
      confirm: "sông Tiền chảy qua 2026",
    });
    expect((await wrong.json()).errors).toEqual({ current: "staff.password.errors.currentWrong" });

    const other = cookieOf(
      await loginAction(args(loginPost({ email: user.email, password: TEST_PASSWORD }, "10.3.0.1"))),
    );
    const ok = await post({
      current: TEST_PASSWORD,
      password: "sông Tiền chảy qua 2026",
      confirm: "sông Tiền chảy qua 2026",
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/staff/password?changed=1");
    const fresh = cookieOf(ok);
    // Every earlier session ended, this browser holds a new one, and the account is free.
    expect(await getSessionUser(cookie)).toBeNull();
    expect(await getSessionUser(other)).toBeNull();
    expect((await getSessionUser(fresh))?.mustChangePassword).toBe(false);
    expect((await settle(overviewLoader(args(staffRequest("/staff", fresh))))).status).toBe(200);
    const row = await db()
      .selectFrom("staff_user")
      .select("must_change_password")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(false);
    const signInAgain = await loginAction(
      args(loginPost({ email: user.email, password: "sông Tiền chảy qua 2026" }, "10.3.0.2")),
    );
    expect(signInAgain.status).toBe(302);
  });
});
