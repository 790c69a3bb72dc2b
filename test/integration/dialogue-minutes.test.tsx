// The day itself and after: check-in at the door (every attempt recorded, failed ones too),
// walk-ins, the minutes built from the session's records, the signed scan, publication without
// personal data, and the figures for the dashboard.
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MinutesDocument } from "~/features/dialogue/components/minutes-document";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { signUp, type SignUpResult } from "~/features/dialogue/dialogue-registration.server";
import { vnYear } from "~/kernel/time/clock";
import * as publicMinutes from "~/routes/dialogues.$id_.minutes";
import * as checkin from "~/routes/staff.dialogues.$id_.checkin";
import * as minutes from "~/routes/staff.dialogues.$id_.minutes";
import * as page from "~/routes/staff.dialogues.$id";
import * as questions from "~/routes/staff.dialogues.$id_.questions";
import * as scanRoute from "~/routes/staff.dialogues.$id_.scan";
import { db } from "~/kernel/db/db.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { makeSession, person } from "../support/dialogue";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: {} });
const code = (r: SignUpResult) => (r.ok ? r.registration.code : "");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");

async function door(cookie: string, id: number, form: Record<string, string>) {
  return (await checkin.action(args(staffRequest(`/staff/dialogues/${id}/checkin`, cookie, { form }), id))).json();
}

function upload(cookie: string, id: number, bytes: Uint8Array, name: string) {
  const fd = new FormData();
  fd.set("intent", "scan");
  fd.set("scan", new File([new Uint8Array(bytes)], name));
  return new Request(`http://localhost/staff/dialogues/${id}/minutes`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost" },
    body: fd,
  });
}

/** Starts the session one hour ago (it was scheduled ahead for sign-ups). */
async function startNow(id: number) {
  await db()
    .updateTable("dialogue_session")
    .set({ starts_at: new Date(Date.now() - 3600_000), ends_at: new Date(Date.now() + 3600_000) })
    .where("id", "=", id)
    .execute();
}

/** Moves the session to today, starting within the hour: check-in is open only on the session's day
 * (from 2 hours before the start). Sign-ups stay open, as their closing time is left as it was. */
async function startSoon(id: number) {
  await db()
    .updateTable("dialogue_session")
    .set({ starts_at: new Date(Date.now() + 3600_000), ends_at: new Date(Date.now() + 4 * 3600_000) })
    .where("id", "=", id)
    .execute();
}

describe("check-in", () => {
  it("records every attempt with its reason, checks in by code or by name, admits walk-ins while the room has space", async () => {
    const id = await makeSession({ capacity: 3 });
    const office = await signIn("office");
    const a = await signUp(person(id, { name: "Nguyễn Thị Đào", kind: "citizen" }));
    const b = await signUp(person(id, { kind: "business", organisation: "Công ty A" }));
    const c = await signUp(person(id, { kind: "citizen" }));
    const w = await signUp(person(id)); // waitlisted
    await startSoon(id);
    expect(await door(office.cookie, id, { intent: "code", code: "0000" })).toMatchObject({
      result: { ok: false, reason: "bad_code" },
    });
    expect(await door(office.cookie, id, { intent: "code", code: "ZZZZZZ" })).toMatchObject({
      result: { ok: false, reason: "not_found" },
    });
    expect(await door(office.cookie, id, { intent: "code", code: code(a).toLowerCase() })).toMatchObject({
      result: { ok: true, name: "Nguyễn Thị Đào" },
    });
    expect(await door(office.cookie, id, { intent: "code", code: code(a) })).toMatchObject({
      result: { ok: false, reason: "already_checked_in" },
    });
    expect(await door(office.cookie, id, { intent: "code", code: code(w) })).toMatchObject({
      result: { ok: false, reason: "waitlisted", place: 1 },
    });

    // Search without diacritics finds the name; the view of names is logged.
    const found = await (
      await checkin.loader(args(staffRequest(`/staff/dialogues/${id}/checkin?q=nguyen%20thi%20dao`, office.cookie), id))
    ).json();
    expect(found.found!.map((f: { name: string }) => f.name)).toEqual(["Nguyễn Thị Đào"]);
    const bId = b.ok ? b.registration.id : 0;
    expect(await door(office.cookie, id, { intent: "checkin", registration: String(bId) })).toMatchObject({
      result: { ok: true, kind: "business" },
    });

    const walkBad = await door(office.cookie, id, { intent: "walkin", name: "Khách", kind: "citizen" });
    expect(walkBad).toMatchObject({
      form: "walkin",
      errors: { consent_confirmed: "dialogue.errors.consentConfirmRequired" },
    });
    expect(
      await door(office.cookie, id, { intent: "walkin", name: "Ông Bảy", kind: "citizen", consent_confirmed: "on" }),
    ).toMatchObject({ result: { ok: true } });
    // Three present in a room of three: the next walk-in is refused, and c can still come in by code.
    expect(
      await door(office.cookie, id, { intent: "walkin", name: "Bà Tám", kind: "citizen", consent_confirmed: "on" }),
    ).toMatchObject({ result: { ok: false, reason: "room_full" } });

    const attempts = await db()
      .selectFrom("dialogue_checkin_attempt")
      .select(["ok", "reason", "method", "staff_id"])
      .where("session_id", "=", id)
      .orderBy("id")
      .execute();
    expect(attempts.map((x) => x.reason ?? "ok")).toEqual([
      "bad_code",
      "not_found",
      "ok",
      "already_checked_in",
      "waitlisted",
      "ok",
      "ok",
      "room_full",
    ]);
    expect(attempts.every((x) => x.staff_id === office.id)).toBe(true);
    const counts = (
      await (await checkin.loader(args(staffRequest(`/staff/dialogues/${id}/checkin`, office.cookie), id))).json()
    ).counts;
    expect(counts.checkedIn).toEqual({ citizen: 2, business: 1, total: 3 });
    expect(counts.walkIns).toBe(1);
    expect(code(c)).toHaveLength(6);
  });
});

