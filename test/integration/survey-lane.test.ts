// The survey's direct lane (docs/decisions/0010-direct-submission-lane.md) on a real database: a
// thanked post is answered exactly as the route's action answers it, and a post the lane hands on
// to Remix is rendered by the action from the lane's outcome, never submitted a second time.
import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { surveyDirectPost, submittedByLane } from "~/features/survey/survey-lane.server";
import { signFormToken } from "~/features/survey/survey-tokens.server";
import type { DirectAnswer, DirectPost } from "~/kernel/http/direct-post.server";
import { clearAgencyCache } from "~/kernel/agency/agency.server";
import { limitKey } from "~/kernel/limits/rate-limit.server";
import { getSecrets } from "~/kernel/secrets.server";
import { db } from "~/kernel/db/db.server";
import { action } from "~/routes/s.$slug";
import { copyFormB } from "../support/agency-b";
import { makeUnit } from "../support/staff";
import {
  countResponses,
  ensureForms,
  formAFields,
  formBFields,
  formToken,
  postSurvey,
  SLUG_A,
  SLUG_B,
} from "../support/survey";

let unitId: number;
beforeAll(async () => {
  await ensureForms();
  unitId = await makeUnit();
});

const body = (fields: Record<string, string | string[]>) => {
  const b = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) b.append(k, x);
  return b;
};

/** A post as the gate hands it to the lane (no Origin: a non-browser client, as in postSurvey). */
function lanePost(
  slug: string,
  fields: Record<string, string | string[]>,
  o: { ip: string; query?: string; agency?: string },
) {
  const post: DirectPost = {
    params: o.agency ? { agency: o.agency, slug } : { slug },
    search: new URLSearchParams(o.query ?? ""),
    site: null,
    origin: null,
    host: "localhost",
    cookie: null,
    acceptLanguage: null,
    clientIp: o.ip,
    body: Buffer.from(body(fields).toString()),
  };
  return surveyDirectPost(post);
}

