// Questions: moderation (approve, merge, hide with a reason — never deleted), one vote per
// registration, an answer record for every question, the unit's scope, and what the asker sees.
import { deliverNotices } from "~/features/dialogue/dialogue-notify.server";
import {
  askQuestion,
  listPublicQuestions,
  moderationSummary,
  ownQuestions,
  vote,
} from "~/features/dialogue/dialogue-question.server";
import { cancelRegistration } from "~/features/dialogue/dialogue-seats.server";
import { signUp, type SignUpResult } from "~/features/dialogue/dialogue-registration.server";
import * as registrationRoute from "~/routes/dialogues.registration";
import * as questions from "~/routes/staff.dialogues.$id_.questions";
import { db } from "~/kernel/db/db.server";
import { ctx, makeSession, person } from "../support/dialogue";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: {} });
const regId = (r: SignUpResult) => (r.ok ? r.registration.id : -1);

async function qid(sessionId: number, text: string) {
  return (
    await db()
      .selectFrom("dialogue_question")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("text", "=", text)
      .executeTakeFirstOrThrow()
  ).id;
}

async function post(cookie: string, sessionId: number, form: Record<string, string>) {
  return questions.action(args(staffRequest(`/staff/dialogues/${sessionId}/questions`, cookie, { form }), sessionId));
}

