// The public survey on a real database (embedded and PostgreSQL): signed links, the signed form
// token, idempotent submissions, flags, one evaluation per dossier, the thanks page's offer.
import crypto from "node:crypto";
import { signWith } from "~/kernel/sign.server";
import { storeResponse } from "~/features/survey/response.server";
import { getSurveyForm } from "~/features/survey/survey.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit } from "../support/staff";
import {
  formBStoreInput,
  countResponses,
  ensureForms,
  type FormPage,
  formAFields,
  formBFields,
  formToken,
  getSurvey,
  makeProcedure,
  postSurvey,
  signLink,
  SLUG_A,
  SLUG_B,
} from "../support/survey";

let unitId: number;
let otherUnit: number;
let procId: number;

beforeAll(async () => {
  await ensureForms();
  unitId = await makeUnit();
  otherUnit = await makeUnit();
  procId = await makeProcedure(unitId);
});

const responseRow = (id: string) => db().selectFrom("response").selectAll().where("id", "=", id).executeTakeFirst();
const sidOf = async (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()).sid as string;

describe("the survey page", () => {
  it("gives a new visitor a new submission id, and the same browser the same one until sent and shortly after", async () => {
    const first = await getSurvey(SLUG_B);
    const a = (await first.json()) as FormPage;
    expect(a.state).toBe("form");
    expect(a.survey.items).toHaveLength(34);
    // A phone's page: always asked for again, but the back button may show the same one.
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const cookies = first.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("hl_dev="))).toMatch(/^hl_dev=[\w-]{22};.*HttpOnly/);
    const form = cookies.find((c) => c.startsWith("hl_form="))!;
    expect(form).toMatch(new RegExp(`^hl_form=${await sidOf(a.token)}\\.\\d+\\.-; Path=/s/${SLUG_B}; .*HttpOnly`));
    const cookie = `hl_dev=abcdefghijklmnopqrstuv; ${form.split(";")[0]}`;

    // Another visitor gets another id; this browser coming back (reload, back) gets the same form.
    expect(await sidOf(((await (await getSurvey(SLUG_B)).json()) as FormPage).token)).not.toBe(await sidOf(a.token));
    const again = await getSurvey(SLUG_B, { cookie });
    expect(((await again.json()) as FormPage).token).toBe(a.token);
    // A browser that already has its device id is not given a new one.
    expect(again.headers.getSetCookie().some((c) => c.startsWith("hl_dev="))).toBe(false);

    // Sent: for a few minutes the page still carries that id (going back and sending again is
    // the same response) and says so, with a way to start another form.
    expect((await postSurvey(SLUG_B, formBFields("4", { _f: a.token, unit: String(unitId) }), { cookie })).status).toBe(
      302,
    );
    const after = (await (await getSurvey(SLUG_B, { cookie })).json()) as FormPage;
    expect(after.token).toBe(a.token);
    expect(after.alreadySent).toBe(true);
    expect(after.another).toBe(`/s/${SLUG_B}?new=1`);
    expect(
      await sidOf(((await (await getSurvey(SLUG_B, { cookie, query: "?new=1" })).json()) as FormPage).token),
    ).not.toBe(await sidOf(a.token));
    // Another counter's link is another form.
    const c = await signLink({ u: unitId, k: "Q7", ch: "qr" });
    expect(
      await sidOf(((await (await getSurvey(SLUG_B, { cookie, query: `?c=${c}` })).json()) as FormPage).token),
    ).not.toBe(await sidOf(a.token));
    // Later on, a visit is a new form again.
    await db()
      .updateTable("response")
      .set({ created_at: new Date(Date.now() - 11 * 60_000) })
      .where("id", "=", await sidOf(a.token))
      .execute();
    const later = (await (await getSurvey(SLUG_B, { cookie })).json()) as FormPage;
    expect(await sidOf(later.token)).not.toBe(await sidOf(a.token));
    expect(later.alreadySent).toBe(false);
  });

  it("never reuses an id on a kiosk, and never lets a kiosk page be stored", async () => {
    const c = await signLink({ u: unitId, k: "K9", ch: "kiosk" });
    const first = await getSurvey(SLUG_B, { query: `?c=${c}` });
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    expect(first.headers.getSetCookie().some((x) => x.startsWith("hl_form="))).toBe(false);
    const a = (await first.json()) as FormPage;
    const b = (await (
      await getSurvey(SLUG_B, { query: `?c=${c}`, cookie: "hl_dev=abcdefghijklmnopqrstuv" })
    ).json()) as FormPage;
    expect(await sidOf(a.token)).not.toBe(await sidOf(b.token));
    expect(a.kioskReset).toBe(`/s/${SLUG_B}?c=${c}`);
  });

  it("shows the unit and counter from a signed link, in the reader's language", async () => {
    const c = await signLink({ u: unitId, k: "Q3", ch: "qr" });
    const vi = (await (await getSurvey(SLUG_B, { query: `?c=${c}` })).json()) as FormPage;
    expect(vi.place.fixed).toEqual({ unit: expect.stringMatching(/^Đơn vị/), procedure: null, counter: "Q3" });
    expect(vi.kioskReset).toBeNull();
    const en = (await (await getSurvey(SLUG_B, { query: `?c=${c}`, cookie: "lng=en" })).json()) as FormPage;
    expect(en.place.fixed?.unit).toMatch(/^Unit /);
    expect(en.survey.items[0].text).toMatch(/^Information about the service/);
  });

  it("refuses a forged or tampered link with a clear page in the reader's language", async () => {
    const good = await signLink({ u: unitId, k: "Q1", ch: "qr" });
    const [body] = good.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ u: otherUnit, k: "Q1", ch: "qr" })).toString("base64url");
    const cases = [
      `${forgedBody}.${good.split(".")[1]}`, // another unit under the first link's MAC
      signWith("some-other-secret-that-is-long-enough-to-sign", "survey-link", { u: otherUnit, ch: "qr" }),
      `${body}.AAAAAAAAAAAAAAAAAAAAAA`,
      "garbage",
    ];
    for (const c of cases) {
      const res = (await getSurvey(SLUG_B, { query: `?c=${encodeURIComponent(c)}` }).catch((e) => e)) as Response;
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        title: "Đường dẫn khảo sát không hợp lệ",
        body: expect.stringMatching(/không đúng hoặc đã bị sửa/),
      });
    }
    const en = (await getSurvey(SLUG_B, { query: `?c=${cases[0]}`, cookie: "lng=en" }).catch((e) => e)) as Response;
    expect((await en.json()).title).toBe("This survey link is not valid");
    // A form token is not a link, even though both are signed with the same secret.
    const token = await formToken(SLUG_B);
    expect(((await getSurvey(SLUG_B, { query: `?c=${token}` }).catch((e) => e)) as Response).status).toBe(400);
  });

  it("answers 404 for an unknown survey", async () => {
    const res = (await getSurvey("no-such-survey").catch((e) => e)) as Response;
    expect(res.status).toBe(404);
  });
});

