// Cross-agency isolation of reports, settings and holidays (issue 19; docs/rules/agencies.md
// "Reports, settings and holidays"). Agency B gets a unit and a procedure carrying a marker word,
// its own Form B with answers, a sent report, served counts, a late dossier, its own signer and
// target, and a day off of its own; then every role of agency A walks the report, coverage,
// late-dossier, TT 01, settings and holiday routes (loaders and actions, imports naming B's codes)
// and must never see or change any of it. B's own account does see its rows, so a refusal is not
// a page that is simply broken.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ROLES, type Role } from "~/features/accounts/auth.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { getReport } from "~/features/reports/report.server";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/kernel/session.server";
import * as periods from "~/routes/staff.reports._index";
import * as period from "~/routes/staff.reports.$period";
import * as document from "~/routes/staff.reports.$period_.document";
import * as docx from "~/routes/staff.reports.$period_.docx";
import * as tt01 from "~/routes/staff.tt01.$period";
import * as coverage from "~/routes/staff.coverage._index";
import * as coverageImport from "~/routes/staff.coverage.import";
import * as late from "~/routes/staff.late-dossiers._index";
import * as lateImport from "~/routes/staff.late-dossiers.import";
import * as settings from "~/routes/staff.settings";
import * as holidays from "~/routes/staff.holidays";
import { fieldName, SETTING_DEFS, toInput } from "~/features/admin/settings";
import { call } from "../support/route-call";
import {
  copyFormB,
  makeAgencyB,
  makeProcedureOfB,
  makeUnitOfB,
  overallItem,
  signInRolesOfA,
  storeResponseOfB,
} from "../support/agency-b";
import { signIn, staffRequest } from "../support/staff";
import { ensureForms, SLUG_B } from "../support/survey";

// Words only agency B's rows hold: none may appear in anything agency A's users are shown.
const MARK = "Qzzbaocao";
const B_CODE = "so-b-bao-cao";
const PERIOD = "2031-Q1";
// Q1 2031 under NĐ 09/2019: 15/12/2030 – 14/03/2031 (docs/rules/report-periods.md).
const Q1 = { year: 2031, kind: "Q1" as const };
const B_DOSSIER = "QZZ-HS-0001";
const B_SIGNER = `Nguyễn Văn ${MARK}`;

const b = {
  agency: 0,
  unit: 0,
  procedure: 0,
  survey: 0,
  version: 0,
  unitCode: `BQ${MARK.slice(0, 3)}`,
  procCode: "BQP",
};
let bUser: StaffUser;
let bAdmin = "";
let bOffice = "";
let unitA = 0;
let a: Map<Role, { id: number; cookie: string }>;

const staffUser = (id: number, role: Role): StaffUser => ({
  id,
  email: `${role}@test.hailong.vn`,
  name: role,
  role,
  unitId: null,
  agencyId: 1,
  mustChangePassword: false,
  sessionId: "test",
});

async function rowsOfB() {
  const [periodsB, snaps, served, lateRows, scores, sets, own] = await Promise.all([
    db().selectFrom("report_period").selectAll().where("agency_id", "=", b.agency).orderBy("id").execute(),
    db().selectFrom("report_snapshot").select(["id", "period_id"]).where("agency_id", "=", b.agency).execute(),
    db().selectFrom("served_count").select(["id", "count"]).where("agency_id", "=", b.agency).execute(),
    db().selectFrom("late_dossier").selectAll().where("agency_id", "=", b.agency).execute(),
    db().selectFrom("tt01_staff_score").selectAll().where("agency_id", "=", b.agency).execute(),
    db().selectFrom("setting").select(["key", "value"]).where("agency_id", "=", b.agency).orderBy("key").execute(),
    db().selectFrom("agency_holiday").selectAll().where("agency_id", "=", b.agency).execute(),
  ]);
  const target = await db().selectFrom("agency").select("target_percent").where("id", "=", b.agency).execute();
  return { periodsB, snaps, served, lateRows, scores, sets, own, target };
}

const SERVED = "864213";

/** The settings form as the account's own page fills it, with some fields changed. */
async function settingsForm(cookie: string, over: Record<string, string>) {
  const page = await call(settings.loader, staffRequest("/staff/settings", cookie));
  const values: Record<string, string> =
    page.status === 200
      ? JSON.parse(page.text).values
      : Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), toInput(d, d.default)]));
  return { ...values, ...over };
}

