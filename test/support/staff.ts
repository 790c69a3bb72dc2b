// Test factories for staff: a user of a given role, signed in, with the Cookie header to send.
import crypto from "node:crypto";
import type { Role } from "../../db/tables/staff";
import { createUser } from "~/models/staff.server";
import { db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";

export const TEST_PASSWORD = "correct-horse-battery-staple";

export async function makeUnit(code = `U${crypto.randomBytes(3).toString("hex")}`) {
  const row = await db()
    .insertInto("unit")
    .values({ code, name_vi: `Đơn vị ${code}`, name_en: `Unit ${code}`, kind: "division" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeStaff(role: Role, unitId: number | null = null, opts: { mustChange?: boolean } = {}) {
  const email = `${role}-${crypto.randomBytes(4).toString("hex")}@test.hailong.vn`;
  const id = await createUser({ email, name: `Test ${role}`, role, unitId, password: TEST_PASSWORD, mustChange: opts.mustChange ?? false });
  return { id, email, role, unitId };
}

/** A signed-in staff member: `cookie` goes in the Cookie header of a Request. */
export async function signIn(role: Role, unitId: number | null = null) {
  const user = await makeStaff(role, unitId);
  const setCookie = await createSession(user.id);
  return { ...user, cookie: setCookie.split(";")[0] };
}

/** A Request as a browser on this site would send it (same-origin POSTs carry Origin). */
export function staffRequest(path: string, cookie: string | null, init: { method?: string; form?: Record<string, string | string[]> } = {}) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(init.form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const method = init.method ?? (init.form ? "POST" : "GET");
  if (method !== "GET") headers.set("Origin", "http://localhost");
  return new Request(`http://localhost${path}`, { method, headers, body });
}
