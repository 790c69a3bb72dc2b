// Feedback (phản ánh, kiến nghị): register, contact details, attachments, events, code counter.
import type { ColumnType, Generated, Selectable } from "kysely";
import type {
  FeedbackClass,
  FeedbackKind,
  FeedbackStatus,
  Rating,
} from "../../app/features/feedback/feedback-workflow";
import type { GeneratedTimestamp, NullableTimestamp } from "./common";

type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface FeedbackCounterTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  day: DateCol;
  last: number;
}

export interface FeedbackTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  code: string;
  /** The secret half of the full code (migration 011, docs/security/citizen-codes.md). */
  access_key: Generated<string>;
  submission_id: string;
  kind: FeedbackKind;
  title: string | null;
  content: string;
  procedure_id: number | null;
  dossier_code: string | null;
  lang: string;
  status: Generated<FeedbackStatus>;
  class: FeedbackClass | null;
  transfer_agency: string | null;
  transfer_dispatch: string | null;
  refuse_reason: string | null;
  info_request: string | null;
  unit_id: number | null;
  assignee_id: number | null;
  answer_draft: string | null;
  answer_published: string | null;
  public_title: string | null;
  public_content: string | null;
  approved_by_name: string | null;
  approved_at: NullableTimestamp;
  published_at: NullableTimestamp;
  received_at: GeneratedTimestamp;
  base_date: DateCol;
  refuse_due: DateCol;
  info_due: DateCol;
  transfer_due: DateCol;
  answer_due: DateCol;
  publish_due: NullableDate;
  due_date: NullableDate;
  late: Generated<boolean>;
  handled_at: NullableTimestamp;
  rating: Rating | null;
  rated_at: NullableTimestamp;
  unsatisfied_count: Generated<number>;
  reopened_count: Generated<number>;
  /** The earlier case this one raises again because its sender was not satisfied (QĐ 766 "repeated"). */
  repeat_of: Generated<number | null>;
  notify_status: "emailed" | "to_notify" | "notified" | null;
  updated_at: GeneratedTimestamp;
  /** Held for review: sent past its address's hourly share (migration 012). */
  held_at: NullableTimestamp;
  held_reason: "address_burst" | null;
  released_at: NullableTimestamp;
  released_by: number | null;
}

export interface FeedbackContactTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  feedback_id: number;
  name: string;
  address: string;
  phone: string;
  phone_digits: string;
  email: string | null;
  organisation: string | null;
}

export interface FeedbackAttachmentTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  feedback_id: number;
  filename: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  data: ColumnType<Buffer, Buffer | Uint8Array, never>;
  source: Generated<"intake" | "info">;
  created_at: GeneratedTimestamp;
}

export interface FeedbackEventTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<string>;
  feedback_id: number;
  at: GeneratedTimestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  details: ColumnType<unknown, string | null | undefined, never>;
}

export interface FeedbackTables {
  feedback_counter: FeedbackCounterTable;
  feedback: FeedbackTable;
  feedback_contact: FeedbackContactTable;
  feedback_attachment: FeedbackAttachmentTable;
  feedback_event: FeedbackEventTable;
}

export type FeedbackRow = Selectable<FeedbackTable>;
export type FeedbackEventRow = Selectable<FeedbackEventTable>;