beforeAll(async () => {
  await ensureForms();
  b.agency = await makeAgencyB(B_CODE, { vi: `Sở ${MARK}`, en: `Dept ${MARK}` });
  b.unit = await makeUnitOfB(b.agency, b.unitCode, MARK);
  b.procedure = await makeProcedureOfB(b.agency, b.unit, b.procCode, MARK);
  // B's copy of A's Form B, with A's items, and six answers in Q1 2031 (all "satisfied").
  Object.assign(b, await copyFormB(b.agency, SLUG_B, { vi: `KS ${MARK}`, en: `S ${MARK}` }));
  const overall = await overallItem(b.version);
  for (let i = 0; i < 6; i++)
    await storeResponseOfB(b, [{ itemId: overall, value: 5, text: null, choices: null }], {
      channel: "paper",
      submittedAt: new Date("2031-02-10T03:00:00Z"),
    });

  // B's accounts.
  const admin = await signIn("admin", null, b.agency);
  const office = await signIn("office", null, b.agency);
  bAdmin = admin.cookie;
  bOffice = office.cookie;
  bUser = { ...staffUser(office.id, "office"), agencyId: b.agency };

  // B's own signer and an 85 % target, saved through its own settings page.
  const saved = await call(
    settings.action,
    staffRequest("/staff/settings", bAdmin, {
      form: await settingsForm(bAdmin, {
        satisfaction__target: "85",
        report__signer_name: B_SIGNER,
        // A new agency's contact address is its own to give (the demo one is agency 1's).
        privacy__contact_address: "Số 1 đường Bê, Mỹ Tho",
      }),
    }),
  );
  expect(saved.status).toBe(302);
  // B's served count, late dossier, TT 01 entries and sent report, each through B's own pages.
  const served = await call(
    coverage.action,
    staffRequest("/staff/coverage", bOffice, {
      form: { unit: String(b.unit), procedure: "", start: "2030-12-15", end: "2031-03-14", count: SERVED },
    }),
  );
  expect(served.status).toBe(302);
  const lateSaved = await call(
    late.action,
    staffRequest("/staff/late-dossiers", bOffice, {
      form: {
        code: B_DOSSIER,
        unit: String(b.unit),
        procedure: String(b.procedure),
        promised: "2031-02-01",
        returned: "2031-02-05",
        apology: "0",
        apologyDate: "",
        newDate: "",
        kept: "",
      },
    }),
  );
  expect(lateSaved.status).toBe(302);
  const scores = await call(
    tt01.action,
    staffRequest(`/staff/tt01/${PERIOD}`, bOffice, { form: { score_2: "1,5", note_2: `ghi chú ${MARK}` } }),
    { period: PERIOD },
  );
  expect(scores.status).toBe(302);
  const sent = await call(
    period.action,
    staffRequest(`/staff/reports/${PERIOD}`, bOffice, { form: { intent: "send" } }),
    {
      period: PERIOD,
    },
  );
  expect(sent.status).toBe(200);

  ({ unitA, signed: a } = await signInRolesOfA(ALL_ROLES));
});

describe("B's own rows are written as B's", () => {
  it("periods, snapshot, served count, late dossier, scores and settings all carry B's agency", async () => {
    const r = await rowsOfB();
    expect(r.periodsB.length).toBeGreaterThanOrEqual(7);
    expect(r.snaps).toHaveLength(1);
    expect(r.served).toEqual([{ id: expect.any(Number), count: Number(SERVED) }]);
    expect(r.lateRows.map((l) => l.dossier_code)).toEqual([B_DOSSIER]);
    expect(r.scores).toHaveLength(1);
    // Only what B's admin changed is stored; the rest reads B's defaults (its own name, not the demo's).
    expect(r.sets).toEqual([
      { key: "privacy.contact_address", value: "Số 1 đường Bê, Mỹ Tho" },
      { key: "report.signer_name", value: B_SIGNER },
    ]);
    expect(Number(r.target[0].target_percent)).toBe(85);
    // The snapshot's counts are B's survey's six answers, and written as B's.
    const counts = await db()
      .selectFrom("report_snapshot_response")
      .select(["agency_id", "responses"])
      .where("snapshot_id", "=", r.snaps[0].id)
      .execute();
    expect(counts).toEqual([{ agency_id: b.agency, responses: 6 }]);
  });

  it("B's report shows B's signer and target; A's shows A's, and A's period is not sent", async () => {
    const bDoc = await call(document.loader, staffRequest(`/staff/reports/${PERIOD}/document`, bOffice), {
      period: PERIOD,
    });
    expect(bDoc.status).toBe(200);
    expect(bDoc.text).toContain(B_SIGNER);
    expect(bDoc.text.toLowerCase()).toContain(`sở ${MARK}`.toLowerCase());
    const bReport = await getReport(bUser, Q1.year, Q1.kind, "vi");
    expect(bReport.sent).not.toBeNull();
    expect(bReport.current?.target).toBe(0.85);
    // Six answers, all "very satisfied": 6 of 6 (the snapshot's counts).
    expect(bReport.current?.headline.rate.n).toBe(6);

    const office = a.get("office")!;
    const aDoc = await call(document.loader, staffRequest(`/staff/reports/${PERIOD}/document`, office.cookie), {
      period: PERIOD,
    });
    expect(aDoc.status).toBe(200);
    expect(aDoc.text).not.toContain(MARK);
    expect(aDoc.text).not.toContain(B_SIGNER);
    const aReport = await getReport(staffUser(office.id, "office"), Q1.year, Q1.kind, "vi");
    expect(aReport.sent).toBeNull();
    expect(aReport.current?.target).toBe(0.9);
    expect(aReport.tt01?.indicators[1].score ?? null).toBeNull();
  });
});

