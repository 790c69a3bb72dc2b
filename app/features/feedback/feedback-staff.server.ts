// The staff side of feedback: lists sorted by urgency, one case in full, its attachments. Every
// query is scoped here (to the account's agency, and a unit sees only what is assigned to it), not
// only in the pages: a case of another agency is answered as if it did not exist.
import { pageNumber } from "~/kernel/db/ids";
import { urgency } from "~/features/feedback/feedback-deadlines";
import {
  allowedActions,
  FINAL_STATUSES,
  OPEN_STATUSES,
  type FeedbackStatus,
} from "~/features/feedback/feedback-workflow";
import type { FeedbackView } from "~/features/feedback/feedback-views";
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import { scopeByUnit } from "~/features/accounts/scope.server";
import { canSeePersonalData, type StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { feedbackDays, workCalendar } from "./feedback-settings.server";

export const LIST_PAGE_SIZE = 50;

export async function listFeedback(
  user: StaffUser,
  opts: { view: FeedbackView; page?: number; lang: Lang; now?: Date },
) {
  const page = pageNumber(opts.page);
  const [days, cal] = await Promise.all([feedbackDays(user.agencyId), workCalendar(user.agencyId)]);
  let q = scopeByUnit(
    db()
      .selectFrom("feedback as f")
      .leftJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "f.agency_id").onRef("u.id", "=", "f.unit_id"))
      .where("f.agency_id", "=", user.agencyId)
      .select([
        "f.id",
        "f.code",
        "f.kind",
        "f.status",
        "f.title",
        "f.received_at",
        "f.due_date",
        "f.late",
        "f.notify_status",
        "f.published_at",
        "f.held_at",
        "f.released_at",
        "u.name_vi as unit_vi",
        "u.name_en as unit_en",
      ]),
    "f.unit_id",
    user,
  );
  if (opts.view === "open") {
    q = q
      .where("f.status", "in", [...OPEN_STATUSES, "info_requested"])
      .orderBy("f.due_date", (ob) => ob.asc().nullsLast())
      .orderBy("f.received_at", "asc");
  } else if (opts.view === "done") {
    q = q.where("f.status", "in", [...FINAL_STATUSES, "published"]).orderBy("f.updated_at", "desc");
  } else if (opts.view === "held") {
    q = q.where("f.held_at", "is not", null).where("f.released_at", "is", null).orderBy("f.received_at", "asc");
  } else if (opts.view === "notify") {
    q = q.where("f.notify_status", "=", "to_notify").orderBy("f.published_at", "asc");
  } else {
    q = q.orderBy("f.received_at", "desc");
  }
  const rows = await q
    .orderBy("f.id")
    .limit(LIST_PAGE_SIZE + 1)
    .offset((page - 1) * LIST_PAGE_SIZE)
    .execute();
  const today = vnDay(opts.now ?? new Date());
  const items = rows.slice(0, LIST_PAGE_SIZE).map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    status: r.status,
    // Titles are free text and may carry a name or number; the list is no place for them.
    title: r.title ? maskPii(r.title) : null,
    receivedAt: r.received_at.toISOString(),
    dueDate: r.due_date,
    urgency: urgency(r.due_date, today, cal, days.dueSoon),
    late: r.late,
    notifyStatus: r.notify_status,
    held: r.held_at !== null && r.released_at === null,
    unit: opts.lang === "en" ? r.unit_en : r.unit_vi,
  }));
  return { items, page, hasMore: rows.length > LIST_PAGE_SIZE };
}

/** The call list: published answers whose senders could not be emailed. Personal data: the
 * caller logs the view. Office and admin only (checked by the route). */
export async function notifyList(agencyId: number) {
  return db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", (j) =>
      j.onRef("c.agency_id", "=", "f.agency_id").onRef("c.feedback_id", "=", "f.id"),
    )
    .select(["f.id", "f.code", "f.published_at", "c.name", "c.phone", "c.email"])
    .where("f.agency_id", "=", agencyId)
    .where("f.notify_status", "=", "to_notify")
    .orderBy("f.published_at", "asc")
    .limit(200)
    .execute();
}

