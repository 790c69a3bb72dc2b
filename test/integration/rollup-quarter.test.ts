// The report-quarter rollup (issue 18, migration 024): after a fold, a flag move and a rebuild it
// holds, row for row, the sum of its six half-months, and the raw answers of its days. Which
// quarter a day belongs to is taken here from the report period windows (defaultWindow, NĐ 09/2019),
// not from the fold's own rule.
import crypto from "node:crypto";
import { sql } from "kysely";
import { defaultWindow } from "~/features/reports/report-periods";
import { foldPendingRollups, moveInRollups, rebuildRollups } from "~/features/reports/rollup.server";
import { storeResponse } from "~/features/survey/response.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit } from "../support/staff";
import { ensureForms, SLUG_B } from "../support/survey";

/** Report quarters Q4/2025 … Q4/2026 as (first day, last day), from the period rule. */
const QUARTERS = [2025, 2026, 2027].flatMap((y) =>
  (["Q1", "Q2", "Q3", "Q4"] as const).map((k) => defaultWindow(y, k)).map((w) => [w.start, w.end] as const),
);
const windows = sql.join(QUARTERS.map(([a, b]) => sql`(${a}::date, ${b}::date)`));

const KEY = sql.raw("survey_version_id, unit_id, procedure_id, channel, flagged, item_id, agency_id");
const CODES = sql.raw("sum(c0)::int, sum(c1)::int, sum(c2)::int, sum(c3)::int, sum(c4)::int, sum(c5)::int");

/** Rows of the quarter table, and the same from the half-month table and from the raw answers,
 * each as text in one order. */
async function compare() {
  const quarter = await sql<{ row: string }>`
    select (quarter, ${KEY}, c0, c1, c2, c3, c4, c5)::text as row from answer_rollup_quarter
    order by 1`.execute(db());
  const fromHalves = await sql<{ row: string }>`
    select (w.first, ${KEY}, ${CODES})::text as row
    from answer_rollup_half h join (values ${windows}) w (first, last) on h.bucket between w.first and w.last
    group by w.first, ${KEY} order by 1`.execute(db());
  const fromRaw = await sql<{ row: string }>`
    with counted as (
      select (r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as day, r.survey_version_id, r.unit_id,
             coalesce(r.procedure_id, 0) as procedure_id, r.channel, r.flagged, a.item_id, r.agency_id,
             (a.value = 0)::int as c0, (a.value = 1)::int as c1, (a.value = 2)::int as c2,
             (a.value = 3)::int as c3, (a.value = 4)::int as c4, (a.value = 5)::int as c5
      from response r join answer a on a.response_id = r.id where a.value between 0 and 5)
    select (w.first, ${KEY}, ${CODES})::text as row
    from counted c join (values ${windows}) w (first, last) on c.day between w.first and w.last
    group by w.first, ${KEY} order by 1`.execute(db());
  return {
    quarter: quarter.rows.map((r) => r.row),
    fromHalves: fromHalves.rows.map((r) => r.row),
    fromRaw: fromRaw.rows.map((r) => r.row),
  };
}

/** Answers counted per quarter (c0–c5 summed), by quarter's first day. */
async function answersPerQuarter(): Promise<Record<string, number>> {
  const r = await sql<{ quarter: string; n: number }>`
    select to_char(quarter, 'YYYY-MM-DD') as quarter, sum(c0 + c1 + c2 + c3 + c4 + c5)::int as n
    from answer_rollup_quarter group by 1 order by 1`.execute(db());
  return Object.fromEntries(r.rows.map((x) => [x.quarter, x.n]));
}

let versionId: number;
let scale: number[];
const ids: string[] = [];

// Local days (Asia/Ho_Chi_Minh) on both sides of each quarter boundary, and one response stored
// at 17:30 UTC on 14/03, which is 00:30 on 15/03 local: it belongs to Q2, not Q1.
const LOCAL_NOONS = ["2025-12-14", "2025-12-15", "2026-01-01", "2026-03-14", "2026-06-14", "2026-06-15", "2026-12-14"];

