// Check-in at the door on a staff phone or tablet: by code, by finding a name, or a walk-in
// added on the spot. Every attempt is recorded, failed ones too, with the reason and the staff
// member, so the door's record can be read back after the day.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { parseRegistrationCode } from "~/features/citizen-codes/citizen-code";
import { foldName, newRegistrationCode } from "~/features/dialogue/dialogue-code";
import type { Lang } from "~/kernel/i18n/i18n";
import { recordAudit } from "~/kernel/audit.server";
import { recordConsent } from "~/features/privacy/consent.server";
import { isCheckinTime } from "~/features/dialogue/dialogue-state";
import { seatCounts } from "~/features/dialogue/dialogue-registrants.server";
import { waitlistPlace } from "~/features/dialogue/dialogue-registration.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { AttendeeKind, Database, DialogueSession } from "../../../db/types";

export type CheckinReason =
  | "bad_code"
  | "not_found"
  | "cancelled"
  | "waitlisted"
  | "to_confirm"
  | "already_checked_in"
  | "already_registered"
  | "session_closed"
  | "not_today"
  | "room_full";

export type CheckinResult =
  | { ok: true; name: string; kind: AttendeeKind; code: string }
  | { ok: false; reason: CheckinReason; name?: string; place?: number | null; at?: Date; startsAt?: Date };

/** What the door gets back: a result, or "no_session" when the session itself is gone (the route
 * answers 404; nothing is logged, as there is no session to log it against). */
export type CheckinOutcome = CheckinResult | { ok: false; reason: "no_session" };

/** Who is at the door, and when: `now` is the clock the session-day rule reads (tests pass the day).
 * The door works inside the account's agency only (`user.agencyId`): another agency's session,
 * registration or code is not found, and every row written carries the account's agency. */
type Ctx = { client: Client; user: StaffUser; now?: Date };

/** The door is open while the session is announced or being held. */
function doorOpen(s: DialogueSession) {
  return s.status === "published" || s.status === "registration_closed" || s.status === "held";
}

async function attempt(
  trx: Kysely<Database>,
  c: Ctx,
  sessionId: number,
  method: "code" | "search" | "walk_in",
  result: CheckinResult,
  registrationId: number | null,
  codeEntered: string | null,
) {
  await trx
    .insertInto("dialogue_checkin_attempt")
    .values({
      agency_id: c.user.agencyId,
      session_id: sessionId,
      registration_id: registrationId,
      method,
      code_entered: codeEntered,
      ok: result.ok,
      reason: result.ok ? null : result.reason,
      staff_id: c.user.id,
    })
    .execute();
  await recordAudit(
    c.client,
    {
      agencyId: c.user.agencyId,
      actor: { id: c.user.id, email: c.user.email },
      action: "dialogue.checkin",
      entity: "dialogue_registration",
      entityId: registrationId,
      details: { method, ok: result.ok, reason: result.ok ? null : result.reason },
    },
    trx,
  );
  return result;
}

async function checkIn(
  c: Ctx,
  sessionId: number,
  method: "code" | "search",
  find: { code: string } | { id: number },
  codeEntered: string | null,
): Promise<CheckinOutcome> {
  return db()
    .transaction()
    .execute(async (trx): Promise<CheckinOutcome> => {
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false, reason: "no_session" };
      let q = trx
        .selectFrom("dialogue_registration")
        .selectAll()
        .where("agency_id", "=", s.agency_id)
        .where("session_id", "=", sessionId);
      q = "code" in find ? q.where("code", "=", find.code) : q.where("id", "=", find.id);
      const r = await q.forUpdate().executeTakeFirst();
      const log = (res: CheckinResult) => attempt(trx, c, sessionId, method, res, r?.id ?? null, codeEntered);
      if (!doorOpen(s)) return log({ ok: false, reason: "session_closed" });
      const now = c.now ?? new Date();
      if (!isCheckinTime(s.starts_at, now)) return log({ ok: false, reason: "not_today", startsAt: s.starts_at });
      if (!r) return log({ ok: false, reason: "not_found" });
      if (r.status === "cancelled") return log({ ok: false, reason: "cancelled", name: r.name });
      // Past its address's share of sign-ups, not yet settled (docs/security/limits.md): no seat to check into.
      if (r.status === "to_confirm") return log({ ok: false, reason: "to_confirm", name: r.name });
      if (r.status === "waitlisted")
        return log({
          ok: false,
          reason: "waitlisted",
          name: r.name,
          place: await waitlistPlace(trx, s.agency_id, sessionId, r.waitlist_seq),
        });
      if (r.checked_in_at) return log({ ok: false, reason: "already_checked_in", name: r.name, at: r.checked_in_at });
      await trx
        .updateTable("dialogue_registration")
        .set({ checked_in_at: now, checked_in_by: c.user.id })
        .where("agency_id", "=", s.agency_id)
        .where("id", "=", r.id)
        .execute();
      return log({ ok: true, name: r.name, kind: r.kind, code: r.code });
    });
}

