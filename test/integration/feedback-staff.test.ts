// The staff side of feedback against a real database: the whole workflow through the routes,
// unit scope, role refusals, personal-data logging, and the dashboard figures.
import crypto from "node:crypto";
import { loader as listLoader } from "~/routes/staff.feedback._index";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.feedback.$id";
import { loader as attachmentLoader } from "~/routes/staff.feedback.$id.attachment.$aid";
import { loader as answersLoader } from "~/routes/feedback.answers";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { submitFeedback, type IntakeInput } from "~/features/feedback/feedback-intake.server";
import { addInfoFromSender, rateFromSender, senderView } from "~/features/feedback/feedback-public.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";

type Signed = Awaited<ReturnType<typeof signIn>>;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const asUser = (s: Signed, name = "Cán bộ thử"): StaffUser => ({
  id: s.id,
  email: s.email,
  name,
  role: s.role,
  unitId: s.unitId,
  agencyId: 1,
  mustChangePassword: false,
  sessionId: "test",
});
const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n", "latin1"));

function input(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: "Nguyễn Thị Riêng Tư",
    address: "Số 7 đường Kín Đáo, Mỹ Tho",
    phone: "0900 222 333",
    email: "rieng.tu@example.com",
    organisation: "Công ty Bí Mật",
    title: "Chậm trả kết quả",
    content: "Hồ sơ của tôi trả chậm. Gọi tôi theo số 0900 222 333 hoặc rieng.tu@example.com.",
    lang: "vi",
    attachments: [],
    ...over,
  };
}