export async function getFeedbackForStaff(user: StaffUser, id: number, lang: Lang) {
  const row = await scopeByUnit(db().selectFrom("feedback as f").selectAll("f"), "f.unit_id", user)
    .where("f.agency_id", "=", user.agencyId)
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const agencyId = user.agencyId;
  const pii = canSeePersonalData(user);
  const [contact, events, attachments, unit, procedure, assignee, days, cal] = await Promise.all([
    pii
      ? db()
          .selectFrom("feedback_contact")
          .select(["name", "address", "phone", "email", "organisation"])
          .where("agency_id", "=", agencyId)
          .where("feedback_id", "=", id)
          .executeTakeFirst()
      : undefined,
    db()
      .selectFrom("feedback_event")
      .select(["id", "at", "action", "from_status", "to_status", "actor_name", "note", "details"])
      .where("agency_id", "=", agencyId)
      .where("feedback_id", "=", id)
      .orderBy("id")
      .execute(),
    db()
      .selectFrom("feedback_attachment")
      .select(["id", "filename", "kind", "size", "source", "created_at"])
      .where("agency_id", "=", agencyId)
      .where("feedback_id", "=", id)
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
          .select(["code", "name_vi", "name_en"])
          .where("agency_id", "=", agencyId)
          .where("id", "=", row.procedure_id)
          .executeTakeFirst()
      : undefined,
    row.assignee_id
      ? db().selectFrom("staff_user").select(["name"]).where("id", "=", row.assignee_id).executeTakeFirst()
      : undefined,
    feedbackDays(agencyId),
    workCalendar(agencyId),
  ]);
  const actor = {
    kind: "staff" as const,
    role: user.role,
    ownUnit: row.unit_id !== null && row.unit_id === user.unitId,
  };
  return {
    feedback: {
      ...row,
      received_at: row.received_at.toISOString(),
      approved_at: row.approved_at?.toISOString() ?? null,
      published_at: row.published_at?.toISOString() ?? null,
      rated_at: row.rated_at?.toISOString() ?? null,
      handled_at: row.handled_at?.toISOString() ?? null,
      updated_at: row.updated_at.toISOString(),
      // Without the right to personal data, free text is masked too.
      content: pii ? row.content : maskPii(row.content),
      title: row.title && !pii ? maskPii(row.title) : row.title,
    },
    urgency: urgency(row.due_date, vnDay(new Date()), cal, days.dueSoon),
    contact: contact ?? null,
    events: events.map((e) => ({ ...e, at: e.at.toISOString(), note: e.note && !pii ? maskPii(e.note) : e.note })),
    attachments: attachments.map((a) => ({ ...a, created_at: a.created_at.toISOString() })),
    unit: unit ? (lang === "en" ? unit.name_en : unit.name_vi) : null,
    procedure: procedure ? `${procedure.code} — ${lang === "en" ? procedure.name_en : procedure.name_vi}` : null,
    assignee: assignee?.name ?? null,
    actions: allowedActions(row.status as FeedbackStatus, actor),
    // The earlier case this one raises again (QĐ 766 "repeated"), by code.
    repeatOf: row.repeat_of
      ? ((await db()
          .selectFrom("feedback")
          .select(["id", "code"])
          .where("agency_id", "=", agencyId)
          .where("id", "=", row.repeat_of)
          .executeTakeFirst()) ?? null)
      : null,
  };
}
export type StaffFeedbackDetail = NonNullable<Awaited<ReturnType<typeof getFeedbackForStaff>>>;

export async function getAttachment(user: StaffUser, feedbackId: number, attachmentId: number) {
  const visible = await scopeByUnit(db().selectFrom("feedback as f").select("f.id"), "f.unit_id", user)
    .where("f.agency_id", "=", user.agencyId)
    .where("f.id", "=", feedbackId)
    .executeTakeFirst();
  if (!visible) return null;
  return db()
    .selectFrom("feedback_attachment")
    .select(["id", "filename", "mime", "size", "data"])
    .where("agency_id", "=", user.agencyId)
    .where("id", "=", attachmentId)
    .where("feedback_id", "=", feedbackId)
    .executeTakeFirst();
}

/** Units and the people of the agency who can be given a case. */
export async function assignmentChoices(lang: Lang, agencyId: number) {
  const [units, people] = await Promise.all([
    db()
      .selectFrom("unit")
      .select(["id", "name_vi", "name_en"])
      .where("agency_id", "=", agencyId)
      .where("active", "=", true)
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
    db()
      .selectFrom("staff_user")
      .select(["id", "name", "unit_id", "role"])
      .where("agency_id", "=", agencyId)
      .where("active", "=", true)
      .where("role", "in", ["unit", "office", "admin"])
      .orderBy("name")
      .execute(),
  ]);
  return {
    units: units.map((u) => ({ id: u.id, name: lang === "en" ? u.name_en : u.name_vi })),
    people: people.map((p) => ({ id: p.id, name: p.name, unitId: p.unit_id })),
  };
}