/** What Remix does with a post the lane handed on: the route's action with the lane's context. */
async function remixAfter(
  lane: DirectAnswer,
  slug: string,
  fields: Record<string, string | string[]>,
  o: { ip: string; query?: string; agency?: string },
) {
  expect("pass" in lane).toBe(true);
  const context = ("pass" in lane ? (lane.context ?? {}) : {}) as AppLoadContext;
  const request = new Request(`http://localhost${o.agency ? `/${o.agency}` : ""}/s/${slug}${o.query ?? ""}`, {
    method: "POST",
    headers: { "x-hl-client-ip": o.ip, "content-type": "application/x-www-form-urlencoded" },
    body: body(fields),
  });
  try {
    return await action({ request, params: o.agency ? { agency: o.agency, slug } : { slug }, context });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** How many posts the address's limit has counted this hour. */
async function addressCount(ip: string) {
  const key = limitKey(`survey-ip:${ip}`, (await getSecrets())[0]);
  const row = await db().selectFrom("rate_limit").select("count").where("key", "=", key).executeTakeFirst();
  return row?.count ?? 0;
}

const headerList = (h: Headers) => [...h.entries()];
// A fresh address per call: a random one among 254 came up twice in one CI run, and a test that
// expected its address uncounted found the count of an earlier test's post.
let lastIp = 0;
const newIp = () => `198.51.100.${++lastIp}`;

describe("the survey's direct lane", () => {
  it("answers a thanked post with exactly the action's answer", async () => {
    const fields = async () => formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId) });
    const lane = await lanePost(SLUG_B, await fields(), { ip: newIp() });
    const viaAction = await postSurvey(SLUG_B, await fields());
    expect("answer" in lane).toBe(true);
    const answer = (lane as { answer: Response }).answer;
    expect([answer.status, answer.statusText, headerList(answer.headers)]).toEqual([
      viaAction.status,
      viaAction.statusText,
      headerList(viaAction.headers),
    ]);
    expect(headerList(answer.headers)).toEqual([
      ["cache-control", "no-store"],
      ["location", `/s/${SLUG_B}/thanks`],
    ]);
  });

  it("a post refused after it was counted (a dossier already evaluated) is rendered from the lane's outcome, counted once", async () => {
    const dossier = `000.00.12.H55-${crypto.randomInt(100000, 999999)}-0001`;
    expect(
      (await postSurvey(SLUG_A, formAFields({ _f: await formToken(SLUG_A), unit: String(unitId), dossier }))).status,
    ).toBe(302);
    const before = await countResponses(SLUG_A);
    const ip = newIp();
    const fields = formAFields({ _f: await formToken(SLUG_A), unit: String(unitId), dossier });
    const lane = await lanePost(SLUG_A, fields, { ip });
    const res = (await remixAfter(lane, SLUG_A, fields, { ip })) as Response;
    expect(res.status).toBe(409);
    expect((await res.json()).errors).toEqual({ dossier: "survey.errors.dossierUsed" });
    // One post, one count against the address (the action submitting it again would make 2).
    expect(await addressCount(ip)).toBe(1);
    expect(await countResponses(SLUG_A)).toBe(before);
  });

  it("an invalid post and the language switch come back from the lane's outcome, nothing stored or counted", async () => {
    const before = await countResponses(SLUG_B);
    const ip = newIp();
    const missing = formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId) });
    delete missing.q_OVERALL;
    const invalid = (await remixAfter(await lanePost(SLUG_B, missing, { ip }), SLUG_B, missing, { ip })) as Response;
    expect(invalid.status).toBe(400);
    const page = await invalid.json();
    expect(page.errors).toEqual({ OVERALL: "survey.errors.chooseOne" });
    expect(page.values).toMatchObject({ ACC1: "4", unit: String(unitId) });

    const switching = { ...missing, _lang: "en" };
    const q = { ip, query: "?lng=en" };
    const back = (await remixAfter(await lanePost(SLUG_B, switching, q), SLUG_B, switching, q)) as Response;
    expect(back.status).toBe(200);
    expect(back.headers.get("Set-Cookie")).toMatch(/^lng=en;/);
    expect((await back.json()).errors).toEqual({});
    expect(await countResponses(SLUG_B)).toBe(before);
    expect(await addressCount(ip)).toBe(0);
  });

  it("leaves another site's form and an unknown agency to Remix before it submits anything", async () => {
    const ip = newIp();
    const fields = formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId) });
    const base = {
      params: { slug: SLUG_B },
      search: new URLSearchParams(),
      host: "localhost",
      cookie: null,
      acceptLanguage: null,
      clientIp: ip,
      body: Buffer.from(body(fields).toString()),
    };
    for (const odd of [
      { site: "cross-site", origin: null },
      { site: null, origin: "null" },
      { site: null, origin: "https://evil.example" },
    ])
      expect(await surveyDirectPost({ ...base, ...odd })).toEqual({ pass: true });
    expect(
      await surveyDirectPost({ ...base, site: null, origin: null, params: { agency: "no-such-agency", slug: SLUG_B } }),
    ).toEqual({ pass: true });
    expect(await addressCount(ip)).toBe(0);
  });

  it("answers an agency's own address (/<code>/s/<slug>) as its action does, and refuses another agency's form there", async () => {
    // Agency B with one unit and its own copy of Form B under the same slug.
    const code = `ln${crypto.randomBytes(3).toString("hex")}`;
    const b = await db()
      .insertInto("agency")
      .values({ code, name_vi: `Sở ${code}`, name_en: `Dept ${code}`, parent_id: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    clearAgencyCache();
    const unit = await db()
      .insertInto("unit")
      .values({ agency_id: b.id, code: "LN1", name_vi: "Phòng", name_en: "Unit", kind: "division" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await copyFormB(b.id, SLUG_B, { vi: "Khảo sát B", en: "Survey B" });

    const bToken = () => signFormToken({ sid: crypto.randomUUID(), t: Date.now() - 120_000, a: b.id, s: SLUG_B });
    const fields = async () => formBFields("4", { _f: await bToken(), unit: String(unit.id) });
    const ip = newIp();
    const lane = await lanePost(SLUG_B, await fields(), { ip, agency: code });
    const viaAction = (await remixAfter({ pass: true }, SLUG_B, await fields(), { ip, agency: code })) as Response;
    const answer = (lane as { answer: Response }).answer;
    expect(headerList(answer.headers)).toEqual(headerList(viaAction.headers));
    expect([answer.status, answer.headers.get("Location")]).toEqual([302, `/${code}/s/${SLUG_B}/thanks`]);

    // The default agency's form posted at B's address: refused as a bad form, nothing counted.
    const other = formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId) });
    const ip2 = newIp();
    const refused = (await remixAfter(await lanePost(SLUG_B, other, { ip: ip2, agency: code }), SLUG_B, other, {
      ip: ip2,
      agency: code,
    })) as Response;
    expect(refused.status).toBe(400);
    expect(await addressCount(ip2)).toBe(0);
  });

  it("hands a failure inside the submission to the action, which throws it where it would have", () => {
    const error = new Error("the database went away");
    expect(() => submittedByLane({ surveySubmitted: { error } })).toThrow(error);
    expect(submittedByLane({})).toBeUndefined();
  });
});
