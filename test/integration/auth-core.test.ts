import { sql } from "kysely";
import { authenticate } from "~/features/accounts/staff.server";
import { recordAudit } from "~/kernel/audit.server";
import { ACCOUNT_LIMIT } from "~/features/accounts/throttle.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { db } from "~/kernel/db/db.server";
import {
  createSession,
  getSessionUser,
  revokeUserSessions,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from "~/kernel/session.server";
import { makeStaff, signIn, staffRequest, TEST_PASSWORD } from "../support/staff";

describe("sessions", () => {
  it("find the user, expire after 12 h or 2 h idle, and end when revoked or the user is disabled", async () => {
    const user = await makeStaff("office");
    const t0 = new Date("2026-11-27T01:00:00Z");
    const cookie = (await createSession(user.id, t0)).split(";")[0];
    expect((await getSessionUser(cookie, new Date(t0.getTime() + 1000)))?.email).toBe(user.email);
    expect(await getSessionUser(cookie, new Date(t0.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
    // Kept alive by use, it still ends at the absolute limit.
    let t = t0.getTime();
    while (t < t0.getTime() + SESSION_ABSOLUTE_MS - 3600_000) {
      t += 3600_000;
      expect(await getSessionUser(cookie, new Date(t))).not.toBeNull();
    }
    expect(await getSessionUser(cookie, new Date(t0.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();

    const live = await signIn("office");
    expect(await getSessionUser(live.cookie)).not.toBeNull();
    await revokeUserSessions(live.id);
    expect(await getSessionUser(live.cookie)).toBeNull();

    const other = await signIn("unit");
    await db().updateTable("staff_user").set({ active: false }).where("id", "=", other.id).execute();
    expect(await getSessionUser(other.cookie)).toBeNull();
  });

  it("refuses a forged or tampered cookie", async () => {
    const live = await signIn("admin");
    const [name, value] = live.cookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    expect(await getSessionUser(tampered)).toBeNull();
    expect(await getSessionUser("hl_session=abc")).toBeNull();
  });
});

describe("requireStaff", () => {
  it("redirects without a session, refuses a role without the right, and a cross-site POST", async () => {
    await expect(requireStaff(staffRequest("/staff/users", null), ["admin"])).rejects.toMatchObject({ status: 302 });
    const viewer = await signIn("viewer");
    await expect(requireStaff(staffRequest("/staff/users", viewer.cookie), ["admin"])).rejects.toMatchObject({
      status: 403,
    });
    const admin = await signIn("admin");
    expect((await requireStaff(staffRequest("/staff/users", admin.cookie), ["admin"])).id).toBe(admin.id);
    const cross = new Request("http://localhost/staff/users", {
      method: "POST",
      headers: { Cookie: admin.cookie, Origin: "https://evil.example" },
    });
    await expect(requireStaff(cross, ["admin"])).rejects.toMatchObject({ status: 403 });
    const fetchSite = new Request("http://localhost/staff/users", {
      method: "POST",
      headers: { Cookie: admin.cookie, "Sec-Fetch-Site": "cross-site" },
    });
    await expect(requireStaff(fetchSite, ["admin"])).rejects.toMatchObject({ status: 403 });
  });
});

describe("sign-in throttling", () => {
  it("makes an account wait after 5 failures, refusing even the right password, and tells nothing about the email", async () => {
    const user = await makeStaff("office");
    const now = new Date();
    for (let i = 1; i <= ACCOUNT_LIMIT; i++) {
      const r = await authenticate(user.email, "wrong password!!", "10.0.0.1", now);
      expect(r).toMatchObject({ ok: false, reason: "invalid", failures: i });
    }
    expect(await authenticate(user.email, TEST_PASSWORD, "10.0.0.2", now)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    // An unknown email is throttled the same way.
    for (let i = 1; i <= ACCOUNT_LIMIT; i++) await authenticate("nobody@test.hailong.vn", "x", "10.0.0.3", now);
    expect(await authenticate("nobody@test.hailong.vn", "x", "10.0.0.3", now)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    // After the first wait (1 minute after the fifth failure: docs/security/limits.md), the right
    // password works again.
    const later = new Date(now.getTime() + 60_000 + 1000);
    expect(await authenticate(user.email, TEST_PASSWORD, "10.0.0.2", later)).toMatchObject({ ok: true });
  });
});

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    await recordAudit(null, { agencyId: 1, actor: null, action: "test.append", entity: "thing", entityId: 1 });
    const row = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "test.append")
      .executeTakeFirstOrThrow();
    await expect(sql`update audit_log set action = 'x' where id = ${row.id}`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
  });
});
