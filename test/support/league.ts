// Agencies under the province for the league tests, their figures written straight into the
// tables as the portal writes them: answers into both rollups (as the fold does), handled
// feedback cases into the feedback table. Each test names its own agencies and counts.
import { sql } from "kysely";
import { db } from "~/kernel/db/db.server";
import type { ItemType } from "../../db/types";

/** An agency under the province root, with one division. */
export async function leagueAgency(
  agency: { code: string; name_vi: string; name_en: string; target_percent?: number },
  unit: { code: string; name_vi: string; name_en: string },
): Promise<{ agencyId: number; unitId: number }> {
  const root = await db().selectFrom("agency").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const a = await db()
    .insertInto("agency")
    .values({ ...agency, parent_id: root.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const u = await db()
    .insertInto("unit")
    .values({ agency_id: a.id, ...unit, kind: "division" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { agencyId: a.id, unitId: u.id };
}

/** A survey published on 01/01/2025 with the given questions (code, block, type), in order;
 * their ids in the same order. */
export async function publishedSurvey(
  agencyId: number,
  survey: { slug: string; kind: "A" | "B"; title_vi: string; title_en: string },
  items: { code: string; block: string; type: ItemType; text_vi: string; text_en: string }[],
): Promise<{ versionId: number; itemIds: number[] }> {
  const s = await db()
    .insertInto("survey")
    .values({ agency_id: agencyId, ...survey })
    .returning("id")
    .executeTakeFirstOrThrow();
  const version = await db()
    .insertInto("survey_version")
    .values({ agency_id: agencyId, survey_id: s.id, version: 1, published_at: new Date("2025-01-01T00:00:00Z") })
    .returning("id")
    .executeTakeFirstOrThrow();
  const itemIds: number[] = [];
  for (const [i, item] of items.entries()) {
    const row = await db()
      .insertInto("survey_item")
      .values({
        agency_id: agencyId,
        version_id: version.id,
        position: i + 1,
        ...item,
        help_vi: null,
        help_en: null,
        options: null,
        max_length: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    itemIds.push(row.id);
  }
  return { versionId: version.id, itemIds };
}

/** Form B's overall question, the one the league ranks satisfaction on. */
export const OVERALL = {
  code: "OVERALL_SAT",
  block: "OVERALL",
  type: "L5" as const,
  text_vi: "Hài lòng chung",
  text_en: "Overall",
};

/** Answer counts (c1–c5) to one question on `day`: the fold writes each answer into the daily,
 * the half-month (`bucket`, the half-month the day falls in) and the report-quarter rollup
 * (`quarter`, the first day of the report quarter it falls in). */
export async function writeRollups(
  cell: {
    agencyId: number;
    versionId: number;
    unitId: number;
    itemId: number;
    counts: Partial<Record<string, number>>;
  },
  day: string,
  bucket: string,
  quarter: string,
) {
  const row = {
    agency_id: cell.agencyId,
    survey_version_id: cell.versionId,
    unit_id: cell.unitId,
    procedure_id: 0,
    channel: "qr",
    flagged: false,
    item_id: cell.itemId,
    ...cell.counts,
  };
  await db()
    .insertInto("answer_rollup")
    .values({ ...row, day })
    .execute();
  await db()
    .insertInto("answer_rollup_half")
    .values({ ...row, bucket })
    .execute();
  await db()
    .insertInto("answer_rollup_quarter")
    .values({ ...row, quarter })
    .execute();
}

/** `handled` published feedback cases received and handled on `day`, the first `late` of them
 * late; codes PA-<key>-1, PA-<key>-2 … */
export async function handledFeedback(
  c: { agencyId: number; unitId: number; key: string },
  day: string,
  handled: number,
  late: number,
) {
  await sql`
    insert into feedback (agency_id, code, submission_id, kind, content, lang, unit_id, status, received_at,
      base_date, refuse_due, info_due, transfer_due, answer_due, due_date, handled_at, late)
    select ${c.agencyId}, ${`PA-${c.key}-`} || g, gen_random_uuid(), 'phan_anh', 'Nội dung', 'vi', ${c.unitId},
      'published', ${`${day}T09:00:00+07:00`}::timestamptz, ${day}::date, ${day}::date, ${day}::date, ${day}::date,
      ${day}::date, ${day}::date, ${`${day}T15:00:00+07:00`}::timestamptz, g <= ${late}
    from generate_series(1, ${handled}) g`.execute(db());
}
