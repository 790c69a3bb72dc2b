// Dialogue sessions: create, edit, move, change state, and read them for the public and staff.
// Every session belongs to one agency (docs/rules/agencies.md): each function takes the agency
// the request is about, and a session of another agency is "not found".
// Changes that registrants must hear about (moved, cancelled) queue their notices in the same
// transaction as the change; the caller delivers them after commit (deliverNotices).
import type { Kysely } from "kysely";
import { isDbId } from "~/kernel/db/ids";
import {
  checkSessionTimes,
  isAnnounced,
  isEditable,
  nextStatus,
  noticeIsLongEnough,
  type Transition,
} from "~/features/dialogue/dialogue-state";
import type { Lang } from "~/kernel/i18n/i18n";
import { recordAudit, type Actor } from "~/kernel/audit.server";
import { queueNotices, writeNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { fillSeats } from "~/features/dialogue/dialogue-seats.server";
import { getSetting } from "~/features/admin/settings.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database, DialogueSession, DialogueStatus } from "../../../db/types";

export interface SessionInput {
  planNumber: string | null;
  titleVi: string;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  topics: string[];
  /** English topics, one for one with `topics`; a blank entry keeps that topic in Vietnamese. */
  topicsEn?: string[];
  invitedGroups: string | null;
  invitedGroupsEn?: string | null;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  chair: string;
  secretary: string;
  capacity: number;
  opensAt: Date | null;
  closesAt: Date | null;
  publishAt: Date | null;
  procedureIds: number[];
}

/** A change refused, with the message keys to show (and the figures they name). */
export type Refusal = { ok: false; errors: Record<string, string>; values?: Record<string, unknown> };
/** `notFound`: the session is gone (the route answers 404). */
export type Result<T = object> = ({ ok: true } & T) | Refusal | { ok: false; notFound: true };

/** Blank publication and registration dates get their defaults: published `noticeDays` before
 * the start, registration open from publication until a day before. */
export function withDefaults(input: SessionInput, days: number) {
  const publishAt = input.publishAt ?? new Date(input.startsAt.getTime() - days * 86400_000);
  const opensAt = input.opensAt ?? publishAt;
  const closesAt = input.closesAt ?? new Date(input.startsAt.getTime() - 86400_000);
  return { publishAt, opensAt, closesAt };
}

function columns(input: SessionInput, d: ReturnType<typeof withDefaults>) {
  return {
    plan_number: input.planNumber,
    title_vi: input.titleVi,
    title_en: input.titleEn,
    description_vi: input.descriptionVi,
    description_en: input.descriptionEn,
    topics: JSON.stringify(input.topics),
    topics_en: input.topicsEn?.some(Boolean) ? JSON.stringify(input.topicsEn) : null,
    invited_groups: input.invitedGroups,
    invited_groups_en: input.invitedGroupsEn ?? null,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    venue: input.venue,
    online_url: input.onlineUrl,
    chair: input.chair,
    secretary: input.secretary,
    capacity: input.capacity,
    registration_opens_at: d.opensAt,
    registration_closes_at: d.closesAt,
    publish_at: d.publishAt,
  };
}

async function setProcedures(trx: Kysely<Database>, agencyId: number, sessionId: number, ids: number[]) {
  await trx
    .deleteFrom("dialogue_session_procedure")
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .execute();
  const unique = [...new Set(ids)];
  // Only the agency's own procedures: an id of another agency's (a forged field) is dropped.
  const own = unique.length
    ? await trx
        .selectFrom("procedure")
        .select("id")
        .where("agency_id", "=", agencyId)
        .where("id", "in", unique)
        .execute()
    : [];
  if (own.length) {
    await trx
      .insertInto("dialogue_session_procedure")
      .values(own.map((p) => ({ agency_id: agencyId, session_id: sessionId, procedure_id: p.id })))
      .execute();
  }
}

/** An agency's notice days, read before a transaction opens (on the embedded database a read inside
 * one waits for ever). */
export const noticeDays = (agencyId: number) => getSetting(agencyId, "dialogue.notice_days");

export async function createSession(
  client: Client,
  actor: Actor,
  agencyId: number,
  input: SessionInput,
): Promise<{ ok: true; id: number } | Refusal> {
  const days = await noticeDays(agencyId);
  return db()
    .transaction()
    .execute(async (trx) => {
      const d = withDefaults(input, days);
      const errors = checkSessionTimes({ startsAt: input.startsAt, endsAt: input.endsAt, ...d }, days);
      if (Object.keys(errors).length) return { ok: false as const, errors, values: { days } };
      const row = await trx
        .insertInto("dialogue_session")
        .values({ ...columns(input, d), agency_id: agencyId, created_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      await setProcedures(trx, agencyId, row.id, input.procedureIds);
      await recordAudit(
        client,
        { agencyId, actor, action: "dialogue.create", entity: "dialogue_session", entityId: row.id },
        trx,
      );
      return { ok: true as const, id: row.id };
    });
}

const MOVE_FIELDS = ["starts_at", "ends_at", "venue", "online_url"] as const;
const CALENDAR_FIELDS = [...MOVE_FIELDS, "title_vi", "title_en"] as const;

function changed(a: unknown, b: unknown) {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : (v ?? null));
  return norm(a) !== norm(b);
}

/** Saves edits. A published session that moves (time or place) tells every registrant and bumps
 * the calendar SEQUENCE; more seats promote people from the waitlist; fewer seats than people
 * already confirmed are refused (nobody loses a confirmed seat to an edit). */
export async function updateSession(
  client: Client,
  actor: Actor,
  agencyId: number,
  id: number,
  input: SessionInput,
  ctx: NoticeContext,
): Promise<Result<{ moved: boolean; noticeIds: string[]; told: number }>> {
  const days = await noticeDays(agencyId);
  return db()
    .transaction()
    .execute(async (trx) => {
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false as const, notFound: true as const };
      if (!isEditable(s.status)) return { ok: false as const, errors: { _form: "dialogue.errors.notEditable" } };
      const d = withDefaults(input, days);
      const errors = checkSessionTimes({ startsAt: input.startsAt, endsAt: input.endsAt, ...d }, days);
      // Once announced, the notice period is history: a later move may not break it retroactively,
      // but the session cannot move into the past.
      if (s.status !== "draft") {
        delete errors.publish_at;
        delete errors.registration_opens_at;
        if (input.startsAt.getTime() <= Date.now()) errors.starts_at = "dialogue.errors.startsInPast";
      }
      const { confirmed } = await trx
        .selectFrom("dialogue_registration")
        .select((eb) => eb.fn.countAll<number>().as("confirmed"))
        .where("agency_id", "=", agencyId)
        .where("session_id", "=", id)
        .where("status", "=", "confirmed")
        .executeTakeFirstOrThrow();
      if (input.capacity < confirmed) errors.capacity = "dialogue.errors.capacityBelowConfirmed";
      if (Object.keys(errors).length) return { ok: false as const, errors, values: { days, confirmed } };

      const cols = columns(input, d);
      const moved = isAnnounced(s.status) && MOVE_FIELDS.some((f) => changed(s[f], cols[f]));
      const calendarChanged = CALENDAR_FIELDS.some((f) => changed(s[f], cols[f]));
      await trx
        .updateTable("dialogue_session")
        .set({ ...cols, updated_at: new Date(), sequence: calendarChanged ? s.sequence + 1 : s.sequence })
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .execute();
      await setProcedures(trx, agencyId, id, input.procedureIds);
      const after = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const noticeIds: string[] = [];
      let told = 0;
      if (moved) {
        const written = await writeNotices(trx, after, "moved", ctx);
        noticeIds.push(...written.emailIds);
        told = written.written;
      }
      if (isAnnounced(s.status) && input.capacity > s.capacity)
        noticeIds.push(...(await fillSeats(trx, after, ctx)).noticeIds);
      await recordAudit(
        client,
        {
          agencyId: after.agency_id,
          actor,
          action: moved ? "dialogue.move" : "dialogue.update",
          entity: "dialogue_session",
          entityId: id,
          details: { sequence: after.sequence, notices: noticeIds.length },
        },
        trx,
      );
      return { ok: true as const, moved, noticeIds, told };
    });
}

/** A state change. Publishing checks the notice period; cancelling needs a reason and tells
 * every registrant; marking held needs the start time to have come. */
export async function changeStatus(
  client: Client,
  actor: Actor,
  agencyId: number,
  id: number,
  transition: Exclude<Transition, "publish_minutes">,
  opts: { reason?: string; now?: Date },
  ctx: NoticeContext,
): Promise<Result<{ status: DialogueStatus; noticeIds: string[] }>> {
  const now = opts.now ?? new Date();
  const days = await noticeDays(agencyId);
  return db()
    .transaction()
    .execute(async (trx): Promise<Result<{ status: DialogueStatus; noticeIds: string[] }>> => {
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false as const, notFound: true as const };
      const to = nextStatus(s.status, transition);
      if (!to) return { ok: false as const, errors: { _form: "dialogue.errors.badTransition" } };
      if (transition === "publish" && !noticeIsLongEnough(s.publish_at, s.starts_at, days, now)) {
        return { ok: false as const, errors: { _form: "dialogue.errors.noticeTooShortNow" }, values: { days } };
      }
      if (transition === "mark_held" && s.starts_at.getTime() > now.getTime()) {
        return { ok: false as const, errors: { _form: "dialogue.errors.notStartedYet" } };
      }
      if (transition === "cancel" && !opts.reason?.trim())
        return { ok: false as const, errors: { reason: "dialogue.errors.reasonRequired" } };
      await trx
        .updateTable("dialogue_session")
        .set({
          status: to,
          updated_at: now,
          ...(transition === "publish" ? { published_at: now } : {}),
          ...(transition === "cancel"
            ? { cancelled_at: now, cancel_reason: opts.reason!.trim(), sequence: s.sequence + 1 }
            : {}),
        })
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .execute();
      const noticeIds: string[] = [];
      if (transition === "cancel" && isAnnounced(s.status)) {
        const after = await trx
          .selectFrom("dialogue_session")
          .selectAll()
          .where("agency_id", "=", agencyId)
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        noticeIds.push(...(await queueNotices(trx, after, "cancelled", ctx)));
      }
      await recordAudit(
        client,
        {
          agencyId: s.agency_id,
          actor,
          action: `dialogue.${transition}`,
          entity: "dialogue_session",
          entityId: id,
          details: { from: s.status, to, notices: noticeIds.length },
        },
        trx,
      );
      return { ok: true as const, status: to, noticeIds };
    });
}

