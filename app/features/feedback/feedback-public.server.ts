// What a sender sees with their code and phone, what they may do there (send the information
// asked for, rate the answer), and the public register of published answers. Nothing here
// returns the sender's name, address, phone, email or organisation.
import { sql, type Kysely } from "kysely";
import { pageNumber } from "~/kernel/db/ids";
import { parseFeedbackCode } from "~/features/citizen-codes/citizen-code";
import { normalisePhone } from "~/features/feedback/feedback-code";
import { sameSecret } from "~/kernel/secret-compare.server";
import { intakeDeadlines, stageDue } from "~/features/feedback/feedback-deadlines";
import { transition, type FeedbackStatus, type Rating } from "~/features/feedback/feedback-workflow";
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import type { CheckedFile } from "~/features/feedback/feedback.schema";
import { db } from "~/kernel/db/db.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import type { Database } from "../../../db/types";
import { feedbackDays, workCalendar } from "./feedback-settings.server";
import { insertAttachments } from "./feedback-intake.server";

export function samePhone(stored: string, typed: string): boolean {
  return sameSecret(stored, normalisePhone(typed));
}

/** Public steps of the log; internal notes, drafts and who did what stay with the staff. */
const PUBLIC_ACTIONS = [
  "receive",
  "request_info",
  "add_info",
  "refuse",
  "classify",
  "assign",
  "approve",
  "publish",
  "rate",
];

/** The feedback a full code (short code + secret key) and the sender's phone point to, or null.
 * The short code alone is not enough: it counts up per day (docs/security/citizen-codes.md).
 * Codes are numbered per agency, so the look-up is within the agency of the page's path: another
 * agency's case is "not found", the same answer as a wrong code. */
async function findForSender(conn: Kysely<Database>, agencyId: number, full: string, phone: string, lock = false) {
  const parsed = parseFeedbackCode(full);
  let q = conn
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", "c.feedback_id", "f.id")
    .selectAll("f")
    .select("c.phone_digits")
    .where("f.agency_id", "=", agencyId)
    .where("f.code", "=", parsed?.code ?? "");
  if (lock) q = q.forUpdate("f") as typeof q;
  const row = await q.executeTakeFirst();
  // Compare even when the code is unknown, so timing does not tell codes that exist.
  const keyOk = sameSecret(row?.access_key ?? "", parsed?.key ?? "-");
  const phoneOk = samePhone(row?.phone_digits ?? "", phone);
  return row && parsed?.key && keyOk && phoneOk ? row : null;
}

export async function senderView(code: string, phone: string, lang: Lang, agencyId = DEFAULT_AGENCY_ID) {
  const row = await findForSender(db(), agencyId, code, phone);
  if (!row) return null;
  const [events, unit, procedure, files] = await Promise.all([
    db()
      .selectFrom("feedback_event")
      .select(["at", "action", "to_status", "details"])
      .where("agency_id", "=", agencyId)
      .where("feedback_id", "=", row.id)
      .where("action", "in", PUBLIC_ACTIONS)
      .orderBy("id")
      .execute(),
    row.unit_id
      ? db()
          .selectFrom("unit")
          .select(["name_vi", "name_en"])
          .where("agency_id", "=", agencyId)
          .where("id", "=", row.unit_id)
          .executeTakeFirst()
      : undefined,
    row.procedure_id
      ? db()
          .selectFrom("procedure")
          .select(["name_vi", "name_en"])
          .where("agency_id", "=", agencyId)
          .where("id", "=", row.procedure_id)
          .executeTakeFirst()
      : undefined,
    db()
      .selectFrom("feedback_attachment")
      .select(["filename", "size"])
      .where("agency_id", "=", agencyId)
      .where("feedback_id", "=", row.id)
      .orderBy("id")
      .execute(),
  ]);
  return {
    code: row.code,
    kind: row.kind,
    title: row.title,
    content: row.content,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    answerDue: row.answer_due,
    infoRequest: row.status === "info_requested" ? row.info_request : null,
    refuseReason: row.status === "refused" ? row.refuse_reason : null,
    transfer: row.status === "transferred" ? { agency: row.transfer_agency, dispatch: row.transfer_dispatch } : null,
    unit: unit ? (lang === "en" ? unit.name_en : unit.name_vi) : null,
    procedure: procedure ? (lang === "en" ? procedure.name_en : procedure.name_vi) : null,
    publishedAt: row.published_at?.toISOString() ?? null,
    answer: row.answer_published,
    rating: row.rating,
    attachments: files,
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, toStatus: e.to_status })),
    canAddInfo: row.status === "info_requested",
    canRate: row.status === "published",
  };
}
export type SenderView = NonNullable<Awaited<ReturnType<typeof senderView>>>;

export type SenderActionResult = { ok: true } | { ok: false; reason: "not_found" | "state" };

/** The sender sends what was asked for; the limits restart from today. A retried post (same
 * request id) is answered as a success without a second entry. */