describe("agency A's staff against agency B's reports", () => {
  it("every loader as every role of A: 403/404/302 or a page without B's names, codes or figures", async () => {
    const pages: [unknown, string, Record<string, string>][] = [
      [periods.loader, "/staff/reports?year=2031", {}],
      [period.loader, `/staff/reports/${PERIOD}`, { period: PERIOD }],
      [document.loader, `/staff/reports/${PERIOD}/document`, { period: PERIOD }],
      [docx.loader, `/staff/reports/${PERIOD}/docx`, { period: PERIOD }],
      [tt01.loader, `/staff/tt01/${PERIOD}`, { period: PERIOD }],
      [coverage.loader, "/staff/coverage", {}],
      [coverageImport.loader, "/staff/coverage/import", {}],
      [late.loader, "/staff/late-dossiers", {}],
      [lateImport.loader, "/staff/late-dossiers/import", {}],
      [settings.loader, "/staff/settings", {}],
      [holidays.loader, "/staff/holidays", {}],
    ];
    let seen = 0;
    for (const role of ALL_ROLES)
      for (const [fn, path, params] of pages) {
        const res = await call(fn, staffRequest(path, a.get(role)!.cookie), params);
        if ([302, 403, 404].includes(res.status)) continue;
        expect(res.status, `${path} as ${role}`).toBe(200);
        seen++;
        for (const word of [MARK, B_DOSSIER, SERVED, B_SIGNER])
          expect(res.text.includes(word), `${path} as ${role} shows ${word}`).toBe(false);
      }
    // The walk saw pages, not only refusals.
    expect(seen).toBeGreaterThan(20);
    // B's own pages do show B's rows: the check can see a leak.
    const bCoverage = await call(coverage.loader, staffRequest("/staff/coverage", bOffice));
    expect(bCoverage.text).toContain(MARK);
    expect(bCoverage.text).toContain(SERVED);
    const bLate = await call(late.loader, staffRequest("/staff/late-dossiers", bOffice));
    expect(bLate.text).toContain(B_DOSSIER);
  });

  it("every action as every role of A changes nothing of B's, whatever ids or codes it names", async () => {
    const before = await rowsOfB();
    const bPeriod = before.periodsB.find((p) => p.year === 2031 && p.kind === "Q2")!;
    const coverageCsv = `${b.unitCode},,15/03/2031,14/06/2031,5`;
    const lateCsv = `QZZ-HS-0002;${b.unitCode};${b.procCode};01/04/2031;05/04/2031;không;;;`;
    for (const role of ALL_ROLES) {
      const cookie = a.get(role)!.cookie;
      // B's period id in the period form: not found.
      const edit = await call(
        periods.action,
        staffRequest("/staff/reports", cookie, {
          form: { id: String(bPeriod.id), start: "2031-03-01", end: "2031-06-30", due: "" },
        }),
      );
      expect([403, 404], `period edit as ${role}`).toContain(edit.status);
      // B's unit and procedure ids in the forms: refused with a message, nothing written.
      const served = await call(
        coverage.action,
        staffRequest("/staff/coverage", cookie, {
          form: { unit: String(b.unit), procedure: "", start: "2031-03-15", end: "2031-06-14", count: "5" },
        }),
      );
      expect(served.status, `coverage as ${role}`).toBeGreaterThanOrEqual(400);
      expect(served.status).toBeLessThan(500);
      const lateForm = await call(
        late.action,
        staffRequest("/staff/late-dossiers", cookie, {
          form: {
            code: "QZZ-HS-0003",
            unit: String(b.unit),
            procedure: String(b.procedure),
            promised: "2031-04-01",
            returned: "2031-04-05",
            apology: "0",
            apologyDate: "",
            newDate: "",
            kept: "",
          },
        }),
      );
      expect(lateForm.status, `late dossier as ${role}`).toBeGreaterThanOrEqual(400);
      expect(lateForm.status).toBeLessThan(500);
      // Files naming B's unit and procedure codes: each line refused as an unknown code.
      const imp1 = await call(
        coverageImport.action,
        staffRequest("/staff/coverage/import", cookie, { form: { text: coverageCsv } }),
      );
      if (imp1.status !== 403) {
        expect(imp1.status, `coverage import as ${role}`).toBe(400);
        expect(JSON.parse(imp1.text).errors).toEqual([
          { line: 1, key: "surveyStaff.coverage.errors.csvUnit", code: b.unitCode },
        ]);
      }
      const imp2 = await call(
        lateImport.action,
        staffRequest("/staff/late-dossiers/import", cookie, { form: { text: lateCsv } }),
      );
      if (imp2.status !== 403) {
        expect(imp2.status, `late import as ${role}`).toBe(400);
        expect(JSON.parse(imp2.text).errors).toEqual([
          { line: 1, key: "tt01.register.errors.csvUnit", code: b.unitCode },
        ]);
      }
      // TT 01 entries, sending a report, the settings: A's own, or refused.
      await call(tt01.action, staffRequest(`/staff/tt01/${PERIOD}`, cookie, { form: { score_2: "2" } }), {
        period: PERIOD,
      });
      await call(period.action, staffRequest(`/staff/reports/${PERIOD}`, cookie, { form: { intent: "send" } }), {
        period: PERIOD,
      });
      await call(
        settings.action,
        staffRequest("/staff/settings", cookie, {
          form: await settingsForm(cookie, { report__signer_name: "Người của A" }),
        }),
      );
      // Deleting B's own day by its date: not found in A's own days.
      const del = await call(
        holidays.action,
        staffRequest("/staff/holidays", cookie, { form: { intent: "delete", calendar: "agency", date: "2031-03-12" } }),
      );
      expect(del.status === 400 || del.status === 403 || del.status === 404, `holiday as ${role}`).toBe(true);
    }
    // Nothing of B's changed; A's own send and settings landed on A.
    expect(await rowsOfB()).toEqual(before);
    const aSent = await db()
      .selectFrom("report_snapshot as s")
      .innerJoin("report_period as p", (j) =>
        j.onRef("p.agency_id", "=", "s.agency_id").onRef("p.id", "=", "s.period_id"),
      )
      .select(["s.agency_id", "p.year", "p.kind"])
      .where("s.agency_id", "=", 1)
      .execute();
    expect(aSent).toEqual([{ agency_id: 1, year: 2031, kind: "Q1" }]);
    const aSigner = await db()
      .selectFrom("setting")
      .select("value")
      .where("agency_id", "=", 1)
      .where("key", "=", "report.signer_name")
      .executeTakeFirst();
    expect(aSigner?.value).toBe("Người của A");
    // A late-dossier code B uses, entered by A for A's own unit, is A's own entry beside B's.
    const office = a.get("office")!.cookie;
    const same = await call(
      late.action,
      staffRequest("/staff/late-dossiers", office, {
        form: {
          code: B_DOSSIER,
          unit: String(unitA),
          procedure: "",
          promised: "2031-02-01",
          returned: "2031-02-03",
          apology: "1",
          apologyDate: "2031-01-31",
          newDate: "",
          kept: "",
        },
      }),
    );
    expect(same.status).toBe(302);
    const both = await db()
      .selectFrom("late_dossier")
      .select(["agency_id", "unit_id", "apology_sent"])
      .where("promised_date", "=", "2031-02-01")
      .orderBy("agency_id")
      .execute();
    expect(both).toEqual([
      { agency_id: 1, unit_id: unitA, apology_sent: true },
      { agency_id: b.agency, unit_id: b.unit, apology_sent: false },
    ]);
  });
});

