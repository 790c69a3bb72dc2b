// The flagged-responses page (docs/rules/flags.md): per day and reasons, for office and admin
// only; the Office accepts a batch back, audited, and the headline changes by exactly the
// accepted answers; bad input is a 4xx that changes nothing; 40 accepts at once accept once.
import * as page from "~/routes/staff.surveys.$id.flags";
import { getDashboard } from "~/features/reports/dashboard-view.server";
import { storeResponse } from "~/features/survey/response.server";
import { getSurveyForm } from "~/features/survey/survey.server";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/kernel/session.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import { ensureForms, formBStoreInput, SLUG_B } from "../support/survey";
import { showSmallGroups } from "../support/settings";

const call = async (fn: Function, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

const DAY = "2031-05-20";
let surveyId: number;
let unitId: number;
let path: string;
let params: Record<string, string>;

/** One stored response on DAY at 10:00 local whose overall answer is `overall`, with these flags. */
async function respond(overall: number, flagReasons: string[]) {
  const survey = (await getSurveyForm(1, SLUG_B, "vi"))!;
  const item = survey.items.find((i) => i.code === "OVERALL")!;
  await storeResponse(
    await formBStoreInput(unitId, new Date(`${DAY}T03:00:00Z`), {
      startedAt: null,
      flagReasons,
      answers: [{ itemId: item.id, value: overall, text: null, choices: null }],
    }),
  );
}

const asOffice: StaffUser = {
  id: 0,
  email: "x",
  name: "x",
  role: "office",
  unitId: null,
  agencyId: 1,
  mustChangePassword: false,
  sessionId: "",
};
const headline = async () =>
  (await getDashboard(asOffice, { surveyId, from: DAY, to: DAY, unitId }, { year: 2031, kind: "Q2" }, "vi")).headline
    .rate;

beforeAll(async () => {
  await ensureForms();
  await showSmallGroups();
  unitId = await makeUnit();
  surveyId = (await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow()).id;
  path = `/staff/surveys/${surveyId}/flags?from=${DAY}&to=${DAY}`;
  params = { id: String(surveyId) };
  // Unflagged: 5, 5, 4, 2 → 3 satisfied of 4. Flagged too_fast: 5, 1, 1. Flagged honeypot: 5.
  for (const v of [5, 5, 4, 2]) await respond(v, []);
  for (const v of [5, 1, 1]) await respond(v, ["too_fast"]);
  await respond(5, ["honeypot"]);
});

describe("who may see and accept flagged responses", () => {
  it("sends a stranger to sign in, refuses unit and viewer staff, and lets admin look but not accept", async () => {
    expect((await call(page.loader, staffRequest(path, null), params)).headers.get("Location")).toMatch(
      /^\/staff\/login/,
    );
    for (const role of ["unit", "viewer"] as const) {
      const u = await signIn(role, role === "unit" ? unitId : null);
      expect((await call(page.loader, staffRequest(path, u.cookie), params)).status).toBe(403);
      expect(
        (await call(page.action, staffRequest(path, u.cookie, { form: { day: DAY, reasons: "too_fast" } }), params))
          .status,
      ).toBe(403);
    }
    const admin = await signIn("admin");
    const seen = await call(page.loader, staffRequest(path, admin.cookie), params);
    expect(seen.status).toBe(200);
    const data = await seen.json();
    expect(data.canAccept).toBe(false);
    expect(data.batches).toEqual([
      { day: DAY, reasons: "honeypot", responses: 1 },
      { day: DAY, reasons: "too_fast", responses: 3 },
    ]);
    expect(
      (await call(page.action, staffRequest(path, admin.cookie, { form: { day: DAY, reasons: "too_fast" } }), params))
        .status,
    ).toBe(403);
    expect((await headline()).n).toBe(4);
  });
});

describe("accepting a batch back", () => {
  it("refuses bad input with a 400 and changes nothing", async () => {
    const office = await signIn("office");
    const bad: Record<string, string>[] = [
      { day: "2031-02-30", reasons: "too_fast" },
      { day: DAY, reasons: "too_fast'; drop table response; --" },
      { day: DAY, reasons: "too_fast", note: "x".repeat(501) },
    ];
    for (const form of bad) {
      expect((await call(page.action, staffRequest(path, office.cookie, { form }), params)).status).toBe(400);
    }
    expect(
      (
        await call(
          page.loader,
          staffRequest(`/staff/surveys/${surveyId}/flags?from=2031-05-21&to=2031-05-20`, office.cookie),
          params,
        )
      ).status,
    ).toBe(400);
    // A batch that has nothing flagged: a clear 409, nothing written.
    expect(
      (
        await call(
          page.action,
          staffRequest(path, office.cookie, { form: { day: "2031-05-19", reasons: "too_fast" } }),
          params,
        )
      ).status,
    ).toBe(409);
    expect(await db().selectFrom("flag_acceptance").select("id").execute()).toEqual([]);
    expect((await headline()).n).toBe(4);
  });

  it("40 accepts of the same batch at once accept it once, audited, and the headline moves by exactly its answers", async () => {
    const office = await signIn("office");
    const before = await headline();
    // By hand (satisfied = 4 or 5): unflagged 5, 5, 4, 2 → 3 of 4.
    expect([before.n, before.rate]).toEqual([4, 0.75]);
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        call(
          page.action,
          staffRequest(path, office.cookie, { form: { day: DAY, reasons: "too_fast", note: "đã kiểm tra camera" } }),
          params,
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 302)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(39);
    expect(replies.find((r) => r.status === 302)!.headers.get("Location")).toBe(
      `/staff/surveys/${surveyId}/flags?from=${DAY}&to=${DAY}&done=3`,
    );
    // The three too_fast answers 5, 1, 1 join: 3 + 1 satisfied of 4 + 3 → 4 / 7; the honeypot one stays out.
    const after = await headline();
    expect(after.n).toBe(7);
    expect(after.rate).toBeCloseTo(4 / 7, 12);
    const audit = await db().selectFrom("audit_log").selectAll().where("action", "=", "survey.flags.accept").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: office.id, entity: "flag_acceptance" });
    const data = await (await call(page.loader, staffRequest(path, office.cookie), params)).json();
    expect(data.batches).toEqual([{ day: DAY, reasons: "honeypot", responses: 1 }]);
    expect(data.accepted).toMatchObject([
      { day: DAY, reasons: "too_fast", responses: 3, note: "đã kiểm tra camera", accepted_by: office.email },
    ]);
  });
});
