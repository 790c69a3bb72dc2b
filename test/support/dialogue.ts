// Test factories for the dialogue: a session in a given state, sign-up input for a person.
import crypto from "node:crypto";
import type { SignUpInput } from "~/features/dialogue/dialogue-registration.server";
import { db } from "~/kernel/db/db.server";
import type { DialogueStatus } from "../../db/types";

const DAY = 86400_000;

export async function makeSession(
  opts: {
    capacity?: number;
    status?: DialogueStatus;
    startsInDays?: number;
    topics?: string[];
    title?: string;
    /** Whose session (the default agency when not given). */
    agencyId?: number;
  } = {},
) {
  const now = Date.now();
  const starts = new Date(now + (opts.startsInDays ?? 30) * DAY);
  const status = opts.status ?? "published";
  const row = await db()
    .insertInto("dialogue_session")
    .values({
      agency_id: opts.agencyId ?? 1,
      plan_number: "01/KH-SKHCN",
      title_vi: opts.title ?? "Đối thoại thử nghiệm",
      title_en: "Test dialogue",
      description_vi: null,
      description_en: null,
      topics: JSON.stringify(opts.topics ?? ["Đo lường", "Bức xạ"]),
      invited_groups: null,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3 * 3600_000),
      venue: "Hội trường Sở, 8 Nguyễn Trãi, Mỹ Tho",
      online_url: null,
      chair: "Giám đốc Sở",
      secretary: "Chánh Văn phòng",
      capacity: opts.capacity ?? 50,
      registration_opens_at: new Date(Math.min(now - DAY, starts.getTime() - 20 * DAY)),
      registration_closes_at: new Date(starts.getTime() - 3600_000),
      publish_at: new Date(Math.min(now - DAY, starts.getTime() - 20 * DAY)),
      status,
      published_at: status === "draft" ? null : new Date(now - DAY),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;
/** A person with a unique phone (and optionally an email). */
export function person(sessionId: number, over: Partial<SignUpInput> = {}): SignUpInput {
  counter++;
  const phone = `09${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  return {
    agencyId: 1,
    sessionId,
    name: `Người thử ${counter}`,
    phone,
    phoneNorm: phone,
    email: null,
    emailNorm: null,
    kind: counter % 3 === 0 ? "business" : "citizen",
    organisation: counter % 3 === 0 ? "Công ty TNHH Thử" : null,
    accessibility: null,
    question: null,
    topic: null,
    lang: "vi",
    channel: "online",
    ...over,
  };
}

export const ctx = { baseUrl: "http://localhost" };

export async function statuses(sessionId: number) {
  return db()
    .selectFrom("dialogue_registration")
    .select(["id", "status", "waitlist_seq"])
    .where("session_id", "=", sessionId)
    .orderBy("id")
    .execute();
}

/** An instant on the session's day, half an hour before it starts: the door is open then. */
export async function onSessionDay(sessionId: number): Promise<Date> {
  const s = await db()
    .selectFrom("dialogue_session")
    .select("starts_at")
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return new Date(s.starts_at.getTime() - 30 * 60_000);
}
