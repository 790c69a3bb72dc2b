// Cross-agency isolation of feedback, published answers, public results and privacy requests
// (issue 19; docs/rules/agencies.md). Agency B gets a case sent on its own path (with an
// attachment), a published answer, an open privacy request and a sent report; then every role of
// agency A, and A's public pages, must never see any of it: 404 or "not found", never B's code,
// text, file or figures. B's own paths do see them, so the refusals are not the pages being broken.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/features/accounts/auth.server";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { releaseHeld } from "~/features/feedback/feedback-hold.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { saveHoliday } from "~/features/admin/holidays.server";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/kernel/session.server";
import { vnDay } from "~/kernel/time/clock";
import { readFlashCode } from "~/features/citizen-codes/code-flash.server";
import * as fbForm from "~/routes/feedback._index";
import * as fbStatus from "~/routes/feedback.status";
import * as fbAnswers from "~/routes/feedback.answers";
import * as fbSent from "~/routes/feedback.sent";
import * as results from "~/routes/ket-qua";
import * as privacyRequest from "~/routes/privacy.request";
import * as staffList from "~/routes/staff.feedback._index";
import * as staffCase from "~/routes/staff.feedback.$id";
import * as staffFile from "~/routes/staff.feedback.$id.attachment.$aid";
import * as staffPrivacyList from "~/routes/staff.privacy._index";
import * as staffPrivacy from "~/routes/staff.privacy.$id";
import * as staffRetention from "~/routes/staff.privacy.retention";
import { call, type Handler } from "../support/route-call";
import { makeAgencyB, makeUnitOfB } from "../support/agency-b";
import { signIn, staffRequest } from "../support/staff";

const B_CODE = "so-b-cach-ly";
const PHONE = "0912 777 888";
const SECRET_TEXT = "Nội dung riêng của cơ quan B về hồ sơ đất đai";
const ANSWER = "Trả lời riêng của cơ quan B: hồ sơ đã được xử lý xong";
const PDF = new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer\n%%EOF\n", "latin1"));
let ip = 0;

function feedbackPost(path: string, over: Record<string, string> = {}) {
  const fd = new FormData();
  const fields: Record<string, string> = {
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: "Trần Thị Bê",
    address: "Số 2 đường Cách Ly, Mỹ Tho",
    phone: PHONE,
    email: "",
    organisation: "",
    procedureId: "",
    dossierCode: "",
    title: "Hồ sơ đất đai",
    content: SECRET_TEXT,
    consent: "yes",
    homepage: "",
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append("attachments", new File([Buffer.from(PDF)], "giay-to-b.pdf", { type: "application/pdf" }));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: fd,
    headers: { "x-hl-client-ip": `10.9.0.${++ip}`, "Accept-Language": "vi" },
  });
}

function publicPost(path: string, form: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://localhost",
      "x-hl-client-ip": `10.9.1.${++ip}`,
      "Accept-Language": "vi",
    },
  });
}

let agencyB: number;
let b: { id: number; code: string; full: string; attachmentId: number; requestId: number };
let a: { code: string };
const A_ROLES: Role[] = ["admin", "office", "unit", "viewer"];
const signed: Partial<Record<Role, { cookie: string }>> = {};

