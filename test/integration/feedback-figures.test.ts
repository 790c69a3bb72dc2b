// QĐ 766 feedback figures against a real database (docs/rules/feedback-figures.md): one
// unsatisfied rating costs one case, and a reopened case is pending, then overdue past its new
// limit, until it is answered again. Expected figures are computed by hand in the comments.
import crypto from "node:crypto";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { submitFeedback, type IntakeInput } from "~/features/feedback/feedback-intake.server";
import { rateFromSender } from "~/features/feedback/feedback-public.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn } from "../support/staff";

// 10:00 in Viet Nam. No holiday of 2025 is in the test database: working days are Mon–Fri.
const at = (d: string) => new Date(`${d}T03:00:00Z`);
const PERIOD = { from: "2025-03-01", to: "2025-03-31" };

let office: StaffUser;
let unitId: number;
const cases: { id: number; code: string; fullCode: string; phone: string }[] = [];

beforeAll(async () => {
  const s = await signIn("office");
  office = {
    id: s.id,
    email: s.email,
    name: "Văn phòng thử",
    role: s.role,
    unitId: s.unitId,
    agencyId: 1,
    mustChangePassword: false,
    sessionId: "test",
  };
  unitId = await makeUnit();
  // Ten cases received Mon 3/3/2025, all answered on time: the answer limit is 15 working days →
  // Mon 24/3; approved Mon 10/3 (publish limit 2 working days → Wed 12/3), published Tue 11/3.
  for (let i = 0; i < 10; i++) {
    const phone = `0912${String(300000 + i)}`;
    const fb = await submitFeedback(
      {
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Người gửi",
        address: "Mỹ Tho",
        phone,
        content: `Phản ánh thử số ${i} về thời gian trả kết quả.`,
        lang: "vi",
        attachments: [],
      } satisfies IntakeInput,
      at("2025-03-03"),
    );
    await actOnFeedback(null, office, fb.id, { intent: "classify", feedbackClass: "competent" }, at("2025-03-04"));
    await actOnFeedback(null, office, fb.id, { intent: "assign", unitId }, at("2025-03-04"));
    await actOnFeedback(
      null,
      office,
      fb.id,
      { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." },
      at("2025-03-10"),
    );
    await actOnFeedback(null, office, fb.id, { intent: "approve", approver: "Giám đốc" }, at("2025-03-10"));
    expect(
      await actOnFeedback(
        null,
        office,
        fb.id,
        { intent: "publish", publicContent: "Nội dung công khai mẫu" },
        at("2025-03-11"),
      ),
    ).toMatchObject({ ok: true });
    cases.push({ id: fb.id, code: fb.code, fullCode: fb.fullCode, phone });
  }
  // Nine senders are satisfied; the tenth is not, on Wed 12/3, which reopens the case.
  for (const c of cases.slice(0, 9))
    expect(await rateFromSender(c.fullCode, c.phone, "satisfied", undefined, at("2025-03-12"))).toEqual({ ok: true });
  expect(
    await rateFromSender(
      cases[9].fullCode,
      cases[9].phone,
      "unsatisfied",
      "Chưa trả lời đúng câu hỏi",
      at("2025-03-12"),
    ),
  ).toEqual({ ok: true });
});

describe("QĐ 766 satisfaction with feedback handling", () => {
  it("charges one unsatisfied rating once: 10 cases, one rated unsatisfied → 90 %", async () => {
    // The reopened case's new answer limit: 15 working days from Wed 12/3 → Wed 2/4/2025
    // (13, 14, 17–21, 24–28, 31/3, 1/4, 2/4). On 2/4 it is not yet overdue.
    const reopened = await db()
      .selectFrom("feedback")
      .select(["status", "answer_due", "due_date", "handled_at"])
      .where("id", "=", cases[9].id)
      .executeTakeFirstOrThrow();
    expect(reopened).toEqual({
      status: "in_progress",
      answer_due: "2025-04-02",
      due_date: "2025-04-02",
      handled_at: null,
    });

    const f = await feedbackFigures({ agencyId: 1, ...PERIOD, now: at("2025-04-02") });
    // (10 total − 1 rated unsatisfied − 0 late − 0 repeated) ÷ 10 = 9/10. The sender's single
    // rating is one event: it feeds "rated unsatisfied" and nothing else (the old code also
    // subtracted the reopening it caused and gave 8/10).
    expect(f.satisfaction).toMatchObject({ total: 10, unsatisfied: 1, late: 0, repeated: 0, good: 9, n: 10 });
    expect(f.satisfaction.rate).toBeCloseTo(0.9, 10);
    // The reopened case is pending, not handled (the old code kept its handled date: 10 handled).
    expect(f).toMatchObject({
      received: 10,
      handled: 9,
      handledOnTime: 9,
      handledLate: 0,
      pending: 1,
      overdue: 0,
      rated: 10,
      ratedSatisfied: 9,
    });
  });

  it("counts a reopened case as overdue past its new limit, then handled late once answered again", async () => {
    // Thu 3/4/2025 is past the new limit (2/4): overdue, and lateness is a second event of the case.
    const late = await feedbackFigures({ agencyId: 1, ...PERIOD, now: at("2025-04-03") });
    expect(late).toMatchObject({ handled: 9, pending: 1, overdue: 1 });
    // (10 − 1 unsatisfied − 1 late − 0) ÷ 10 = 8/10.
    expect(late.satisfaction).toMatchObject({ unsatisfied: 1, late: 1, repeated: 0, good: 8 });

    // Answered again on Fri 4/4, after the limit: handled, and handled late.
    const id = cases[9].id;
    await actOnFeedback(
      null,
      office,
      id,
      { intent: "draft", answer: "Câu trả lời lần hai đủ dài để hợp lệ." },
      at("2025-04-04"),
    );
    await actOnFeedback(null, office, id, { intent: "approve", approver: "Giám đốc" }, at("2025-04-04"));
    await actOnFeedback(
      null,
      office,
      id,
      { intent: "publish", publicContent: "Nội dung công khai mẫu" },
      at("2025-04-04"),
    );
    const after = await feedbackFigures({ agencyId: 1, ...PERIOD, now: at("2025-04-10") });
    expect(after).toMatchObject({ handled: 10, handledOnTime: 9, handledLate: 1, pending: 0, overdue: 0 });
    expect(after.satisfaction).toMatchObject({ unsatisfied: 1, late: 1, good: 8 });
  });

  it("counts a new case the Office marks as the same matter raised again, once, as 'repeated'", async () => {
    // The first sender, satisfied on paper, sends the same matter again on Thu 20/3/2025; the Office
    // classifies and assigns it that day (answer limit 15 working days → Thu 10/4/2025).
    const again = await submitFeedback(
      {
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Người gửi",
        address: "Mỹ Tho",
        phone: cases[0].phone,
        content: "Tôi gửi lại: câu trả lời trước chưa giải quyết được việc.",
        lang: "vi",
        attachments: [],
      },
      at("2025-03-20"),
    );
    await actOnFeedback(null, office, again.id, { intent: "classify", feedbackClass: "competent" }, at("2025-03-20"));
    await actOnFeedback(null, office, again.id, { intent: "assign", unitId }, at("2025-03-20"));

    // Attempts that must change nothing: its own code, a later case's code, a code that is no code,
    // and a unit account (not the Office).
    const later = await submitFeedback(
      {
        submissionId: crypto.randomUUID(),
        kind: "phan_anh",
        name: "Người khác",
        address: "Mỹ Tho",
        phone: "0912399999",
        content: "Một phản ánh nhận sau để thử đánh dấu.",
        lang: "vi",
        attachments: [],
      },
      at("2025-04-15"),
    );
    for (const earlierCode of [again.code, later.code, "PAKN.2025", "x'; drop table feedback; --"]) {
      expect(
        await actOnFeedback(null, office, again.id, { intent: "mark_repeat", earlierCode }, at("2025-03-21")),
      ).toEqual({ ok: false, reason: "invalid", field: "earlierCode", message: "feedback.errors.repeatOfInvalid" });
    }
    const unitUser = await signIn("unit", unitId);
    const asUnit: StaffUser = {
      id: unitUser.id,
      email: unitUser.email,
      name: "Đơn vị",
      role: "unit",
      unitId,
      agencyId: 1,
      mustChangePassword: false,
      sessionId: "test",
    };
    expect(
      await actOnFeedback(
        null,
        asUnit,
        again.id,
        { intent: "mark_repeat", earlierCode: cases[0].code },
        at("2025-03-21"),
      ),
    ).toEqual({ ok: false, reason: "role" });
    expect(
      (await db().selectFrom("feedback").select("repeat_of").where("id", "=", again.id).executeTakeFirstOrThrow())
        .repeat_of,
    ).toBeNull();

    // The Office marks it (the code typed in lower case still reads).
    expect(
      await actOnFeedback(
        null,
        office,
        again.id,
        { intent: "mark_repeat", earlierCode: cases[0].code.toLowerCase() },
        at("2025-03-21"),
      ),
    ).toMatchObject({ ok: true, status: "in_progress" });
    const f = await feedbackFigures({ agencyId: 1, ...PERIOD, now: at("2025-04-10") });
    // 11 cases: (11 − 1 unsatisfied (case 10's rating) − 1 late (case 10's second answer) − 1 repeated) ÷ 11 = 8/11.
    expect(f.satisfaction).toMatchObject({ total: 11, unsatisfied: 1, late: 1, repeated: 1, good: 8, n: 11 });
    // Both histories say so.
    const events = await db()
      .selectFrom("feedback_event")
      .select(["feedback_id", "action"])
      .where("action", "in", ["mark_repeat", "raised_again"])
      .orderBy("id")
      .execute();
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { feedback_id: again.id, action: "mark_repeat" },
        { feedback_id: cases[0].id, action: "raised_again" },
      ]),
    );
    // Cleared with an empty code, the term goes back to 0.
    expect(
      await actOnFeedback(null, office, again.id, { intent: "mark_repeat", earlierCode: undefined }, at("2025-03-24")),
    ).toMatchObject({ ok: true });
    expect((await feedbackFigures({ agencyId: 1, ...PERIOD, now: at("2025-04-10") })).satisfaction.repeated).toBe(0);
  });
});
