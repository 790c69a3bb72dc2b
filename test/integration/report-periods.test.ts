// Report periods say what they cover (docs/rules/report-periods.md): the trend reads the Office's
// edited windows, a report read before its window closes states its reading date and marks the
// rest as an estimate, and a sent report keeps its figures with the changes beside them.
import crypto from "node:crypto";
import { getReport } from "~/features/reports/report.server";
import * as dashboardRoute from "~/routes/staff._index";
import * as exportRoute from "~/routes/staff.export.figures";
import * as paperRoute from "~/routes/staff.paper.$surveyId";
import * as reportRoute from "~/routes/staff.reports.$period";
import * as periodsRoute from "~/routes/staff.reports._index";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { formB, storeB } from "../support/figures";
import { makeUnit, signIn, staffRequest } from "../support/staff";

let unit: number;
let surveyB: number;
let office: Awaited<ReturnType<typeof signIn>>;
const officeUser = (): StaffUser => ({
  id: office.id,
  email: office.email,
  name: "o",
  role: "office",
  unitId: null,
  agencyId: 1,
  mustChangePassword: false,
  sessionId: "",
});

const call = async (fn: Function, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

beforeAll(async () => {
  const b = await formB();
  surveyB = b.surveyId;
  unit = await makeUnit("RP");
  office = await signIn("office");
  // Q2/2025 tests: 8 answers on 10/03/2025 (inside the default Q1 window, 15/12/2024–14/03/2025)
  // and 12 on 20/04/2025 (default Q2, 15/03–14/06/2025), 9 of them satisfied.
  await storeB(b, { unitId: unit, channel: "qr", day: "2025-03-10", value: 5, count: 8 });
  await storeB(b, { unitId: unit, channel: "qr", day: "2025-04-20", value: 5, count: 9 });
  await storeB(b, { unitId: unit, channel: "qr", day: "2025-04-20", value: 2, count: 3 });
  // Q3/2025 (15/06–14/09/2025): 45 answers on 10/07/2025, 40 satisfied.
  await storeB(b, { unitId: unit, channel: "web", day: "2025-07-10", value: 4, count: 40 });
  await storeB(b, { unitId: unit, channel: "web", day: "2025-07-10", value: 1, count: 5 });
}, 90_000);

const periodId = async (year: number, kind: string) => {
  await getReport(officeUser(), year, kind as "Q2", "vi"); // makes sure the year's periods exist
  return (
    await db()
      .selectFrom("report_period")
      .select("id")
      .where("year", "=", year)
      .where("kind", "=", kind as "Q2")
      .executeTakeFirstOrThrow()
  ).id;
};

describe("an edited window", () => {
  it("gives the same figure in the headline and in the trend under the same label", async () => {
    const id = await periodId(2025, "Q2");
    // The Office moves Q2/2025's start to 01/03/2025: the 8 answers of 10/03 now count in Q2.
    const edit = await call(
      periodsRoute.action,
      staffRequest("/staff/reports", office.cookie, {
        form: { id: String(id), start: "2025-03-01", end: "2025-06-14", due: "2025-05-26" },
      }),
    );
    expect(edit.status).toBe(200);
    const page = (await (
      await call(dashboardRoute.loader, staffRequest(`/staff?survey=${surveyB}&period=2025-Q2`, office.cookie))
    ).json()) as {
      dashboard: {
        headline: { rate: { satisfied: number; n: number } };
        trend: { key: string; start: string; end: string; rate: { satisfied: number; n: number } }[];
      };
    };
    // Hand count: 8 + 12 = 20 answers, 8 + 9 = 17 satisfied (rate = satisfied ÷ valid answers).
    expect(page.dashboard.headline.rate).toMatchObject({ satisfied: 17, n: 20 });
    const q2 = page.dashboard.trend.find((p) => p.key === "Q2/2025")!;
    expect(q2).toMatchObject({ start: "2025-03-01", end: "2025-06-14", rate: { satisfied: 17, n: 20 } });
  });
});

describe("a report read before its window closes", () => {
  it("states the reading date and marks the days after it as an estimate, with no figure for them", async () => {
    // Q3/2025 read on its due date 26/08/2025 at 10:00: actual 15/06–26/08 (16 + 31 + 26 = 73
    // days), estimate 27/08–14/09 (5 + 14 = 19 days).
    const r = await getReport(officeUser(), 2025, "Q3", "vi", new Date("2025-08-26T10:00:00+07:00"));
    expect(r.reading).toEqual({
      start: "2025-06-15",
      end: "2025-09-14",
      readThrough: "2025-08-26",
      actualDays: 73,
      estimate: { from: "2025-08-27", to: "2025-09-14", days: 19 },
    });
    expect(r.sent).toBeNull();
  });
});

describe("a sent report", () => {
  const paper = (cookie: string, fields: Record<string, string>) =>
    call(paperRoute.action, staffRequest(`/staff/paper/${surveyB}`, cookie, { form: fields }), {
      surveyId: String(surveyB),
    });
  const send = (cookie: string) =>
    call(reportRoute.action, staffRequest("/staff/reports/2025-Q3", cookie, { form: { intent: "send" } }), {
      period: "2025-Q3",
    });

  it("keeps the figures as sent after a back-dated paper form, with the change and its entries beside them", async () => {
    // Only the Office sends; a viewer or a unit's staff get 403 and change nothing.
    const viewer = await signIn("viewer");
    const unitStaff = await signIn("unit", unit);
    expect((await send(viewer.cookie)).status).toBe(403);
    expect((await send(unitStaff.cookie)).status).toBe(403);
    expect(await db().selectFrom("report_snapshot").select("id").execute()).toEqual([]);

    const sent = await send(office.cookie);
    expect(sent.status).toBe(200);
    expect((await send(office.cookie)).status).toBe(409);
    const before = await getReport(officeUser(), 2025, "Q3", "vi");
    // Sent after the window closed: the whole window is actual. Sent: 40 of 45.
    expect(before.reading.estimate).toBeNull();
    expect(before.current!.headline.rate).toMatchObject({ satisfied: 40, n: 45 });
    expect(before.change).toMatchObject({ entries: 0, now: null, heldBack: false });

    // A unit's staff may not type in a form dated into the sent period: nothing stored.
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom("response")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n0 = await count();
    const refused = await paper(unitStaff.cookie, {
      sid: crypto.randomUUID(),
      unit: String(unit),
      date: "2025-08-01",
      q_OVERALL: "5",
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ date: "reportStatus.paperSentPeriod" });
    expect(await count()).toBe(n0);

    // The Office types in 6 paper forms dated 01/08/2025: 5 satisfied, 1 not.
    for (const v of ["5", "5", "5", "5", "5", "1"]) {
      expect(
        (await paper(office.cookie, { sid: crypto.randomUUID(), unit: String(unit), date: "2025-08-01", q_OVERALL: v }))
          .status,
      ).toBe(302);
    }
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "survey.paper.create_in_sent_period")
      .execute();
    expect(audit).toHaveLength(6);
    expect(audit[0].details).toMatchObject({ date: "2025-08-01", sentPeriods: ["2025-Q3"] });

    const after = await getReport(officeUser(), 2025, "Q3", "vi");
    // The sent figure has not moved: still 40 of 45.
    expect(after.current!.headline.rate).toMatchObject({ satisfied: 40, n: 45 });
    // Beside it: now 45 of 51, +6 answers, from 6 entries (6 paper); (45/51 − 40/45) × 100 points.
    expect(after.change).toMatchObject({
      entries: 6,
      paper: 6,
      answers: 6,
      heldBack: false,
      now: { satisfied: 45, n: 51 },
    });
    expect(after.change!.points).toBeCloseTo((45 / 51 - 40 / 45) * 100, 10);
    // The live dashboard has the new forms.
    const live = (await (
      await call(dashboardRoute.loader, staffRequest(`/staff?survey=${surveyB}&period=2025-Q3`, office.cookie))
    ).json()) as { dashboard: { headline: { rate: { n: number } } } };
    expect(live.dashboard.headline.rate.n).toBe(51);

    // The report's downloads carry sent=1: the figures as sent (45), not the live ones (51).
    const csv = async (q: string) =>
      (
        await call(
          exportRoute.loader,
          staffRequest(`/staff/export/figures?survey=${surveyB}&period=2025-Q3${q}&format=csv`, office.cookie),
        )
      ).text();
    expect((await csv("&sent=1")).split("\r\n")[1].split(",")[2]).toBe("45");
    expect((await csv("")).split("\r\n")[1].split(",")[2]).toBe("51");

    // The sent window cannot be edited afterwards.
    const id = await periodId(2025, "Q3");
    const edit = await call(
      periodsRoute.action,
      staffRequest("/staff/reports", office.cookie, {
        form: { id: String(id), start: "2025-06-01", end: "2025-09-14", due: "" },
      }),
    );
    expect(edit.status).toBe(409);
    const row = await db()
      .selectFrom("report_period")
      .select(["start_date"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.start_date).toBe("2025-06-15");
  });
});