describe("submitting", () => {
  it("stores one response with its answers as codes, and no address or browser details", async () => {
    const token = await formToken(SLUG_B);
    const sid = await sidOf(token);
    const res = await postSurvey(
      SLUG_B,
      formBFields("5", {
        _f: token,
        unit: String(unitId),
        procedure: String(procId),
        q_DEMO_TYPE: "business",
        q_EXP_OTHER: "  Thêm chỗ ngồi  ",
      }),
      { ip: "198.51.100.9" },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/s/${SLUG_B}/thanks`);
    const row = await responseRow(sid);
    expect(row).toMatchObject({
      unit_id: unitId,
      procedure_id: procId,
      channel: "web",
      lang: "vi",
      flagged: false,
      flag_reasons: [],
      dossier_hash: null,
      entered_by: null,
    });
    expect(Object.values(row!).map(String)).not.toContain("198.51.100.9");
    expect(Object.keys(row!).some((k) => /ip|agent/.test(k))).toBe(false);
    const answers = await db()
      .selectFrom("answer")
      .innerJoin("survey_item", "survey_item.id", "answer.item_id")
      .select(["code", "value", "text", "choices"])
      .where("response_id", "=", sid)
      .execute();
    expect(answers).toHaveLength(27);
    expect(answers.find((a) => a.code === "OVERALL")).toEqual({ code: "OVERALL", value: 5, text: null, choices: null });
    expect(answers.find((a) => a.code === "DEMO_TYPE")).toEqual({
      code: "DEMO_TYPE",
      value: null,
      text: null,
      choices: ["business"],
    });
    expect(answers.find((a) => a.code === "EXP_OTHER")?.text).toBe("Thêm chỗ ngồi");
    // The version now has a response: its items are frozen.
    const v = await db()
      .selectFrom("survey_version")
      .select("frozen")
      .where("id", "=", row!.survey_version_id)
      .executeTakeFirstOrThrow();
    expect(v.frozen).toBe(true);
  });

  it("with a missing required answer: every error named, every answer kept, nothing stored", async () => {
    const before = await countResponses(SLUG_B);
    const token = await formToken(SLUG_B);
    const fields = formBFields("4", { _f: token, unit: String(unitId), q_DEMO_AGE: "35_49", q_EXP_OTHER: "ý kiến" });
    delete fields.q_STAFF3;
    delete fields.q_OVERALL;
    const res = await postSurvey(SLUG_B, fields);
    expect(res.status).toBe(400);
    const data = await res.json();
    expect(data.errors).toEqual({ STAFF3: "survey.errors.chooseOne", OVERALL: "survey.errors.chooseOne" });
    expect(data.values).toMatchObject({ ACC1: "4", DEMO_AGE: "35_49", EXP_OTHER: "ý kiến", unit: String(unitId) });
    expect(data.token).toBe(token);
    expect(await countResponses(SLUG_B)).toBe(before);
  });

  it("asks the unit when there is no link, and refuses a procedure of another unit", async () => {
    const noUnit = await (await postSurvey(SLUG_B, formBFields("4", { _f: await formToken(SLUG_B) }))).json();
    expect(noUnit.errors).toEqual({ unit: "survey.errors.chooseUnit" });
    const mismatch = await (
      await postSurvey(
        SLUG_B,
        formBFields("4", { _f: await formToken(SLUG_B), unit: String(otherUnit), procedure: String(procId) }),
      )
    ).json();
    expect(mismatch.errors).toEqual({ procedure: "survey.errors.procedureOtherUnit" });
    const noSuchUnit = await (
      await postSurvey(SLUG_B, formBFields("4", { _f: await formToken(SLUG_B), unit: "999999" }))
    ).json();
    expect(noSuchUnit.errors).toEqual({ unit: "survey.errors.chooseUnit" });
    const noSuchProcedure = await (
      await postSurvey(
        SLUG_B,
        formBFields("4", { _f: await formToken(SLUG_B), unit: String(unitId), procedure: "999999" }),
      )
    ).json();
    expect(noSuchProcedure.errors).toEqual({ procedure: "survey.errors.chooseProcedure" });
  });

  it("refuses a tampered form token with a clear page, storing nothing", async () => {
    const token = await formToken(SLUG_B);
    const before = await countResponses(SLUG_B);
    const res = await postSurvey(SLUG_B, formBFields("4", { _f: token.slice(0, -2) + "xx", unit: String(unitId) }), {
      cookie: "lng=en",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).body).toMatch(/out of date or not valid/);
    // A token made for another survey is refused too.
    const other = await postSurvey(SLUG_B, formBFields("4", { _f: await formToken(SLUG_A), unit: String(unitId) }));
    expect(other.status).toBe(400);
    expect(await countResponses(SLUG_B)).toBe(before);
  });
});

describe("idempotency", () => {
  it("a double tap, a back-and-resubmit and a retry record one response and land on the same thanks page", async () => {
    const token = await formToken(SLUG_B);
    const fields = formBFields("2", { _f: token, unit: String(unitId), procedure: String(procId) });
    const before = await countResponses(SLUG_B);
    const results = [
      await postSurvey(SLUG_B, fields),
      await postSurvey(SLUG_B, fields),
      await postSurvey(SLUG_B, fields),
    ];
    expect(await countResponses(SLUG_B)).toBe(before + 1);
    const where = `/s/${SLUG_B}/thanks?unit=${unitId}&procedure=${procId}`;
    for (const r of results) {
      expect(r.status).toBe(302);
      expect(r.headers.get("Location")).toBe(where);
    }
    const stored = await db()
      .selectFrom("answer")
      .innerJoin("survey_item", "survey_item.id", "answer.item_id")
      .select("value")
      .where("response_id", "=", await sidOf(token))
      .where("code", "=", "OVERALL")
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe(2);
  });

  // Issue 14: the same form sent again with OTHER answers used to be dropped while the thanks page
  // said "recorded". It is a response of its own now; sent back at once with one answer changed
  // it looks like a re-send with a tweak, so it is flagged (docs/rules/flags.md: repeat_fast,
  // sooner than 25 × 0.4 s = 10 s after the first; repeat_near, at most 2 answers changed).
  it("the same form sent again with one answer changed is stored as a second response, flagged, and itself stored once", async () => {
    const t0 = new Date();
    const token = await formToken(SLUG_B);
    const fields = formBFields("2", { _f: token, unit: String(unitId), procedure: String(procId) });
    const before = await countResponses(SLUG_B);
    await postSurvey(SLUG_B, fields);
    const changed = { ...fields, q_OVERALL: "5" };
    const second = await postSurvey(SLUG_B, changed);
    const again = await postSurvey(SLUG_B, changed);
    expect(await countResponses(SLUG_B)).toBe(before + 2);
    for (const r of [second, again])
      expect(r.headers.get("Location")).toBe(`/s/${SLUG_B}/thanks?unit=${unitId}&procedure=${procId}`);
    const rows = await db()
      .selectFrom("response")
      .innerJoin("answer", "answer.response_id", "response.id")
      .innerJoin("survey_item", "survey_item.id", "answer.item_id")
      .select(["response.id", "flag_reasons", "value"])
      .where("code", "=", "OVERALL")
      .where("response.submitted_at", ">=", t0)
      .orderBy("value")
      .execute();
    const sid = await sidOf(token);
    expect(rows.filter((r) => r.id === sid).map((r) => [r.value, r.flag_reasons])).toEqual([[2, []]]);
    expect(rows.filter((r) => r.id !== sid).map((r) => [r.value, r.flag_reasons])).toEqual([
      [5, ["repeat_fast", "repeat_near"]],
    ]);
  });

  // Issue 14: a family member at the counter answers on the same phone a few minutes later. The
  // page still carries the used form (the 10-minute resend window); their different answers are a
  // response of their own, stored and not flagged (docs/rules/flags.md), never dropped behind a
  // thanks page that says "recorded".
  it("a second person on the same phone a few minutes later is stored as a new, unflagged response", async () => {
    const cookieDev = `hl_dev=${crypto.randomBytes(16).toString("base64url")}`;
    const first = await getSurvey(SLUG_B, { cookie: cookieDev });
    const a = (await first.json()) as FormPage;
    const cookie = `${cookieDev}; ${
      first.headers
        .getSetCookie()
        .find((c) => c.startsWith("hl_form="))!
        .split(";")[0]
    }`;
    const before = await countResponses(SLUG_B);
    const sid = await sidOf(a.token);
    // The token is back-dated as a person's fill time would be; the first person answers 4 everywhere.
    const token = await formToken(SLUG_B, { sid });
    expect(
      (await postSurvey(SLUG_B, formBFields("4", { _f: token, unit: String(unitId) }), { cookie, ip: "192.0.2.77" }))
        .status,
    ).toBe(302);
    // Three minutes later the same phone opens the page: the same form, marked as already sent.
    await db()
      .updateTable("response")
      .set({ submitted_at: new Date(Date.now() - 3 * 60_000) })
      .where("id", "=", sid)
      .execute();
    const again = (await (await getSurvey(SLUG_B, { cookie })).json()) as FormPage;
    expect([await sidOf(again.token), again.alreadySent]).toEqual([sid, true]);
    // The second person answers 2 everywhere and sends that same form.
    const res = await postSurvey(SLUG_B, formBFields("2", { _f: token, unit: String(unitId) }), {
      cookie,
      ip: "192.0.2.77",
    });
    expect(res.status).toBe(302);
    expect(await countResponses(SLUG_B)).toBe(before + 2);
    const second = await db()
      .selectFrom("response")
      .innerJoin("answer", "answer.response_id", "response.id")
      .innerJoin("survey_item", "survey_item.id", "answer.item_id")
      .select(["response.id", "flag_reasons", "value"])
      .where("code", "=", "OVERALL")
      .where("response.id", "!=", sid)
      .orderBy("response.created_at", "desc")
      .executeTakeFirstOrThrow();
    expect([second.value, second.flag_reasons]).toEqual([2, []]);
    expect((await responseRow(sid))?.flag_reasons).toEqual([]);
  });

  it("two concurrent submissions of the same id store one response", async () => {
    const token = await formToken(SLUG_B);
    const fields = formBFields("4", { _f: token, unit: String(unitId) });
    const before = await countResponses(SLUG_B);
    const results = await Promise.all([
      postSurvey(SLUG_B, fields),
      postSurvey(SLUG_B, fields),
      postSurvey(SLUG_B, fields),
    ]);
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(new Set(results.map((r) => r.headers.get("Location"))).size).toBe(1);
    expect(await countResponses(SLUG_B)).toBe(before + 1);
    const n = await db()
      .selectFrom("answer")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("response_id", "=", await sidOf(token))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(25);
  });

  // Both ways a response is written: the one-statement insert a frozen version takes, and the
  // transaction that first freezes the version and checks its items.
  it.each([true, false])(
    "storeResponse itself (version read as frozen: %s): concurrent calls with one id give one stored and the rest replayed",
    async (versionFrozen) => {
      const survey = (await getSurveyForm(1, SLUG_B, "vi"))!;
      expect(survey.versionFrozen).toBe(true);
      const id = crypto.randomUUID();
      const input = await formBStoreInput(unitId, new Date(), {
        id,
        startedAt: null,
        submittedAt: undefined,
        flagReasons: ["rate"],
        versionFrozen,
        answers: [
          { itemId: survey.items[0].id, value: 3, text: null, choices: null },
          {
            itemId: survey.items[1].id,
            value: null,
            text: "Chữ 'có' \"nháy\" \\ và ký tự lạ 😀",
            choices: ["a", "b,c"],
          },
        ],
      });
      const out = await Promise.all(Array.from({ length: 4 }, () => storeResponse(input)));
      expect(out.filter((o) => o.status === "stored")).toHaveLength(1);
      expect(out.filter((o) => o.status === "replayed")).toHaveLength(3);
      const count = async (t: "response" | "rollup_pending" | "answer", col: "id" | "response_id") =>
        Number(
          (
            await db()
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where(col, "=", id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count("response", "id")).toBe(1);
      expect(await count("rollup_pending", "response_id")).toBe(1);
      // The answers arrive exactly as given, text, quotes and choice lists included.
      const answers = await db()
        .selectFrom("answer")
        .select(["item_id", "value", "text", "choices"])
        .where("response_id", "=", id)
        .orderBy("item_id")
        .execute();
      expect(answers.map((a) => ({ itemId: a.item_id, value: a.value, text: a.text, choices: a.choices }))).toEqual(
        [...input.answers].sort((a, b) => a.itemId - b.itemId),
      );
      expect((await responseRow(id))?.flag_reasons).toEqual(["rate"]);
    },
  );
});

describe("abuse signs are flagged, never dropped", () => {
  const flagsOf = async (token: string) => (await responseRow(await sidOf(token)))?.flag_reasons;

  it("flags a filled honeypot and a form sent faster than a person can read it", async () => {
    const t1 = await formToken(SLUG_B);
    expect(
      (await postSurvey(SLUG_B, formBFields("4", { _f: t1, unit: String(unitId), website: "http://spam.example" })))
        .status,
    ).toBe(302);
    expect(await flagsOf(t1)).toEqual(["honeypot"]);
    const t2 = await formToken(SLUG_B, { ageMs: 1500 });
    expect((await postSurvey(SLUG_B, formBFields("4", { _f: t2, unit: String(unitId) }))).status).toBe(302);
    expect(await flagsOf(t2)).toEqual(["too_fast"]);
    const row = await responseRow(await sidOf(t2));
    expect(row?.flagged).toBe(true);
  });

  // docs/rules/flags.md: over its limit (5 an hour), the device is the flooding source, so
  // everything it sent in the hour is flagged, its first five too; a neighbour is not.
  it("flags everything a device sent in the hour once it is over its limit, but not other phones in the same hall (one shared address)", async () => {
    const device = `hl_dev=${crypto.randomBytes(16).toString("base64url")}`;
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = await formToken(SLUG_B);
      tokens.push(t);
      expect(
        (
          await postSurvey(SLUG_B, formBFields("4", { _f: t, unit: String(unitId) }), {
            cookie: device,
            ip: "192.0.2.50",
          })
        ).status,
      ).toBe(302);
      if (i === 4) expect(await flagsOf(t)).toEqual([]);
    }
    for (const t of tokens) expect(await flagsOf(t)).toEqual(["rate_device"]);
    // Someone else behind the same address is not punished.
    const neighbour = await formToken(SLUG_B);
    await postSurvey(SLUG_B, formBFields("4", { _f: neighbour, unit: String(unitId) }), {
      cookie: `hl_dev=${crypto.randomBytes(16).toString("base64url")}`,
      ip: "192.0.2.50",
    });
    expect(await flagsOf(neighbour)).toEqual([]);
    // The rate-limit table holds no device id or address in the clear.
    const keys = await db().selectFrom("rate_limit").select("key").execute();
    expect(keys.some((k) => k.key.includes(device.slice(7)) || k.key.includes("192.0.2.50"))).toBe(false);
  });

  it("a kiosk link records channel and counter, and its tablet is not limited like a phone", async () => {
    const c = { u: unitId, k: "K1", ch: "kiosk" as const };
    const device = `hl_dev=${crypto.randomBytes(16).toString("base64url")}`;
    let last = "";
    for (let i = 0; i < 7; i++) {
      last = await formToken(SLUG_B, { c });
      const res = await postSurvey(SLUG_B, formBFields("4", { _f: last }), { cookie: device });
      expect(res.headers.get("Location")).toBe(`/s/${SLUG_B}/thanks?c=${await signLink(c)}`);
    }
    expect(await responseRow(await sidOf(last))).toMatchObject({
      channel: "kiosk",
      counter: "K1",
      unit_id: unitId,
      flag_reasons: [],
    });
  });
});

describe("Form A: one evaluation per dossier", () => {
  it("stores only a keyed hash of the code and refuses a second response for the same dossier", async () => {
    const t1 = await formToken(SLUG_A);
    expect(
      (await postSurvey(SLUG_A, formAFields({ _f: t1, unit: String(unitId), dossier: "000.00.12.H55-261127-0042" })))
        .status,
    ).toBe(302);
    const row = await responseRow(await sidOf(t1));
    expect(row?.dossier_hash).toMatch(/^[\w-]{32}$/);
    expect(JSON.stringify(row)).not.toContain("0042");

    const before = await countResponses(SLUG_A);
    const t2 = await formToken(SLUG_A);
    const dup = await postSurvey(
      SLUG_A,
      formAFields({ _f: t2, unit: String(unitId), dossier: " 000.00.12.h55-261127-0042 " }),
    );
    expect(dup.status).toBe(409);
    // Not a dead end: the answers come back with the code marked, so a mistyped code can be fixed.
    const back = await dup.json();
    expect(back.errors).toEqual({ dossier: "survey.errors.dossierUsed" });
    expect(back.values).toMatchObject({ dossier: " 000.00.12.h55-261127-0042 ", unit: String(unitId) });
    expect(await countResponses(SLUG_A)).toBe(before);
    const fixed = await postSurvey(
      SLUG_A,
      formAFields({ _f: back.token, unit: String(unitId), dossier: "000.00.12.H55-261127-0043" }),
    );
    expect(fixed.status).toBe(302);
    expect(await countResponses(SLUG_A)).toBe(before + 1);
    // The first form sent again is still a replay of its own response, not a duplicate dossier.
    expect(
      (await postSurvey(SLUG_A, formAFields({ _f: t1, unit: String(unitId), dossier: "000.00.12.H55-261127-0042" })))
        .status,
    ).toBe(302);
    // Without a code there is no such limit.
    expect((await postSurvey(SLUG_A, formAFields({ _f: await formToken(SLUG_A), unit: String(unitId) }))).status).toBe(
      302,
    );
    expect((await postSurvey(SLUG_A, formAFields({ _f: await formToken(SLUG_A), unit: String(unitId) }))).status).toBe(
      302,
    );
  });

  it("offers the feedback form for an unofficial cost, carrying unit and procedure only", async () => {
    const res = await postSurvey(
      SLUG_A,
      formAFields({ _f: await formToken(SLUG_A), unit: String(unitId), procedure: String(procId), q_A_COST: "1" }),
    );
    expect(res.headers.get("Location")).toBe(`/s/${SLUG_A}/thanks?unit=${unitId}&procedure=${procId}`);
    const happy = await postSurvey(SLUG_A, formAFields({ _f: await formToken(SLUG_A), unit: String(unitId) }));
    expect(happy.headers.get("Location")).toBe(`/s/${SLUG_A}/thanks`);
  });
});

describe("a closed survey", () => {
  it("shows a closed page, refuses new answers, and still thanks a retry of an answer it already has", async () => {
    const token = await formToken(SLUG_A);
    await postSurvey(SLUG_A, formAFields({ _f: token, unit: String(unitId) }));
    await db()
      .updateTable("survey")
      .set({ closes_at: new Date(Date.now() - 1000) })
      .where("slug", "=", SLUG_A)
      .execute();
    try {
      expect((await (await getSurvey(SLUG_A)).json()).state).toBe("closed");
      const late = await postSurvey(SLUG_A, formAFields({ _f: await formToken(SLUG_A), unit: String(unitId) }));
      expect(late.status).toBe(410);
      expect((await postSurvey(SLUG_A, formAFields({ _f: token, unit: String(unitId) }))).status).toBe(302);
    } finally {
      await db().updateTable("survey").set({ closes_at: null }).where("slug", "=", SLUG_A).execute();
    }
  });
});
