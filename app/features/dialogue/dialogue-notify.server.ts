// What registrants must be told when their dialogue changes: moved, cancelled, a seat freed for
// them, their question answered. Notices are rows written in the same transaction as the change,
// so none is lost; email goes out after commit when the portal can send it, and whatever cannot
// be emailed (no SMTP, no address, the send failed) lands on the staff call list.
import type { Kysely } from "kysely";
import { formatDateTime } from "~/kernel/time/clock";
import { isLang, type Lang } from "~/kernel/i18n/i18n";
import { recordAudit } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { sendMail } from "~/kernel/mail.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import type { Database, DialogueSession, NotificationKind } from "../../../db/types";

export interface NoticeContext {
  /** The portal's public address, for links in the message. */
  baseUrl: string;
}

export interface NoticeTarget {
  id: number;
  code: string;
  email_norm: string | null;
  lang: string;
}

type SessionForNotice = Pick<
  DialogueSession,
  "agency_id" | "id" | "title_vi" | "title_en" | "starts_at" | "ends_at" | "venue" | "online_url" | "cancel_reason"
>;

function compose(
  kind: NotificationKind,
  s: SessionForNotice,
  r: NoticeTarget,
  ctx: NoticeContext,
  extra: Record<string, string>,
  prefix: string | null,
) {
  const lang: Lang = isLang(r.lang) ? r.lang : "vi";
  const { t } = createI18n(lang);
  const vars = {
    title: lang === "en" && s.title_en ? s.title_en : s.title_vi,
    when: `${formatDateTime(s.starts_at, lang)}–${formatDateTime(s.ends_at, lang).slice(11)}`,
    where: [s.venue, s.online_url].filter(Boolean).join(" — "),
    code: r.code,
    reason: s.cancel_reason ?? "",
    // Links lead to the pages of the session's own agency (docs/rules/agencies.md).
    url: `${ctx.baseUrl}${agencyPath(prefix, `/dialogues/${s.id}`)}`,
    ics: `${ctx.baseUrl}${agencyPath(prefix, `/dialogues/${s.id}/ics`)}`,
    lookup: `${ctx.baseUrl}${agencyPath(prefix, "/dialogues/registration")}`,
    ...extra,
  };
  return { subject: t(`dialogue.notice.${kind}.subject`, vars), message: t(`dialogue.notice.${kind}.body`, vars) };
}

/** Writes one notice per registrant; returns the ids waiting to be emailed. Without an explicit
 * list, every live registrant (confirmed or waitlisted) of the session is told. */
export async function queueNotices(...args: Parameters<typeof writeNotices>): Promise<string[]> {
  return (await writeNotices(...args)).emailIds;
}

/** The same, also saying how many people are told in all (by email or on the call list): what
 * staff read after a change, not just the emails among them. */
export async function writeNotices(
  trx: Kysely<Database>,
  s: SessionForNotice,
  kind: NotificationKind,
  ctx: NoticeContext,
  targets?: NoticeTarget[],
  extra: Record<string, string> = {},
): Promise<{ emailIds: string[]; written: number }> {
  const regs =
    targets ??
    (await trx
      .selectFrom("dialogue_registration")
      .select(["id", "code", "email_norm", "lang"])
      .where("agency_id", "=", s.agency_id)
      .where("session_id", "=", s.id)
      .where("status", "in", ["confirmed", "waitlisted"])
      .orderBy("id")
      .execute());
  if (!regs.length) return { emailIds: [], written: 0 };
  // Read through the caller's transaction (the agency cache may read through db(), which waits for
  // ever inside one on the embedded database). The default agency's links keep their old form.
  const agency = await trx.selectFrom("agency").select("code").where("id", "=", s.agency_id).executeTakeFirstOrThrow();
  const prefix = s.agency_id === DEFAULT_AGENCY_ID ? null : agency.code;
  const rows = regs.map((r) => {
    const email = Boolean(r.email_norm);
    return {
      agency_id: s.agency_id,
      session_id: s.id,
      registration_id: r.id,
      kind,
      channel: email ? ("email" as const) : ("call" as const),
      status: email ? ("queued" as const) : ("to_call" as const),
      ...compose(kind, s, r, ctx, extra, prefix),
    };
  });
  const inserted = await trx.insertInto("dialogue_notification").values(rows).returning(["id", "status"]).execute();
  return { emailIds: inserted.filter((n) => n.status === "queued").map((n) => n.id), written: inserted.length };
}

