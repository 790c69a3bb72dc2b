// Issue 14 part 5: a flood cannot poison the headline, and no genuine answer is lost. One source
// floods the open Form B for a simulated hour (an injected clock, not real time) while genuine
// people answer from their own phones; flags fall on the flooding source only, the headline
// equals the genuine answers' rate computed by hand, and the Office can accept a batch back.
import crypto from "node:crypto";
import { sql } from "kysely";
import { getDashboard } from "~/features/reports/dashboard-view.server";
import { acceptBatch, flaggedBatches } from "~/features/survey/flag-review.server";
import { postedFields } from "~/kernel/forms/posted";
import { submitSurvey } from "~/features/survey/survey-submit.server";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/kernel/session.server";
import { signFormToken } from "~/features/survey/survey-tokens.server";
import { makeStaff, makeUnit } from "../support/staff";
import { ensureForms, formBFields, SLUG_B } from "../support/survey";
import { showSmallGroups } from "../support/settings";
import { FULL_RUN } from "../support/depth";

let unitId: number;
let surveyId: number;
let office: StaffUser;

beforeAll(async () => {
  await ensureForms();
  await showSmallGroups();
  unitId = await makeUnit();
  surveyId = (await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow()).id;
  const o = await makeStaff("office");
  office = {
    id: o.id,
    email: o.email,
    name: "o",
    role: "office",
    unitId: null,
    agencyId: 1,
    mustChangePassword: false,
    sessionId: "",
  };
});

/** One post of Form B at the simulated time `now`, from a phone with this device id and address;
 * the form was issued two minutes earlier (a person's pace, and a patient script's). */
async function post(now: Date, o: { device: string; ip: string; value: string; overall: string }) {
  const token = await signFormToken({ sid: crypto.randomUUID(), t: now.getTime() - 120_000, a: 1, s: SLUG_B });
  const fields = postedFields(formBFields(o.value, { _f: token, unit: String(unitId), q_OVERALL: o.overall }));
  const out = await submitSurvey({
    client: { ip: o.ip },
    agency: { id: 1, prefix: null },
    slug: SLUG_B,
    fields,
    lang: "vi",
    deviceId: o.device,
    now,
  });
  expect(out.kind).toBe("thanks");
  return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()).sid as string;
}

const newDevice = () => crypto.randomBytes(16).toString("base64url");
const DAY = "2031-03-10";
// 09:00 in Asia/Ho_Chi_Minh: the simulated hour is 09:00–10:00 local on 10/03/2031.
const T0 = Date.parse("2031-03-10T02:00:00Z");
const filter = () => ({ surveyId, from: DAY, to: DAY, unitId });
const headline = async () => (await getDashboard(office, filter(), { year: 2031, kind: "Q1" }, "vi")).headline.rate;

// The flood is twice the address limit (300 an hour, app/features/survey/flags.ts): its first 300 are
// flagged after the fact and the next 300 as they come; more posts would prove nothing new. The
// default run (issue 17; CI posts the 600) goes 20 over the limit: the same two ways of being
// flagged, with 20 flagged as they come.
const GENUINE = 60;
const FLOOD = FULL_RUN ? 600 : 320;
// Genuine person i answers the overall question with OVERALL_CYCLE[i % 6]: in each cycle of six,
// 5, 4, 5 and 4 are satisfied, 2 is not, 0 is "no opinion" (not a valid answer).
const OVERALL_CYCLE = ["5", "4", "5", "4", "2", "0"];

