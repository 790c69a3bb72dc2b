// Minutes of a held dialogue: the editable record, follow-up actions, the signed scan (kept in
// the database), and publication as numbered versions that are never rewritten.
import type { Kysely } from "kysely";
import { sniffFile } from "~/kernel/http/file-type";
import {
  buildPublicMinutes,
  minutesPublishProblems,
  type MinutesSource,
  type PublicMinutes,
} from "~/features/dialogue/dialogue-minutes";
import { nextStatus } from "~/features/dialogue/dialogue-state";
import { recordAudit } from "~/kernel/audit.server";
import { seatCounts } from "~/features/dialogue/dialogue-registration.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database, FollowupStatus } from "../../../db/types";

export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

type Ctx = { client: Client; user: StaffUser };
const actorOf = (u: StaffUser) => ({ id: u.id, email: u.email });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything the minutes are built from, read in one place (for the staff preview and for publishing). */
export async function loadMinutesSource(
  sessionId: number,
  conn: Kysely<Database> = db(),
): Promise<MinutesSource | null> {
  const s = await conn.selectFrom("dialogue_session").selectAll().where("id", "=", sessionId).executeTakeFirst();
  if (!s) return null;
  const mn = await conn
    .selectFrom("dialogue_minutes")
    .select(["opened_at", "closed_at", "officials", "summary", "chair_conclusion", "scan_uploaded_at"])
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  const counts = await seatCounts(sessionId, conn);
  const issues = await conn
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_answer as a", "a.question_id", "q.id")
    .leftJoin("unit as u", "u.id", "a.unit_id")
    .leftJoin("dialogue_registration as r", "r.id", "q.registration_id")
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
    .where("q.session_id", "=", sessionId)
    .where("q.status", "=", "approved")
    .orderBy("votes", "desc")
    .orderBy("q.created_at")
    .orderBy("q.id")
    .execute();
  const followups = await listFollowups(sessionId, conn);
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

export async function listFollowups(sessionId: number, conn: Kysely<Database> = db()) {
  return conn
    .selectFrom("dialogue_followup as f")
    .innerJoin("unit as u", "u.id", "f.unit_id")
    .select([
      "f.id",
      "f.question_id",
      "f.action",
      "f.unit_id",
      "f.due_date",
      "f.status",
      "f.result",
      "f.done_at",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
    ])
    .where("f.session_id", "=", sessionId)
    .orderBy("f.due_date")
    .orderBy("f.id")
    .execute();
}

export interface MinutesInput {
  openedAt: Date | null;
  closedAt: Date | null;
  officials: string | null;
  summary: string | null;
  chairConclusion: string | null;
}

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
        .values({ session_id: sessionId, ...values })
        .onConflict((oc) => oc.columns(["agency_id", "session_id"]).doUpdateSet(values))
        .execute();
      await recordAudit(
        c.client,
        { actor: actorOf(c.user), action: "dialogue.minutes.save", entity: "dialogue_session", entityId: sessionId },
        trx,
      );
    });
}

export async function addFollowup(
  c: Ctx,
  sessionId: number,
  input: { action: string; unitId: number; dueDate: string; questionId: number | null },
) {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (input.questionId !== null) {
        const q = await trx
          .selectFrom("dialogue_question")
          .select("id")
          .where("id", "=", input.questionId)
          .where("session_id", "=", sessionId)
          .executeTakeFirst();
        if (!q) return { ok: false as const, error: "dialogue.errors.questionNotFound" };
      }
      const row = await trx
        .insertInto("dialogue_followup")
        .values({
          session_id: sessionId,
          question_id: input.questionId,
          action: input.action,
          unit_id: input.unitId,
          due_date: input.dueDate,
          created_by: c.user.id,
          result: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(
        c.client,
        { actor: actorOf(c.user), action: "dialogue.followup.add", entity: "dialogue_followup", entityId: row.id },
        trx,
      );
      return { ok: true as const, id: row.id };
    });
}

export async function updateFollowup(
  c: Ctx,
  sessionId: number,
  id: number,
  input: { status: FollowupStatus; result: string | null },
) {
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("dialogue_followup")
        .set({
          status: input.status,
          result: input.result,
          done_at: input.status === "done" ? new Date() : null,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.followup.update",
          entity: "dialogue_followup",
          entityId: id,
          details: { status: input.status },
        },
        trx,
      );
      return true;
    });
}

