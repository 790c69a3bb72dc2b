// The building blocks of the dialogue demo (db/seed/dialogue.ts): fictitious people, sessions,
// registrations and questions with their answers and votes.
import crypto from "node:crypto";
import type { DB } from "../client";
import type { NewDialogueSession } from "../types";
import { foldName, newRegistrationCode } from "../../app/features/dialogue/dialogue-code";
import { addDays, vnDay, vnInstant } from "../../app/kernel/time/clock";
import { maskPii } from "../../app/kernel/mask-pii";
import { recordConsent } from "../../app/features/privacy/consent.server";

export const DAY = 86400_000;
/** 08:00 (or the given hour) Viet Nam time, `days` from today. */
export function vnAt(days: number, hour: number, minute = 0): Date {
  return vnInstant(addDays(vnDay(), days), `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
}

const PEOPLE: [string, "citizen" | "business", string | null][] = [
  ["Nguyễn Văn An", "citizen", null],
  ["Trần Thị Bình", "business", "Công ty TNHH Cơ khí Mỹ Tho"],
  ["Lê Hoàng Cường", "citizen", null],
  ["Phạm Thị Dung", "business", "HTX Sầu riêng Cái Bè"],
  ["Huỳnh Văn Em", "citizen", null],
  ["Võ Thị Phượng", "citizen", null],
  ["Đặng Quốc Gia", "business", "Phòng khám Đa khoa Tân Phước"],
  ["Bùi Thị Hạnh", "citizen", null],
  ["Đỗ Minh Khang", "business", "Công ty CP Thực phẩm Gò Công"],
  ["Hồ Thị Lan", "citizen", null],
  ["Ngô Văn Minh", "citizen", null],
  ["Dương Thị Ngọc", "business", "Công ty TNHH Điện tử Châu Thành"],
  ["Lý Văn Phúc", "citizen", null],
  ["Mai Thị Quyên", "citizen", null],
  ["Trương Văn Sang", "business", "DNTN Cân điện tử Cai Lậy"],
  ["Châu Thị Tâm", "citizen", null],
  ["Tạ Văn Út", "citizen", null],
  ["Kiều Thị Vân", "business", "Công ty TNHH Nha khoa Chợ Gạo"],
  ["La Văn Xuân", "citizen", null],
  ["Quách Thị Yến", "citizen", null],
];

export async function session(trx: DB, values: NewDialogueSession) {
  return (await trx.insertInto("dialogue_session").values(values).returning("id").executeTakeFirstOrThrow()).id;
}

export async function register(
  trx: DB,
  sessionId: number,
  i: number,
  opts: {
    status?: "confirmed" | "walk_in";
    checkedIn?: Date | null;
    code?: string;
    accessKey?: string;
    staffId?: number | null;
    phoneBlock: number;
  },
) {
  const [name, kind, org] = PEOPLE[i % PEOPLE.length];
  // 0900 1xx xxx for last year, 0900 2xx xxx for this year: fictitious, never a real subscriber's pattern in the demo.
  const phone = `0900${opts.phoneBlock}${String(i).padStart(5, "0")}`;
  const email = i % 4 === 1 ? `nguoidan${i + 1}@example.vn` : null;
  const row = await trx
    .insertInto("dialogue_registration")
    .values({
      session_id: sessionId,
      code: opts.code ?? newRegistrationCode((max) => crypto.randomInt(max)),
      // Otherwise the database draws one (migration 011).
      ...(opts.accessKey ? { access_key: opts.accessKey } : {}),
      name,
      name_search: foldName(name),
      phone: opts.status === "walk_in" ? null : phone,
      phone_norm: opts.status === "walk_in" ? null : phone,
      email,
      email_norm: email,
      kind,
      organisation: org,
      accessibility: i === 5 ? "Đi xe lăn" : null,
      status: opts.status ?? "confirmed",
      waitlist_seq: null,
      channel: opts.status === "walk_in" ? "walk_in" : i % 5 === 3 ? "phone" : "online",
      created_by: opts.status === "walk_in" || i % 5 === 3 ? (opts.staffId ?? null) : null,
      checked_in_at: opts.checkedIn ?? null,
      checked_in_by: opts.checkedIn ? (opts.staffId ?? null) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordConsent(trx, {
    purpose: "dialogue_registration",
    subjectKind: "dialogue_registration",
    subjectId: row.id,
    lang: "vi",
  });
  return row.id;
}

export interface SeedQuestion {
  reg: number | null;
  text: string;
  topic: string;
  status: "approved" | "pending" | "hidden";
  hidden?: string;
  unit?: string;
  due?: string;
  answer?: { text: string; by: string; in: "dialogue" | "after"; conclusion?: string };
  votes?: number[];
}

export async function questions(
  trx: DB,
  sessionId: number,
  units: Map<string, number>,
  list: SeedQuestion[],
  staffId: number | null,
) {
  const ids: number[] = [];
  for (const q of list) {
    const row = await trx
      .insertInto("dialogue_question")
      .values({
        session_id: sessionId,
        registration_id: q.reg,
        text: q.text,
        public_text: q.status === "approved" ? maskPii(q.text) : null,
        topic: q.topic,
        channel: "online",
        status: q.status,
        hidden_reason: q.hidden ?? null,
        hidden_note: null,
        moderated_by: q.status === "pending" ? null : staffId,
        moderated_at: q.status === "pending" ? null : new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("dialogue_answer")
      .values({
        question_id: row.id,
        unit_id: q.unit ? (units.get(q.unit) ?? null) : null,
        due_date: q.due ?? null,
        status: q.answer ? "answered" : "pending",
        answered_in: q.answer?.in ?? null,
        answer_text: q.answer?.text ?? null,
        answered_by: q.answer?.by ?? null,
        answered_at: q.answer ? new Date() : null,
        conclusion: q.answer?.conclusion ?? null,
        updated_by: staffId,
      })
      .execute();
    for (const r of q.votes ?? [])
      await trx.insertInto("dialogue_vote").values({ question_id: row.id, registration_id: r }).execute();
    ids.push(row.id);
  }
  return ids;
}

export const TOPICS = [
  "Tiêu chuẩn, đo lường, chất lượng",
  "An toàn bức xạ",
  "Chuyển giao công nghệ",
  "Dịch vụ công trực tuyến",
];
/** The same topics in English, in the same order (English pages show these). */
export const TOPICS_EN = [
  "Standards, metrology and quality",
  "Radiation safety",
  "Technology transfer",
  "Online public services",
];

/** What both years' sessions share. */
export type SessionBase = Pick<
  NewDialogueSession,
  "chair" | "secretary" | "venue" | "invited_groups" | "invited_groups_en" | "topics" | "topics_en" | "created_by"
>;
