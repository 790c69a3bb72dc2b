// Writes the demo feedback stories: each is replayed through the workflow rules (an impossible
// step fails the seed), with its limits computed from the seeded holiday calendar, its events,
// its consent record and a tracking code from the same daily counter the portal uses.
import { sql, type Selectable } from "kysely";
import type { DB } from "../client";
import { formatCode, normalisePhone } from "../../app/features/feedback/feedback-code";
import {
  DEFAULT_FEEDBACK_DAYS,
  intakeDeadlines,
  isLate,
  stageDue,
} from "../../app/features/feedback/feedback-deadlines";
import { transition } from "../../app/features/feedback/feedback-workflow";
import { vnDay, vnInstant } from "../../app/kernel/time/clock";
import { maskPii } from "../../app/kernel/mask-pii";
import { PRIVACY_NOTICES } from "../../app/features/privacy/privacy-notices";
import { addWorkingDays, calendarFrom } from "../../app/kernel/time/working-days";
import type { FeedbackTable } from "../tables/feedback";
import type { Role } from "../tables/staff";
import { feedbackStories, type Story } from "./feedback-stories";

const DAY = 86_400_000;
const OFFICE = "vanphong@demo.hailong.vn";

// access_key: the database gives each row its own (migration 011); agency_id: the default agency.
type Row = Omit<
  Selectable<FeedbackTable>,
  | "id"
  | "received_at"
  | "updated_at"
  | "held_at"
  | "held_reason"
  | "released_at"
  | "released_by"
  | "access_key"
  | "agency_id"
>;
interface Ev {
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  details: string | null;
}