describe("minutes", () => {
  it("are built from the session, need the held status, the chair's conclusion and a signed scan, and publish without personal data", async () => {
    const id = await makeSession({ capacity: 10 });
    const office = await signIn("office");
    const people = [
      person(id, {
        name: "Trần Văn Riêng",
        phone: "0912 345 678",
        phoneNorm: "0912345678",
        email: "rieng.tran@example.vn",
        emailNorm: "rieng.tran@example.vn",
        question: "Tôi là Riêng, số 0912 345 678, xin trả lời qua rieng.tran@example.vn",
      }),
      person(id, {
        name: "Lê Thị Kín",
        phone: "+84 987 654 321",
        phoneNorm: "0987654321",
        kind: "business",
        organisation: "Công ty Kín",
        question: "Gọi lại 0987.654.321 giúp tôi về thủ tục X-quang",
      }),
      person(id, { email: "khac@example.vn", emailNorm: "khac@example.vn", phone: null, phoneNorm: null }),
    ];
    const regs = [];
    for (const p of people) regs.push(await signUp(p));
    const qs = await db()
      .selectFrom("dialogue_question")
      .select(["id", "text"])
      .where("session_id", "=", id)
      .orderBy("id")
      .execute();
    for (const q of qs) {
      // The moderator approves the text as it came, phone and all: masking must still hold.
      await questions.action(
        args(
          staffRequest(`/staff/dialogues/${id}/questions`, office.cookie, {
            form: { intent: "approve", id: String(q.id), public_text: q.text },
          }),
          id,
        ),
      );
    }
    const unitId = await makeUnit();
    await questions.action(
      args(
        staffRequest(`/staff/dialogues/${id}/questions`, office.cookie, {
          form: {
            intent: "answer",
            id: String(qs[0].id),
            status: "answered",
            answered_in: "dialogue",
            answer_text: "Đã liên hệ anh qua 0912345678.",
            answered_by: "Giám đốc Sở",
          },
        }),
        id,
      ),
    );
    await startSoon(id);
    for (const r of regs)
      await checkin.action(
        args(
          staffRequest(`/staff/dialogues/${id}/checkin`, office.cookie, { form: { intent: "code", code: code(r) } }),
          id,
        ),
      );
    // One person signed up and did not come; one came without signing up.
    await signUp(person(id, { name: "Người vắng mặt", kind: "citizen" }));
    await checkin.action(
      args(
        staffRequest(`/staff/dialogues/${id}/checkin`, office.cookie, {
          form: { intent: "walkin", name: "Ông Đến Thẳng", kind: "citizen", consent_confirmed: "on" },
        }),
        id,
      ),
    );

    const post = (form: Record<string, string>) =>
      minutes.action(args(staffRequest(`/staff/dialogues/${id}/minutes`, office.cookie, { form }), id));
    expect(
      (
        await post({
          intent: "save",
          chair_conclusion: "Kết luận: các đơn vị trả lời đúng hạn.",
          officials: "Ông A, Giám đốc Sở",
          summary: "Khai mạc; hỏi đáp; kết luận.",
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post({
          intent: "followup_add",
          action: "Gửi văn bản trả lời cho người hỏi",
          unit_id: String(unitId),
          due_date: "2027-01-20",
          question_id: String(qs[1].id),
        })
      ).status,
    ).toBe(303);
    // Not held yet.
    expect(await (await post({ intent: "publish" })).json()).toMatchObject({
      errors: { _form: "dialogue.errors.notHeldYet" },
    });
    await startNow(id);
    expect(
      (
        await page.action(
          args(
            staffRequest(`/staff/dialogues/${id}`, office.cookie, {
              form: { intent: "transition", transition: "mark_held" },
            }),
            id,
          ),
        )
      ).status,
    ).toBe(303);
    expect(await (await post({ intent: "publish" })).json()).toMatchObject({
      errors: { scan: "dialogue.errors.scanRequired" },
    });

    // The scan is checked by content and size.
    const exe = await minutes.action(
      args(upload(office.cookie, id, Buffer.from("MZ\x90\x00 not a pdf"), "bien-ban.pdf"), id),
    );
    expect(await exe.json()).toMatchObject({ errors: { scan: "dialogue.errors.scanType" } });
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(PDF);
    const tooBig = await minutes.action(args(upload(office.cookie, id, big, "bien-ban.pdf"), id));
    expect(tooBig.status).toBe(413);
    expect((await minutes.action(args(upload(office.cookie, id, PDF, "bien-ban.pdf"), id))).status).toBe(303);
    const dl = await scanRoute.loader(args(staffRequest(`/staff/dialogues/${id}/scan`, office.cookie), id));
    expect(dl.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await dl.arrayBuffer()).equals(PDF)).toBe(true);

    expect((await post({ intent: "publish" })).status).toBe(303);
    const session = await db()
      .selectFrom("dialogue_session")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe("minutes_published");

    const data = await (
      await publicMinutes.loader(args(new Request(`http://localhost/dialogues/${id}/minutes`), id))
    ).json();
    // 4 present = 3 who signed up and came + 1 walk-in; the no-show is in no figure.
    expect(data.minutes.attendance).toMatchObject({ citizen: 3, business: 1, total: 4, registered: 3, walkIns: 1 });
    expect(data.minutes.issues).toHaveLength(2);
    expect(data.minutes.followups[0]).toMatchObject({ issueNumber: 2, status: "open" });
    const html = ["vi", "en"]
      .map((lng) =>
        renderToString(
          <I18nextProvider i18n={createI18n(lng as "vi" | "en")}>
            {<MinutesDocument m={data.minutes} />}
          </I18nextProvider>,
        ),
      )
      .join("\n");
    expect(html).toContain("Kết luận: các đơn vị trả lời đúng hạn.");
    expect(html).toContain("Trong 4 người tham dự: 3 người đã đăng ký trước, 1 người đến trực tiếp.");
    expect(html).toContain("Of 4 present: 3 signed up beforehand, 1 walked in.");
    for (const secret of [
      "0912",
      "345 678",
      "345678",
      "0987",
      "654.321",
      "654321",
      "rieng.tran",
      "khac@",
      "@example",
      "Trần Văn Riêng",
      "Lê Thị Kín",
      ...regs.map(code),
    ]) {
      expect(html, secret).not.toContain(secret);
      expect(JSON.stringify(data), secret).not.toContain(secret);
    }
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(id))
      .where("actor_id", "=", office.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        "dialogue.minutes.save",
        "dialogue.minutes.scan",
        "dialogue.minutes.publish",
        "dialogue.mark_held",
      ]),
    );

    // A correction is a new version; the first stays readable.
    await post({ intent: "save", chair_conclusion: "Kết luận đã sửa.", officials: "", summary: "" });
    await post({ intent: "publish" });
    const v2 = await (
      await publicMinutes.loader(args(new Request(`http://localhost/dialogues/${id}/minutes`), id))
    ).json();
    expect(v2.minutes).toMatchObject({ version: 2, chairConclusion: "Kết luận đã sửa." });
    const v1 = await (
      await publicMinutes.loader(args(new Request(`http://localhost/dialogues/${id}/minutes?v=1`), id))
    ).json();
    expect(v1.minutes).toMatchObject({ version: 1, chairConclusion: "Kết luận: các đơn vị trả lời đúng hạn." });

    // Figures for the year of the session.
    const year = vnYear(new Date());
    const f = await dialogueFigures({ agencyId: 1, year });
    expect(f.held).toBe(true);
    expect(f.attendance.total).toBeGreaterThanOrEqual(3);
    expect(f.questions.answered).toBeGreaterThanOrEqual(1);
    expect(f.followUps.open).toBeGreaterThanOrEqual(1);
  });
});