beforeAll(async () => {
  await ensureForms();
  const survey = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow();
  versionId = (
    await db()
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", survey.id)
      .orderBy("version", "desc")
      .executeTakeFirstOrThrow()
  ).id;
  scale = (
    await db()
      .selectFrom("survey_item")
      .select("id")
      .where("version_id", "=", versionId)
      .where("type", "=", "L5")
      .execute()
  ).map((r) => r.id);
  const units = [await makeUnit(), await makeUnit()];
  const times = [
    ...LOCAL_NOONS.flatMap((d) => [0, 1].map(() => new Date(`${d}T12:00:00+07:00`))),
    new Date("2026-03-14T17:30:00Z"),
  ];
  for (const [i, at] of times.entries()) {
    const id = crypto.randomUUID();
    ids.push(id);
    await storeResponse({
      id,
      agencyId: 1,
      surveyId: survey.id,
      versionId,
      unitId: units[i % 2],
      procedureId: null,
      counter: null,
      channel: (["qr", "kiosk"] as const)[i % 2],
      lang: "vi",
      startedAt: null,
      submittedAt: at,
      flagReasons: [],
      dossierHash: null,
      enteredBy: null,
      answers: scale.map((itemId, k) => ({ itemId, value: (i + k) % 6, text: null, choices: null })),
    });
  }
});

describe("the report-quarter rollup", () => {
  it("holds the sum of its half-months and of its raw answers after a fold", async () => {
    expect(await foldPendingRollups()).toBe(ids.length);
    const c = await compare();
    expect(c.quarter.length).toBeGreaterThan(10);
    expect(c.quarter).toEqual(c.fromHalves);
    expect(c.quarter).toEqual(c.fromRaw);
    // By hand, every response answering all the scale items: 14/12/2025 is Q4/2025 (from
    // 15/09/2025); 15/12/2025, 01/01/2026 and 14/03/2026 are Q1/2026 (from 15/12/2025); the 00:30 of
    // 15/03 and 14/06 are Q2 (from 15/03); 15/06 is Q3 (from 15/06); 14/12/2026 is Q4 (from 15/09).
    const n = scale.length;
    expect(await answersPerQuarter()).toEqual({
      "2025-09-15": 2 * n,
      "2025-12-15": 6 * n,
      "2026-03-15": 3 * n,
      "2026-06-15": 2 * n,
      "2026-09-15": 2 * n,
    });
  });

  it("moves with a flag set after the fold, and a rebuild writes the same rows", async () => {
    const moved = ids.slice(0, 3);
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`update response set flagged = true where id = any(${moved}::uuid[])`.execute(trx);
        await moveInRollups(trx, [
          { ids: moved, flagged: false, sign: -1 },
          { ids: moved, flagged: true, sign: 1 },
        ]);
      });
    // The move leaves the unflagged cells it emptied as rows of zeros (the half-month table too);
    // the raw answers have no such rows: compare the rows that count something.
    const counting = (rows: string[]) => rows.filter((r) => !r.endsWith(",0,0,0,0,0,0)"));
    const afterMove = await compare();
    expect(afterMove.quarter).toEqual(afterMove.fromHalves);
    expect(counting(afterMove.quarter)).toEqual(afterMove.fromRaw);
    const flagged = await sql<{ n: number }>`
      select sum(c0 + c1 + c2 + c3 + c4 + c5)::int as n from answer_rollup_quarter where flagged`.execute(db());
    expect(flagged.rows[0].n).toBe(3 * scale.length);

    await rebuildRollups(db());
    const rebuilt = await compare();
    expect(rebuilt.fromHalves).toEqual(rebuilt.quarter);
    expect(rebuilt.quarter).toEqual(counting(afterMove.quarter));
  });
});
