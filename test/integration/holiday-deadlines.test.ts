// A holiday change moves the limits of every open feedback case (docs/rules/holidays.md), audited,
// written in each case's history, and listed on the holidays page after the change. Dates are in
// October 2029, a month with no holiday in the test database: working days are Mon–Fri.
import crypto from "node:crypto";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { saveHoliday } from "~/features/admin/holidays.server";
import { action as holidaysAction, loader as holidaysLoader } from "~/routes/staff.holidays";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const at = (d: string) => new Date(`${d}T03:00:00Z`); // 10:00 in Viet Nam
const args = (request: Request) => ({ request, params: {}, context: {} });
async function settle(p: Promise<unknown>): Promise<Response> {
  try {
    return (await p) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

type Signed = Awaited<ReturnType<typeof signIn>>;
let admin: Signed, office: Signed;
let officeUser: StaffUser;
const ids: Record<"inProgress" | "received" | "approved" | "published", number> = {
  inProgress: 0,
  received: 0,
  approved: 0,
  published: 0,
};
const codes: Record<string, string> = {};

const limits = (id: number) =>
  db()
    .selectFrom("feedback")
    .select(["refuse_due", "info_due", "transfer_due", "answer_due", "publish_due", "due_date"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
const post = (who: Signed, form: Record<string, string>) =>
  settle(holidaysAction(args(staffRequest("/staff/holidays", who.cookie, { form }))));

beforeAll(async () => {
  [admin, office] = await Promise.all([signIn("admin"), signIn("office")]);
  officeUser = {
    id: office.id,
    email: office.email,
    name: "Văn phòng thử",
    role: office.role,
    unitId: office.unitId,
    agencyId: 1,
    mustChangePassword: false,
    sessionId: "test",
  };
  const unitId = await makeUnit();
  const o = officeUser;
  const mk = async (key: keyof typeof ids, i: number) => {
    const fb = await submitFeedback(
      {
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Người gửi",
        address: "Mỹ Tho",
        phone: `091330000${i}`,
        content: "Phản ánh thử về thời hạn xử lý.",
        lang: "vi",
        attachments: [],
      },
      at("2029-10-01"),
    );
    ids[key] = fb.id;
    codes[key] = fb.code;
    return fb.id;
  };
  // All received Mon 1/10/2029: refuse limit 2 working days → Wed 3/10; transfer and request
  // limits 5 → Mon 8/10; answer limit 15 → Mon 22/10 (2–5, 8–12, 15–19, 22 October).
  const a = await mk("inProgress", 1);
  await actOnFeedback(null, o, a, { intent: "classify", feedbackClass: "competent" }, at("2029-10-01"));
  await actOnFeedback(null, o, a, { intent: "assign", unitId }, at("2029-10-01"));
  await mk("received", 2);
  const d = await mk("approved", 3);
  await actOnFeedback(null, o, d, { intent: "classify", feedbackClass: "competent" }, at("2029-10-01"));
  await actOnFeedback(null, o, d, { intent: "assign", unitId }, at("2029-10-01"));
  await actOnFeedback(null, o, d, { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." }, at("2029-10-09"));
  // Approved Tue 9/10: publication limit 2 working days → Thu 11/10.
  await actOnFeedback(null, o, d, { intent: "approve", approver: "Giám đốc" }, at("2029-10-09"));
  const b = await mk("published", 4);
  await actOnFeedback(null, o, b, { intent: "classify", feedbackClass: "competent" }, at("2029-10-02"));
  await actOnFeedback(null, o, b, { intent: "assign", unitId }, at("2029-10-02"));
  await actOnFeedback(null, o, b, { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." }, at("2029-10-02"));
  await actOnFeedback(null, o, b, { intent: "approve", approver: "Giám đốc" }, at("2029-10-02"));
  await actOnFeedback(null, o, b, { intent: "publish", publicContent: "Nội dung công khai mẫu" }, at("2029-10-02"));
});

describe("a holiday change moves the limits of open feedback cases", () => {
  it("starts from the limits computed by hand", async () => {
    expect(await limits(ids.inProgress)).toMatchObject({ answer_due: "2029-10-22", due_date: "2029-10-22" });
    expect(await limits(ids.received)).toMatchObject({
      refuse_due: "2029-10-03",
      info_due: "2029-10-08",
      transfer_due: "2029-10-08",
      answer_due: "2029-10-22",
      due_date: "2029-10-08",
    });
    expect(await limits(ids.approved)).toMatchObject({ publish_due: "2029-10-11", due_date: "2029-10-11" });
  });

  it("refuses a change by anyone but the admin (403), and nothing moves", async () => {
    const res = await post(office, {
      date: "2029-10-10",
      nameVi: "Ngày nghỉ thử",
      nameEn: "Test day off",
      kind: "off",
    });
    expect(res.status).toBe(403);
    expect(await limits(ids.inProgress)).toMatchObject({ answer_due: "2029-10-22" });
    expect(await db().selectFrom("holiday").select("date").where("date", "=", "2029-10-10").execute()).toEqual([]);
  });

  it("adds Wed 10/10 as a day off: each live limit after it moves by one working day, and the page lists them", async () => {
    const res = await post(admin, { date: "10/10/2029", nameVi: "Ngày nghỉ thử", nameEn: "Test day off", kind: "off" });
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/staff\/holidays\?done=saved&change=\d+$/);

    // In progress: 15 working days from Mon 1/10 skipping Wed 10/10 → Tue 23/10 (was Mon 22/10).
    expect(await limits(ids.inProgress)).toMatchObject({ answer_due: "2029-10-23", due_date: "2029-10-23" });
    // Received: the limits before 10/10 stay; the answer limit moves to 23/10; the current
    // (transfer) limit stays Mon 8/10.
    expect(await limits(ids.received)).toMatchObject({
      refuse_due: "2029-10-03",
      info_due: "2029-10-08",
      transfer_due: "2029-10-08",
      answer_due: "2029-10-23",
      due_date: "2029-10-08",
    });
    // Approved Tue 9/10: 2 working days skipping Wed 10/10 → Fri 12/10 (was Thu 11/10).
    expect(await limits(ids.approved)).toMatchObject({ publish_due: "2029-10-12", due_date: "2029-10-12" });
    // A published case owes nothing: its stored answer limit stays.
    expect(await limits(ids.published)).toMatchObject({ answer_due: "2029-10-22", due_date: null });

    // Each moved case has the move in its history and in the audit log.
    const events = await db()
      .selectFrom("feedback_event")
      .select(["feedback_id", "actor_id", "details"])
      .where("action", "=", "deadlines_moved")
      .orderBy("feedback_id")
      .execute();
    expect(events.map((e) => e.feedback_id)).toEqual(
      [ids.inProgress, ids.received, ids.approved].sort((x, y) => x - y),
    );
    expect(events.every((e) => e.actor_id === admin.id)).toBe(true);
    const inProgressEvent = events.find((e) => e.feedback_id === ids.inProgress)!;
    expect(inProgressEvent.details).toMatchObject({
      calendar: { action: "holiday.create", date: "2029-10-10" },
      changes: [
        { field: "answer_due", from: "2029-10-22", to: "2029-10-23" },
        { field: "due_date", from: "2029-10-22", to: "2029-10-23" },
      ],
    });
    const audited = await db()
      .selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", "feedback.deadlines_moved")
      .execute();
    expect(audited.map((a) => Number(a.entity_id)).sort((x, y) => x - y)).toEqual(
      [ids.inProgress, ids.received, ids.approved].sort((x, y) => x - y),
    );

    // The page after the change lists what moved, old → new.
    const page = await (await holidaysLoader(args(staffRequest(location, admin.cookie)))).json();
    expect(page.moved?.date).toBe("2029-10-10");
    const byCode = Object.fromEntries(
      page.moved!.moved.map((m: { code: string; changes: unknown[] }) => [m.code, m.changes]),
    );
    expect(Object.keys(byCode).sort()).toEqual([codes.inProgress, codes.received, codes.approved].sort());
    expect(byCode[codes.received]).toEqual([{ field: "answer_due", from: "2029-10-22", to: "2029-10-23" }]);
    // A step now counts against the moved limit: approved on Tue 23/10 is on time.
    await actOnFeedback(
      null,
      officeUser,
      ids.inProgress,
      { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." },
      at("2029-10-23"),
    );
    await actOnFeedback(
      null,
      officeUser,
      ids.inProgress,
      { intent: "approve", approver: "Giám đốc" },
      at("2029-10-23"),
    );
    expect(
      (await db().selectFrom("feedback").select("late").where("id", "=", ids.inProgress).executeTakeFirstOrThrow())
        .late,
    ).toBe(false);
  });

  it("deleting the day moves the limits back; a day after every limit moves nothing", async () => {
    expect((await post(admin, { intent: "delete", date: "2029-10-10" })).status).toBe(302);
    expect(await limits(ids.received)).toMatchObject({ answer_due: "2029-10-22" });
    expect(await limits(ids.approved)).toMatchObject({ publish_due: "2029-10-11", due_date: "2029-10-11" });

    const res = await post(admin, { date: "2029-12-03", nameVi: "Ngày nghỉ thử", nameEn: "Test day off", kind: "off" });
    const page = await (await holidaysLoader(args(staffRequest(res.headers.get("Location")!, admin.cookie)))).json();
    expect(page.moved).toEqual({ action: "holiday.create", date: "2029-12-03", moved: [] });
  });

  it("counts two days added at the same moment both: the limit moves by two", async () => {
    // The received case's answer limit is Mon 22/10 again. Thu 11/10 and Fri 12/10 off at once →
    // 15 working days from 1/10 end Wed 24/10.
    const who = { id: admin.id, email: admin.email, name: "Quản trị", agencyId: admin.agencyId };
    const results = await Promise.all([
      saveHoliday({ date: "2029-10-11", nameVi: "Nghỉ A", nameEn: "Off A", kind: "off" }, null, who, null),
      saveHoliday({ date: "2029-10-12", nameVi: "Nghỉ B", nameEn: "Off B", kind: "off" }, null, who, null),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await limits(ids.received)).toMatchObject({ answer_due: "2029-10-24" });
  });

  it("answers a forged change id with no notice, not an error", async () => {
    for (const change of ["abc", "99999999", "1; drop table feedback"]) {
      const page = await (
        await holidaysLoader(args(staffRequest(`/staff/holidays?change=${encodeURIComponent(change)}`, admin.cookie)))
      ).json();
      expect(page.moved).toBeNull();
    }
  });
});
