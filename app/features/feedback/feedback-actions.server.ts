// Staff steps on a feedback case. Each runs in one transaction with the row locked: the state
// machine decides whether it is allowed, the row and its deadlines change, and an event and an
// audit entry are written — all of it or none.
import type { Updateable } from "kysely";
import { addWorkingDays } from "~/kernel/time/working-days";
import { isLate, stageDue } from "~/features/feedback/feedback-deadlines";
import { transition, type FeedbackStatus } from "~/features/feedback/feedback-workflow";
import { vnDay } from "~/kernel/time/clock";
import { maskPii } from "~/kernel/mask-pii";
import { normaliseCode } from "~/features/feedback/feedback-code";
import type { StaffAction } from "~/features/feedback/feedback-staff.schema";
import { recordAudit } from "~/kernel/audit.server";
import { inScope } from "~/features/accounts/scope.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";
import { notifySender } from "./feedback-notify.server";
import { feedbackDays, workCalendar } from "./feedback-settings.server";

export type ActResult =
  | { ok: true; status: FeedbackStatus; notified?: "emailed" | "to_notify" }
  | { ok: false; reason: "not_found" | "role" | "state" | "params" | "invalid"; field?: string; message?: string };

/** `client`: where the staff member acts from (null for a step no request made, as in tests and seeds). */
export async function actOnFeedback(
  client: Client | null,
  user: StaffUser,
  id: number,
  cmd: StaffAction,
  now = new Date(),
): Promise<ActResult> {
  const days = await feedbackDays(user.agencyId);
  const today = vnDay(now);
  const result = await db()
    .transaction()
    .execute(async (trx): Promise<ActResult> => {
      const agencyId = user.agencyId;
      // Another agency's case is answered as if it did not exist.
      const row = await trx
        .selectFrom("feedback")
        .selectAll()
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!row || !inScope(user, row.unit_id)) return { ok: false, reason: "not_found" };
      const cal = await workCalendar(agencyId, trx);
      const action = cmd.intent;
      const t = transition(
        row.status,
        action,
        { kind: "staff", role: user.role, ownUnit: row.unit_id !== null && row.unit_id === user.unitId },
        cmd.intent === "classify" ? { feedbackClass: cmd.feedbackClass } : {},
      );
      if (!t.ok) return { ok: false, reason: t.reason };

      const set: Updateable<Database["feedback"]> = { status: t.to, updated_at: now };
      let late = row.late;
      let note: string | null = null;
      const details: Record<string, unknown> = {};
      let publishDue = row.publish_due;

      switch (cmd.intent) {
        case "refuse":
          late ||= isLate(today, row.refuse_due);
          Object.assign(set, { refuse_reason: cmd.reason, handled_at: now });
          note = cmd.reason;
          break;
        case "request_info": {
          // Only the first request is held to its limit (QĐ 766 counts the first).
          const earlier = await trx
            .selectFrom("feedback_event")
            .select("id")
            .where("agency_id", "=", agencyId)
            .where("feedback_id", "=", id)
            .where("action", "=", "request_info")
            .executeTakeFirst();
          if (!earlier) late ||= isLate(today, row.info_due);
          set.info_request = cmd.note;
          note = cmd.note;
          break;
        }
        case "classify":
          set.class = cmd.feedbackClass;
          if (cmd.feedbackClass === "transferred") {
            late ||= isLate(today, row.transfer_due);
            Object.assign(set, { transfer_agency: cmd.agency, transfer_dispatch: cmd.dispatch, handled_at: now });
          }
          Object.assign(details, { class: cmd.feedbackClass, agency: cmd.agency, dispatch: cmd.dispatch });
          note = cmd.note ?? null;
          break;
        case "assign": {
          const unit = await trx
            .selectFrom("unit")
            .select("id")
            .where("agency_id", "=", agencyId)
            .where("id", "=", cmd.unitId)
            .where("active", "=", true)
            .executeTakeFirst();
          if (!unit) return { ok: false, reason: "invalid", field: "unitId", message: "feedback.errors.unitRequired" };
          if (cmd.assigneeId) {
            const person = await trx
              .selectFrom("staff_user")
              .select(["id", "role", "unit_id"])
              .where("agency_id", "=", agencyId)
              .where("id", "=", cmd.assigneeId)
              .where("active", "=", true)
              .executeTakeFirst();
            // A unit account can only be given cases of its own unit, or it could not see them; read-only
            // roles (viewer, province) handle no cases.
            const handles = person && (person.role === "admin" || person.role === "office" || person.role === "unit");
            if (!person || !handles || (person.role === "unit" && person.unit_id !== cmd.unitId)) {
              return { ok: false, reason: "invalid", field: "assigneeId", message: "feedback.errors.assigneeInvalid" };
            }
          }
          Object.assign(set, { unit_id: cmd.unitId, assignee_id: cmd.assigneeId ?? null });
          Object.assign(details, { unitId: cmd.unitId, assigneeId: cmd.assigneeId ?? null });
          note = cmd.note ?? null;
          break;
        }
        case "note":
          note = cmd.note;
          break;
        case "draft":
          set.answer_draft = cmd.answer;
          break;
        case "return_draft":
          Object.assign(set, { approved_at: null, approved_by_name: null, publish_due: null });
          publishDue = null;
          note = cmd.note;
          break;
        case "approve":
          // The Board has no account: the Office records which director approved, by name.
          late ||= isLate(today, row.answer_due);
          publishDue = addWorkingDays(today, days.publish, cal);
          Object.assign(set, { approved_at: now, approved_by_name: cmd.approver, publish_due: publishDue });
          details.approver = cmd.approver;
          note = cmd.note ?? null;
          break;
        case "publish": {
          late ||= isLate(today, row.publish_due);
          const contact = await trx
            .selectFrom("feedback_contact")
            .select("email")
            .where("agency_id", "=", agencyId)
            .where("feedback_id", "=", id)
            .executeTakeFirst();
          Object.assign(set, {
            published_at: now,
            handled_at: now,
            answer_published: row.answer_draft,
            public_title: cmd.publicTitle ? maskPii(cmd.publicTitle) : null,
            public_content: maskPii(cmd.publicContent),
            // On the call list until an email has actually gone out.
            notify_status: "to_notify",
          });
          details.email = !!contact?.email;
          break;
        }
        case "mark_notified":
          set.notify_status = "notified";
          note = cmd.note ?? null;
          break;
        case "mark_repeat": {
          // Only an earlier case can be the one raised again; never the case itself.
          const code = cmd.earlierCode ? normaliseCode(cmd.earlierCode) : null;
          if (cmd.earlierCode && !code)
            return { ok: false, reason: "invalid", field: "earlierCode", message: "feedback.errors.repeatOfInvalid" };
          const earlier = code
            ? await trx
                .selectFrom("feedback")
                .select(["id", "code", "status"])
                .where("agency_id", "=", agencyId)
                .where("code", "=", code)
                .where("id", "<>", id)
                .where("received_at", "<", row.received_at)
                .executeTakeFirst()
            : null;
          if (code && !earlier)
            return { ok: false, reason: "invalid", field: "earlierCode", message: "feedback.errors.repeatOfInvalid" };
          set.repeat_of = earlier?.id ?? null;
          Object.assign(details, {
            earlierId: earlier?.id ?? null,
            earlierCode: earlier?.code ?? null,
            previous: row.repeat_of,
          });
          note = cmd.note ?? null;
          if (earlier) {
            // The earlier case's history says it was raised again.
            await trx
              .insertInto("feedback_event")
              .values({
                agency_id: agencyId,
                feedback_id: earlier.id,
                at: now,
                action: "raised_again",
                from_status: null,
                to_status: earlier.status,
                actor_id: user.id,
                actor_name: user.name,
                details: JSON.stringify({ laterId: id, laterCode: row.code }),
              })
              .execute();
          }
          break;
        }
      }
      set.late = late;
      set.due_date = stageDue(t.to, {
        transfer_due: row.transfer_due,
        answer_due: row.answer_due,
        publish_due: publishDue,
      });
      await trx.updateTable("feedback").set(set).where("agency_id", "=", agencyId).where("id", "=", id).execute();
      await trx
        .insertInto("feedback_event")
        .values({
          agency_id: agencyId,
          feedback_id: id,
          at: now,
          action,
          from_status: row.status,
          to_status: t.to,
          actor_id: user.id,
          actor_name: user.name,
          note,
          details: Object.keys(details).length ? JSON.stringify(details) : null,
        })
        .execute();
      await recordAudit(
        client,
        {
          agencyId: agencyId,
          actor: { id: user.id, email: user.email },
          action: `feedback.${action}`,
          entity: "feedback",
          entityId: id,
          details: { from: row.status, to: t.to },
        },
        trx,
      );
      return { ok: true, status: t.to };
    });
  if (result.ok && cmd.intent === "publish") return { ...result, notified: await notifySender(user.agencyId, id) };
  return result;
}