async function post(id: number, who: Signed, form: Record<string, string>) {
  try {
    return (await detailAction(
      args(staffRequest(`/staff/feedback/${id}`, who.cookie, { form }), { id: String(id) }),
    )) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    const r = await p;
    return r as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

let unitA: number, unitB: number;
let office: Signed, admin: Signed, unitUserA: Signed, viewer: Signed;

beforeAll(async () => {
  unitA = await makeUnit();
  unitB = await makeUnit();
  // Unit B has its own user too, though no test here acts as it.
  [office, admin, unitUserA, , viewer] = await Promise.all([
    signIn("office"),
    signIn("admin"),
    signIn("unit", unitA),
    signIn("unit", unitB),
    signIn("viewer"),
  ]);
});

describe("the staff workflow", () => {
  it("takes a case from receipt to a published answer, logging every step with who, when and note", async () => {
    const fb = await submitFeedback(
      input({ attachments: [{ filename: "giay-hen.pdf", bytes: PDF, kind: "pdf", mime: "application/pdf" }] }),
    );
    const id = fb.id;
    const steps: [Signed, Record<string, string>][] = [
      [office, { intent: "classify", feedbackClass: "competent", note: "Thuộc thẩm quyền" }],
      [office, { intent: "assign", unitId: String(unitA), assigneeId: String(unitUserA.id), note: "Giao phòng A" }],
      [unitUserA, { intent: "note", note: "Đang xác minh với bộ phận một cửa" }],
      [
        unitUserA,
        {
          intent: "draft",
          answer: "Sở đã kiểm tra: hồ sơ trả chậm 7 ngày do thiếu kết quả kiểm định; Sở xin lỗi ông/bà.",
        },
      ],
      [admin, { intent: "approve", approver: "Ông Nguyễn Văn Duyệt, Phó Giám đốc" }],
      [
        office,
        {
          intent: "publish",
          publicTitle: "Chậm trả kết quả",
          publicContent: "Hồ sơ trả chậm. Gọi tôi theo số 0900 222 333 hoặc rieng.tu@example.com.",
        },
      ],
    ];
    for (const [who, form] of steps) {
      const res = await post(id, who, form);
      expect(res.status, `${form.intent}: ${res.status}`).toBe(302);
    }
    const row = await db().selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "published",
      class: "competent",
      unit_id: unitA,
      assignee_id: unitUserA.id,
      approved_by_name: "Ông Nguyễn Văn Duyệt, Phó Giám đốc",
      late: false,
      due_date: null,
    });
    // No SMTP in tests: the sender goes on the call list.
    expect(row.notify_status).toBe("to_notify");
    expect(row.public_content).toBe("Hồ sơ trả chậm. Gọi tôi theo số [***] hoặc [***].");
    const events = await db()
      .selectFrom("feedback_event")
      .selectAll()
      .where("feedback_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "receive",
      "classify",
      "assign",
      "note",
      "draft",
      "approve",
      "publish",
    ]);
    expect(events.slice(1).every((e) => e.actor_id !== null && e.actor_name && e.at instanceof Date)).toBe(true);
    expect(events[3]).toMatchObject({
      actor_id: unitUserA.id,
      note: "Đang xác minh với bộ phận một cửa",
      from_status: "in_progress",
      to_status: "in_progress",
    });
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity", "=", "feedback")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.filter((a) => a.action.startsWith("feedback.")).map((a) => a.action)).toEqual([
      "feedback.classify",
      "feedback.assign",
      "feedback.note",
      "feedback.draft",
      "feedback.approve",
      "feedback.publish",
    ]);

    // The public register shows the answer and no personal data at all.
    const answers = await (await answersLoader(args(new Request("http://localhost/feedback/answers")))).json();
    const item = answers.items.find((i: { code: string }) => i.code === fb.code);
    expect(item!.answer).toContain("Sở xin lỗi");
    const text = JSON.stringify(answers);
    for (const secret of ["Riêng Tư", "Kín Đáo", "0900 222 333", "0900222333", "rieng.tu@example.com", "Bí Mật"])
      expect(text).not.toContain(secret);

    // The sender reads it with code and phone, and an unsatisfied rating reopens it.
    const seen = await senderView(fb.fullCode, "0900222333", "vi");
    expect(seen).toMatchObject({ status: "published", canRate: true, answer: expect.stringContaining("Sở xin lỗi") });
    expect(await rateFromSender(fb.fullCode, "0900222333", "unsatisfied", "Chưa rõ")).toEqual({ ok: true });
    const reopened = await db().selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(reopened).toMatchObject({
      status: "in_progress",
      unsatisfied_count: 1,
      reopened_count: 1,
      rating: "unsatisfied",
      answer_published: row.answer_published,
    });
    expect(reopened.due_date).toBe(reopened.answer_due);
    expect(await rateFromSender(fb.fullCode, "0900222333", "satisfied", undefined)).toEqual({
      ok: false,
      reason: "state",
    });
  });

  it("refuses with a reason, asks for more information, and transfers with a dispatch number", async () => {
    const a = await submitFeedback(input());
    expect(
      (await post(a.id, office, { intent: "refuse", reason: "Nội dung là khiếu nại, không phải phản ánh." })).status,
    ).toBe(302);
    expect(
      await db()
        .selectFrom("feedback")
        .select(["status", "refuse_reason", "handled_at"])
        .where("id", "=", a.id)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ status: "refused", refuse_reason: "Nội dung là khiếu nại, không phải phản ánh." });

    const b = await submitFeedback(input({ phone: "0900 444 555" }), new Date("2026-11-02T03:00:00Z"));
    expect((await post(b.id, office, { intent: "request_info", note: "Xin cho biết mã hồ sơ." })).status).toBe(302);
    const before = await db().selectFrom("feedback").selectAll().where("id", "=", b.id).executeTakeFirstOrThrow();
    expect(before).toMatchObject({ status: "info_requested", due_date: null, info_request: "Xin cho biết mã hồ sơ." });
    expect((await senderView(b.fullCode, "0900444555", "vi"))?.infoRequest).toBe("Xin cho biết mã hồ sơ.");
    const requestId = crypto.randomUUID();
    const info = {
      requestId,
      info: "Mã hồ sơ 000.00.27.H55-261102-0001",
      files: [{ filename: "bien-nhan.pdf", bytes: PDF, kind: "pdf" as const, mime: "application/pdf" }],
    };
    expect(await addInfoFromSender(b.fullCode, "0900444555", info, new Date("2026-11-09T03:00:00Z"))).toEqual({
      ok: true,
    });
    // A retried post of the same information is answered as done, without a second entry.
    expect(await addInfoFromSender(b.fullCode, "0900444555", info, new Date("2026-11-09T03:01:00Z"))).toEqual({
      ok: true,
    });
    const after = await db().selectFrom("feedback").selectAll().where("id", "=", b.id).executeTakeFirstOrThrow();
    // The clock restarts from the day the information arrived (Mon 9/11): 5 working days → Mon 16/11.
    expect(after).toMatchObject({
      status: "received",
      base_date: "2026-11-09",
      transfer_due: "2026-11-16",
      due_date: "2026-11-16",
    });
    expect(
      await db()
        .selectFrom("feedback_event")
        .select("id")
        .where("feedback_id", "=", b.id)
        .where("action", "=", "add_info")
        .execute(),
    ).toHaveLength(1);
    expect(
      await db().selectFrom("feedback_attachment").select("source").where("feedback_id", "=", b.id).execute(),
    ).toEqual([{ source: "info" }]);

    expect(
      (await post(b.id, office, { intent: "classify", feedbackClass: "transferred", agency: "", dispatch: "" })).status,
    ).toBe(400);
    expect(
      (
        await post(b.id, office, {
          intent: "classify",
          feedbackClass: "transferred",
          agency: "Sở Tài chính",
          dispatch: "125/SKHCN-VP",
        })
      ).status,
    ).toBe(302);
    expect(
      await db()
        .selectFrom("feedback")
        .select(["status", "transfer_agency", "transfer_dispatch"])
        .where("id", "=", b.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "transferred", transfer_agency: "Sở Tài chính", transfer_dispatch: "125/SKHCN-VP" });
  });

  it("refuses a step the state does not allow (409) and writes nothing", async () => {
    const fb = await submitFeedback(input());
    const events = await db().selectFrom("feedback_event").select("id").where("feedback_id", "=", fb.id).execute();
    const res = await post(fb.id, office, { intent: "publish", publicContent: "Nội dung công khai đủ dài" });
    expect(res.status).toBe(409);
    expect((await res.json()).errors).toEqual({ _form: "feedback.errors.state" });
    expect(await db().selectFrom("feedback_event").select("id").where("feedback_id", "=", fb.id).execute()).toEqual(
      events,
    );
    expect(
      await db()
        .selectFrom("audit_log")
        .select("id")
        .where("entity", "=", "feedback")
        .where("entity_id", "=", String(fb.id))
        .where("action", "like", "feedback.%")
        .execute(),
    ).toEqual([]);
  });
});