export async function checkInByCode(c: Ctx, sessionId: number, typed: string): Promise<CheckinOutcome> {
  // The door code is the first six letters; a full code (with its key) shown at the door works too.
  const code = parseRegistrationCode(typed)?.code ?? null;
  if (!code) {
    return db()
      .transaction()
      .execute((trx) =>
        attempt(trx, c, sessionId, "code", { ok: false, reason: "bad_code" }, null, typed.slice(0, 20)),
      );
  }
  return checkIn(c, sessionId, "code", { code }, code);
}

export async function checkInById(c: Ctx, sessionId: number, registrationId: number): Promise<CheckinOutcome> {
  return checkIn(c, sessionId, "search", { id: registrationId }, null);
}

export interface WalkInInput {
  name: string;
  kind: AttendeeKind;
  organisation: string | null;
  phone: string | null;
  phoneNorm: string | null;
  lang: Lang;
}

/** Someone who did not sign up, admitted at the door while the room has space. The staff member
 * confirms the person agreed to the privacy notice; the consent is recorded like any other. */
export async function walkIn(c: Ctx, sessionId: number, input: WalkInInput): Promise<CheckinOutcome> {
  return db()
    .transaction()
    .execute(async (trx): Promise<CheckinOutcome> => {
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false, reason: "no_session" };
      const log = (res: CheckinResult, id: number | null) => attempt(trx, c, sessionId, "walk_in", res, id, null);
      if (!doorOpen(s)) return log({ ok: false, reason: "session_closed" }, null);
      const now = c.now ?? new Date();
      if (!isCheckinTime(s.starts_at, now)) return log({ ok: false, reason: "not_today", startsAt: s.starts_at }, null);
      if (input.phoneNorm) {
        const same = await trx
          .selectFrom("dialogue_registration")
          .select(["id", "name"])
          .where("agency_id", "=", s.agency_id)
          .where("session_id", "=", sessionId)
          .where("phone_norm", "=", input.phoneNorm)
          .where("status", "!=", "cancelled")
          .executeTakeFirst();
        // Already registered under this phone: check them in by their registration instead.
        if (same) return log({ ok: false, reason: "already_registered", name: same.name }, same.id);
      }
      const counts = await seatCounts(sessionId, trx);
      if (counts.checkedIn.total >= s.capacity) return log({ ok: false, reason: "room_full" }, null);
      let row: { id: number; code: string } | undefined;
      while (!row) {
        row = await trx
          .insertInto("dialogue_registration")
          .values({
            agency_id: s.agency_id,
            session_id: sessionId,
            code: newRegistrationCode((max) => crypto.randomInt(max)),
            name: input.name,
            name_search: foldName(input.name),
            phone: input.phone,
            phone_norm: input.phoneNorm,
            email: null,
            email_norm: null,
            kind: input.kind,
            organisation: input.organisation,
            accessibility: null,
            status: "walk_in",
            waitlist_seq: null,
            channel: "walk_in",
            created_by: c.user.id,
            lang: input.lang,
            checked_in_at: now,
            checked_in_by: c.user.id,
          })
          .onConflict((oc) => oc.columns(["agency_id", "session_id", "code"]).doNothing())
          .returning(["id", "code"])
          .executeTakeFirst();
      }
      await recordConsent(trx, {
        agencyId: s.agency_id,
        purpose: "dialogue_registration",
        subjectKind: "dialogue_registration",
        subjectId: row.id,
        lang: input.lang,
      });
      return log({ ok: true, name: input.name, kind: input.kind, code: row.code }, row.id);
    });
}

/** Registrants matching a name (without diacritics), a code, or the last digits of a phone. */
export async function searchAttendees(agencyId: number, sessionId: number, query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  const folded = foldName(q).replace(/[%_\\]/g, "\\$&");
  const digits = q.replace(/\D/g, "");
  const code = parseRegistrationCode(q)?.code ?? null;
  return db()
    .selectFrom("dialogue_registration")
    .select(["id", "code", "name", "kind", "organisation", "status", "checked_in_at", "accessibility"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where((eb) =>
      eb.or([
        eb("name_search", "like", `%${folded}%`),
        ...(code ? [eb("code", "=", code)] : []),
        ...(digits.length >= 4 && digits.length === q.replace(/[\s.-]/g, "").length
          ? [eb("phone_norm", "like", `%${digits}`)]
          : []),
      ]),
    )
    .orderBy("name_search")
    .limit(20)
    .execute();
}

export async function recentAttempts(agencyId: number, sessionId: number, limit = 10) {
  return db()
    .selectFrom("dialogue_checkin_attempt as a")
    .leftJoin("dialogue_registration as r", (j) =>
      j.onRef("r.agency_id", "=", "a.agency_id").onRef("r.id", "=", "a.registration_id"),
    )
    .leftJoin("staff_user as u", "u.id", "a.staff_id")
    .select(["a.id", "a.at", "a.method", "a.ok", "a.reason", "a.code_entered", "r.name", "u.name as staff_name"])
    .where("a.agency_id", "=", agencyId)
    .where("a.session_id", "=", sessionId)
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