describe("an hour of flood from one address", () => {
  const genuineIds: string[] = [];
  const floodIds: string[] = [];

  it("flags every flood post and no genuine one, and leaves the headline at the genuine rate", async () => {
    const total = GENUINE + FLOOD;
    const genuineAt = new Set(Array.from({ length: GENUINE }, (_, j) => Math.floor((j * total) / GENUINE)));
    let g = 0;
    for (let k = 0; k < total; k++) {
      const now = new Date(T0 + Math.floor((k * 3_600_000) / total));
      if (genuineAt.has(k)) {
        // Each genuine person: their own phone and their own mobile address.
        genuineIds.push(
          await post(now, {
            device: newDevice(),
            ip: `100.64.${g >> 8}.${g & 255}`,
            value: "4",
            overall: OVERALL_CYCLE[g % 6],
          }),
        );
        g++;
      } else {
        // The script drops its cookie every time (a new device each post); its address stays.
        floodIds.push(await post(now, { device: newDevice(), ip: "198.51.100.66", value: "1", overall: "1" }));
      }
    }
    expect(genuineIds).toHaveLength(GENUINE);
    expect(floodIds).toHaveLength(FLOOD);

    const flags = await db()
      .selectFrom("response")
      .select(["id", "flagged", "flag_reasons"])
      .where("unit_id", "=", unitId)
      .execute();
    const byId = new Map(flags.map((f) => [f.id, f]));
    // Every flood post is flagged on its source, the first 300 (under the address limit) too.
    expect(floodIds.every((id) => byId.get(id)?.flagged && byId.get(id)?.flag_reasons.join() === "rate_address")).toBe(
      true,
    );
    expect(genuineIds.filter((id) => byId.get(id)?.flagged)).toEqual([]);

    // By hand (rate = satisfied / valid, satisfied = 4 or 5, "0" not valid): 60 people are 10
    // cycles of six, each with 4 satisfied and 5 valid answers → 40 / 50 = 80 %.
    const h = await headline();
    expect(h.n).toBe(50);
    expect(h.rate).toBeCloseTo(40 / 50, 10);

    // The rollups, moved as the flags were set, still match the raw answers.
    const diff = await sql<{ n: number }>`
      with raw as (
        select r.survey_version_id, r.unit_id, r.flagged, a.item_id,
               count(*) filter (where a.value = 1)::int as c1, count(*) filter (where a.value = 2)::int as c2,
               count(*) filter (where a.value = 4)::int as c4, count(*) filter (where a.value = 5)::int as c5
        from response r join answer a on a.response_id = r.id where a.value between 0 and 5 and r.unit_id = ${unitId} group by 1, 2, 3, 4),
      roll as (
        select survey_version_id, unit_id, flagged, item_id, sum(c1)::int, sum(c2)::int, sum(c4)::int, sum(c5)::int
        from answer_rollup where unit_id = ${unitId} group by 1, 2, 3, 4 having sum(c0 + c1 + c2 + c3 + c4 + c5) > 0)
      select ((select count(*) from (select * from raw except select * from roll) x) + (select count(*) from (select * from roll except select * from raw) y))::int as n`.execute(
      db(),
    );
    expect(diff.rows[0].n).toBe(0);
    const volume = await db()
      .selectFrom("response_rollup")
      .select((eb) => eb.fn.sum<number>("responses").as("n"))
      .where("unit_id", "=", unitId)
      .where("flagged", "=", true)
      .executeTakeFirstOrThrow();
    expect(Number(volume.n)).toBe(FLOOD);
  }, 300_000);

  it("lists the flagged day with its reasons, and accepting the batch back changes the headline by exactly its answers", async () => {
    const batches = await flaggedBatches(surveyId, DAY, DAY);
    expect(batches).toEqual([{ day: DAY, reasons: "rate_address", responses: FLOOD }]);
    const client = { ip: "10.0.0.9" };
    const out = await acceptBatch(office, client, { surveyId, day: DAY, reasons: "rate_address", note: "kiểm tra" });
    expect(out).toMatchObject({ ok: true, accepted: FLOOD });
    // By hand: the 600 (default run: 320) accepted answers are all "1" (valid, not satisfied):
    // 40 / (50 + 600), or 40 / (50 + 320).
    const h = await headline();
    expect(h.n).toBe(FULL_RUN ? 50 + 600 : 50 + 320);
    expect(h.rate).toBeCloseTo(FULL_RUN ? 40 / 650 : 40 / 370, 10);
    const audit = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "survey.flags.accept")
      .where("entity_id", "=", String(out.ok && out.batchId))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: office.id, ip: "10.0.0.9" });
    expect(JSON.parse(JSON.stringify(audit.details))).toMatchObject({
      surveyId,
      day: DAY,
      reasons: "rate_address",
      responses: FLOOD,
    });
    expect(await flaggedBatches(surveyId, DAY, DAY)).toEqual([]);
    // An accepted batch is not accepted twice.
    expect(await acceptBatch(office, client, { surveyId, day: DAY, reasons: "rate_address", note: "" })).toEqual({
      ok: false,
      reason: "empty",
    });
  });
});

describe("a source going over its limit after its first responses were counted", () => {
  it("takes those responses out of the figures too, and the rollups still match the raw answers", async () => {
    const day = "2031-03-11";
    const t = Date.parse("2031-03-11T03:00:00Z");
    const device = newDevice();
    const f = { surveyId, from: day, to: day, unitId };
    const h = async () => (await getDashboard(office, f, { year: 2031, kind: "Q1" }, "vi")).headline.rate;
    // A genuine neighbour (own phone, own address) answers 5; the phone under test answers 1.
    await post(new Date(t), { device: newDevice(), ip: "100.65.0.1", value: "4", overall: "5" });
    for (let i = 0; i < 5; i++)
      await post(new Date(t + (i + 1) * 60_000), { device, ip: "100.65.0.2", value: "1", overall: "1" });
    // Five from one phone are within its limit (5 an hour): counted, and folded into the rollups now.
    expect((await h()).n).toBe(6);
    // The sixth passes the limit: the phone's whole hour is flagged, the five already counted too.
    await post(new Date(t + 10 * 60_000), { device, ip: "100.65.0.2", value: "1", overall: "1" });
    const after = await h();
    expect([after.n, after.rate]).toEqual([1, 1]);
    const rows = await sql<{ flagged: boolean; responses: number }>`
      select flagged, sum(responses)::int as responses from response_rollup where unit_id = ${unitId} and day = ${day}::date group by 1 order by 1`.execute(
      db(),
    );
    expect(rows.rows).toEqual([
      { flagged: false, responses: 1 },
      { flagged: true, responses: 6 },
    ]);
    const raw = await sql<{ flagged: boolean; n: number }>`
      select r.flagged, count(*)::int as n from response r join answer a on a.response_id = r.id
      where r.unit_id = ${unitId} and (r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date = ${day}::date group by 1 order by 1`.execute(
      db(),
    );
    const rolled = await sql<{ flagged: boolean; n: number }>`
      select flagged, sum(c0 + c1 + c2 + c3 + c4 + c5)::int as n from answer_rollup where unit_id = ${unitId} and day = ${day}::date group by 1 having sum(c0 + c1 + c2 + c3 + c4 + c5) > 0 order by 1`.execute(
      db(),
    );
    expect(rolled.rows).toEqual(raw.rows);
  });
});

describe("40 posts at once from one phone", () => {
  it("are all stored and all flagged on the device, the first five included", async () => {
    const now = new Date("2031-03-12T03:00:00Z");
    const device = newDevice();
    const ids = await Promise.all(
      Array.from({ length: 40 }, () => post(now, { device, ip: "100.66.0.1", value: "1", overall: "1" })),
    );
    const rows = await db().selectFrom("response").select(["flagged", "flag_reasons"]).where("id", "in", ids).execute();
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => !r.flagged || r.flag_reasons.join() !== "rate_device")).toEqual([]);
  });
});