describe("dialogueFigures", () => {
  it("counts one year in Viet Nam time: held or not, attendance, share answered, open and overdue follow-ups", async () => {
    const empty = await dialogueFigures({ agencyId: 1, year: 2031 });
    expect(empty).toMatchObject({
      held: false,
      sessions: 0,
      questions: { total: 0, answeredShare: null },
      followUps: { open: 0 },
    });
    // A session at 00:30 on 1 January 2032 in Viet Nam is in 2032, though UTC still says 2031.
    const unitId = await makeUnit();
    const s = await db()
      .insertInto("dialogue_session")
      .values({
        plan_number: null,
        title_vi: "Năm 2032",
        title_en: null,
        description_vi: null,
        description_en: null,
        topics: "[]",
        invited_groups: null,
        starts_at: new Date("2031-12-31T17:30:00Z"),
        ends_at: new Date("2031-12-31T20:00:00Z"),
        venue: "Hội trường",
        online_url: null,
        chair: "GĐ",
        secretary: "VP",
        capacity: 10,
        registration_opens_at: new Date("2031-12-01T00:00:00Z"),
        registration_closes_at: new Date("2031-12-30T00:00:00Z"),
        publish_at: new Date("2031-12-01T00:00:00Z"),
        published_at: new Date("2031-12-01T00:00:00Z"),
        status: "held",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const reg = (kind: "citizen" | "business", i: number, checked: boolean) => ({
      session_id: s.id,
      code: `ABCDE${i}`,
      name: `P${i}`,
      name_search: `p${i}`,
      phone: null,
      phone_norm: `09000000${i}0`,
      email: null,
      email_norm: null,
      kind,
      organisation: null,
      accessibility: null,
      status: "confirmed" as const,
      waitlist_seq: null,
      channel: "online" as const,
      created_by: null,
      checked_in_at: checked ? new Date("2031-12-31T17:20:00Z") : null,
    });
    await db()
      .insertInto("dialogue_registration")
      .values([reg("citizen", 2, true), reg("citizen", 3, true), reg("business", 4, true), reg("business", 5, false)])
      .execute();
    const q = await db()
      .insertInto("dialogue_question")
      .values(
        [1, 2, 3, 4].map((i) => ({
          session_id: s.id,
          registration_id: null,
          text: `Q${i}`,
          channel: "online" as const,
          status: i === 4 ? ("hidden" as const) : ("approved" as const),
          hidden_reason: i === 4 ? "spam" : null,
        })),
      )
      .returning("id")
      .execute();
    await db()
      .insertInto("dialogue_answer")
      .values(
        q.map((x, i) => ({
          question_id: x.id,
          unit_id: null,
          status: i === 0 ? ("answered" as const) : ("pending" as const),
          answered_in: i === 0 ? ("dialogue" as const) : null,
          answer_text: i === 0 ? "A" : null,
          answered_by: null,
          conclusion: null,
          updated_by: null,
        })),
      )
      .execute();
    await db()
      .insertInto("dialogue_followup")
      .values([
        { session_id: s.id, action: "a", unit_id: unitId, due_date: "2032-02-01", status: "done", result: null },
        { session_id: s.id, action: "b", unit_id: unitId, due_date: "2032-02-01", status: "open", result: null },
        { session_id: s.id, action: "c", unit_id: unitId, due_date: "2032-06-01", status: "in_progress", result: null },
      ])
      .execute();
    expect(await dialogueFigures({ agencyId: 1, year: 2031 })).toMatchObject({ held: false, sessions: 0 });
    const f = await dialogueFigures({ agencyId: 1, year: 2032, today: "2032-03-01" });
    expect(f).toMatchObject({
      year: 2032,
      sessions: 1,
      held: true,
      lastHeld: { id: s.id, minutesPublished: false },
      attendance: { citizen: 2, business: 1, total: 3 },
      questions: { total: 3, answered: 1 },
      followUps: { total: 3, open: 2, overdue: 1 },
    });
    expect(f.questions.answeredShare).toBeCloseTo(1 / 3);
  });
});