export async function seedFeedback(trx: DB, now = new Date()): Promise<void> {
  const cal = calendarFrom(await trx.selectFrom("holiday").select(["date", "kind"]).execute());
  const days = DEFAULT_FEEDBACK_DAYS;
  const units = new Map((await trx.selectFrom("unit").select(["id", "code"]).execute()).map((u) => [u.code, u.id]));
  const procs = new Map(
    (await trx.selectFrom("procedure").select(["id", "code"]).execute()).map((p) => [p.code, p.id]),
  );
  const staff = new Map(
    (await trx.selectFrom("staff_user").select(["id", "email", "name", "role", "unit_id"]).execute()).map((s) => [
      s.email,
      s,
    ]),
  );
  const today = vnDay(now);
  const stories = [...feedbackStories].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const [i, story] of stories.entries()) {
    const receivedDay = vnDay(new Date(now.getTime() - story.daysAgo * DAY));
    const receivedAt = vnInstant(receivedDay, `08:${String(10 + i).padStart(2, "0")}`);
    const { last } = await trx
      .insertInto("feedback_counter")
      .values({ day: receivedDay, last: 1 })
      .onConflict((oc) => oc.columns(["agency_id", "day"]).doUpdateSet({ last: sql`feedback_counter.last + 1` }))
      .returning("last")
      .executeTakeFirstOrThrow();
    const { row, events } = replay(story, receivedDay, receivedAt, { today, now, cal, days, units, staff });
    const fb = await trx
      .insertInto("feedback")
      .values({
        ...row,
        code: formatCode(receivedDay, last),
        received_at: receivedAt,
        updated_at: events[events.length - 1].at,
        procedure_id: story.procedure ? (procs.get(story.procedure) ?? null) : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("feedback_contact")
      .values({
        feedback_id: fb.id,
        name: story.contact.name,
        address: story.contact.address,
        phone: story.contact.phone,
        phone_digits: normalisePhone(story.contact.phone),
        email: story.contact.email ?? null,
        organisation: story.contact.organisation ?? null,
      })
      .execute();
    await trx
      .insertInto("consent_record")
      .values({
        purpose: "feedback",
        subject_kind: "feedback",
        subject_id: String(fb.id),
        notice_version: PRIVACY_NOTICES.feedback.version,
        lang: "vi",
        given_at: receivedAt,
      })
      .execute();
    await trx
      .insertInto("feedback_event")
      .values(events.map((e) => ({ ...e, feedback_id: fb.id })))
      .execute();
  }
}

interface Ctx {
  today: string;
  now: Date;
  cal: ReturnType<typeof calendarFrom>;
  days: typeof DEFAULT_FEEDBACK_DAYS;
  units: Map<string, number>;
  staff: Map<string, { id: number; name: string; role: Role; unit_id: number | null }>;
}

function replay(story: Story, receivedDay: string, receivedAt: Date, ctx: Ctx) {
  const dues = intakeDeadlines(receivedDay, ctx.days, ctx.cal);
  const r: Row = {
    code: "",
    submission_id: crypto.randomUUID(),
    kind: story.kind,
    title: story.title,
    content: story.content,
    procedure_id: null,
    dossier_code: story.dossierCode ?? null,
    lang: "vi",
    status: "received",
    class: null,
    transfer_agency: null,
    transfer_dispatch: null,
    refuse_reason: null,
    info_request: null,
    unit_id: null,
    assignee_id: null,
    answer_draft: null,
    answer_published: null,
    public_title: null,
    public_content: null,
    approved_by_name: null,
    approved_at: null,
    published_at: null,
    base_date: receivedDay,
    ...dues,
    publish_due: null,
    due_date: null,
    late: false,
    handled_at: null,
    rating: null,
    rated_at: null,
    unsatisfied_count: 0,
    reopened_count: 0,
    repeat_of: null,
    notify_status: null,
  };
  const events: Ev[] = [
    {
      at: receivedAt,
      action: "receive",
      from_status: null,
      to_status: "received",
      actor_id: null,
      actor_name: null,
      note: null,
      details: null,
    },
  ];
  for (const [j, step] of story.steps.entries()) {
    const day = addWorkingDays(receivedDay, step.wd, ctx.cal);
    const at = vnInstant(day, `09:${String(10 + j).padStart(2, "0")}`);
    // Stories are relative to today: steps that would lie in the future have not happened yet.
    if (day > ctx.today || at > ctx.now) break;
    const citizen = step.action === "add_info" || step.action === "rate";
    const who = citizen ? null : ctx.staff.get(("by" in step && step.by) || OFFICE)!;
    const actor = citizen
      ? ({ kind: "citizen" } as const)
      : { kind: "staff" as const, role: who!.role, ownUnit: r.unit_id !== null && r.unit_id === who!.unit_id };
    const t = transition(r.status, step.action, actor, {
      feedbackClass: step.action === "classify" ? step.cls : undefined,
      rating: step.action === "rate" ? step.rating : undefined,
    });
    if (!t.ok) throw new Error(`demo feedback "${story.title}": ${step.action} refused from ${r.status} (${t.reason})`);
    let note: string | null = null;
    let details: Record<string, unknown> | null = null;
    switch (step.action) {
      case "classify":
        r.class = step.cls;
        if (step.cls === "transferred") {
          r.late ||= isLate(day, r.transfer_due);
          Object.assign(r, {
            transfer_agency: step.agency ?? null,
            transfer_dispatch: step.dispatch ?? null,
            handled_at: at,
          });
        }
        details = { class: step.cls, agency: step.agency, dispatch: step.dispatch };
        break;
      case "assign":
        r.unit_id = ctx.units.get(step.unit)!;
        r.assignee_id = step.assignee ? ctx.staff.get(step.assignee)!.id : null;
        details = { unitId: r.unit_id, assigneeId: r.assignee_id };
        break;
      case "request_info":
        r.late ||= isLate(day, r.info_due);
        r.info_request = note = step.note;
        break;
      case "add_info":
        Object.assign(r, { base_date: day, ...intakeDeadlines(day, ctx.days, ctx.cal) });
        note = step.note;
        break;
      case "refuse":
        r.late ||= isLate(day, r.refuse_due);
        Object.assign(r, { refuse_reason: step.reason, handled_at: at });
        note = step.reason;
        break;
      case "note":
        note = step.note;
        break;
      case "draft":
        r.answer_draft = step.answer;
        break;
      case "approve":
        r.late ||= isLate(day, r.answer_due);
        Object.assign(r, {
          approved_at: at,
          approved_by_name: step.approver,
          publish_due: addWorkingDays(day, ctx.days.publish, ctx.cal),
        });
        details = { approver: step.approver };
        break;
      case "publish":
        r.late ||= isLate(day, r.publish_due);
        Object.assign(r, {
          published_at: at,
          handled_at: at,
          answer_published: r.answer_draft,
          public_title: maskPii(story.title),
          public_content: maskPii(story.content),
          notify_status: story.contact.email ? "emailed" : "to_notify",
        });
        break;
      case "mark_notified":
        r.notify_status = "notified";
        note = step.note ?? null;
        break;
      case "rate":
        r.rating = step.rating;
        r.rated_at = at;
        note = step.note ?? null;
        details = { rating: step.rating };
        if (t.to === "in_progress") {
          r.unsatisfied_count++;
          r.reopened_count++;
          r.handled_at = null;
          r.answer_due = intakeDeadlines(day, ctx.days, ctx.cal).answer_due;
        }
        break;
    }
    events.push({
      at,
      action: step.action,
      from_status: r.status,
      to_status: t.to,
      actor_id: who?.id ?? null,
      actor_name: who?.name ?? null,
      note,
      details: details ? JSON.stringify(details) : null,
    });
    if (step.action === "publish" && story.contact.email) {
      events.push({
        at,
        action: "notify",
        from_status: t.to,
        to_status: t.to,
        actor_id: null,
        actor_name: null,
        note: null,
        details: JSON.stringify({ channel: "email", demo: true }),
      });
    }
    r.status = t.to;
  }
  r.due_date = stageDue(r.status, r);
  return { row: r, events };
}