/** Sends queued emails (after the change committed). A notice that cannot go by email moves to
 * the call list. Never throws. */
export async function deliverNotices(ids: string[]): Promise<{ sent: number; toCall: number }> {
  let sent = 0;
  let toCall = 0;
  for (const id of ids) {
    const n = await db()
      .selectFrom("dialogue_notification as n")
      .innerJoin("dialogue_registration as r", (j) =>
        j.onRef("r.agency_id", "=", "n.agency_id").onRef("r.id", "=", "n.registration_id"),
      )
      .select(["n.id", "n.subject", "n.message", "r.email_norm"])
      .where("n.id", "=", id)
      .where("n.status", "=", "queued")
      .executeTakeFirst();
    if (!n) continue;
    const ok = n.email_norm ? await sendMail({ to: n.email_norm, subject: n.subject, text: n.message }) : false;
    await db()
      .updateTable("dialogue_notification")
      .set(ok ? { status: "sent", done_at: new Date() } : { status: "to_call", channel: "call" })
      .where("id", "=", id)
      .where("status", "=", "queued")
      .execute();
    if (ok) sent++;
    else toCall++;
  }
  return { sent, toCall };
}

// A notice still "queued" this long after its change was never handed to the mail server (the
// process stopped in between): it belongs on the call list.
const STALE_QUEUED_MS = 5 * 60_000;

/** The people staff must phone, with what to tell them. Personal data: the caller logs pii.view. */
export async function callList(agencyId: number, sessionId: number, now = new Date()) {
  return db()
    .selectFrom("dialogue_notification as n")
    .innerJoin("dialogue_registration as r", (j) =>
      j.onRef("r.agency_id", "=", "n.agency_id").onRef("r.id", "=", "n.registration_id"),
    )
    .select(["n.id", "n.kind", "n.subject", "n.message", "n.created_at", "r.name", "r.phone", "r.email", "r.code"])
    .where("n.agency_id", "=", agencyId)
    .where("n.session_id", "=", sessionId)
    .where((eb) =>
      eb.or([
        eb("n.status", "=", "to_call"),
        eb.and([eb("n.status", "=", "queued"), eb("n.created_at", "<", new Date(now.getTime() - STALE_QUEUED_MS))]),
      ]),
    )
    .orderBy("n.id")
    .execute();
}

export async function noticeCounts(agencyId: number, sessionId: number) {
  const rows = await db()
    .selectFrom("dialogue_notification")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .groupBy("status")
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { queued: by.queued ?? 0, sent: by.sent ?? 0, toCall: by.to_call ?? 0, called: by.called ?? 0 };
}

export async function markCalled(
  client: Client,
  actor: { id: number; email: string },
  agencyId: number,
  sessionId: number,
  notificationId: string,
): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const done = await trx
        .updateTable("dialogue_notification")
        .set({ status: "called", done_at: new Date(), done_by: actor.id })
        .where("agency_id", "=", agencyId)
        .where("id", "=", notificationId)
        .where("session_id", "=", sessionId)
        .where("status", "in", ["to_call", "queued"])
        .returning("agency_id")
        .executeTakeFirst();
      if (done)
        await recordAudit(
          client,
          {
            agencyId: done.agency_id,
            actor,
            action: "dialogue.notice.called",
            entity: "dialogue_notification",
            entityId: notificationId,
          },
          trx,
        );
      return !!done;
    });
}