describe("who sees and does what", () => {
  let ownId = 0;
  let otherId = 0;
  let attachmentId = 0;
  beforeAll(async () => {
    const own = await submitFeedback(
      input({ attachments: [{ filename: "anh.pdf", bytes: PDF, kind: "pdf", mime: "application/pdf" }] }),
    );
    const other = await submitFeedback(input());
    ownId = own.id;
    otherId = other.id;
    await actOnFeedback(null, asUser(office), ownId, { intent: "classify", feedbackClass: "competent" });
    await actOnFeedback(null, asUser(office), ownId, { intent: "assign", unitId: unitA });
    await actOnFeedback(null, asUser(office), otherId, { intent: "classify", feedbackClass: "competent" });
    await actOnFeedback(null, asUser(office), otherId, { intent: "assign", unitId: unitB });
    attachmentId = (
      await db()
        .selectFrom("feedback_attachment")
        .select("id")
        .where("feedback_id", "=", ownId)
        .executeTakeFirstOrThrow()
    ).id;
  });

  it("shows a unit only its own cases, in the list, the detail and the downloads", async () => {
    const list = await (await listLoader(args(staffRequest("/staff/feedback?view=all", unitUserA.cookie)))).json();
    const ids = list.list!.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(ownId);
    expect(ids).not.toContain(otherId);
    expect(
      (
        await thrown(
          detailLoader(args(staffRequest(`/staff/feedback/${otherId}`, unitUserA.cookie), { id: String(otherId) })),
        )
      ).status,
    ).toBe(404);
    expect((await post(otherId, unitUserA, { intent: "note", note: "Thử ghi chú" })).status).toBe(404);
    const own = await (
      await detailLoader(args(staffRequest(`/staff/feedback/${ownId}`, unitUserA.cookie), { id: String(ownId) }))
    ).json();
    expect(own.detail.actions.sort()).toEqual(["draft", "note"]);
    // The unit may not approve, even its own case.
    await actOnFeedback(null, asUser(unitUserA), ownId, {
      intent: "draft",
      answer: "Dự thảo trả lời đủ dài để hợp lệ.",
    });
    expect((await post(ownId, unitUserA, { intent: "approve", approver: "Ai đó" })).status).toBe(403);
    const dl = await thrown(
      attachmentLoader(
        args(staffRequest(`/staff/feedback/${otherId}/attachment/${attachmentId}`, unitUserA.cookie), {
          id: String(otherId),
          aid: String(attachmentId),
        }),
      ),
    );
    expect(dl.status).toBe(404);
  });

  it("keeps a viewer out of every feedback page (403) and a visitor without a session is sent to sign in", async () => {
    for (const [fn, path, params] of [
      [listLoader, "/staff/feedback", {}],
      [detailLoader, `/staff/feedback/${ownId}`, { id: String(ownId) }],
      [
        attachmentLoader,
        `/staff/feedback/${ownId}/attachment/${attachmentId}`,
        { id: String(ownId), aid: String(attachmentId) },
      ],
    ] as const) {
      expect(
        (await thrown((fn as (a: unknown) => Promise<Response>)(args(staffRequest(path, viewer.cookie), params))))
          .status,
      ).toBe(403);
      const anon = await thrown((fn as (a: unknown) => Promise<Response>)(args(staffRequest(path, null), params)));
      expect(anon.status).toBe(302);
      expect(anon.headers.get("Location")).toMatch(/^\/staff\/login/);
    }
    const before = await db().selectFrom("feedback_event").select("id").where("feedback_id", "=", ownId).execute();
    expect((await post(ownId, viewer, { intent: "note", note: "Viewer note" })).status).toBe(403);
    expect(await db().selectFrom("feedback_event").select("id").where("feedback_id", "=", ownId).execute()).toEqual(
      before,
    );
    // The call list is the Office's: a unit may not open it.
    expect((await thrown(listLoader(args(staffRequest("/staff/feedback?view=notify", unitUserA.cookie))))).status).toBe(
      403,
    );
  });

  it("logs every staff view of personal data: the case, the attachment, the call list", async () => {
    const since =
      (
        await db()
          .selectFrom("audit_log")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirstOrThrow()
      ).m ?? "0";
    const detail = await (
      await detailLoader(args(staffRequest(`/staff/feedback/${ownId}`, office.cookie), { id: String(ownId) }))
    ).json();
    expect(detail.detail.contact).toMatchObject({ name: "Nguyễn Thị Riêng Tư", phone: "0900 222 333" });
    const file = (await attachmentLoader(
      args(staffRequest(`/staff/feedback/${ownId}/attachment/${attachmentId}`, office.cookie), {
        id: String(ownId),
        aid: String(attachmentId),
      }),
    )) as Response;
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    await listLoader(args(staffRequest("/staff/feedback?view=notify", office.cookie)));
    const rows = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", String(since))
      .where("action", "=", "pii.view")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.entity, r.actor_id])).toEqual(
      expect.arrayContaining([
        ["feedback", office.id],
        ["feedback_attachment", office.id],
      ]),
    );
    // The log names what was seen, never the data itself.
    expect(JSON.stringify(rows)).not.toContain("Riêng Tư");
  });

  it("lists open cases by urgency: the earliest limit first", async () => {
    const list = await (await listLoader(args(staffRequest("/staff/feedback", office.cookie)))).json();
    const dues = list.list!.items.map((i: { dueDate: string | null }) => i.dueDate).filter(Boolean);
    expect(dues.length).toBeGreaterThan(1);
    expect([...dues].sort()).toEqual(dues);
    for (const i of list.list!.items) expect(["late", "due_soon", "ok", null]).toContain(i.urgency);
  });
});

