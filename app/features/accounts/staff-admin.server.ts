// The admin's management of staff accounts. Each change and its audit entry land in one
// transaction, so the log never misses a change nor records one that did not happen. An admin
// manages the accounts of its own agency only, the installation admin included: another
// agency's account is not found, and a new account is in the admin's agency
// (docs/rules/agencies.md).
import { sql } from "kysely";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { createUser, emailTaken } from "~/features/accounts/staff.server";
import { db } from "~/kernel/db/db.server";
import { generatePassword, hashPassword } from "~/features/accounts/password.server";
import { revokeUserSessions } from "~/kernel/session.server";
import type { Role } from "../../../db/tables/staff";

export interface AccountInput {
  name: string;
  role: Role;
  unitId: number | null;
}

export async function listUsers(agencyId: number) {
  const rows = await db()
    .selectFrom("staff_user as u")
    .leftJoin("unit", (j) => j.onRef("unit.agency_id", "=", "u.agency_id").onRef("unit.id", "=", "u.unit_id"))
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.unit_id",
      "u.active",
      "u.must_change_password",
      "unit.code as unit_code",
    ])
    .where("u.agency_id", "=", agencyId)
    .orderBy("u.active", "desc")
    .orderBy("u.email")
    .execute();
  return rows;
}

export async function getUserDetail(agencyId: number, id: number) {
  const user = await db()
    .selectFrom("staff_user")
    .select([
      "id",
      "email",
      "name",
      "role",
      "unit_id",
      "active",
      "must_change_password",
      "password_changed_at",
      "created_at",
    ])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!user) return null;
  const { n } = await db()
    .selectFrom("staff_session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", id)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirstOrThrow();
  return { ...user, openSessions: Number(n) };
}

/** The unit is one of the agency's (an account's unit is always in the account's agency). */
async function unitExists(agencyId: number, unitId: number | null) {
  if (unitId === null) return true;
  return !!(await db()
    .selectFrom("unit")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("id", "=", unitId)
    .executeTakeFirst());
}

export type CreateResult =
  { ok: true; id: number; password: string } | { ok: false; field: "email" | "unitId"; error: string };

/** A new account with a temporary password, returned once for the admin to pass on; the user
 * must change it at first sign-in. */
export async function createAccount(
  input: AccountInput & { email: string },
  actor: StaffActor,
  client: Client,
): Promise<CreateResult> {
  if (!(await unitExists(actor.agencyId, input.unitId)))
    return { ok: false, field: "unitId", error: "staff.users.errors.unitMissing" };
  if (await emailTaken(input.email)) return { ok: false, field: "email", error: "staff.users.errors.emailTaken" };
  const password = generatePassword();
  try {
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        const id = await createUser({ ...input, password, mustChange: true, agencyId: actor.agencyId }, trx);
        await recordAudit(
          client,
          {
            agencyId: actor.agencyId,
            actor,
            action: "user.create",
            entity: "staff_user",
            entityId: id,
            details: { email: input.email, role: input.role, unitId: input.unitId },
          },
          trx,
        );
        return id;
      });
    return { ok: true, id, password };
  } catch (err) {
    // Two admins adding the same address at once: the unique index decides, the message is the same.
    if ((err as { code?: string }).code === "23505")
      return { ok: false, field: "email", error: "staff.users.errors.emailTaken" };
    throw err;
  }
}

export type ChangeResult = { ok: true } | { ok: false; field: "role" | "unitId" | "_form"; error: string };

/** Name, role and unit. A changed role applies from the user's next request: sessions read the
 * user afresh each time. An admin cannot take away their own admin role (nobody could give it back). */
export async function updateAccount(
  id: number,
  input: AccountInput,
  actor: StaffActor,
  client: Client,
): Promise<ChangeResult> {
  if (id === actor.id && input.role !== "admin")
    return { ok: false, field: "role", error: "staff.users.errors.ownRole" };
  if (!(await unitExists(actor.agencyId, input.unitId)))
    return { ok: false, field: "unitId", error: "staff.users.errors.unitMissing" };
  return db()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("staff_user")
        .select(["name", "role", "unit_id"])
        .where("agency_id", "=", actor.agencyId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, field: "_form", error: "staff.users.errors.notFound" } as const;
      await trx
        .updateTable("staff_user")
        .set({ name: input.name, role: input.role, unit_id: input.unitId })
        .where("agency_id", "=", actor.agencyId)
        .where("id", "=", id)
        .execute();
      const after = { name: input.name, role: input.role, unit_id: input.unitId };
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: "user.update",
          entity: "staff_user",
          entityId: id,
          details: { before, after },
        },
        trx,
      );
      return { ok: true } as const;
    });
}

/** Disabling ends every session of the user at once; enabling lets them sign in again. */
export async function setAccountActive(
  id: number,
  active: boolean,
  actor: StaffActor,
  client: Client,
): Promise<ChangeResult> {
  if (id === actor.id && !active) return { ok: false, field: "_form", error: "staff.users.errors.ownDisable" };
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("staff_user")
        .set({ active })
        .where("agency_id", "=", actor.agencyId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!Number(res.numUpdatedRows))
        return { ok: false, field: "_form", error: "staff.users.errors.notFound" } as const;
      const ended = active ? 0 : await revokeUserSessions(id, undefined, trx);
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: active ? "user.enable" : "user.disable",
          entity: "staff_user",
          entityId: id,
          details: { sessionsEnded: ended },
        },
        trx,
      );
      return { ok: true } as const;
    });
}

/** A new temporary password, returned once; the user's sessions end and they must change it. */
export async function resetAccountPassword(
  id: number,
  actor: StaffActor,
  client: Client,
): Promise<{ ok: true; password: string } | { ok: false; field: "_form"; error: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("staff_user")
        .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: sql`now()` })
        .where("agency_id", "=", actor.agencyId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!Number(res.numUpdatedRows))
        return { ok: false, field: "_form", error: "staff.users.errors.notFound" } as const;
      const ended = await revokeUserSessions(id, undefined, trx);
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: "user.reset_password",
          entity: "staff_user",
          entityId: id,
          details: { sessionsEnded: ended },
        },
        trx,
      );
      return { ok: true, password } as const;
    });
}

/** Signs the user out on every device (a lost phone, a shared computer); null when the account is
 * not one of the actor's agency. */
export async function endAccountSessions(id: number, actor: StaffActor, client: Client): Promise<number | null> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const mine = await trx
        .selectFrom("staff_user")
        .select("id")
        .where("agency_id", "=", actor.agencyId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!mine) return null;
      const ended = await revokeUserSessions(id, undefined, trx);
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: "user.sessions_revoked",
          entity: "staff_user",
          entityId: id,
          details: { sessionsEnded: ended },
        },
        trx,
      );
      return ended;
    });
}
