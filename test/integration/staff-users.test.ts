// The admin's account management through the route modules: create, duplicate email, edit and
// role change, disable, reset, sign-out everywhere, each audited.
import { action as editAction, loader as editLoader } from "~/routes/staff.users.$id";
import { action as newAction } from "~/routes/staff.users.new";
import { loader as listLoader } from "~/routes/staff.users._index";
import { loader as procedures } from "~/routes/staff.procedures._index";
import { authenticate } from "~/features/accounts/staff.server";
import { db } from "~/kernel/db/db.server";
import { getSessionUser } from "~/kernel/session.server";
import { makeUnit, signIn, staffRequest, TEST_PASSWORD } from "../support/staff";

// Action answers are unions (errors | done); the tests read whichever field they expect.
const body = (res: Response): Promise<any> => res.json();
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function settle(p: Promise<Response>): Promise<Response> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

let admin: Awaited<ReturnType<typeof signIn>>;
let unitId: number;
beforeAll(async () => {
  unitId = await makeUnit();
  admin = await signIn("admin");
});

const create = (form: Record<string, string>) =>
  newAction(args(staffRequest("/staff/users/new", admin.cookie, { form })));
const edit = (id: number, form: Record<string, string>) =>
  editAction(args(staffRequest(`/staff/users/${id}`, admin.cookie, { form }), { id: String(id) }));
const alive = (cookie: string) => getSessionUser(cookie);
const audits = (id: number) =>
  db()
    .selectFrom("audit_log")
    .select(["action", "actor_id", "details"])
    .where("entity", "=", "staff_user")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();

