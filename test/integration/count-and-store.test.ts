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
import { getSurveyForm } from "~/features/survey/survey.server";
import { parseAnswers } from "~/features/survey/answers";
import { makeUnit } from "../support/staff";
import { ensureForms, formBFields, SLUG_B } from "../support/survey";

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
    const survey = (await getSurveyForm(1, SLUG_B, "vi"))!;
    const fields = postedFields(formBFields("4"));
    const parsed = parseAnswers(survey.items, (n) => [...(fields.get(n) ?? [])]);
    if (!parsed.ok) throw new Error("the answers do not parse");
    const tag = crypto.randomBytes(4).toString("hex");
    const hour = new Date("2031-05-02T03:00:00Z");
    const window = { windowStart: hour, windowEnd: new Date(hour.getTime() + 3_600_000) };
    // Given device, link, address (decideFlags' order), their keys sorting the other way round,
    // so an order taken from the keys would show.
    const device = { key: `test:${tag}-z`, limit: 1, reason: "rate_device", ...window };
    const link = { key: `test:${tag}-m`, limit: 0, reason: "rate_link", ...window };
    const address = { key: `test:${tag}-a`, limit: 5, reason: "rate_address", ...window };
    const base: Omit<StoreResponseInput, "id" | "flagReasons"> = {
      agencyId: 1,
      surveyId: survey.id,
      versionId: survey.versionId!,
      unitId,
      procedureId: null,
      counter: null,
      channel: "web",
      lang: "vi",
      startedAt: new Date(hour.getTime() - 120_000),
      submittedAt: hour,
      dossierHash: null,
      enteredBy: null,
      answers: parsed.answers,
      counting: [device, link, address],
    };
    const first = crypto.randomUUID();
    const r1 = await storeResponse({ ...base, id: first, flagReasons: ["too_fast"] });
    // First hits: only the link (limit 0) is past its limit (1 > 0).
    expect(r1).toMatchObject({ status: "stored", id: first });
    expect(r1.status !== "stale_form" && Object.fromEntries(r1.counts)).toEqual({
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
    expect(r4.status !== "stale_form" && r4.counts.size).toBe(0);
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

  it("a thanked post costs two statements: the survey look-up, and the count with the store", async () => {
    const now = new Date("2031-05-04T02:10:00Z");
    const post = async () =>
      submitSurvey({
        client: { ip: "198.51.100.141" },
        agency: { id: 1, prefix: null },
        slug: SLUG_B,
        fields: postedFields(
          formBFields("4", {
            _f: await signFormToken({ sid: crypto.randomUUID(), t: now.getTime() - 120_000, a: 1, s: SLUG_B }),
            unit: String(unitId),
          }),
        ),
        lang: "vi",
        deviceId: crypto.randomBytes(16).toString("base64url"),
        now,
      });
    // The first post may also run the once-a-minute sweeps and read the secrets: not counted.
    expect((await post()).kind).toBe("thanks");
    const spy = vi.spyOn(db().getExecutor(), "executeQuery");
    try {
      expect((await post()).kind).toBe("thanks");
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
