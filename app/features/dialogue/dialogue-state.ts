// The life of a dialogue session, as data: which step may follow which, when the public sees it,
// when people may sign up. Pure, so the rules are unit-tested without a database.
import { vnDay, vnDayEnd } from "~/kernel/time/clock";
import type { DialogueStatus } from "../../../db/tables/dialogue";

export type Transition =
  "publish" | "close_registration" | "reopen_registration" | "mark_held" | "cancel" | "publish_minutes";

const TRANSITIONS: Record<Transition, { from: readonly DialogueStatus[]; to: DialogueStatus }> = {
  publish: { from: ["draft"], to: "published" },
  close_registration: { from: ["published"], to: "registration_closed" },
  reopen_registration: { from: ["registration_closed"], to: "published" },
  mark_held: { from: ["published", "registration_closed"], to: "held" },
  cancel: { from: ["draft", "published", "registration_closed"], to: "cancelled" },
  // A correction of published minutes is published again as a new version.
  publish_minutes: { from: ["held", "minutes_published"], to: "minutes_published" },
};

export function nextStatus(from: DialogueStatus, t: Transition): DialogueStatus | null {
  const rule = TRANSITIONS[t];
  return rule.from.includes(from) ? rule.to : null;
}

/** The state changes a staff member may pick on the session page (minutes are published from their own page). */
export function availableTransitions(from: DialogueStatus): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter(
    (t) => t !== "publish_minutes" && TRANSITIONS[t].from.includes(from),
  );
}

/** Details (time, place, capacity …) can change until the session has been held or cancelled. */
export function isEditable(status: DialogueStatus): boolean {
  return status === "draft" || status === "published" || status === "registration_closed";
}

/** Registrants exist and must be told about changes once the session is out. */
export function isAnnounced(status: DialogueStatus): boolean {
  return status === "published" || status === "registration_closed";
}

interface Timing {
  status: DialogueStatus;
  published_at: Date | string | null;
  publish_at: Date | string;
  starts_at: Date | string;
  registration_opens_at: Date | string;
  registration_closes_at: Date | string;
}

const ms = (d: Date | string) => new Date(d).getTime();

/** The public sees a session once it was published and its publication date has come. */
export function isPublic(s: Pick<Timing, "published_at" | "publish_at">, now: Date): boolean {
  return s.published_at !== null && ms(s.publish_at) <= now.getTime();
}

export type RegistrationState = "not_public" | "not_yet" | "open" | "closed" | "cancelled" | "over";

export function registrationState(s: Timing, now: Date): RegistrationState {
  if (s.status === "cancelled") return "cancelled";
  if (!isPublic(s, now)) return "not_public";
  if (s.status === "held" || s.status === "minutes_published" || ms(s.starts_at) <= now.getTime()) return "over";
  if (s.status !== "published") return "closed";
  if (now.getTime() < ms(s.registration_opens_at)) return "not_yet";
  if (now.getTime() >= ms(s.registration_closes_at)) return "closed";
  return "open";
}

/** Staff may still register someone (phone, desk, paper) after the online form closes, until the start. */
export function staffMayRegister(s: Pick<Timing, "status" | "starts_at">, now: Date): boolean {
  return isAnnounced(s.status) && ms(s.starts_at) > now.getTime();
}

/** Questions come in before the session and, from the floor, during it. */
export function acceptsQuestions(status: DialogueStatus): boolean {
  return status === "published" || status === "registration_closed";
}

export const DAY_MS = 86400_000;

/** The notice must be public at least `noticeDays` before the start. When publishing late, "now"
 * is the real publication time. */
export function noticeIsLongEnough(publishAt: Date, startsAt: Date, noticeDays: number, now: Date): boolean {
  const effective = Math.max(publishAt.getTime(), now.getTime());
  return effective <= startsAt.getTime() - noticeDays * DAY_MS;
}

export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
  publishAt: Date;
  opensAt: Date;
  closesAt: Date;
}

/** Field → translation key for times that do not fit together. */
export function checkSessionTimes(t: SessionTimes, noticeDays: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (t.endsAt <= t.startsAt) errors.ends_at = "dialogue.errors.endsBeforeStart";
  if (t.publishAt.getTime() > t.startsAt.getTime() - noticeDays * DAY_MS)
    errors.publish_at = "dialogue.errors.noticeTooShort";
  if (t.opensAt < t.publishAt) errors.registration_opens_at = "dialogue.errors.opensBeforePublish";
  if (t.closesAt <= t.opensAt) errors.registration_closes_at = "dialogue.errors.closesBeforeOpens";
  else if (t.closesAt > t.startsAt) errors.registration_closes_at = "dialogue.errors.closesAfterStart";
  return errors;
}

/** Why a question is hidden: a fixed list, so the public page can say it in either language. */
export const HIDE_REASONS = ["off_topic", "abusive", "personal_data", "spam", "other"] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/** At most this many questions per registration, so one person cannot flood the queue. */
export const QUESTIONS_PER_REGISTRATION = 5;

/** Hours before the start the door opens: people arrive early to find a seat. */
export const CHECKIN_OPENS_HOURS_BEFORE = 2;

/** Check-in happens on the session's day in Viet Nam, from a little before the start to the end of
 * that day ([from, to)): a check-in days ahead would make the citizen's page say they attended. */
export function checkinWindow(startsAt: Date): { from: Date; to: Date } {
  return {
    from: new Date(startsAt.getTime() - CHECKIN_OPENS_HOURS_BEFORE * 3600_000),
    to: vnDayEnd(vnDay(startsAt)),
  };
}

export function isCheckinTime(startsAt: Date, now: Date): boolean {
  const w = checkinWindow(startsAt);
  return now >= w.from && now < w.to;
}
