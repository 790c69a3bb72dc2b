// The citizen dialogue: sessions, registrations, questions and answers, votes, check-ins,
// notices to registrants, minutes and follow-ups.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./common";

export type DialogueStatus = "draft" | "published" | "registration_closed" | "held" | "minutes_published" | "cancelled";
/** "to_confirm": past its address's share, waiting for staff (chờ xác nhận; migration 012). */
export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled" | "walk_in" | "to_confirm";
export type RegistrationChannel = "online" | "phone" | "desk" | "paper" | "walk_in";
export type AttendeeKind = "citizen" | "business";
export type QuestionStatus = "pending" | "approved" | "hidden" | "merged";
export type QuestionChannel = "online" | "phone" | "desk" | "paper" | "at_dialogue";
export type FollowupStatus = "open" | "in_progress" | "done";
export type NotificationKind = "moved" | "cancelled" | "promoted" | "answered" | "details" | "cancel_request";

type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface DialogueSessionTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  plan_number: string | null;
  title_vi: string;
  title_en: string | null;
  description_vi: string | null;
  description_en: string | null;
  topics: Json<string[]>;
  /** The topics in English, one for one with `topics` where given; null: none written. */
  topics_en: ColumnType<string[] | null, string | null | undefined, string | null>;
  invited_groups: string | null;
  invited_groups_en: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue: string | null;
  online_url: string | null;
  chair: string;
  secretary: string;
  capacity: number;
  registration_opens_at: Timestamp;
  registration_closes_at: Timestamp;
  publish_at: Timestamp;
  status: Generated<DialogueStatus>;
  published_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  sequence: Generated<number>;
  created_by: number | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DialogueSessionProcedureTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  session_id: number;
  procedure_id: number;
}

export interface DialogueRegistrationTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  session_id: number;
  code: string;
  /** The secret half of the full code (migration 011, docs/security/citizen-codes.md). */
  access_key: Generated<string>;
  name: string;
  name_search: string;
  phone: string | null;
  phone_norm: string | null;
  email: string | null;
  email_norm: string | null;
  kind: AttendeeKind;
  organisation: string | null;
  accessibility: string | null;
  status: RegistrationStatus;
  waitlist_seq: number | null;
  channel: RegistrationChannel;
  created_by: number | null;
  lang: Generated<string>;
  created_at: GeneratedTimestamp;
  promoted_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  cancelled_by: number | null;
  checked_in_at: NullableTimestamp;
  checked_in_by: number | null;
  /** Set when the person's data was erased (migration 008, app/features/privacy/privacy-erase.server.ts). */
  erased_at: NullableTimestamp;
  /** Who confirmed or rejected a sign-up that waited "to confirm", and when (migration 012). */
  settled_by: number | null;
  settled_at: NullableTimestamp;
}

export interface DialogueQuestionTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  session_id: number;
  registration_id: number | null;
  text: string;
  public_text: string | null;
  topic: string | null;
  procedure_id: number | null;
  channel: QuestionChannel;
  created_by: number | null;
  status: Generated<QuestionStatus>;
  hidden_reason: string | null;
  hidden_note: string | null;
  merged_into_id: number | null;
  moderated_by: number | null;
  moderated_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
}

export interface DialogueAnswerTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  question_id: number;
  unit_id: number | null;
  due_date: NullableDateColumn;
  status: Generated<"pending" | "answered">;
  answered_in: "dialogue" | "after" | null;
  answer_text: string | null;
  answered_by: string | null;
  answered_at: NullableTimestamp;
  conclusion: string | null;
  updated_by: number | null;
  updated_at: GeneratedTimestamp;
}

export interface DialogueVoteTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  question_id: number;
  registration_id: number;
  created_at: GeneratedTimestamp;
}

export interface DialogueCheckinAttemptTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<string>;
  session_id: number;
  registration_id: number | null;
  method: "code" | "search" | "walk_in";
  code_entered: string | null;
  ok: boolean;
  reason: string | null;
  staff_id: number | null;
  at: GeneratedTimestamp;
}

export interface DialogueNotificationTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<string>;
  session_id: number;
  registration_id: number;
  kind: NotificationKind;
  channel: "email" | "call";
  status: "queued" | "sent" | "to_call" | "called";
  subject: string;
  message: string;
  created_at: GeneratedTimestamp;
  done_at: NullableTimestamp;
  done_by: number | null;
}

export interface DialogueMinutesTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  session_id: number;
  opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  officials: string | null;
  summary: string | null;
  chair_conclusion: string | null;
  scan: Uint8Array | null;
  scan_mime: string | null;
  scan_filename: string | null;
  scan_size: number | null;
  scan_uploaded_at: NullableTimestamp;
  scan_uploaded_by: number | null;
  updated_at: GeneratedTimestamp;
  updated_by: number | null;
}

export interface DialogueMinutesVersionTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  session_id: number;
  version: number;
  snapshot: Json<unknown>;
  published_at: GeneratedTimestamp;
  published_by: number | null;
}

export interface DialogueFollowupTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  session_id: number;
  question_id: number | null;
  action: string;
  unit_id: number;
  due_date: DateColumn;
  status: Generated<FollowupStatus>;
  result: string | null;
  done_at: NullableTimestamp;
  created_by: number | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DialogueTables {
  dialogue_session: DialogueSessionTable;
  dialogue_session_procedure: DialogueSessionProcedureTable;
  dialogue_registration: DialogueRegistrationTable;
  dialogue_question: DialogueQuestionTable;
  dialogue_answer: DialogueAnswerTable;
  dialogue_vote: DialogueVoteTable;
  dialogue_checkin_attempt: DialogueCheckinAttemptTable;
  dialogue_notification: DialogueNotificationTable;
  dialogue_minutes: DialogueMinutesTable;
  dialogue_minutes_version: DialogueMinutesVersionTable;
  dialogue_followup: DialogueFollowupTable;
}

export type DialogueSession = Selectable<DialogueSessionTable>;
export type NewDialogueSession = Insertable<DialogueSessionTable>;
export type DialogueSessionUpdate = Updateable<DialogueSessionTable>;
export type DialogueRegistration = Selectable<DialogueRegistrationTable>;
export type DialogueQuestion = Selectable<DialogueQuestionTable>;
export type DialogueAnswer = Selectable<DialogueAnswerTable>;
export type DialogueFollowup = Selectable<DialogueFollowupTable>;