describe("holidays: the national calendar is shared, an agency's own days are its own", () => {
  // NĐ 20/2008 and QĐ 766 (docs/rules/feedback-deadlines.md): the answer is due 15 working days
  // after the day of receipt, which itself does not count; Saturdays, Sundays and days off skip.
  // Received Monday 03/03/2031 (no national day in March 2031): working days 4, 5, 6, 7, 10, 11,
  // 12, 13, 14, 17, 18, 19, 20, 21, 24 March — the 15th is Monday 24/03/2031. With B's own day off
  // on Wednesday 12/03 the count skips it and the 15th is Tuesday 25/03/2031. Refusal (2 working
  // days) is Wednesday 05/03 for both: 12/03 lies after it.
  const RECEIVED = new Date("2031-03-03T02:00:00Z"); // 09:00 in Hồ Chí Minh City
  const intake = (agencyId: number, content: string) =>
    submitFeedback(
      {
        agencyId,
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Lê Văn Hạn",
        address: "Mỹ Tho",
        phone: "0912 345 001",
        title: "Thời hạn",
        content,
        lang: "vi",
        attachments: [],
      },
      RECEIVED,
    );
  const dues = (id: number) =>
    db().selectFrom("feedback").select(["refuse_due", "answer_due"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("B's own day off moves B's open case and B's new cases, never A's", async () => {
    const caseA = await intake(1, "Phản ánh của cơ quan A về thời hạn giải quyết hồ sơ");
    const caseB = await intake(b.agency, "Phản ánh của cơ quan B về thời hạn giải quyết hồ sơ");
    expect(await dues(caseA.id)).toEqual({ refuse_due: "2031-03-05", answer_due: "2031-03-24" });
    expect(await dues(caseB.id)).toEqual({ refuse_due: "2031-03-05", answer_due: "2031-03-24" });

    const added = await call(
      holidays.action,
      staffRequest("/staff/holidays", bAdmin, {
        form: { calendar: "agency", date: "12/03/2031", nameVi: `Ngày ${MARK}`, nameEn: `Day ${MARK}`, kind: "off" },
      }),
    );
    expect(added.status).toBe(302);
    expect(await dues(caseB.id)).toEqual({ refuse_due: "2031-03-05", answer_due: "2031-03-25" });
    expect(await dues(caseA.id)).toEqual({ refuse_due: "2031-03-05", answer_due: "2031-03-24" });
    // B's page lists the move; A's admin opening the same change sees nothing of it.
    const change = new URL(`http://x${added.headers.get("Location")}`).searchParams.get("change")!;
    const bPage = await call(holidays.loader, staffRequest(`/staff/holidays?change=${change}`, bAdmin));
    expect(bPage.text).toContain(MARK);
    expect(JSON.parse(bPage.text).moved.moved).toHaveLength(1);
    const aPage = await call(holidays.loader, staffRequest(`/staff/holidays?change=${change}`, a.get("admin")!.cookie));
    expect(aPage.text).not.toContain(MARK);
    expect(JSON.parse(aPage.text).moved).toBeNull();

    const laterA = await intake(1, "Phản ánh thứ hai của cơ quan A về thời hạn giải quyết");
    const laterB = await intake(b.agency, "Phản ánh thứ hai của cơ quan B về thời hạn giải quyết");
    expect((await dues(laterA.id)).answer_due).toBe("2031-03-24");
    expect((await dues(laterB.id)).answer_due).toBe("2031-03-25");
  });

  it("B's admin cannot change the national calendar, even with a forged field; nothing is written", async () => {
    const before = await db().selectFrom("holiday").selectAll().orderBy("date").execute();
    const forged: Record<string, string>[] = [
      { calendar: "national", date: "13/03/2031", nameVi: "Giả", nameEn: "Forged", kind: "off" },
      { date: "13/03/2031", nameVi: "Giả", nameEn: "Forged", kind: "off" },
      { intent: "delete", date: before[0]?.date ?? "2027-01-01" },
      { intent: "confirm", date: before[0]?.date ?? "2027-01-01" },
    ];
    for (const form of forged) {
      const res = await call(holidays.action, staffRequest("/staff/holidays", bAdmin, { form }));
      expect(res.status).toBe(403);
    }
    expect(await db().selectFrom("holiday").selectAll().orderBy("date").execute()).toEqual(before);
    // A national day cannot be doubled as an own day: a clear message, nothing written.
    if (before[0]) {
      const dup = await call(
        holidays.action,
        staffRequest("/staff/holidays", bAdmin, {
          form: { calendar: "agency", date: before[0].date, nameVi: "Trùng", nameEn: "Same", kind: "off" },
        }),
      );
      expect(dup.status).toBe(400);
      expect(JSON.parse(dup.text).errors).toEqual({ date: "staff.holidays.errors.nationalDay" });
    }
    expect(await db().selectFrom("agency_holiday").select("date").where("agency_id", "=", b.agency).execute()).toEqual([
      { date: "2031-03-12" },
    ]);
  });
});