describe("creating an account", () => {
  it("gives a temporary password once, which works and must be changed", async () => {
    const res = await create({
      email: "Moi.CanBo@test.hailong.vn",
      name: "Cán Bộ Mới",
      role: "unit",
      unitId: String(unitId),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const { created } = await body(res);
    expect(created.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const row = await db().selectFrom("staff_user").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: "Moi.CanBo@test.hailong.vn",
      role: "unit",
      unit_id: unitId,
      must_change_password: true,
      active: true,
    });
    expect(row.password_hash).not.toContain(created.password);
    expect(await authenticate("moi.canbo@test.hailong.vn", created.password, "10.9.0.1")).toMatchObject({
      ok: true,
      userId: created.id,
    });
    const log = await audits(created.id);
    expect(log.map((l) => l.action)).toEqual(["user.create"]);
    expect(log[0].actor_id).toBe(admin.id);
    expect(JSON.stringify(log[0].details)).not.toContain(created.password);
    const list = await (await listLoader(args(staffRequest("/staff/users", admin.cookie)))).json();
    expect(list.users.map((u: { email: string }) => u.email)).toContain("Moi.CanBo@test.hailong.vn");
  });

  it("refuses an email that exists in any letter case, with a message, and writes nothing", async () => {
    await create({ email: "trung@test.hailong.vn", name: "A", role: "office" });
    const before = await db()
      .selectFrom("staff_user")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await create({ email: "  TRUNG@test.hailong.vn ", name: "B", role: "viewer" });
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual({
      errors: { email: "staff.users.errors.emailTaken" },
      values: { email: "  TRUNG@test.hailong.vn ", name: "B", role: "viewer" },
    });
    const after = await db()
      .selectFrom("staff_user")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("needs a unit for a unit user and an existing unit for anyone", async () => {
    expect(
      (await body(await create({ email: "u1@test.hailong.vn", name: "U", role: "unit", unitId: "" }))).errors,
    ).toEqual({ unitId: "staff.users.errors.unitRequired" });
    expect(
      (await body(await create({ email: "u2@test.hailong.vn", name: "U", role: "unit", unitId: "99999" }))).errors,
    ).toEqual({ unitId: "staff.users.errors.unitMissing" });
  });
});

describe("changing an account", () => {
  it("applies a new role and unit from the very next request", async () => {
    const office = await signIn("office");
    expect((await settle(procedures(args(staffRequest("/staff/procedures", office.cookie))))).status).toBe(200);
    const res = await edit(office.id, { intent: "update", name: "Đổi Vai Trò", role: "viewer", unitId: "" });
    expect(res.status).toBe(200);
    expect((await settle(procedures(args(staffRequest("/staff/procedures", office.cookie))))).status).toBe(403);
    // Back to unit staff of a unit: the same session now sees that unit's scope.
    await edit(office.id, { intent: "update", name: "Đổi Vai Trò", role: "unit", unitId: String(unitId) });
    expect((await alive(office.cookie))?.unitId).toBe(unitId);
    const log = await audits(office.id);
    expect(log.map((l) => l.action)).toEqual(["user.update", "user.update"]);
    expect(log[0].details).toMatchObject({ before: { role: "office" }, after: { role: "viewer" } });
  });

  it("does not let an admin remove their own admin role or disable themselves", async () => {
    const res = await edit(admin.id, { intent: "update", name: "Me", role: "office", unitId: "" });
    expect((await body(res)).errors).toEqual({ role: "staff.users.errors.ownRole" });
    const off = await edit(admin.id, { intent: "disable" });
    expect((await body(off)).errors).toEqual({ _form: "staff.users.errors.ownDisable" });
    expect((await alive(admin.cookie))?.role).toBe("admin");
  });

  it("disabling ends every session at once and stops sign-in; enabling allows it again", async () => {
    const target = await signIn("unit", unitId);
    const again = await signIn("unit", unitId);
    expect(await alive(target.cookie)).not.toBeNull();
    await edit(target.id, { intent: "disable" });
    expect(await alive(target.cookie)).toBeNull();
    const row = await db()
      .selectFrom("staff_session")
      .select("revoked_at")
      .where("user_id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    expect(await alive(again.cookie)).not.toBeNull(); // another user's session is untouched
    const detail = await (
      await editLoader(args(staffRequest(`/staff/users/${target.id}`, admin.cookie), { id: String(target.id) }))
    ).json();
    expect(detail.account).toMatchObject({ active: false, openSessions: 0 });
    // The right password no longer signs in, with the same answer as any wrong one.
    expect(await authenticate(target.email, TEST_PASSWORD, "10.9.0.3")).toMatchObject({ ok: false, reason: "invalid" });
    await edit(target.id, { intent: "enable" });
    expect(await authenticate(target.email, TEST_PASSWORD, "10.9.0.3")).toMatchObject({ ok: true });
    expect((await audits(target.id)).map((l) => l.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("resets the password (shown once), ends the sessions and asks for a change", async () => {
    const target = await signIn("viewer");
    const res = await edit(target.id, { intent: "reset" });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const { password } = await body(res);
    expect(await alive(target.cookie)).toBeNull();
    expect(await authenticate(target.email, password, "10.9.0.2")).toMatchObject({ ok: true });
    const row = await db()
      .selectFrom("staff_user")
      .select("must_change_password")
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
  });

  it("signs a user out everywhere", async () => {
    const target = await signIn("office");
    const res = await edit(target.id, { intent: "signout" });
    expect(await body(res)).toEqual({ intent: "signout", done: true, ended: 1 });
    expect(await alive(target.cookie)).toBeNull();
  });

  it("answers 404 for an account that does not exist and 400 for an unknown intent", async () => {
    expect(
      (await settle(editLoader(args(staffRequest("/staff/users/99999", admin.cookie), { id: "99999" })))).status,
    ).toBe(404);
    expect((await settle(editLoader(args(staffRequest("/staff/users/abc", admin.cookie), { id: "abc" })))).status).toBe(
      404,
    );
    expect((await edit(admin.id, { intent: "explode" })).status).toBe(400);
    // An action on an account that does not exist (or is another agency's) is not found too.
    expect((await settle(edit(99999, { intent: "disable" }))).status).toBe(404);
  });
});
