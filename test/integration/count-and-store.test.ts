// A public post is counted against its sources and stored in ONE statement
// (docs/decisions/0013-count-and-store-in-one-statement.md). What an outsider would try: the
// flags a source past its limit must carry, in the rule's order; a resend that counts but stores
// nothing; 40 posts from one phone at once, counted exactly and all flagged; and the statements a
// thanked post costs.
import crypto from "node:crypto";
import { vi } from "vitest";
import { postedFields } from "~/kernel/forms/posted";
import { db } from "~/kernel/db/db.server";
import { storeResponse, type StoreResponseInput } from "~/features/survey/response.server";
import { submitSurvey } from "~/features/survey/survey-submit.server";
import { signFormToken } from "~/features/survey/survey-tokens.server";
import { makeUnit } from "../support/staff";
import { ensureForms, formBFields, formBStoreInput, makeProcedure, SLUG_B } from "../support/survey";

let unitId: number;

beforeAll(async () => {
  await ensureForms();
  unitId = await makeUnit();
});

const countOf = async (key: string) =>
  (await db().selectFrom("rate_limit").select("count").where("key", "=", key).executeTakeFirst())?.count;
const responseOf = (id: string) =>
  db().selectFrom("response").select(["flagged", "flag_reasons"]).where("id", "=", id).executeTakeFirst();

