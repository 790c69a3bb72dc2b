// TT 01/2018/TT-VPCP grade on a real database, every figure computed by hand from the rule
// (docs/rules/tt01.md): Art. 13 — nine indicators of 2/1/0 points per dossier; Art. 14 — 1, 3, 4
// and 7 from the citizen's form, 8 from feedback handling, 2, 5, 6 and 9 from the agency's own
// systems; Art. 15 — indicator score = per-dossier average to one decimal, total = the plain sum
// out of 18, ≥15 Xuất sắc, 12–<15 Tốt. No grade while any indicator is missing.
// The register of late dossiers (NĐ 61/2018 Art. 19) and Form A's "late" answers matched to it.
import crypto from "node:crypto";
import { sql } from "kysely";
import * as scoresRoute from "~/routes/staff.tt01.$period";
import * as registerRoute from "~/routes/staff.late-dossiers._index";
import * as importRoute from "~/routes/staff.late-dossiers.import";
import { storeResponse } from "~/features/survey/response.server";
import { dossierHash } from "~/features/survey/survey-submit.server";
import { getTt01 } from "~/features/reports/tt01.server";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/kernel/session.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import { ensureForms, makeProcedure } from "../support/survey";

const call = async (fn: Function, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};
const auditCount = async (action: string) =>
  Number(
    (
      await db()
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

let formA: number;
let versionA: number;
let item: Record<string, number>;
let unitA: number;
let unitB: number;
let procA: number;
const office: StaffUser = {
  id: 0,
  email: "o@x",
  name: "o",
  role: "office",
  unitId: null,
  agencyId: 1,
  mustChangePassword: false,
  sessionId: "",
};

// Two report periods of 2031 nobody else writes into (NĐ 09/2019 windows).
const Q2 = { year: 2031, kind: "Q2" as const, from: "2031-03-15", to: "2031-06-14" };
const Q3 = { year: 2031, kind: "Q3" as const, from: "2031-06-15", to: "2031-09-14" };

beforeAll(async () => {
  await ensureForms();
  formA = (await db().selectFrom("survey").select("id").where("kind", "=", "A").executeTakeFirstOrThrow()).id;
  versionA = (
    await db()
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", formA)
      .orderBy("version", "desc")
      .executeTakeFirstOrThrow()
  ).id;
  const items = await db()
    .selectFrom("survey_item")
    .select(["id", "code"])
    .where("version_id", "=", versionA)
    .execute();
  item = Object.fromEntries(items.map((i) => [i.code, i.id]));
  unitA = await makeUnit();
  unitB = await makeUnit();
  procA = await makeProcedure(unitA);
  const u = await db().selectFrom("staff_user").select("id").executeTakeFirst();
  office.id = u?.id ?? 1;
});

/** One Form A response; single items carry their 2/1/0 points as the value, yes/no 1/0, L5 1–5. */
async function formAResponse(
  at: string,
  a: {
    time: number;
    contacts: number;
    agencies: number;
    attitude: number;
    info?: number;
    cost?: number;
    overall?: number;
    apology?: number;
    dossier?: string;
    unit?: number;
  },
) {
  const answers = [
    ["A_TIME", a.time],
    ["A_CONTACTS", a.contacts],
    ["A_AGENCIES", a.agencies],
    ["A_ATTITUDE", a.attitude],
    ["A_INFO", a.info ?? 4],
    ["A_COST", a.cost ?? 0],
    ["A_OVERALL", a.overall ?? 5],
    ...(a.apology === undefined ? [] : [["A_APOLOGY", a.apology] as const]),
  ] as const;
  await storeResponse({
    id: crypto.randomUUID(),
    agencyId: 1,
    surveyId: formA,
    versionId: versionA,
    unitId: a.unit ?? unitA,
    procedureId: null,
    counter: null,
    channel: "web",
    lang: "vi",
    startedAt: null,
    submittedAt: new Date(at),
    flagReasons: [],
    dossierHash: a.dossier ? await dossierHash(formA, a.dossier) : null,
    enteredBy: null,
    answers: answers.map(([code, value]) => ({ itemId: item[code], value, text: null, choices: null })),
  });
}

const scoreOf = (t: Awaited<ReturnType<typeof getTt01>>, no: number) => t.indicators[no - 1].score;

describe("the grade (TT 01 Art. 13–15)", () => {
  it("the issue's example: 1.5 + 2.0 + 1.0 + 1.5 from the forms, 2 for no feedback, no grade without 2, 5, 6, 9", async () => {
    // 10 dossiers: 5 early (2) and 5 on time (1); no extra contact (2); one-stop only (1);
    // attitude 5 "very" (2) and 5 "satisfied" (1). The old code printed 15.4 Xuất sắc here.
    for (let i = 0; i < 10; i++)
      await formAResponse(`2031-04-0${(i % 9) + 1}T03:00:00Z`, {
        time: i < 5 ? 2 : 1,
        contacts: 2,
        agencies: 1,
        attitude: i < 5 ? 2 : 1,
      });
    const t = await getTt01(office, { surveyId: formA, from: Q2.from, to: Q2.to }, Q2);
    expect([1, 3, 4, 7].map((n) => scoreOf(t, n))).toEqual([1.5, 2.0, 1.0, 1.5]);
    expect(t.indicators[0].n).toBe(10);
    // Indicator 8: no feedback due in the window → 2 points.
    expect(t.indicators[7]).toMatchObject({ score: 2, n: 0 });
    // 1.5 + 2.0 + 1.0 + 1.5 + 2 = 8.0 of the five known; 2, 5, 6, 9 missing: no grade, no scaling.
    expect(t.total).toEqual({ total: 8, known: [1, 3, 4, 7, 8], missing: [2, 5, 6, 9], grade: null });
    // The other items are figures beside the grade: info 4 and overall 5 are "satisfied", no cost.
    expect(t.figures.map((f) => [f.key, f.rate.satisfied, f.rate.n])).toEqual([
      ["info", 10, 10],
      ["overall", 10, 10],
      ["cost", 0, 10],
      ["apology", 0, 0],
    ]);
  });

  it("grades once the Office enters 2, 5, 6 and 9; the entry is audited and checked", async () => {
    const { cookie } = await signIn("office");
    const path = `/staff/tt01/${Q2.year}-${Q2.kind}`;
    const before = await auditCount("tt01.scores.save");
    const bad = await call(
      scoresRoute.action,
      staffRequest(path, cookie, { form: { score_2: "2,5", score_5: "abc", score_6: "", score_9: "1" } }),
      { period: "2031-Q2" },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({
      score_2: "tt01.scores.errors.score",
      score_5: "tt01.scores.errors.score",
    });
    expect(await db().selectFrom("tt01_staff_score").selectAll().execute()).toEqual([]);
    const ok = await call(
      scoresRoute.action,
      staffRequest(path, cookie, {
        form: { score_2: "1,8", score_5: "2", score_6: "1.5", score_9: "1,2", note_2: "Hệ thống một cửa, quý II" },
      }),
      { period: "2031-Q2" },
    );
    expect(ok.status).toBe(302);
    expect(await auditCount("tt01.scores.save")).toBe(before + 1);
    const t = await getTt01(office, { surveyId: formA, from: Q2.from, to: Q2.to }, Q2);
    // 8.0 + 1.8 + 2.0 + 1.5 + 1.2 = 14.5 → Tốt (12–<15).
    expect(t.total).toEqual({ total: 14.5, known: [1, 2, 3, 4, 5, 6, 7, 8, 9], missing: [], grade: "good" });
    // A period param that is not a period is a 404, not a 500.
    expect(
      (await call(scoresRoute.loader, staffRequest("/staff/tt01/2031-Q5", cookie), { period: "2031-Q5" })).status,
    ).toBe(404);
  });

  it("a late dossier with an apology does not raise the grade; on-time apology answers are ignored", async () => {
    // Add one late dossier (0 points) that got an apology, with no extra contact (2), one-stop
    // only (1), attitude "satisfied" (1): time 15/11 = 1.36 → 1.4; contacts 22/11 = 2.0;
    // agencies 11/11 = 1.0; attitude 16/11 = 1.45 → 1.5. 1.4 + 2.0 + 1.0 + 1.5 + 2 + 6.5 = 14.4 → Tốt.
    // (The old code counted the apology as a 2-point indicator: 14.8 Tốt → 15.1 Xuất sắc.)
    await formAResponse("2031-05-02T03:00:00Z", { time: 0, contacts: 2, agencies: 1, attitude: 1, apology: 1 });
    // Two on-time respondents tick "Không" on the apology item: it means nothing for them.
    await formAResponse("2031-05-03T03:00:00Z", { time: 1, contacts: 2, agencies: 1, attitude: 1, apology: 0 });
    await formAResponse("2031-05-03T04:00:00Z", { time: 1, contacts: 2, agencies: 1, attitude: 1, apology: 0 });
    // Now 13 dossiers: time (5·2 + 7·1)/13 = 17/13 = 1.31 → 1.3; contacts 2.0; agencies 1.0;
    // attitude (10 + 8)/13 = 18/13 = 1.38 → 1.4. Total 1.3 + 2.0 + 1.0 + 1.4 + 2 + 6.5 = 14.2 → Tốt.
    const t = await getTt01(office, { surveyId: formA, from: Q2.from, to: Q2.to }, Q2);
    expect([1, 3, 4, 7].map((n) => scoreOf(t, n))).toEqual([1.3, 2.0, 1.0, 1.4]);
    expect(t.total).toMatchObject({ total: 14.2, grade: "good" });
    expect(t.lateAnswers).toBe(1);
    // One late answer, one apology: under the threshold of 5, so hidden; the on-time "Không"s are not in n.
    expect(t.figures.find((f) => f.key === "apology")).toMatchObject({ suppressed: true, rate: { n: 1, rate: null } });
  });

  it("a unit's staff get their unit's figures and no grade: 2, 5, 6, 9 are the department's", async () => {
    const unitUser: StaffUser = { ...office, role: "unit", unitId: unitB };
    const t = await getTt01(unitUser, { surveyId: formA, from: Q2.from, to: Q2.to }, Q2);
    expect(t.indicators[0]).toMatchObject({ score: null, n: 0 });
    expect(t.total.grade).toBeNull();
    expect(t.total.missing).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
    expect(t.unitScoped).toBe(true);
  });

  it("indicator 8 from the feedback figures: 9 of 10 handled on time → 1 point", async () => {
    const base = {
      kind: "phan_anh",
      content: "x",
      lang: "vi",
      base_date: "2031-07-01",
      refuse_due: "2031-07-03",
      info_due: "2031-07-08",
      transfer_due: "2031-07-08",
      answer_due: "2031-07-22",
      unit_id: unitA,
    } as const;
    for (let i = 0; i < 10; i++) {
      await db()
        .insertInto("feedback")
        .values({
          ...base,
          code: `PAKN.20310701.${String(i).padStart(4, "0")}`,
          submission_id: crypto.randomUUID(),
          status: "closed",
          received_at: new Date("2031-07-01T03:00:00Z"),
          handled_at: new Date("2031-07-10T03:00:00Z"),
          late: i === 0,
        })
        .execute();
    }
    const t = await getTt01(office, { surveyId: formA, from: Q3.from, to: Q3.to }, Q3);
    // 9 / 10 = 90 %: at least 90 % on time → 1 (not all on time → not 2).
    expect(t.indicators[7]).toMatchObject({ score: 1, n: 10, onTime: 9 });
  });
});

describe("the register of late dossiers (NĐ 61 Art. 19)", () => {
  it("records one by one, refuses bad input in the reader's language, and keeps each unit to its own", async () => {
    const office = await signIn("office");
    const unitStaff = await signIn("unit", unitB);
    const post = (cookie: string, form: Record<string, string>) =>
      call(registerRoute.action, staffRequest("/staff/late-dossiers", cookie, { form }));
    const good = {
      code: "hs 2031 001",
      unit: String(unitA),
      procedure: String(procA),
      promised: "2031-07-01",
      returned: "2031-07-05",
      apology: "1",
      apologyDate: "2031-06-30",
      newDate: "2031-07-05",
      kept: "1",
    };
    const saved = await post(office.cookie, good);
    expect(saved.status).toBe(302);
    expect(
      await db().selectFrom("late_dossier").select(["dossier_code", "apology_sent", "new_date_kept"]).execute(),
    ).toEqual([{ dossier_code: "HS2031001", apology_sent: true, new_date_kept: true }]);
    // Returned on the promised day is not late; an apology date without an apology; no answer.
    const bad = await post(office.cookie, {
      ...good,
      code: "HS-2",
      returned: "2031-07-01",
      apology: "0",
      apologyDate: "2031-06-30",
      kept: "maybe",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({
      returned: "tt01.register.errors.notLate",
      apologyDate: "tt01.register.errors.apologyDateWithoutApology",
      kept: "tt01.register.errors.kept",
    });
    // A unit's staff can neither record another unit's dossier nor overwrite one by its code.
    expect((await post(unitStaff.cookie, { ...good, code: "HS-3" })).status).toBe(403);
    const overwrite = await post(unitStaff.cookie, { ...good, unit: String(unitB), procedure: "" });
    expect(overwrite.status).toBe(403);
    expect(
      (
        await db()
          .selectFrom("late_dossier")
          .select("unit_id")
          .where("dossier_code", "=", "HS2031001")
          .executeTakeFirstOrThrow()
      ).unit_id,
    ).toBe(unitA);
    // Viewing the list (with the codes) is logged as a personal-data view.
    const views = await auditCount("pii.view");
    const page = await call(registerRoute.loader, staffRequest("/staff/late-dossiers", office.cookie));
    expect(page.status).toBe(200);
    expect((await page.json()).rows.map((r: { code: string }) => r.code)).toContain("HS2031001");
    expect(await auditCount("pii.view")).toBe(views + 1);
    // The unit's own list does not show unit A's dossier.
    const theirs = await (
      await call(registerRoute.loader, staffRequest("/staff/late-dossiers", unitStaff.cookie))
    ).json();
    expect(theirs.rows).toEqual([]);
  });

  it("imports a CSV all or nothing, naming each wrong line", async () => {
    const { cookie } = await signIn("office");
    const imp = (text: string) =>
      call(importRoute.action, staffRequest("/staff/late-dossiers/import", cookie, { form: { text } }));
    const unitCode = (await db().selectFrom("unit").select("code").where("id", "=", unitA).executeTakeFirstOrThrow())
      .code;
    const unitBCode = (await db().selectFrom("unit").select("code").where("id", "=", unitB).executeTakeFirstOrThrow())
      .code;
    const header = "ma_ho_so;don_vi;thu_tuc;hen_tra;tra_thuc_te;xin_loi;ngay_xin_loi;hen_lai;dung_hen_lai";
    const wrong = [
      header,
      `HS-10;${unitCode};;01/07/2031;05/07/2031;có;30/06/2031;05/07/2031;có`,
      `HS-11;NOPE;;01/07/2031;;không;;;`,
      `HS-12;${unitCode};;31/02/2031;;không;;;`,
      `HS-10;${unitCode};;02/07/2031;;không;;;`,
    ].join("\n");
    const r = await imp(wrong);
    expect(r.status).toBe(400);
    expect((await r.json()).errors).toEqual([
      { line: 3, key: "tt01.register.errors.csvUnit", code: "NOPE" },
      { line: 4, key: "tt01.register.errors.promised" },
      { line: 5, key: "tt01.register.errors.csvDuplicate", code: "HS-10" },
    ]);
    expect(
      await db().selectFrom("late_dossier").select("dossier_code").where("dossier_code", "like", "HS-1%").execute(),
    ).toEqual([]);
    // Q3 2031: HS-10 and HS-11 (unit A) with an apology, HS-12 and HS-13 (unit A) and HS-14 (unit B) without.
    const rows = [
      `HS-10;${unitCode};;01/07/2031;05/07/2031;có;30/06/2031;05/07/2031;có`,
      `HS-11;${unitCode};;2031-07-02;;có;2031-07-01;2031-07-09;`,
      `HS-12;${unitCode};;03/07/2031;10/07/2031;không;;;`,
      `HS-13;${unitCode};;04/07/2031;12/07/2031;không;;08/07/2031;không`,
      `HS-14;${unitBCode};;05/07/2031;06/07/2031;không;;;`,
    ];
    const ok = await imp([header, ...rows].join("\r\n"));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/staff/late-dossiers?saved=5");
    const t = await getTt01(office, { surveyId: formA, from: Q3.from, to: Q3.to }, Q3);
    // 5 late (the form's HS2031001 of 01/07 makes 6): apologies HS2031001, HS-10, HS-11 = 3;
    // without: HS-12, HS-13, HS-14 = 3. New date kept: HS2031001, HS-10 = 2; missed: HS-13 = 1.
    expect(t.register).toMatchObject({ late: 6, apologySent: 3, withoutApology: 3, newDateKept: 2, newDateMissed: 1 });
    expect(t.register.byUnit).toEqual([
      { unitId: unitA, late: 5, apologySent: 3, withoutApology: 2 },
      { unitId: unitB, late: 1, apologySent: 0, withoutApology: 1 },
    ]);
  });

  it("refuses a too-big paste whole and gives back only its first whole lines, at most 2,000 characters", async () => {
    const { cookie } = await signIn("office");
    const { code } = await db().selectFrom("unit").select("code").where("id", "=", unitA).executeTakeFirstOrThrow();
    // Right lines with their own dossier codes, each padded with spaces (a cell is read trimmed)
    // to `width` characters with its line break, so what the rule keeps is known by hand.
    const lines = (n: number, width: number) =>
      Array.from(
        { length: n },
        (_, i) => `HT-${String(i).padStart(5, "0")};${code};;01/08/2032;05/08/2032;không;;;`.padEnd(width - 1) + "\n",
      );
    for (const { why, all, kept } of [
      // 5,001 lines of 64 characters (the limit is 5,000): 31 lines fit in 2,000 (31 × 64 = 1,984).
      { why: "lines", all: lines(5001, 64), kept: 1984 },
      // 4,000 lines of 300 (over 1,200,000 bytes, the limit 1,000,000): 6 lines fit (6 × 300 = 1,800).
      { why: "bytes", all: lines(4000, 300), kept: 1800 },
    ]) {
      const text = all.join("");
      const r = await call(importRoute.action, staffRequest("/staff/late-dossiers/import", cookie, { form: { text } }));
      expect(r.status, why).toBe(400);
      const body = await r.json();
      expect(body.errors, why).toEqual([{ line: 0, key: "tt01.register.errors.csvTooBigCut" }]);
      expect(body.text.length, why).toBe(kept);
      expect(body.text, why).toBe(text.slice(0, kept));
      expect(body.text.endsWith("\n"), why).toBe(true);
      expect(
        await db().selectFrom("late_dossier").select("dossier_code").where("dossier_code", "like", "HT-%").execute(),
        why,
      ).toEqual([]);
    }
  });

  it("matches Form A late answers to the register by the dossier code's keyed hash, and hides a small count", async () => {
    // Five late answers in Q3 with codes: three in the register (case and spaces differ), two not.
    const codes = ["hs-10", "hs -11", "HS 2031 001", "HS-99", "HS-98"];
    for (const [i, code] of codes.entries())
      await formAResponse(`2031-07-1${i}T03:00:00Z`, {
        time: 0,
        contacts: 2,
        agencies: 1,
        attitude: 1,
        apology: i < 4 ? 1 : 0,
        dossier: code,
      });
    const t = await getTt01(office, { surveyId: formA, from: Q3.from, to: Q3.to }, Q3);
    expect(t.lateAnswers).toBe(5);
    expect(t.match).toEqual({ lateWithCode: 5, inRegister: 3 });
    // Apology among late answers: 4 yes of 5 → 80 %, shown at n = 5.
    expect(t.figures.find((f) => f.key === "apology")).toMatchObject({
      suppressed: false,
      rate: { satisfied: 4, n: 5, rate: 0.8 },
    });
    // No plain code went near the responses.
    // (Matched on whole codes: a random 32-character hash holds "hs" in some case about 3 % of the
    // time, which made a check for '%HS%' fail now and then.)
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from response where dossier_hash ilike any(array['%HS-10%', '%HS-11%', '%HS2031001%', '%HS 2031 001%', '%HS-99%', '%HS-98%'])`.execute(
      db(),
    );
    expect(stored.rows[0].n).toBe(0);
    // A unit narrowing to unit B (no late answers) sees nothing to match; under 5 answers, hidden.
    const unitUser: StaffUser = { ...office, role: "unit", unitId: unitB };
    const narrow = await getTt01(unitUser, { surveyId: formA, from: Q3.from, to: Q3.to }, Q3);
    expect(narrow.match).toEqual({ lateWithCode: 0, inRegister: null });
  });

  it("40 saves of one dossier at once leave one row and no error", async () => {
    const { cookie } = await signIn("office");
    const form = {
      code: "HS-RACE",
      unit: String(unitA),
      procedure: "",
      promised: "2031-08-01",
      returned: "",
      apology: "1",
      apologyDate: "",
      newDate: "2031-08-05",
      kept: "",
    };
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        call(registerRoute.action, staffRequest("/staff/late-dossiers", cookie, { form })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(302));
    expect(
      (await db().selectFrom("late_dossier").select("id").where("dossier_code", "=", "HS-RACE").execute()).length,
    ).toBe(1);
  });
});
