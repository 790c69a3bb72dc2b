// Minutes of a held dialogue: the editable record and its publication as numbered versions that
// are never rewritten. Follow-up actions: dialogue-followups.server.ts; the signed scan:
// dialogue-minutes-scan.server.ts.
import type { Kysely } from "kysely";
import {
  buildPublicMinutes,
  minutesPublishProblems,
  type MinutesSource,
  type PublicMinutes,
} from "~/features/dialogue/dialogue-minutes";
import { nextStatus } from "~/features/dialogue/dialogue-state";
import { recordAudit } from "~/kernel/audit.server";
import { seatCounts } from "~/features/dialogue/dialogue-registrants.server";
import { listFollowups } from "~/features/dialogue/dialogue-followups.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything the minutes are built from, read in one place (for the staff preview and for publishing). */
/** The agency's session only: another agency's is null ("not found"). */
export async function loadMinutesSource(
  agencyId: number,
  sessionId: number,
  conn: Kysely<Database> = db(),
): Promise<MinutesSource | null> {
  const s = await conn
    .selectFrom("dialogue_session")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!s) return null;
  const mn = await conn
    .selectFrom("dialogue_minutes")
    .select(["opened_at", "closed_at", "officials", "summary", "chair_conclusion", "scan_uploaded_at"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  const counts = await seatCounts(sessionId, conn);
  const issues = await conn
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_answer as a", (j) =>
      j.onRef("a.agency_id", "=", "q.agency_id").onRef("a.question_id", "=", "q.id"),
    )
    .leftJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "a.agency_id").onRef("u.id", "=", "a.unit_id"))
    .leftJoin("dialogue_registration as r", (j) =>
      j.onRef("r.agency_id", "=", "q.agency_id").onRef("r.id", "=", "q.registration_id"),
    )
    .select((eb) => [
      "q.id",
      "q.public_text",
      "q.topic",
      "r.kind",
      "a.answered_in",
      "a.answered_by",
      "a.answer_text",
      "a.conclusion",
      "a.due_date",
      "u.name_vi",
      "u.name_en",
      eb
        .selectFrom("dialogue_vote as v")
        .whereRef("v.question_id", "=", "q.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("votes"),
    ])
    .where("q.agency_id", "=", agencyId)
    .where("q.session_id", "=", sessionId)
    .where("q.status", "=", "approved")
    .orderBy("votes", "desc")
    .orderBy("q.created_at")
    .orderBy("q.id")
    .execute();
  const followups = await listFollowups(agencyId, sessionId, conn);
  return {
    session: {
      id: s.id,
      planNumber: s.plan_number,
      titleVi: s.title_vi,
      titleEn: s.title_en,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      venue: s.venue,
      onlineUrl: s.online_url,
      chair: s.chair,
      secretary: s.secretary,
      invitedGroups: s.invited_groups,
    },
    minutes: {
      openedAt: iso(mn?.opened_at ?? null),
      closedAt: iso(mn?.closed_at ?? null),
      officials: mn?.officials ?? null,
      summary: mn?.summary ?? null,
      chairConclusion: mn?.chair_conclusion ?? null,
      scanUploadedAt: iso(mn?.scan_uploaded_at ?? null),
    },
    attendance: {
      citizen: counts.checkedIn.citizen,
      business: counts.checkedIn.business,
      total: counts.checkedIn.total,
      // Both parts of the total present: who signed up and came, who walked in (walk-ins are
      // checked in when added). Seats taken by people who stayed away are in neither.
      registered: counts.checkedIn.total - counts.walkIns,
      walkIns: counts.walkIns,
    },
    issues: issues.map((q) => ({
      id: q.id,
      text: q.public_text ?? "",
      topic: q.topic,
      askerKind: q.kind ?? null,
      answeredIn: q.answered_in,
      answeredBy: q.answered_by,
      answer: q.answer_text,
      conclusion: q.conclusion,
      unitVi: q.name_vi ?? null,
      unitEn: q.name_en ?? null,
      dueDate: q.due_date,
      votes: Number(q.votes),
    })),
    followups: followups.map((f) => ({
      id: f.id,
      questionId: f.question_id,
      action: f.action,
      unitVi: f.unit_vi,
      unitEn: f.unit_en,
      dueDate: f.due_date,
      status: f.status,
      result: f.result,
    })),
  };
}

export interface MinutesInput {
  openedAt: Date | null;
  closedAt: Date | null;
  officials: string | null;
  summary: string | null;
  chairConclusion: string | null;
}

/** Staff of the session's agency only: the route has found the session in `c.user.agencyId`. */
export async function saveMinutes(c: Ctx, sessionId: number, input: MinutesInput): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const values = {
        opened_at: input.openedAt,
        closed_at: input.closedAt,
        officials: input.officials,
        summary: input.summary,
        chair_conclusion: input.chairConclusion,
        updated_at: new Date(),
        updated_by: c.user.id,
      };
      await trx
        .insertInto("dialogue_minutes")
        .values({ agency_id: c.user.agencyId, session_id: sessionId, ...values })
        .onConflict((oc) => oc.columns(["agency_id", "session_id"]).doUpdateSet(values))
        .execute();
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.minutes.save",
          entity: "dialogue_session",
          entityId: sessionId,
        },
        trx,
      );
    });
}

/** `noSession`: the session is gone (the route answers 404). */
export type PublishResult =
  { ok: true; version: number } | { ok: false; errors: Record<string, string> } | { ok: false; noSession: true };

/** Publishes the minutes as the next version: a frozen, personal-data-free snapshot. */
export async function publishMinutes(c: Ctx, sessionId: number, now = new Date()): Promise<PublishResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<PublishResult> => {
      const s = await trx
        .selectFrom("dialogue_session")
        .select(["id", "status"])
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false, noSession: true };
      if (!nextStatus(s.status, "publish_minutes"))
        return { ok: false, errors: { _form: "dialogue.errors.notHeldYet" } };
      const src = (await loadMinutesSource(c.user.agencyId, sessionId, trx))!;
      const problems = minutesPublishProblems(src);
      if (Object.keys(problems).length) return { ok: false, errors: problems };
      const last = await trx
        .selectFrom("dialogue_minutes_version")
        .select((eb) => eb.fn.max("version").as("v"))
        .where("agency_id", "=", c.user.agencyId)
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const snapshot = buildPublicMinutes(src, version, now);
      await trx
        .insertInto("dialogue_minutes_version")
        .values({
          agency_id: c.user.agencyId,
          session_id: sessionId,
          version,
          snapshot: JSON.stringify(snapshot),
          published_at: now,
          published_by: c.user.id,
        })
        .execute();
      await trx
        .updateTable("dialogue_session")
        .set({ status: "minutes_published", updated_at: now })
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", sessionId)
        .execute();
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.minutes.publish",
          entity: "dialogue_session",
          entityId: sessionId,
          details: { version },
        },
        trx,
      );
      return { ok: true, version };
    });
}

export async function minutesVersions(agencyId: number, sessionId: number) {
  return db()
    .selectFrom("dialogue_minutes_version")
    .select(["version", "published_at"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .orderBy("version", "desc")
    .execute();
}

/** A published version (the latest unless one is asked for), or null. */
export async function getPublicMinutes(
  agencyId: number,
  sessionId: number,
  version?: number,
): Promise<PublicMinutes | null> {
  let q = db()
    .selectFrom("dialogue_minutes_version")
    .select("snapshot")
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId);
  q = version ? q.where("version", "=", version) : q.orderBy("version", "desc").limit(1);
  const row = await q.executeTakeFirst();
  return row ? (row.snapshot as PublicMinutes) : null;
}
