// Cross-agency isolation of the dialogue (issue 19; docs/rules/agencies.md). Agency B gets an
// upcoming session and a held one with published minutes, each titled with a marker word, people
// signed up on B's own path (with questions), a pending question and minutes being written; then
// A's public pages and A's users of every role, on every dialogue route, loaders and actions, must
// never see or change any of it: 404 or "not found", never B's title, names, codes or minutes, and
// no row of B's changed. B's own path and B's own admin do see it all, so a refusal is not a page
// that is simply broken.
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/features/accounts/auth.server";
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { buildPublicMinutes } from "~/features/dialogue/dialogue-minutes";
import { loadMinutesSource } from "~/features/dialogue/dialogue-minutes.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { db } from "~/kernel/db/db.server";
import { toVnInput, vnYear } from "~/kernel/time/clock";
import * as list from "~/routes/dialogues._index";
import * as page from "~/routes/dialogues.$id";
import * as ics from "~/routes/dialogues.$id_.ics";
import * as minutes from "~/routes/dialogues.$id_.minutes";
import * as registration from "~/routes/dialogues.registration";
import * as staffList from "~/routes/staff.dialogues._index";
import * as staffNew from "~/routes/staff.dialogues.new";
import * as staffPage from "~/routes/staff.dialogues.$id";
import * as staffCheckin from "~/routes/staff.dialogues.$id_.checkin";
import * as staffMinutes from "~/routes/staff.dialogues.$id_.minutes";
import * as staffQuestions from "~/routes/staff.dialogues.$id_.questions";
import * as staffScan from "~/routes/staff.dialogues.$id_.scan";
import { call } from "../support/route-call";
import { makeSession, person } from "../support/dialogue";
import { makeAgencyB, makeProcedureOfB, makeUnitOfB, rowsOfB, signInRolesOfA } from "../support/agency-b";
import { signIn, staffRequest } from "../support/staff";

// Words only agency B's rows hold: none may appear in anything agency A's users or pages show.
const MARK = "Bzzdoithoai";
const B_CODE = "so-b-doi-thoai";
const PHONE = "0912 555 101";
const B_NAME = `Người ${MARK} Một`;
const B_QUESTION = `Câu hỏi ${MARK} về thủ tục cấp phép`;
const B_SUMMARY = `Tóm tắt ${MARK} của biên bản`;
const A_ROLES: Role[] = ["admin", "office", "unit", "viewer"];
let ip = 0;

