// Sign-ups for a dialogue session with a fixed number of seats and an ordered waitlist (freeing a
// seat: dialogue-seats.server.ts; reading registrations: dialogue-registrants.server.ts).
// Every change to who holds a seat runs in a transaction that first locks the session's row
// (select … for update), so hundreds of people signing up at once queue on that lock and the
// count of confirmed seats can never pass the capacity, whatever the number of server instances.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { foldName, newRegistrationCode } from "~/features/dialogue/dialogue-code";
import { keyedLimiter } from "~/kernel/limits/limiter";
import { registrationState, staffMayRegister } from "~/features/dialogue/dialogue-state";
import type { Lang } from "~/kernel/i18n/i18n";
import { recordAudit } from "~/kernel/audit.server";
import { recordConsent } from "~/features/privacy/consent.server";
import { insertQuestion } from "~/features/dialogue/dialogue-question.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { AttendeeKind, Database, RegistrationChannel, RegistrationStatus } from "../../../db/types";

export interface SignUpInput {
  /** The agency of the page (public) or of the staff account: a session of another is "not found". */
  agencyId: number;
  sessionId: number;
  name: string;
  phone: string | null;
  phoneNorm: string | null;
  email: string | null;
  emailNorm: string | null;
  kind: AttendeeKind;
  organisation: string | null;
  accessibility: string | null;
  question: string | null;
  topic: string | null;
  lang: Lang;
  /** "online" for the public form; staff register on behalf by phone, at the desk or from paper. */
  channel: Exclude<RegistrationChannel, "walk_in">;
  staff?: { id: number; email: string; client: Client };
  /** Past its address's share of sign-ups: stored "to confirm", holding no seat and no waitlist
   * place until staff settle it (dialogue-settle.server.ts; docs/security/limits.md). */
  toConfirm?: boolean;
}

export interface RegistrationSummary {
  id: number;
  code: string;
  /** Door code + secret key (docs/security/citizen-codes.md): for the registrant only. */
  fullCode: string;
  status: RegistrationStatus;
  /** 1-based place on the waitlist, null when not waitlisted. */
  place: number | null;
}

export type SignUpResult =
  | { ok: true; created: boolean; registration: RegistrationSummary }
  | { ok: false; reason: "not_found" | "closed" | "bad_topic" };