describe("questions", () => {
  it("every question has an answer record from the start; the public sees only approved ones, masked", async () => {
    const id = await makeSession();
    const a = await signUp(
      person(id, { question: "Xin gọi lại cho tôi: 0912 345 678, email an@example.vn", topic: "Đo lường" }),
    );
    const b = await signUp(person(id));
    expect(await askQuestion(1, regId(b), "Thủ tục gia hạn giấy phép X-quang mất bao lâu?", "Bức xạ")).toMatchObject({
      ok: true,
    });
    const rows = await db()
      .selectFrom("dialogue_question as q")
      .leftJoin("dialogue_answer as a", "a.question_id", "q.id")
      .select(["q.id", "a.status"])
      .where("q.session_id", "=", id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === "pending")).toBe(true);
    expect(await listPublicQuestions(id, "vi")).toEqual([]);
    expect(await moderationSummary(id)).toMatchObject({ pending: 2 });

    const office = await signIn("office");
    const q1 = await qid(id, "Xin gọi lại cho tôi: 0912 345 678, email an@example.vn");
    // Even if the moderator leaves the phone in, what is published is masked.
    const res = await post(office.cookie, id, {
      intent: "approve",
      id: String(q1),
      public_text: "Xin gọi lại cho tôi: 0912 345 678, email an@example.vn",
      topic: "Đo lường",
    });
    expect(res.status).toBe(303);
    const pub = await listPublicQuestions(id, "vi");
    expect(pub).toHaveLength(1);
    expect(pub[0].text).not.toMatch(/0912|an@example/);
    expect(pub[0].text).toContain("[***]");
    // The asker sees their own words and the status.
    const own = await ownQuestions(1, regId(a), "vi");
    expect(own[0]).toMatchObject({ status: "approved", answerStatus: "pending" });
  });

  it("hides with a reason (kept, never deleted), restores, and says publicly how many were hidden and why", async () => {
    const id = await makeSession();
    const a = await signUp(person(id, { question: "Quảng cáo bán hàng" }));
    const office = await signIn("office");
    const q = await qid(id, "Quảng cáo bán hàng");
    const noNote = await post(office.cookie, id, { intent: "hide", id: String(q), reason: "other", note: "" });
    expect(await noNote.json()).toMatchObject({
      form: `hide-${q}`,
      errors: { note: "dialogue.errors.hideNoteRequired" },
    });
    await post(office.cookie, id, { intent: "hide", id: String(q), reason: "spam", note: "" });
    const row = await db().selectFrom("dialogue_question").selectAll().where("id", "=", q).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "hidden",
      hidden_reason: "spam",
      text: "Quảng cáo bán hàng",
      moderated_by: office.id,
    });
    expect(await moderationSummary(id)).toMatchObject({ hidden: [{ reason: "spam", n: 1 }] });
    expect((await ownQuestions(1, regId(a), "vi"))[0]).toMatchObject({ status: "hidden", hiddenReason: "spam" });
    await post(office.cookie, id, { intent: "restore", id: String(q) });
    expect(
      (await db().selectFrom("dialogue_question").select("status").where("id", "=", q).executeTakeFirstOrThrow())
        .status,
    ).toBe("pending");
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "dialogue_question")
      .where("entity_id", "=", String(q))
      .execute();
    expect(audit.map((x) => x.action)).toEqual(["dialogue.question.hide", "dialogue.question.restore"]);
  });

  it("allows one vote per registration, only for approved questions of its own session, and not once cancelled", async () => {
    const id = await makeSession();
    const asker = await signUp(person(id, { question: "Câu hỏi được bình chọn" }));
    const voters = await Promise.all([1, 2, 3].map(() => signUp(person(id))));
    const office = await signIn("office");
    const q = await qid(id, "Câu hỏi được bình chọn");
    expect(await vote(1, regId(voters[0]), q)).toBe("not_allowed"); // still pending
    await post(office.cookie, id, { intent: "approve", id: String(q), public_text: "Câu hỏi được bình chọn" });
    // The same person voting twice at once still counts once.
    const twice = await Promise.all([vote(1, regId(voters[0]), q), vote(1, regId(voters[0]), q)]);
    expect(twice.sort()).toEqual(["already", "ok"]);
    expect(await vote(1, regId(voters[1]), q)).toBe("ok");
    expect(await vote(1, regId(asker), q)).toBe("ok");
    await cancelRegistration(regId(voters[2]), ctx);
    expect(await vote(1, regId(voters[2]), q)).toBe("not_allowed");
    const other = await makeSession();
    const stranger = await signUp(person(other));
    expect(await vote(1, regId(stranger), q)).toBe("not_allowed");
    expect((await listPublicQuestions(id, "vi"))[0].votes).toBe(3);
    // The database itself refuses a second vote by the same registration.
    await expect(
      db()
        .insertInto("dialogue_vote")
        .values({ question_id: q, registration_id: regId(voters[1]) })
        .execute(),
    ).rejects.toThrow();
  });

  it("votes through the registration page after looking up with code and phone", async () => {
    const id = await makeSession();
    const p = person(id, { question: "Câu hỏi trên trang đăng ký" });
    const r = await signUp(p);
    const office = await signIn("office");
    const q = await qid(id, "Câu hỏi trên trang đăng ký");
    await post(office.cookie, id, { intent: "approve", id: String(q), public_text: "Câu hỏi trên trang đăng ký" });
    const form = (f: Record<string, string>, cookie?: string) =>
      new Request("http://localhost/dialogues/registration", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams(f),
      });
    const noCookie = await registrationRoute.action({
      request: form({ intent: "vote", question: String(q) }),
      params: {},
      context: {},
    });
    expect(noCookie.status).toBe(401);
    const wrong = await registrationRoute.action({
      request: form({ intent: "lookup", code: r.ok ? r.registration.fullCode : "", contact: "0999999999" }),
      params: {},
      context: {},
    });
    expect(await wrong.json()).toMatchObject({ errors: { _form: "dialogue.errors.lookupFailed" } });
    const ok = await registrationRoute.action({
      request: form({ intent: "lookup", code: r.ok ? r.registration.fullCode.toLowerCase() : "", contact: p.phone! }),
      params: {},
      context: {},
    });
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get("Set-Cookie")!.split(";")[0];
    const v1 = await registrationRoute.action({
      request: form({ intent: "vote", question: String(q) }, cookie),
      params: {},
      context: {},
    });
    expect(v1.headers.get("Location")).toContain("voted=ok");
    const v2 = await registrationRoute.action({
      request: form({ intent: "vote", question: String(q) }, cookie),
      params: {},
      context: {},
    });
    expect(v2.headers.get("Location")).toContain("voted=already");
    const page = await (
      await registrationRoute.loader({
        request: new Request("http://localhost/dialogues/registration", { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      })
    ).json();
    expect(page.view!.voted).toEqual([q]);
    expect(page.view!.publicQuestions[0].votes).toBe(1);
  });

  it("merges a duplicate: its votes move along once per registration, its asker follows the target's answer", async () => {
    const id = await makeSession();
    const a = await signUp(person(id, { question: "Hỏi về X-quang lần 1" }));
    const b = await signUp(person(id, { question: "Hỏi về X-quang lần 2" }));
    const v = await signUp(person(id));
    const office = await signIn("office");
    const [q1, q2] = [await qid(id, "Hỏi về X-quang lần 1"), await qid(id, "Hỏi về X-quang lần 2")];
    for (const q of [q1, q2])
      await post(office.cookie, id, { intent: "approve", id: String(q), public_text: "Hỏi về X-quang" });
    await vote(1, regId(v), q1);
    await vote(1, regId(v), q2);
    await vote(1, regId(a), q2);
    expect(
      await (await post(office.cookie, id, { intent: "merge", id: String(q2), into: String(q2) })).json(),
    ).toMatchObject({ errors: { _form: "dialogue.errors.mergeSelf" } });
    expect((await post(office.cookie, id, { intent: "merge", id: String(q2), into: String(q1) })).status).toBe(303);
    const pub = await listPublicQuestions(id, "vi");
    expect(pub.map((p) => [p.id, p.votes])).toEqual([[q1, 2]]);
    expect(await moderationSummary(id)).toMatchObject({ merged: 1 });
    // Answering the target tells both askers.
    const unitId = await makeUnit();
    await post(office.cookie, id, {
      intent: "assign",
      id: String(q1),
      unit_id: String(unitId),
      due_date: "2027-01-15",
    });
    const ans = await post(office.cookie, id, {
      intent: "answer",
      id: String(q1),
      status: "answered",
      answered_in: "dialogue",
      answer_text: "Mất 10 ngày làm việc.",
      answered_by: "Phó Giám đốc Sở",
    });
    expect(ans.status).toBe(303);
    const theirs = await ownQuestions(1, regId(b), "vi");
    expect(theirs[0]).toMatchObject({
      status: "merged",
      mergedInto: { id: q1 },
      answerStatus: "answered",
      answer: "Mất 10 ngày làm việc.",
    });
    const notices = await db()
      .selectFrom("dialogue_notification")
      .select(["registration_id", "kind"])
      .where("session_id", "=", id)
      .execute();
    expect(
      notices
        .filter((n) => n.kind === "answered")
        .map((n) => n.registration_id)
        .sort(),
    ).toEqual([regId(a), regId(b)].sort());
    const queued = await db()
      .selectFrom("dialogue_notification")
      .select("id")
      .where("session_id", "=", id)
      .where("status", "=", "queued")
      .execute();
    expect(queued).toEqual([]); // delivered (or moved to the call list) by the action
    expect(await deliverNotices([])).toEqual({ sent: 0, toCall: 0 });
  });

  it("an answer needs its text and when it was given", async () => {
    const id = await makeSession();
    await signUp(person(id, { question: "Câu hỏi cần trả lời" }));
    const office = await signIn("office");
    const q = await qid(id, "Câu hỏi cần trả lời");
    const res = await post(office.cookie, id, { intent: "answer", id: String(q), status: "answered" });
    expect(await res.json()).toMatchObject({
      form: `answer-${q}`,
      errors: { answer_text: "dialogue.errors.answerRequired", answered_in: "dialogue.errors.answeredInRequired" },
    });
  });

  it("a unit user sees and answers only its own unit's questions; a viewer sees masked text without names", async () => {
    const id = await makeSession();
    await signUp(person(id, { name: "Nguyễn Văn Hỏi", question: "Câu của đơn vị A, gọi 0912 111 222" }));
    await signUp(person(id, { question: "Câu của đơn vị B" }));
    const [unitA, unitB] = [await makeUnit(), await makeUnit()];
    const office = await signIn("office");
    const [qa, qb] = [await qid(id, "Câu của đơn vị A, gọi 0912 111 222"), await qid(id, "Câu của đơn vị B")];
    await post(office.cookie, id, { intent: "assign", id: String(qa), unit_id: String(unitA), due_date: "2027-01-15" });
    await post(office.cookie, id, { intent: "assign", id: String(qb), unit_id: String(unitB), due_date: "2027-01-15" });
    const unit = await signIn("unit", unitA);
    const seen = await (
      await questions.loader(args(staffRequest(`/staff/dialogues/${id}/questions`, unit.cookie), id))
    ).json();
    expect(seen.questions.map((q: { id: number }) => q.id)).toEqual([qa]);
    const theirs = await post(unit.cookie, id, {
      intent: "answer",
      id: String(qb),
      status: "answered",
      answered_in: "after",
      answer_text: "Không phải việc của tôi",
    });
    expect(await theirs.json()).toMatchObject({ errors: { _form: "dialogue.errors.questionNotFound" } });
    expect(
      (
        await db()
          .selectFrom("dialogue_answer")
          .select("status")
          .where("question_id", "=", qb)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("pending");
    const mine = await post(unit.cookie, id, {
      intent: "answer",
      id: String(qa),
      status: "answered",
      answered_in: "after",
      answer_text: "Đơn vị A đã trả lời",
    });
    expect(mine.status).toBe(303);

    const viewer = await signIn("viewer");
    const vv = await (
      await questions.loader(args(staffRequest(`/staff/dialogues/${id}/questions?status=all`, viewer.cookie), id))
    ).json();
    const text = JSON.stringify(vv.questions);
    expect(text).not.toContain("0912 111 222");
    expect(text).not.toContain("Nguyễn Văn Hỏi");
    const views = await db()
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "pii.view")
      .where("actor_id", "=", viewer.id)
      .execute();
    expect(views).toEqual([]);
  });

  it("sorts the queue by votes or by topic, with a topic filter", async () => {
    const id = await makeSession();
    const office = await signIn("office");
    await signUp(person(id, { question: "Q bức xạ", topic: "Bức xạ" }));
    await signUp(person(id, { question: "Q đo lường", topic: "Đo lường" }));
    const voters = await Promise.all([1, 2].map(() => signUp(person(id))));
    const [qr, qd] = [await qid(id, "Q bức xạ"), await qid(id, "Q đo lường")];
    await post(office.cookie, id, { intent: "approve", id: String(qr), public_text: "x", topic: "Bức xạ" });
    await post(office.cookie, id, { intent: "approve", id: String(qd), public_text: "x", topic: "Đo lường" });
    for (const v of voters) await vote(1, regId(v), qd);
    const load = async (qs: string) =>
      (
        await (
          await questions.loader(args(staffRequest(`/staff/dialogues/${id}/questions?${qs}`, office.cookie), id))
        ).json()
      ).questions.map((q: { id: number }) => q.id);
    expect(await load("status=approved&sort=votes")).toEqual([qd, qr]);
    expect(await load("status=approved&sort=topic")).toEqual([qr, qd]);
    expect(await load(`status=all&topic=${encodeURIComponent("Đo lường")}`)).toEqual([qd]);
  });
});