function publicPost(path: string, form: Record<string, string>, cookie?: string) {
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: "http://localhost",
    "x-hl-client-ip": `10.19.0.${++ip}`,
    "Accept-Language": "vi",
  };
  if (cookie) headers.Cookie = cookie;
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form), headers });
}
const publicGet = (path: string, cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

const signUpForm = (over: Record<string, string> = {}) => ({
  name: B_NAME,
  phone: PHONE,
  email: "",
  kind: "citizen",
  organisation: "",
  accessibility: "",
  question: B_QUESTION,
  topic: "",
  adult: "on",
  consent: "on",
  ...over,
});

const b = {
  agency: 0,
  unit: 0,
  procedure: 0,
  session: 0,
  held: 0,
  reg: 0,
  code: "",
  full: "",
  cookie: "",
  question: 0,
};
let aCode = "";
let aSession = 0;
let aQuestion = 0;
const signed: Partial<Record<Role, { cookie: string; id: number }>> = {};
let bAdmin = "";

/** Every row of B's dialogue: what "no row changed" compares. */
async function bRows() {
  const tables = [
    "dialogue_session",
    "dialogue_session_procedure",
    "dialogue_registration",
    "dialogue_question",
    "dialogue_answer",
    "dialogue_vote",
    "dialogue_checkin_attempt",
    "dialogue_minutes",
    "dialogue_minutes_version",
    "dialogue_followup",
  ] as const;
  return rowsOfB(b.agency, tables);
}

beforeAll(async () => {
  b.agency = await makeAgencyB(B_CODE, { vi: `Sở ${MARK}`, en: `Dept ${MARK}` });
  aCode = (await db().selectFrom("agency").select("code").where("id", "=", 1).executeTakeFirstOrThrow()).code;
  b.unit = await makeUnitOfB(b.agency, "BZD", MARK);
  b.procedure = await makeProcedureOfB(b.agency, b.unit, "BZDP", MARK);
  b.session = await makeSession({ agencyId: b.agency, title: `Đối thoại ${MARK}` });
  // A's own upcoming session, starting within the hour, so A's door is open today.
  aSession = await makeSession({ title: "Đối thoại của cơ quan A" });
  await db()
    .updateTable("dialogue_session")
    .set({ starts_at: new Date(Date.now() + 30 * 60_000), ends_at: new Date(Date.now() + 3 * 3600_000) })
    .where("id", "=", aSession)
    .execute();

  // A citizen signs up on B's own path, with a question sent ahead.
  const sent = await call(page.action, publicPost(`/${B_CODE}/dialogues/${b.session}`, signUpForm()), {
    agency: B_CODE,
    id: String(b.session),
  });
  expect(sent.status).toBe(303);
  expect(sent.headers.get("Location")).toBe(`/${B_CODE}/dialogues/registration?new=1`);
  const setCookie = sent.headers.get("Set-Cookie") ?? "";
  expect(setCookie).toContain(`Path=/${B_CODE}/dialogues`);
  b.cookie = setCookie.split(";")[0];
  const reg = await db()
    .selectFrom("dialogue_registration")
    .select(["id", "code", "access_key"])
    .where("name", "=", B_NAME)
    .executeTakeFirstOrThrow();
  Object.assign(b, { reg: reg.id, code: reg.code, full: fullCode(reg.code, reg.access_key) });
  b.question = (
    await db()
      .selectFrom("dialogue_question")
      .select("id")
      .where("registration_id", "=", reg.id)
      .executeTakeFirstOrThrow()
  ).id;
  // Two more of B's registrants, signed up by the service.
  for (let i = 0; i < 2; i++)
    expect((await signUp(person(b.session, { agencyId: b.agency, name: `${MARK} Thêm ${i}` }))).ok).toBe(true);
  // A's own registrant with a question, for the attacks that pair A's session with B's ids.
  const aReg = await signUp(person(aSession, { question: "Câu hỏi của người dân gửi cơ quan A" }));
  if (!aReg.ok) throw new Error("A's sign-up failed");
  aQuestion = (
    await db()
      .selectFrom("dialogue_question")
      .select("id")
      .where("registration_id", "=", aReg.registration.id)
      .executeTakeFirstOrThrow()
  ).id;

  // B's held session of last month, its minutes written and published, with a scan.
  b.held = await makeSession({ agencyId: b.agency, title: `Đối thoại đã tổ chức ${MARK}`, status: "held" });
  await db()
    .updateTable("dialogue_session")
    .set({
      starts_at: new Date(Date.now() - 30 * 86400_000),
      ends_at: new Date(Date.now() - 30 * 86400_000 + 7200_000),
    })
    .where("id", "=", b.held)
    .execute();
  await db()
    .insertInto("dialogue_minutes")
    .values({
      agency_id: b.agency,
      session_id: b.held,
      summary: B_SUMMARY,
      scan: Buffer.from(`%PDF-1.7\n${MARK}\n%%EOF\n`, "latin1"),
      scan_mime: "application/pdf",
      scan_filename: `bien-ban-${MARK}.pdf`,
      scan_size: 20,
      scan_uploaded_at: new Date(),
    })
    .execute();
  const src = (await loadMinutesSource(b.agency, b.held))!;
  await db()
    .insertInto("dialogue_minutes_version")
    .values({
      agency_id: b.agency,
      session_id: b.held,
      version: 1,
      snapshot: JSON.stringify(buildPublicMinutes(src, 1, new Date())),
    })
    .execute();
  await db().updateTable("dialogue_session").set({ status: "minutes_published" }).where("id", "=", b.held).execute();

  for (const [role, s] of (await signInRolesOfA(A_ROLES)).signed) signed[role] = s;
  bAdmin = (await signIn("admin", null, b.agency)).cookie;
});

describe("public dialogue pages per agency", () => {
  it("stores B's sign-up, its consent and its question with B's agency, not the column default", async () => {
    const r = await db()
      .selectFrom("dialogue_registration")
      .select("agency_id")
      .where("id", "=", b.reg)
      .executeTakeFirstOrThrow();
    expect(r.agency_id).toBe(b.agency);
    const q = await db()
      .selectFrom("dialogue_question")
      .select("agency_id")
      .where("id", "=", b.question)
      .executeTakeFirstOrThrow();
    expect(q.agency_id).toBe(b.agency);
    const a = await db()
      .selectFrom("dialogue_answer")
      .select("agency_id")
      .where("question_id", "=", b.question)
      .executeTakeFirstOrThrow();
    expect(a.agency_id).toBe(b.agency);
    const consent = await db()
      .selectFrom("consent_record")
      .select("agency_id")
      .where("subject_kind", "=", "dialogue_registration")
      .where("subject_id", "=", String(b.reg))
      .executeTakeFirstOrThrow();
    expect(consent.agency_id).toBe(b.agency);
    const signIns = await db()
      .selectFrom("dialogue_registrant_session")
      .select("agency_id")
      .where("registration_id", "=", b.reg)
      .execute();
    expect(signIns.map((s) => s.agency_id)).toEqual([b.agency]);
  });

  it("lists B's sessions on B's list only", async () => {
    const own = await call(list.loader, publicGet(`/${B_CODE}/dialogues`), { agency: B_CODE });
    expect(own.status).toBe(200);
    expect(own.text).toContain(MARK);
    for (const [path, params] of [
      ["/dialogues", {}],
      [`/${aCode}/dialogues`, { agency: aCode }],
    ] as const) {
      const res = await call(list.loader, publicGet(path), params);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(MARK);
    }
  });

  it("shows B's session, calendar file and minutes under B's prefix, and 404 under A's or none", async () => {
    const cases = [
      [page, b.session, ""],
      [ics, b.session, "/ics"],
      [minutes, b.held, "/minutes"],
    ] as const;
    for (const [mod, id, tail] of cases) {
      const own = await call(mod.loader, publicGet(`/${B_CODE}/dialogues/${id}${tail}`), {
        agency: B_CODE,
        id: String(id),
      });
      expect(own.status, tail).toBe(200);
      expect(own.text, tail).toContain(MARK);
      for (const params of [{ id: String(id) }, { agency: aCode, id: String(id) }] as Record<string, string>[]) {
        const res = await call(mod.loader, publicGet(`/dialogues/${id}${tail}`), params);
        expect(res.status, `${tail} ${JSON.stringify(params)}`).toBe(404);
        expect(res.text).not.toContain(MARK);
      }
    }
    // The calendar file and the minutes lead back to B's own pages.
    const file = await call(ics.loader, publicGet(`/${B_CODE}/dialogues/${b.session}/ics`), {
      agency: B_CODE,
      id: String(b.session),
    });
    expect(file.text.replace(/\r\n /g, "")).toContain(`/${B_CODE}/dialogues/${b.session}`);
  });

  it("refuses a sign-up for B's session posted under A's path, and stores nothing", async () => {
    const before = await bRows();
    for (const params of [{ id: String(b.session) }, { agency: aCode, id: String(b.session) }] as Record<
      string,
      string
    >[]) {
      const res = await call(
        page.action,
        publicPost(`/dialogues/${b.session}`, signUpForm({ name: "Kẻ chen ngang", phone: "0912 555 999" })),
        params,
      );
      expect(res.status).toBe(404);
    }
    expect(await bRows()).toEqual(before);
  });

  it("finds B's registration by full code on B's path only; under A's it is a wrong code", async () => {
    const look = (path: string, code: string, params: Record<string, string>) =>
      call(registration.action, publicPost(path, { intent: "lookup", code, contact: PHONE }), params);
    const own = await look(`/${B_CODE}/dialogues/registration`, b.full, { agency: B_CODE });
    expect(own.status).toBe(303);
    expect(own.headers.get("Set-Cookie")).toContain(`Path=/${B_CODE}/dialogues`);
    const underA = await look("/dialogues/registration", b.full, {});
    const wrongKey = b.full.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const wrong = await look("/dialogues/registration", wrongKey, {});
    expect(underA.status).toBe(400);
    expect(underA.headers.get("Set-Cookie")).toBeNull();
    // Exactly the answer a wrong code gets: nothing tells that B has this code.
    expect(JSON.parse(underA.text).errors).toEqual(JSON.parse(wrong.text).errors);
    expect(JSON.parse(underA.text).errors).toEqual({ _form: "dialogue.errors.lookupFailed" });
    expect(underA.text).not.toContain(MARK);
  });

  it("counts B's sign-in cookie on B's pages only: under A's path it opens nothing and changes nothing", async () => {
    const own = await call(registration.loader, publicGet(`/${B_CODE}/dialogues/registration`, b.cookie), {
      agency: B_CODE,
    });
    expect(own.text).toContain(MARK);
    expect(own.text).toContain(b.code);
    const underA = await call(registration.loader, publicGet("/dialogues/registration", b.cookie), {});
    expect(underA.status).toBe(200);
    expect(JSON.parse(underA.text).view).toBeNull();
    expect(underA.text).not.toContain(b.code);
    const before = await bRows();
    // The same cookie posting under A's path: no question added, no vote, no cancellation.
    const posts: Record<string, string>[] = [
      { intent: "ask", question: "Câu hỏi chen qua đường của A" },
      { intent: "vote", question: String(b.question) },
      { intent: "cancel", confirm: "on" },
    ];
    for (const form of posts) {
      const res = await call(registration.action, publicPost("/dialogues/registration", form, b.cookie), {});
      expect(res.status, form.intent).toBe(401);
    }
    expect(await bRows()).toEqual(before);
  });

  it("tells a second sign-up on B's path through a notice that links to B's pages", async () => {
    const res = await call(
      page.action,
      publicPost(`/${B_CODE}/dialogues/${b.session}`, signUpForm({ name: "Người khác cùng số" })),
      { agency: B_CODE, id: String(b.session) },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/${B_CODE}/dialogues/${b.session}?checkContact=1#signup-title`);
    const notice = await db()
      .selectFrom("dialogue_notification")
      .select(["agency_id", "message"])
      .where("registration_id", "=", b.reg)
      .where("kind", "=", "details")
      .executeTakeFirstOrThrow();
    expect(notice.agency_id).toBe(b.agency);
    expect(notice.message).toContain(`/${B_CODE}/dialogues/registration`);
  });

  it("a burst of sign-ups on both paths fills B's small session from B's path only, every row B's", async () => {
    const small = await makeSession({ agencyId: b.agency, title: `Đối thoại nhỏ ${MARK}`, capacity: 3 });
    const post = (i: number, params: Record<string, string>) =>
      call(
        page.action,
        publicPost(
          `/dialogues/${small}`,
          signUpForm({ name: `Người đợt ${i}`, phone: `0913 ${String(100000 + i)}`, question: "" }),
        ),
        { ...params, id: String(small) },
      );
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => post(i, i % 2 ? { agency: B_CODE } : i % 4 ? { agency: aCode } : {})),
    );
    // Hand count: the 8 odd ones went to B's path and are stored; the 8 even ones (A's prefix or
    // none) are 404 and store nothing. 3 seats: 3 confirmed, 5 waitlisted.
    expect(answers.filter((r) => r.status === 303)).toHaveLength(8);
    expect(answers.filter((r) => r.status === 404)).toHaveLength(8);
    const rows = await db()
      .selectFrom("dialogue_registration")
      .select(["agency_id", "status"])
      .where("session_id", "=", small)
      .execute();
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.agency_id === b.agency)).toBe(true);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(5);
  });

  it("answers 404 under a prefix no agency has", async () => {
    const params = { agency: "khong-co", id: String(b.session) };
    for (const mod of [list, page, ics, minutes, registration]) {
      const res = await call(mod.loader, publicGet(`/khong-co/dialogues/${b.session}`), params);
      expect(res.status).toBe(404);
    }
  });
});