export type ScanResult =
  | { ok: true }
  | { ok: false; error: "dialogue.errors.scanTooLarge" | "dialogue.errors.scanType" | "dialogue.errors.scanEmpty" };

/** The signed paper minutes: PDF, JPEG or PNG by content (not by name), at most 10 MB. */
export async function uploadScan(c: Ctx, sessionId: number, bytes: Uint8Array, filename: string): Promise<ScanResult> {
  if (bytes.length === 0) return { ok: false, error: "dialogue.errors.scanEmpty" };
  if (bytes.length > SCAN_MAX_BYTES) return { ok: false, error: "dialogue.errors.scanTooLarge" };
  const kind = sniffFile(bytes, filename, ["pdf", "jpg", "png"]);
  if (!kind.ok)
    return { ok: false, error: kind.reason === "empty" ? "dialogue.errors.scanEmpty" : "dialogue.errors.scanType" };
  await db()
    .transaction()
    .execute(async (trx) => {
      const values = {
        scan: Buffer.from(bytes),
        scan_mime: kind.mime,
        scan_filename: `bien-ban-doi-thoai-${sessionId}.${kind.kind}`,
        scan_size: bytes.length,
        scan_uploaded_at: new Date(),
        scan_uploaded_by: c.user.id,
        updated_at: new Date(),
        updated_by: c.user.id,
      };
      await trx
        .insertInto("dialogue_minutes")
        .values({ session_id: sessionId, ...values })
        .onConflict((oc) => oc.columns(["agency_id", "session_id"]).doUpdateSet(values))
        .execute();
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.minutes.scan",
          entity: "dialogue_session",
          entityId: sessionId,
          details: { size: bytes.length, kind: kind.kind },
        },
        trx,
      );
    });
  return { ok: true };
}

export async function getScan(sessionId: number) {
  const row = await db()
    .selectFrom("dialogue_minutes")
    .select(["scan", "scan_mime", "scan_filename", "scan_size", "scan_uploaded_at"])
    .where("session_id", "=", sessionId)
    .where("scan", "is not", null)
    .executeTakeFirst();
  return row?.scan
    ? {
        bytes: row.scan,
        mime: row.scan_mime!,
        filename: row.scan_filename!,
        size: row.scan_size!,
        uploadedAt: row.scan_uploaded_at!,
      }
    : null;
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
        .where("id", "=", sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { ok: false, noSession: true };
      if (!nextStatus(s.status, "publish_minutes"))
        return { ok: false, errors: { _form: "dialogue.errors.notHeldYet" } };
      const src = (await loadMinutesSource(sessionId, trx))!;
      const problems = minutesPublishProblems(src);
      if (Object.keys(problems).length) return { ok: false, errors: problems };
      const last = await trx
        .selectFrom("dialogue_minutes_version")
        .select((eb) => eb.fn.max("version").as("v"))
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const snapshot = buildPublicMinutes(src, version, now);
      await trx
        .insertInto("dialogue_minutes_version")
        .values({
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
        .where("id", "=", sessionId)
        .execute();
      await recordAudit(
        c.client,
        {
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

export async function minutesVersions(sessionId: number) {
  return db()
    .selectFrom("dialogue_minutes_version")
    .select(["version", "published_at"])
    .where("session_id", "=", sessionId)
    .orderBy("version", "desc")
    .execute();
}

/** A published version (the latest unless one is asked for), or null. */
export async function getPublicMinutes(sessionId: number, version?: number): Promise<PublicMinutes | null> {
  let q = db().selectFrom("dialogue_minutes_version").select("snapshot").where("session_id", "=", sessionId);
  q = version ? q.where("version", "=", version) : q.orderBy("version", "desc").limit(1);
  const row = await q.executeTakeFirst();
  return row ? (row.snapshot as PublicMinutes) : null;
}

/** About the signed scan, without its bytes. */
export async function scanInfo(sessionId: number) {
  const row = await db()
    .selectFrom("dialogue_minutes")
    .select(["scan_mime", "scan_size", "scan_uploaded_at"])
    .where("session_id", "=", sessionId)
    .where("scan", "is not", null)
    .executeTakeFirst();
  return row ? { mime: row.scan_mime!, size: row.scan_size!, uploadedAt: row.scan_uploaded_at!.toISOString() } : null;
}