export async function lockSession(trx: Kysely<Database>, agencyId: number, id: number) {
  return trx
    .selectFrom("dialogue_session")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function waitlistPlace(
  conn: Kysely<Database>,
  agencyId: number,
  sessionId: number,
  seq: number | null,
): Promise<number | null> {
  if (seq === null) return null;
  const { n } = await conn
    .selectFrom("dialogue_registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("status", "=", "waitlisted")
    .where("waitlist_seq", "<=", seq)
    .executeTakeFirstOrThrow();
  return Number(n);
}

// A few sign-ups per session in flight per process: enough that the next one is ready the moment
// the row lock is released, few enough that a burst never holds the whole connection pool.
const seatQueue = keyedLimiter(3);

export async function signUp(input: SignUpInput, now = new Date()): Promise<SignUpResult> {
  return seatQueue(String(input.sessionId), () => signUpNow(input, now));
}

async function signUpNow(input: SignUpInput, now: Date): Promise<SignUpResult> {
  const result = await db()
    .transaction()
    .execute(async (trx): Promise<SignUpResult> => {
      const s = await lockSession(trx, input.agencyId, input.sessionId);
      if (!s) return { ok: false, reason: "not_found" };
      const open = input.channel === "online" ? registrationState(s, now) === "open" : staffMayRegister(s, now);
      if (!open) return { ok: false, reason: "closed" };
      if (input.topic && !s.topics.includes(input.topic)) return { ok: false, reason: "bad_topic" };

      // One round trip, after the lock, for everything the decision needs: is this person already
      // in, how many seats are taken, how long is the waitlist and where does it end. Few round
      // trips under the lock is what keeps hundreds of sign-ups at once fast.
      const probe = await trx
        .selectNoFrom((eb) => [
          eb
            .selectFrom("dialogue_registration")
            .select(eb.fn.countAll<number>().as("n"))
            .where("agency_id", "=", s.agency_id)
            .where("session_id", "=", s.id)
            .where("status", "=", "confirmed")
            .as("confirmed"),
          eb
            .selectFrom("dialogue_registration")
            .select(eb.fn.countAll<number>().as("n"))
            .where("agency_id", "=", s.agency_id)
            .where("session_id", "=", s.id)
            .where("status", "=", "waitlisted")
            .as("waiting"),
          eb
            .selectFrom("dialogue_registration")
            .select((e) => e.fn.max("waitlist_seq").as("m"))
            .where("agency_id", "=", s.agency_id)
            .where("session_id", "=", s.id)
            .as("last_seq"),
          eb
            .selectFrom("dialogue_registration")
            .select("id")
            .where("agency_id", "=", s.agency_id)
            .where("session_id", "=", s.id)
            .where("status", "!=", "cancelled")
            .where((w) =>
              w.or([
                ...(input.phoneNorm ? [w("phone_norm", "=", input.phoneNorm)] : []),
                ...(input.emailNorm ? [w("email_norm", "=", input.emailNorm)] : []),
              ]),
            )
            .orderBy("id")
            .limit(1)
            .as("existing"),
        ])
        .executeTakeFirstOrThrow();
      if (probe.existing !== null) {
        // A second sign-up (or a retry of the first) with the same phone or email gets the first one back.
        const r = await trx
          .selectFrom("dialogue_registration")
          .select(["id", "code", "access_key", "status", "waitlist_seq"])
          .where("agency_id", "=", s.agency_id)
          .where("id", "=", Number(probe.existing))
          .executeTakeFirstOrThrow();
        // The caller decides who may see it: never the browser of a sign-up that merely matched.
        const registration = {
          id: r.id,
          code: r.code,
          fullCode: fullCode(r.code, r.access_key),
          status: r.status,
          place: await waitlistPlace(trx, s.agency_id, s.id, r.waitlist_seq),
        };
        return { ok: true, created: false, registration };
      }

      const seat = !input.toConfirm && Number(probe.confirmed) < s.capacity;
      const status: RegistrationStatus = input.toConfirm ? "to_confirm" : seat ? "confirmed" : "waitlisted";
      // The waitlist is ordered by seq; the next one goes after every seq ever given here (a
      // promoted person's seq is cleared, a cancelled one's kept, so the maximum never repeats a
      // live one's). Safe because the session's row lock serialises sign-ups.
      const seq = status === "waitlisted" ? Number(probe.last_seq ?? 0) + 1 : null;
      let inserted: { id: number; code: string; access_key: string } | undefined;
      for (let attempt = 0; !inserted; attempt++) {
        if (attempt === 8) throw new Error("could not find a free registration code");
        inserted = await trx
          .insertInto("dialogue_registration")
          .values({
            // The session's agency, written out: the column's default is the default agency's.
            agency_id: s.agency_id,
            session_id: s.id,
            code: newRegistrationCode((max) => crypto.randomInt(max)),
            name: input.name,
            name_search: foldName(input.name),
            phone: input.phone,
            phone_norm: input.phoneNorm,
            email: input.email,
            email_norm: input.emailNorm,
            kind: input.kind,
            organisation: input.organisation,
            accessibility: input.accessibility,
            status,
            waitlist_seq: seq,
            channel: input.channel,
            created_by: input.staff?.id ?? null,
            lang: input.lang,
          })
          .onConflict((oc) => oc.columns(["agency_id", "session_id", "code"]).doNothing())
          .returning(["id", "code", "access_key"])
          .executeTakeFirst();
      }
      await recordConsent(trx, {
        agencyId: s.agency_id,
        purpose: "dialogue_registration",
        subjectKind: "dialogue_registration",
        subjectId: inserted.id,
        lang: input.lang,
      });
      if (input.question) {
        await insertQuestion(trx, {
          agencyId: s.agency_id,
          sessionId: s.id,
          registrationId: inserted.id,
          text: input.question,
          topic: input.topic,
          channel: input.channel === "online" ? "online" : input.channel,
          staffId: input.staff?.id ?? null,
        });
      }
      if (input.staff) {
        await recordAudit(
          input.staff.client,
          {
            agencyId: s.agency_id,
            actor: input.staff,
            action: "dialogue.register_on_behalf",
            entity: "dialogue_registration",
            entityId: inserted.id,
            details: { channel: input.channel },
          },
          trx,
        );
      }
      return {
        ok: true,
        created: true,
        // Everyone already waiting is ahead of a newcomer.
        registration: {
          id: inserted.id,
          code: inserted.code,
          fullCode: fullCode(inserted.code, inserted.access_key),
          status,
          place: status === "waitlisted" ? Number(probe.waiting) + 1 : null,
        },
      };
    });
  return result;
}