describe("agency A's staff against agency B's dialogue", () => {
  const loaders = [
    ["session", staffPage, ""],
    ["check-in", staffCheckin, `/checkin?q=${encodeURIComponent(MARK)}`],
    ["questions", staffQuestions, "/questions?status=all"],
    ["minutes", staffMinutes, "/minutes"],
    ["scan", staffScan, "/scan"],
  ] as const;

  it("answers 404 (or 403 to a role without the page) for every page of B's sessions", async () => {
    for (const role of A_ROLES)
      for (const [name, mod, tail] of loaders)
        for (const id of [b.session, b.held]) {
          const res = await call(mod.loader, staffRequest(`/staff/dialogues/${id}${tail}`, signed[role]!.cookie), {
            id: String(id),
          });
          expect([403, 404], `${role} ${name} ${id}`).toContain(res.status);
          expect(res.text).not.toContain(MARK);
        }
  });

  it("lists none of B's sessions and counts none of them in A's figures", async () => {
    for (const role of A_ROLES) {
      const res = await call(staffList.loader, staffRequest("/staff/dialogues", signed[role]!.cookie));
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(MARK);
    }
    // Hand count: B has two sessions this year, one held (a month ago, unless that was last year);
    // A has none held in this test's data, and B's never count for it.
    const year = vnYear();
    const bFig = await dialogueFigures({ agencyId: b.agency, year });
    const heldThisYear = vnYear(new Date(Date.now() - 30 * 86400_000)) === year;
    expect(bFig.held).toBe(heldThisYear);
    const aFig = await dialogueFigures({ agencyId: 1, year });
    expect(aFig.lastHeld?.id).not.toBe(b.held);
  });

  it("cannot check in B's registrant, by id or by code, on B's session or at A's own door", async () => {
    const before = await bRows();
    for (const role of ["admin", "office"] as const) {
      const cookie = signed[role]!.cookie;
      const forms: Record<string, string>[] = [
        { intent: "checkin", registration: String(b.reg) },
        { intent: "code", code: b.code },
      ];
      for (const form of forms) {
        const onB = await call(
          staffCheckin.action,
          staffRequest(`/staff/dialogues/${b.session}/checkin`, cookie, { form }),
          { id: String(b.session) },
        );
        expect(onB.status, `${role} ${form.intent} on B`).toBe(404);
        const onA = await call(
          staffCheckin.action,
          staffRequest(`/staff/dialogues/${aSession}/checkin`, cookie, { form }),
          { id: String(aSession) },
        );
        // At A's door B's registrant is simply not on the list.
        expect(JSON.parse(onA.text).result, `${role} ${form.intent} at A`).toMatchObject({
          ok: false,
          reason: "not_found",
        });
        expect(onA.text).not.toContain(MARK);
      }
    }
    expect(await bRows()).toEqual(before);
  });

  it("cannot moderate, answer or assign B's question, nor assign A's question to B's unit", async () => {
    const before = await bRows();
    const aBefore = await db().selectFrom("dialogue_answer").selectAll().where("question_id", "=", aQuestion).execute();
    const forms = (qid: number): Record<string, string>[] => [
      { intent: "approve", id: String(qid), public_text: "Duyệt chen ngang", topic: "" },
      { intent: "hide", id: String(qid), reason: "spam", note: "" },
      { intent: "merge", id: String(qid), into: String(aQuestion) },
      { intent: "assign", id: String(qid), unit_id: String(b.unit), due_date: "2031-01-15" },
    ];
    for (const role of A_ROLES) {
      const cookie = signed[role]!.cookie;
      for (const form of forms(b.question)) {
        const onB = await call(
          staffQuestions.action,
          staffRequest(`/staff/dialogues/${b.session}/questions`, cookie, { form }),
          { id: String(b.session) },
        );
        expect([403, 404], `${role} ${form.intent} on B`).toContain(onB.status);
        // B's question id under A's own session: not found there either.
        const onA = await call(
          staffQuestions.action,
          staffRequest(`/staff/dialogues/${aSession}/questions`, cookie, { form }),
          { id: String(aSession) },
        );
        expect([400, 403], `${role} ${form.intent} at A`).toContain(onA.status);
      }
    }
    // A's own question given to B's unit: refused, A's answer record as it was.
    const give = await call(
      staffQuestions.action,
      staffRequest(`/staff/dialogues/${aSession}/questions`, signed.office!.cookie, {
        form: { intent: "assign", id: String(aQuestion), unit_id: String(b.unit), due_date: "2031-01-15" },
      }),
      { id: String(aSession) },
    );
    expect(give.status).toBe(400);
    expect(JSON.parse(give.text).errors).toEqual({ _form: "dialogue.errors.unitRequired" });
    expect(await db().selectFrom("dialogue_answer").selectAll().where("question_id", "=", aQuestion).execute()).toEqual(
      aBefore,
    );
    expect(await bRows()).toEqual(before);
  });

  it("cannot edit B's minutes, add B a follow-up or publish them; nor give A's follow-up to B's unit", async () => {
    const before = await bRows();
    const forms: Record<string, string>[] = [
      { intent: "save", summary: "Biên bản bị sửa", officials: "", chair_conclusion: "", opened_at: "", closed_at: "" },
      { intent: "followup_add", action: "Việc chen ngang", unit_id: String(b.unit), due_date: "2031-01-15" },
      { intent: "publish" },
    ];
    for (const role of A_ROLES)
      for (const form of forms) {
        const res = await call(
          staffMinutes.action,
          staffRequest(`/staff/dialogues/${b.held}/minutes`, signed[role]!.cookie, { form }),
          { id: String(b.held) },
        );
        expect([403, 404], `${role} ${form.intent}`).toContain(res.status);
      }
    const followup = await call(
      staffMinutes.action,
      staffRequest(`/staff/dialogues/${aSession}/minutes`, signed.office!.cookie, {
        form: { intent: "followup_add", action: "Việc của A", unit_id: String(b.unit), due_date: "2031-01-15" },
      }),
      { id: String(aSession) },
    );
    expect(followup.status).toBe(400);
    expect(
      await db().selectFrom("dialogue_followup").select("id").where("session_id", "=", aSession).execute(),
    ).toEqual([]);
    expect(await bRows()).toEqual(before);
  });

  it("cannot cancel, settle or register on B's session, nor cancel B's registrant from A's session", async () => {
    const before = await bRows();
    const forms: Record<string, string>[] = [
      { intent: "cancel_registration", registration: String(b.reg) },
      { intent: "confirm_registration", registration: String(b.reg) },
      { intent: "transition", transition: "close_registration" },
      { intent: "cancel", reason: "Hủy chen ngang" },
    ];
    for (const role of A_ROLES)
      for (const form of forms) {
        const onB = await call(
          staffPage.action,
          staffRequest(`/staff/dialogues/${b.session}`, signed[role]!.cookie, { form }),
          { id: String(b.session) },
        );
        expect([403, 404], `${role} ${form.intent}`).toContain(onB.status);
      }
    const fromA = await call(
      staffPage.action,
      staffRequest(`/staff/dialogues/${aSession}`, signed.office!.cookie, {
        form: { intent: "cancel_registration", registration: String(b.reg) },
      }),
      { id: String(aSession) },
    );
    expect(fromA.status).toBe(404);
    expect(await bRows()).toEqual(before);
  });

  it("creates a session in A's agency only, dropping B's procedure sent in a forged field", async () => {
    const start = new Date(Date.now() + 40 * 86400_000);
    const before = await bRows();
    const res = await call(
      staffNew.action,
      staffRequest("/staff/dialogues/new", signed.office!.cookie, {
        form: {
          title_vi: "Đối thoại mới của A",
          topics: "Đo lường",
          starts_at: toVnInput(start),
          ends_at: toVnInput(new Date(start.getTime() + 3 * 3600_000)),
          venue: "Hội trường A",
          chair: "Giám đốc",
          secretary: "Thư ký",
          capacity: "40",
          procedure_ids: [String(b.procedure)],
        },
      }),
    );
    expect(res.status, res.text).toBe(303);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    const s = await db()
      .selectFrom("dialogue_session")
      .select("agency_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(s.agency_id).toBe(1);
    expect(
      await db().selectFrom("dialogue_session_procedure").select("procedure_id").where("session_id", "=", id).execute(),
    ).toEqual([]);
    // The form itself offers A's procedures only.
    const form = await call(staffNew.loader, staffRequest("/staff/dialogues/new", signed.office!.cookie));
    expect(form.text).not.toContain(MARK);
    expect(await bRows()).toEqual(before);
  });

  it("B's own admin sees B's sessions, registrants, questions and minutes (the check can see a leak)", async () => {
    const listB = await call(staffList.loader, staffRequest("/staff/dialogues", bAdmin));
    expect(listB.text).toContain(MARK);
    const own = await call(staffPage.loader, staffRequest(`/staff/dialogues/${b.session}`, bAdmin), {
      id: String(b.session),
    });
    expect(own.status).toBe(200);
    expect(own.text).toContain(B_NAME);
    expect(own.text).toContain(`/${B_CODE}/dialogues/${b.session}`);
    const qs = await call(
      staffQuestions.loader,
      staffRequest(`/staff/dialogues/${b.session}/questions?status=all`, bAdmin),
      {
        id: String(b.session),
      },
    );
    expect(qs.text).toContain(B_QUESTION);
    const mn = await call(staffMinutes.loader, staffRequest(`/staff/dialogues/${b.held}/minutes`, bAdmin), {
      id: String(b.held),
    });
    expect(mn.text).toContain(B_SUMMARY);
    // B's admin moderating B's question works, and is written as B's.
    const ok = await call(
      staffQuestions.action,
      staffRequest(`/staff/dialogues/${b.session}/questions`, bAdmin, {
        form: { intent: "assign", id: String(b.question), unit_id: String(b.unit), due_date: "2031-01-15" },
      }),
      { id: String(b.session) },
    );
    expect(ok.status).toBe(303);
    const answer = await db()
      .selectFrom("dialogue_answer")
      .select(["agency_id", "unit_id"])
      .where("question_id", "=", b.question)
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({ agency_id: b.agency, unit_id: b.unit });
  });
});