describe("feedback figures", () => {
  it("count received, handled on time and late, by class, and the QĐ 766 rate with its n", async () => {
    const at = (d: string) => new Date(`${d}T03:00:00Z`); // 10:00 in Vietnam
    const o = asUser(office);
    const unit1 = await makeUnit();
    const unit2 = await makeUnit();
    const mk = async (day: string, phone: string, kind: "phan_anh" | "kien_nghi" = "phan_anh") =>
      submitFeedback(input({ phone, kind }), at(day));
    const answer = async (id: number, unitId: number, approveOn: string, publishOn: string) => {
      await actOnFeedback(null, o, id, { intent: "classify", feedbackClass: "competent" }, at("2025-03-06"));
      await actOnFeedback(null, o, id, { intent: "assign", unitId }, at("2025-03-06"));
      await actOnFeedback(null, o, id, { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." }, at(approveOn));
      await actOnFeedback(null, o, id, { intent: "approve", approver: "Giám đốc" }, at(approveOn));
      await actOnFeedback(null, o, id, { intent: "publish", publicContent: "Nội dung công khai mẫu" }, at(publishOn));
    };
    const a = await mk("2025-03-03", "0911000001");
    await actOnFeedback(null, o, a.id, { intent: "refuse", reason: "Không thuộc phạm vi phản ánh" }, at("2025-03-04"));
    const b = await mk("2025-03-03", "0911000002");
    // Transfer limit: 5 working days from Mon 3/3 → Mon 10/3; done on 14/3 → late.
    await actOnFeedback(
      null,
      o,
      b.id,
      { intent: "classify", feedbackClass: "transferred", agency: "Sở Y tế", dispatch: "1/CV" },
      at("2025-03-14"),
    );
    const c = await mk("2025-03-05", "0911000003", "kien_nghi");
    await answer(c.id, unit1, "2025-03-20", "2025-03-21");
    await rateFromSender(c.fullCode, "0911000003", "satisfied", undefined, at("2025-03-24"));
    const d = await mk("2025-03-05", "0911000004");
    await answer(d.id, unit1, "2025-03-20", "2025-03-21");
    await rateFromSender(d.fullCode, "0911000004", "unsatisfied", undefined, at("2025-03-24"));
    const e = await mk("2025-03-06", "0911000005");
    await actOnFeedback(null, o, e.id, { intent: "classify", feedbackClass: "competent" }, at("2025-03-06"));
    await actOnFeedback(null, o, e.id, { intent: "assign", unitId: unit2 }, at("2025-03-06"));
    await mk("2025-03-07", "0911000006", "kien_nghi");
    await mk("2025-04-01", "0911000007"); // outside the period

    const f = await feedbackFigures({ agencyId: 1, from: "2025-03-01", to: "2025-03-31", now: at("2025-05-01") });
    // d was rated unsatisfied and reopened on 24/3: it is pending again, not handled (its new answer
    // limit, 15 working days from Mon 24/3, is Mon 14/4, so on 1/5 it is overdue), as are e (limit
    // 27/3) and the unclassified case (transfer limit Fri 14/3).
    expect(f).toMatchObject({
      received: 6,
      byKind: { phan_anh: 4, kien_nghi: 2 },
      byClass: { competent: 3, conduct: 0, transferred: 1, refused: 1, unclassified: 1 },
      handled: 3,
      handledOnTime: 2,
      handledLate: 1,
      pending: 3,
      overdue: 3,
      rated: 2,
      ratedSatisfied: 1,
    });
    // (6 − 1 unsatisfied (d's rating) − 4 late (b handled late; d, e and the unclassified case
    // overdue) − 0 repeated) ÷ 6 = 1/6. d's rating and d's lateness are two events: each counts.
    expect(f.satisfaction).toMatchObject({ total: 6, unsatisfied: 1, late: 4, repeated: 0, good: 1, n: 6 });
    expect(f.satisfaction.rate).toBeCloseTo(1 / 6);
    const byUnit = await feedbackFigures({
      agencyId: 1,
      from: "2025-03-01",
      to: "2025-03-31",
      unitId: unit1,
      now: at("2025-05-01"),
    });
    expect(byUnit).toMatchObject({
      received: 2,
      handled: 1,
      handledLate: 0,
      pending: 1,
      satisfaction: { total: 2, unsatisfied: 1, repeated: 0, late: 1 },
    });
    expect(
      (
        await feedbackFigures({
          agencyId: 1,
          from: new Date("2030-01-01T00:00:00Z"),
          to: new Date("2030-01-31T00:00:00Z"),
        })
      ).satisfaction,
    ).toMatchObject({ rate: null, n: 0 });
  });

  it("marks an answer approved after its limit as handled late", async () => {
    const at = (d: string) => new Date(`${d}T03:00:00Z`);
    const o = asUser(office);
    const fb = await submitFeedback(input({ phone: "0911000099" }), at("2025-06-02"));
    await actOnFeedback(null, o, fb.id, { intent: "classify", feedbackClass: "competent" }, at("2025-06-02"));
    await actOnFeedback(null, o, fb.id, { intent: "assign", unitId: unitA }, at("2025-06-03"));
    await actOnFeedback(
      null,
      o,
      fb.id,
      { intent: "draft", answer: "Câu trả lời mẫu đủ dài để hợp lệ." },
      at("2025-06-24"),
    );
    const row = await db()
      .selectFrom("feedback")
      .select(["answer_due", "late"])
      .where("id", "=", fb.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ answer_due: "2025-06-23", late: false });
    await actOnFeedback(null, o, fb.id, { intent: "approve", approver: "Giám đốc" }, at("2025-06-24"));
    expect(
      (await db().selectFrom("feedback").select("late").where("id", "=", fb.id).executeTakeFirstOrThrow()).late,
    ).toBe(true);
  });
});