describe("counting and storing in one statement", () => {
  it("adds the reason of each counter this hit takes past its limit, in the order given; a resend counts and stores nothing; paper counts nothing", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const hour = new Date("2031-05-02T03:00:00Z");
    const window = { windowStart: hour, windowEnd: new Date(hour.getTime() + 3_600_000) };
    // Given device, link, address (decideFlags' order), their keys sorting the other way round,
    // so an order taken from the keys would show.
    const device = { key: `test:${tag}-z`, limit: 1, reason: "rate_device", ...window };
    const link = { key: `test:${tag}-m`, limit: 0, reason: "rate_link", ...window };
    const address = { key: `test:${tag}-a`, limit: 5, reason: "rate_address", ...window };
    const base = await formBStoreInput(unitId, hour, { counting: [device, link, address] });
    const first = crypto.randomUUID();
    const r1 = await storeResponse({ ...base, id: first, flagReasons: ["too_fast"] });
    // First hits: only the link (limit 0) is past its limit (1 > 0).
    expect(r1).toMatchObject({ status: "stored", id: first });
    expect("counts" in r1 && Object.fromEntries(r1.counts)).toEqual({
      [device.key]: 1,
      [link.key]: 1,
      [address.key]: 1,
    });
    expect(await responseOf(first)).toEqual({ flagged: true, flag_reasons: ["too_fast", "rate_link"] });

    const second = crypto.randomUUID();
    await storeResponse({ ...base, id: second, flagReasons: [] });
    // Second hits: the device (2 > 1) and the link (2 > 0); the address (2 ≤ 5) is not.
    expect(await responseOf(second)).toEqual({ flagged: true, flag_reasons: ["rate_device", "rate_link"] });

    const answersBefore = await db().selectFrom("answer").select("item_id").where("response_id", "=", second).execute();
    const resend = await storeResponse({ ...base, id: second, flagReasons: [] });
    expect(resend.status).toBe("replayed");
    expect(await countOf(device.key)).toBe(3);
    expect(await db().selectFrom("answer").select("item_id").where("response_id", "=", second).execute()).toHaveLength(
      answersBefore.length,
    );

    // Paper entry gives no counters: nothing is counted, nothing flagged.
    const paper = crypto.randomUUID();
    const r4 = await storeResponse({ ...base, counting: undefined, channel: "paper", id: paper, flagReasons: [] });
    expect("counts" in r4 && r4.counts.size).toBe(0);
    expect(await countOf(device.key)).toBe(3);
    expect(await responseOf(paper)).toEqual({ flagged: false, flag_reasons: [] });
  });

  // docs/rules/flags.md: 5 an hour from one device; past it, everything the device sent in the
  // hour is flagged "rate_device". 40 at once: counted 1 to 40 with none lost, and all 40 flagged,
  // the first 5 after the fact, each reason once.
  it("40 posts from one phone at once: counted exactly 40, every response flagged rate_device once", async () => {
    const now = new Date("2031-05-03T02:10:00Z");
    const deviceId = crypto.randomBytes(16).toString("base64url");
    const sids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const outcomes = await Promise.all(
      sids.map(async (sid) =>
        submitSurvey({
          client: { ip: "198.51.100.140" },
          agency: { id: 1, prefix: null },
          slug: SLUG_B,
          fields: postedFields(
            formBFields("4", {
              _f: await signFormToken({ sid, t: now.getTime() - 120_000, a: 1, s: SLUG_B }),
              unit: String(unitId),
            }),
          ),
          lang: "vi",
          deviceId,
          now,
        }),
      ),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(sids.map(() => "thanks"));
    const rows = await db().selectFrom("response").select(["id", "flag_reasons"]).where("id", "in", sids).execute();
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.flag_reasons.join() !== "rate_device")).toEqual([]);
    const sources = await db()
      .selectFrom("response_source")
      .select(["source", "response_id"])
      .where("response_id", "in", sids)
      .where("source", "like", "survey-device:%")
      .execute();
    // One device key for all 40, and its counter says 40.
    expect(new Set(sources.map((s) => s.source)).size).toBe(1);
    expect(sources).toHaveLength(40);
    expect(await countOf(sources[0].source)).toBe(40);
  });

  it("a thanked post costs one statement once the survey was looked up within the minute", async () => {
    const now = new Date("2031-05-04T02:10:00Z");
    // The first post looks the survey up (and may run the once-a-minute sweeps): not counted.
    expect((await post(now)).kind).toBe("thanks");
    const spy = vi.spyOn(db().getExecutor(), "executeQuery");
    try {
      expect((await post(now)).kind).toBe("thanks");
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

let addresses = 0;
/** One Form B post to unit `unit` (the file's unit by default) at `now`, from a fresh phone on an
 * address of its own (a counter met again in another window would start again at 1). */
async function post(now: Date, o: { sid?: string; unit?: number; device?: string } = {}) {
  const sid = o.sid ?? crypto.randomUUID();
  addresses++;
  return submitSurvey({
    client: { ip: `198.51.${100 + (addresses >> 8)}.${addresses & 255}` },
    agency: { id: 1, prefix: null },
    slug: SLUG_B,
    fields: postedFields(
      formBFields("4", {
        _f: await signFormToken({ sid, t: now.getTime() - 120_000, a: 1, s: SLUG_B }),
        unit: String(o.unit ?? unitId),
      }),
    ),
    lang: "vi",
    deviceId: o.device ?? crypto.randomBytes(16).toString("base64url"),
    now,
  });
}

const hitsCounted = async () =>
  Number(
    (
      await db()
        .selectFrom("rate_limit")
        .select((eb) => eb.fn.sum<number>("count").as("n"))
        .executeTakeFirst()
    )?.n ?? 0,
  );
const responsesOfUnit = async (unit: number) =>
  (await db().selectFrom("response").select("id").where("unit_id", "=", unit).execute()).length;

// docs/decisions/0014-judge-on-the-last-look-up.md: a post judged on a remembered look-up is
// stored only if the statement finds the survey, its version, the place and the submission id as
// assumed; otherwise nothing is counted or written and the post is judged on a fresh look-up.
describe("judged on the last look-up", () => {
  it("the store writes and counts nothing when the survey, version, place or id is not as assumed", async () => {
    const at = new Date("2031-06-01T03:00:00Z");
    const shut = await makeUnit();
    await db().updateTable("unit").set({ active: false }).where("id", "=", shut).execute();
    const otherUnit = await makeUnit();
    const otherProcedure = await makeProcedure(otherUnit);
    const stored = crypto.randomUUID();
    const versionId = (await formBStoreInput(unitId, at)).versionId;
    const input = async (o: Partial<StoreResponseInput> = {}) =>
      formBStoreInput(unitId, at, {
        versionFrozen: true,
        counting: [
          { key: `test:${crypto.randomUUID()}`, limit: 5, reason: "rate_device", windowStart: at, windowEnd: at },
        ],
        assumed: { slug: SLUG_B, at },
        ...o,
      });
    expect((await storeResponse(await input({ id: stored }))).status).toBe("stored");
    const before = { hits: await hitsCounted(), responses: await responsesOfUnit(unitId) };
    const wrong: [string, StoreResponseInput][] = [
      ["another slug", await input({ assumed: { slug: "khong-co", at } })],
      ["closed by then", await input({ assumed: { slug: SLUG_B, at: new Date("2000-01-01T00:00:00Z") } })],
      ["not the current version", await input({ versionId: versionId + 1000 })],
      ["a unit no longer active", await input({ unitId: shut })],
      ["a procedure of another unit", await input({ procedureId: otherProcedure })],
      ["an id already stored", await input({ id: stored })],
    ];
    for (const [why, i] of wrong) expect([why, (await storeResponse(i)).status]).toEqual([why, "changed"]);
    expect(await hitsCounted()).toBe(before.hits);
    expect(await responsesOfUnit(unitId)).toBe(before.responses);
    expect(await responsesOfUnit(shut)).toBe(0);
    // And a procedure of the unit itself passes the check: it refuses only what is not as assumed.
    expect((await storeResponse(await input({ procedureId: await makeProcedure(unitId) }))).status).toBe("stored");
  });

  it("a survey closed, or a unit shut, after the look-up: the next post is judged afresh, nothing counted or stored", async () => {
    const now = new Date();
    const unit = await makeUnit();
    expect((await post(now, { unit })).kind).toBe("thanks");
    const before = { hits: await hitsCounted(), responses: await responsesOfUnit(unit) };
    await db()
      .updateTable("survey")
      .set({ closes_at: new Date(now.getTime() - 1000) })
      .where("slug", "=", SLUG_B)
      .execute();
    try {
      expect((await post(now, { unit })).kind).toBe("closed");
    } finally {
      await db().updateTable("survey").set({ closes_at: null }).where("slug", "=", SLUG_B).execute();
    }
    expect((await post(now, { unit })).kind).toBe("thanks");
    await db().updateTable("unit").set({ active: false }).where("id", "=", unit).execute();
    const shut = await post(now, { unit });
    expect(shut.kind === "invalid" && shut.errors).toEqual({ unit: "survey.errors.chooseUnit" });
    // Since `before`, only the post after reopening was counted (its device and address) and stored.
    expect(await hitsCounted()).toBe(before.hits + 2);
    expect(await responsesOfUnit(unit)).toBe(before.responses + 1);
  });

  it("a resend of a stored form on the quick way is the same thanks, stored and counted once", async () => {
    const now = new Date();
    const sid = crypto.randomUUID();
    const device = crypto.randomBytes(16).toString("base64url");
    await post(now); // the survey looked up within the minute
    const hits = await hitsCounted();
    const first = await post(now, { sid, device });
    const again = await post(now, { sid, device });
    expect(again).toEqual(first);
    expect(await db().selectFrom("response").select("id").where("id", "=", sid).execute()).toHaveLength(1);
    // Device and address, once.
    expect(await hitsCounted()).toBe(hits + 2);
  });
});
