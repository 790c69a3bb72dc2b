// Test factories for staff: a user of a given role, signed in, with the Cookie header to send.
import crypto from "node:crypto";
import { createUser } from "~/features/accounts/staff.server";
import { db } from "~/kernel/db/db.server";
import { createSession } from "~/kernel/session.server";
import type { Role } from "../../db/tables/staff";

export const TEST_PASSWORD = "correct-horse-battery-staple";

export async function makeUnit(code = `U${crypto.randomBytes(3).toString("hex")}`) {
  const row = await db()
    .insertInto("unit")
    .values({ code, name_vi: `Đơn vị ${code}`, name_en: `Unit ${code}`, kind: "division" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// A sign-in checks the password against the stored hash with the scrypt cost written in that hash
// (app/features/accounts/password.server.ts). Test accounts store one made at N=2^10, 32 times cheaper than
// the portal's 2^15: the pacing and session tests sign in hundreds of times on a busy machine.
// What is proved does not change (right and wrong passwords are told apart by the same code);
// the cost of new hashes has its own unit test (test/unit/password.test.ts).
let cheapHash: string | undefined;
function testPasswordHash() {
  if (!cheapHash) {
    const salt = crypto.randomBytes(16);
    const hash = crypto.scryptSync(TEST_PASSWORD.normalize("NFC"), salt, 32, { N: 1024, r: 8, p: 1 });
    cheapHash = `scrypt$1024$8$1$${salt.toString("base64")}$${hash.toString("base64")}`;
  }
  return cheapHash;
}

export async function makeStaff(
  role: Role,
  unitId: number | null = null,
  opts: { mustChange?: boolean; agencyId?: number } = {},
) {
  const agencyId = opts.agencyId ?? 1;
  const email = `${role}-${crypto.randomBytes(4).toString("hex")}@test.hailong.vn`;
  const id = await createUser({
    email,
    name: `Test ${role}`,
    role,
    unitId,
    password: TEST_PASSWORD,
    mustChange: opts.mustChange ?? false,
    agencyId,
  });
  await db().updateTable("staff_user").set({ password_hash: testPasswordHash() }).where("id", "=", id).execute();
  return { id, email, role, unitId, agencyId };
}

/** A signed-in staff member: `cookie` goes in the Cookie header of a Request. */
export async function signIn(role: Role, unitId: number | null = null, agencyId?: number) {
  const user = await makeStaff(role, unitId, { agencyId });
  const setCookie = await createSession(user.id);
  return { ...user, cookie: setCookie.split(";")[0] };
}

/** A Request as a browser on this site would send it (same-origin POSTs carry Origin). */
export function staffRequest(
  path: string,
  cookie: string | null,
  init: { method?: string; form?: Record<string, string | string[]> } = {},
) {
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