beforeAll(async () => {
  agencyB = await makeAgencyB(B_CODE, { vi: "Sở B cách ly", en: "Department B" });
  const unitB = await makeUnitOfB(agencyB, "UB", "B");

  // B's case, sent on B's path, with a file; its full code comes back in the flash cookie.
  const sent = await call(fbForm.action as Handler, feedbackPost(`/${B_CODE}/feedback`), { agency: B_CODE });
  expect(sent.status).toBe(302);
  const location = sent.headers.get("Location")!;
  expect(location.startsWith(`/${B_CODE}/feedback/sent?code=`)).toBe(true);
  const full = await readFlashCode(`/${B_CODE}/feedback/sent`, (sent.headers.get("Set-Cookie") ?? "").split(";")[0]);
  const row = await db()
    .selectFrom("feedback")
    .select(["id", "code", "agency_id"])
    .where("content", "=", SECRET_TEXT)
    .executeTakeFirstOrThrow();
  expect(row.agency_id).toBe(agencyB);
  const file = await db()
    .selectFrom("feedback_attachment")
    .select(["id", "agency_id"])
    .where("feedback_id", "=", row.id)
    .executeTakeFirstOrThrow();
  expect(file.agency_id).toBe(agencyB);

  // A's case the same day, on the old path: codes count per agency, so both are the day's first.
  const sentA = await call(
    fbForm.action as Handler,
    feedbackPost("/feedback", { content: "Nội dung phản ánh của cơ quan A về thủ tục chậm trễ" }),
  );
  expect(sentA.status).toBe(302);
  a = { code: new URL(`http://x${sentA.headers.get("Location")}`).searchParams.get("code")! };

  // B's office publishes an answer.
  const officeB = (
    await db()
      .insertInto("staff_user")
      .values({
        agency_id: agencyB,
        email: `office-b-${crypto.randomBytes(3).toString("hex")}@test.hailong.vn`,
        name: "Văn phòng B",
        role: "office",
        password_hash: "x",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const userB: StaffUser = {
    id: officeB,
    email: "office-b@test",
    name: "Văn phòng B",
    role: "office",
    unitId: null,
    agencyId: agencyB,
    mustChangePassword: false,
    sessionId: "t",
  };
  for (const cmd of [
    { intent: "classify", feedbackClass: "competent" },
    { intent: "assign", unitId: unitB },
    { intent: "draft", answer: ANSWER },
    { intent: "approve", approver: "Ông Giám đốc B" },
    { intent: "publish", publicContent: "Nội dung công khai của B về đất đai" },
  ] as const) {
    const res = await actOnFeedback(null, userB, row.id, cmd as never);
    expect(res, cmd.intent).toMatchObject({ ok: true });
  }

  // B's sender asks, on B's path, for the deletion of their data: an open request of B.
  const asked = await call(
    privacyRequest.action as Handler,
    publicPost(`/${B_CODE}/privacy/request`, {
      intent: "delete",
      code: full!,
      contact: PHONE,
      submissionId: crypto.randomUUID(),
      confirm: "yes",
    }),
    { agency: B_CODE },
  );
  expect(asked.status).toBe(200);
  const request = await db()
    .selectFrom("privacy_request")
    .select(["id", "agency_id"])
    .where("subject_id", "=", row.id)
    .where("kind", "=", "delete")
    .executeTakeFirstOrThrow();
  expect(request.agency_id).toBe(agencyB);

  // B sent a report for 2019 (a year nobody else has) with its own feedback figures.
  const period = await db()
    .insertInto("report_period")
    .values({ agency_id: agencyB, year: 2019, kind: "Y", start_date: "2019-01-01", end_date: "2019-12-31" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("report_snapshot")
    .values({
      agency_id: agencyB,
      period_id: period.id,
      start_date: "2019-01-01",
      end_date: "2019-12-31",
      read_through: "2019-12-31",
      feedback: JSON.stringify({ handled: 4321, handledOnTime: 4320 }),
    })
    .execute();

  b = { id: row.id, code: row.code, full: full!, attachmentId: file.id, requestId: request.id };
  for (const role of A_ROLES) signed[role] = await signIn(role, null);
});

describe("public pages per agency", () => {
  it("numbers each agency's cases on its own daily counter", () => {
    const first = `PAKN.${vnDay(new Date()).replaceAll("-", "")}.0001`;
    expect(b.code).toBe(first);
    expect(a.code).toBe(first);
  });

  it("finds B's case on B's status page only; under A's path it is 'not found', like a wrong code", async () => {
    const look = (path: string, code: string, params: Record<string, string> = {}) =>
      call(fbStatus.action as Handler, publicPost(path, { intent: "lookup", code, phone: PHONE }), params);
    const own = await look(`/${B_CODE}/feedback/status`, b.full, { agency: B_CODE });
    expect(own.status).toBe(200);
    expect(own.text).toContain(SECRET_TEXT.slice(0, 20));

    const wrongKey = b.full.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const underA = await look("/feedback/status", b.full);
    const wrong = await look("/feedback/status", wrongKey);
    expect(underA.status).toBe(404);
    expect(underA.text).not.toContain(SECRET_TEXT.slice(0, 20));
    // The same answer as a code that does not exist: nothing tells that B has it.
    const errorsOf = (t: string) => JSON.parse(t).errors;
    expect(errorsOf(underA.text)).toEqual(errorsOf(wrong.text));
    expect(errorsOf(underA.text)).toEqual({ _form: "feedback.status.notFound" });
  });

  it("lists B's published answer on B's answers page only", async () => {
    const page = (path: string, params: Record<string, string> = {}) =>
      call(fbAnswers.loader as Handler, new Request(`http://localhost${path}`), params);
    const own = await page(`/${B_CODE}/feedback/answers`, { agency: B_CODE });
    expect(own.text).toContain(b.code);
    expect(own.text).toContain(ANSWER);
    const underA = await page("/feedback/answers");
    expect(underA.status).toBe(200);
    expect(underA.text).not.toContain(ANSWER);
  });

  it("shows B's sent period on B's results page only", async () => {
    const page = (path: string, params: Record<string, string> = {}) =>
      call(results.loader as Handler, new Request(`http://localhost${path}`), params);
    const own = JSON.parse((await page(`/${B_CODE}/ket-qua`, { agency: B_CODE })).text);
    expect(own.periods.map((p: { year: number }) => p.year)).toEqual([2019]);
    expect(own.periods[0].feedback).toEqual({ handled: 4321, onTime: 4320 });
    const underA = await page("/ket-qua");
    expect(underA.status).toBe(200);
    expect(underA.text).not.toContain("4321");
    expect(JSON.parse(underA.text).periods.some((p: { year: number }) => p.year === 2019)).toBe(false);
  });

  it("finds B's case for a privacy request under B's path only", async () => {
    const look = (path: string, params: Record<string, string> = {}) =>
      call(
        privacyRequest.action as Handler,
        publicPost(path, { intent: "lookup", code: b.full, contact: PHONE }),
        params,
      );
    expect((await look(`/${B_CODE}/privacy/request`, { agency: B_CODE })).status).toBe(200);
    const underA = await look("/privacy/request");
    expect(underA.status).toBe(404);
    expect(underA.text).not.toContain("Trần Thị Bê");
    expect(JSON.parse(underA.text).errors).toEqual({ _form: "privacy.errors.notFound" });
  });

  it("answers 404 under a prefix no agency has", async () => {
    const params = { agency: "khong-co" };
    for (const mod of [fbForm, fbStatus, fbAnswers, fbSent, results, privacyRequest]) {
      const res = await call(
        mod.loader as Handler,
        new Request("http://localhost/khong-co/x?code=PAKN.20250101.0001"),
        params,
      );
      expect(res.status).toBe(404);
    }
  });
});

describe("agency A's staff never see B's feedback or requests", () => {
  it("lists none of B's cases, in any view, for any role", async () => {
    for (const role of ["admin", "office", "unit"] as const) {
      for (const view of ["all", "open", "done", "held", "notify"]) {
        const res = await call(
          staffList.loader as Handler,
          staffRequest(`/staff/feedback?view=${view}`, signed[role]!.cookie),
        );
        expect([200, 403]).toContain(res.status);
        expect(res.text, `${role} ${view}`).not.toContain(SECRET_TEXT.slice(0, 20));
        expect(res.text).not.toContain(`"id":${b.id},`);
      }
    }
  });

  it("answers 404 (or 403 to a role without the page) for B's case, its file and its steps", async () => {
    for (const role of A_ROLES) {
      const cookie = signed[role]!.cookie;
      const page = await call(staffCase.loader as Handler, staffRequest(`/staff/feedback/${b.id}?showCode=1`, cookie), {
        id: String(b.id),
      });
      expect([403, 404], `${role} case`).toContain(page.status);
      expect(page.text).not.toContain(b.code);
      const file = await call(
        staffFile.loader as Handler,
        staffRequest(`/staff/feedback/${b.id}/attachment/${b.attachmentId}`, cookie),
        { id: String(b.id), aid: String(b.attachmentId) },
      );
      expect([403, 404], `${role} file`).toContain(file.status);
      expect(file.text).not.toContain("%PDF");
      const step = await call(
        staffCase.action as Handler,
        staffRequest(`/staff/feedback/${b.id}`, cookie, { form: { intent: "note", note: "chen vao" } }),
        { id: String(b.id) },
      );
      expect([403, 404], `${role} step`).toContain(step.status);
    }
    const events = await db().selectFrom("feedback_event").select("note").where("feedback_id", "=", b.id).execute();
    expect(events.map((e) => e.note)).not.toContain("chen vao");
  });

  it("cannot release B's held case, and never counts B's case in A's figures", async () => {
    await db().updateTable("feedback").set({ held_at: new Date() }).where("id", "=", b.id).execute();
    expect(await releaseHeld(1, [b.id], { id: 1, email: "a@test" }, { ip: "10.0.0.1" } as never)).toBe(0);
    await db().updateTable("feedback").set({ held_at: null }).where("id", "=", b.id).execute();
    const day = vnDay(new Date());
    // Hand count: A received one case today (the one sent on the old path), B one.
    expect((await feedbackFigures({ agencyId: 1, from: day, to: day })).received).toBe(1);
    expect((await feedbackFigures({ agencyId: agencyB, from: day, to: day })).received).toBe(1);
  });

  it("lists none of B's privacy requests and answers 404 for B's request", async () => {
    for (const role of A_ROLES) {
      const cookie = signed[role]!.cookie;
      const list = await call(staffPrivacyList.loader as Handler, staffRequest("/staff/privacy", cookie));
      expect([200, 403]).toContain(list.status);
      expect(list.text).not.toContain(b.code);
      const one = await call(staffPrivacy.loader as Handler, staffRequest(`/staff/privacy/${b.requestId}`, cookie), {
        id: String(b.requestId),
      });
      expect([403, 404], role).toContain(one.status);
      expect(one.text).not.toContain("Trần Thị Bê");
      const decide = await call(
        staffPrivacy.action as Handler,
        staffRequest(`/staff/privacy/${b.requestId}`, cookie, {
          form: { intent: "refuse", reason: "Không có căn cứ" },
        }),
        { id: String(b.requestId) },
      );
      expect([403, 404], role).toContain(decide.status);
      const retention = await call(staffRetention.loader as Handler, staffRequest("/staff/privacy/retention", cookie));
      expect(retention.text).not.toContain(b.code);
    }
    const still = await db()
      .selectFrom("privacy_request")
      .select("status")
      .where("id", "=", b.requestId)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe("open");
  });
});

describe("the national calendar moves every agency's open cases, each in its own agency", () => {
  it("moves B's open case when a day off is added, logging the move as B's", async () => {
    // Received Tue 1/10/2030; a day off on Thu 3/10 falls inside its limits, so they move.
    const open = await submitFeedback(
      {
        agencyId: agencyB,
        submissionId: crypto.randomUUID(),
        kind: "kien_nghi",
        name: "Lê Văn Lịch",
        address: "Số 3 đường Lịch, Mỹ Tho",
        phone: "0912 333 444",
        content: "Kiến nghị của người dân gửi cơ quan B về lịch làm việc",
        lang: "vi",
        attachments: [],
      },
      new Date("2030-10-01T03:00:00Z"),
    );
    const before = await db()
      .selectFrom("feedback")
      .select(["agency_id", "answer_due"])
      .where("id", "=", open.id)
      .executeTakeFirstOrThrow();
    expect(before.agency_id).toBe(agencyB);
    const res = await saveHoliday(
      { date: "2030-10-03", nameVi: "Nghỉ thử", nameEn: "Test day off", kind: "off" },
      null,
      { id: 1, email: "admin@test", agencyId: 1 },
      null,
    );
    expect(res.ok).toBe(true);
    const after = await db()
      .selectFrom("feedback")
      .select("answer_due")
      .where("id", "=", open.id)
      .executeTakeFirstOrThrow();
    expect(after.answer_due > before.answer_due).toBe(true);
    const moved = await db()
      .selectFrom("feedback_event")
      .select("agency_id")
      .where("feedback_id", "=", open.id)
      .where("action", "=", "deadlines_moved")
      .execute();
    expect(moved).toEqual([{ agency_id: agencyB }]);
  });
});