/** The agency's session with this id, or null (also for another agency's session). */
export async function getSession(
  agencyId: number,
  id: number,
): Promise<(DialogueSession & { procedureIds: number[] }) | null> {
  if (!isDbId(id)) return null;
  const s = await db()
    .selectFrom("dialogue_session")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!s) return null;
  const procs = await db()
    .selectFrom("dialogue_session_procedure")
    .select("procedure_id")
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", id)
    .execute();
  return { ...s, procedureIds: procs.map((p) => p.procedure_id) };
}

export async function sessionProcedures(agencyId: number, id: number, lang: Lang) {
  const rows = await db()
    .selectFrom("dialogue_session_procedure as sp")
    .innerJoin("procedure as p", (j) =>
      j.onRef("p.agency_id", "=", "sp.agency_id").onRef("p.id", "=", "sp.procedure_id"),
    )
    .select(["p.id", "p.code", "p.name_vi", "p.name_en"])
    .where("sp.agency_id", "=", agencyId)
    .where("sp.session_id", "=", id)
    .orderBy("p.code")
    .execute();
  return rows.map((p) => ({ id: p.id, code: p.code, name: lang === "en" ? p.name_en : p.name_vi }));
}

/** The agency's sessions the public may see, newest first: published ones whose publication date has come. */
export async function listPublicSessions(agencyId: number, now = new Date()) {
  return db()
    .selectFrom("dialogue_session")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("published_at", "is not", null)
    .where("publish_at", "<=", now)
    .orderBy("starts_at", "desc")
    .execute();
}