export async function addInfoFromSender(
  code: string,
  phone: string,
  input: { requestId: string; info: string; files: CheckedFile[]; agencyId?: number },
  now = new Date(),
): Promise<SenderActionResult> {
  const agencyId = input.agencyId ?? DEFAULT_AGENCY_ID;
  const days = await feedbackDays(agencyId);
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await findForSender(trx, agencyId, code, phone, true);
      if (!row) return { ok: false, reason: "not_found" } as const;
      const cal = await workCalendar(agencyId, trx);
      const retried = await trx
        .selectFrom("feedback_event")
        .select("id")
        .where("agency_id", "=", agencyId)
        .where("feedback_id", "=", row.id)
        .where("action", "=", "add_info")
        .where(sql<string>`details->>'requestId'`, "=", input.requestId)
        .executeTakeFirst();
      if (retried) return { ok: true } as const;
      const t = transition(row.status, "add_info", { kind: "citizen" });
      if (!t.ok) return { ok: false, reason: "state" } as const;
      const today = vnDay(now);
      const dues = intakeDeadlines(today, days, cal);
      await trx
        .updateTable("feedback")
        .set({
          status: t.to,
          base_date: today,
          ...dues,
          due_date: stageDue(t.to, { ...dues, publish_due: null }),
          updated_at: now,
        })
        .where("agency_id", "=", agencyId)
        .where("id", "=", row.id)
        .execute();
      await insertAttachments(trx, agencyId, row.id, input.files, "info");
      await trx
        .insertInto("feedback_event")
        .values({
          agency_id: agencyId,
          feedback_id: row.id,
          at: now,
          action: "add_info",
          from_status: row.status,
          to_status: t.to,
          note: input.info,
          details: JSON.stringify({ requestId: input.requestId, attachments: input.files.length }),
        })
        .execute();
      return { ok: true } as const;
    });
}

/** The sender rates the published answer; "unsatisfied" reopens the case with the same unit,
 * a fresh answer limit runs from today, and the case is no longer counted as handled. */
export async function rateFromSender(
  code: string,
  phone: string,
  rating: Rating,
  comment: string | undefined,
  now = new Date(),
  agencyId = DEFAULT_AGENCY_ID,
): Promise<SenderActionResult> {
  const days = await feedbackDays(agencyId);
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await findForSender(trx, agencyId, code, phone, true);
      if (!row) return { ok: false, reason: "not_found" } as const;
      const cal = await workCalendar(agencyId, trx);
      const t = transition(row.status, "rate", { kind: "citizen" }, { rating });
      if (!t.ok) return { ok: false, reason: "state" } as const;
      const reopen = t.to === "in_progress";
      const answerDue = reopen ? intakeDeadlines(vnDay(now), days, cal).answer_due : row.answer_due;
      await trx
        .updateTable("feedback")
        .set({
          status: t.to,
          rating,
          rated_at: now,
          unsatisfied_count: reopen ? row.unsatisfied_count + 1 : row.unsatisfied_count,
          reopened_count: reopen ? row.reopened_count + 1 : row.reopened_count,
          // Reopened, the case is no longer handled: it is pending, then overdue past its new limit,
          // until answered again (the first answer's date stays in the log).
          handled_at: reopen ? null : row.handled_at,
          answer_due: answerDue,
          due_date: stageDue(t.to as FeedbackStatus, {
            transfer_due: row.transfer_due,
            answer_due: answerDue,
            publish_due: null,
          }),
          updated_at: now,
        })
        .where("agency_id", "=", agencyId)
        .where("id", "=", row.id)
        .execute();
      await trx
        .insertInto("feedback_event")
        .values({
          agency_id: agencyId,
          feedback_id: row.id,
          at: now,
          action: "rate",
          from_status: row.status,
          to_status: t.to,
          note: comment ?? null,
          details: JSON.stringify({ rating }),
        })
        .execute();
      return { ok: true } as const;
    });
}

export const ANSWERS_PAGE_SIZE = 20;

/** Published answers, newest first, with free text masked again at read time (the masking
 * rules may have improved since publication). */
export async function publishedAnswers(lang: Lang, page: number, agencyId: number) {
  const p = pageNumber(page);
  const rows = await db()
    .selectFrom("feedback as f")
    .leftJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "f.agency_id").onRef("u.id", "=", "f.unit_id"))
    .leftJoin("procedure as p", (j) => j.onRef("p.agency_id", "=", "f.agency_id").onRef("p.id", "=", "f.procedure_id"))
    .select([
      "f.code",
      "f.kind",
      "f.public_title",
      "f.public_content",
      "f.answer_published",
      "f.received_at",
      "f.published_at",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
      "p.name_vi as proc_vi",
      "p.name_en as proc_en",
    ])
    .where("f.agency_id", "=", agencyId)
    .where("f.published_at", "is not", null)
    .where("f.answer_published", "is not", null)
    .orderBy("f.published_at", "desc")
    .orderBy("f.id", "desc")
    .limit(ANSWERS_PAGE_SIZE + 1)
    .offset((p - 1) * ANSWERS_PAGE_SIZE)
    .execute();
  return {
    page: p,
    hasMore: rows.length > ANSWERS_PAGE_SIZE,
    items: rows.slice(0, ANSWERS_PAGE_SIZE).map((r) => ({
      code: r.code,
      kind: r.kind,
      title: r.public_title ? maskPii(r.public_title) : null,
      content: maskPii(r.public_content ?? ""),
      answer: maskPii(r.answer_published ?? ""),
      receivedAt: r.received_at.toISOString(),
      publishedAt: r.published_at!.toISOString(),
      unit: lang === "en" ? r.unit_en : r.unit_vi,
      procedure: lang === "en" ? r.proc_en : r.proc_vi,
    })),
  };
}