export async function listStaffSessions(agencyId: number) {
  return db()
    .selectFrom("dialogue_session as s")
    .select((eb) => [
      "s.id",
      "s.title_vi",
      "s.title_en",
      "s.starts_at",
      "s.status",
      "s.capacity",
      eb
        .selectFrom("dialogue_registration as r")
        .whereRef("r.agency_id", "=", "s.agency_id")
        .whereRef("r.session_id", "=", "s.id")
        .where("r.status", "=", "confirmed")
        .select(eb.fn.countAll<number>().as("n"))
        .as("confirmed"),
      eb
        .selectFrom("dialogue_registration as r")
        .whereRef("r.agency_id", "=", "s.agency_id")
        .whereRef("r.session_id", "=", "s.id")
        .where("r.status", "=", "waitlisted")
        .select(eb.fn.countAll<number>().as("n"))
        .as("waitlisted"),
      eb
        .selectFrom("dialogue_question as q")
        .whereRef("q.agency_id", "=", "s.agency_id")
        .whereRef("q.session_id", "=", "s.id")
        .where("q.status", "=", "pending")
        .select(eb.fn.countAll<number>().as("n"))
        .as("pending_questions"),
    ])
    .where("s.agency_id", "=", agencyId)
    .orderBy("s.starts_at", "desc")
    .execute();
}
