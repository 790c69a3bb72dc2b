// Personal data requests against a real database: consent written with the data, look-up,
// correction, deletion, refusal, withdrawal, the 72-hour deadline on the staff list, and the
// access log.
import crypto from "node:crypto";
import { action as publicAction } from "~/routes/privacy.request";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.privacy.$id";
import { loader as listLoader } from "~/routes/staff.privacy._index";
import { loader as auditLoader } from "~/routes/staff.audit";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { PRIVACY_NOTICES } from "~/features/privacy/privacy-notices";
import { vnDay } from "~/kernel/time/clock";
import type { SelfServiceResult, SelfServiceView } from "~/features/privacy/privacy-self-service.server";
import { db } from "~/kernel/db/db.server";
import { makeSession, person } from "../support/dialogue";
import { signIn, staffRequest } from "../support/staff";

let ipN = 0;
const freshIp = () => `10.8.${Math.floor(++ipN / 250)}.${ipN % 250}`;

function post(form: Record<string, string>, opts: { ip?: string; origin?: string } = {}) {
  return new Request("http://localhost/privacy/request", {
    method: "POST",
    body: new URLSearchParams(form),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-hl-client-ip": opts.ip ?? freshIp(),
      Origin: opts.origin ?? "http://localhost",
      "Accept-Language": "vi",
    },
  });
}
async function send(form: Record<string, string>, opts: { ip?: string; origin?: string } = {}) {
  const res = await publicAction({ request: post(form, opts), params: {}, context: {} });
  // Read as the page would, after a success: a view and a message are there when the test expects them.
  const body = (await res.json()) as Omit<SelfServiceResult, "view" | "message"> & {
    view: SelfServiceView;
    message: NonNullable<SelfServiceResult["message"]>;
  };
  return { status: res.status, body };
}
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function newFeedback(phone = `09${crypto.randomInt(10_000_000, 99_999_999)}`, email?: string) {
  const fb = await submitFeedback({
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: "Trần Thị Riêng Tư",
    address: "12 Lê Lợi, Mỹ Tho",
    phone,
    email,
    content: "Hồ sơ trả chậm. Gọi tôi theo số 0987 654 321.",
    lang: "vi",
    attachments: [
      {
        filename: "cccd.pdf",
        kind: "pdf",
        mime: "application/pdf",
        bytes: new Uint8Array(Buffer.from("%PDF-1.7\n%%EOF\n")),
      },
    ],
  });
  return { ...fb, phone };
}

const auditCount = async (action: string) =>
  Number(
    (
      await db()
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("consent records", () => {
  it("the feedback intake and the dialogue sign-up each write one with the notice version shown", async () => {
    const fb = await newFeedback();
    const c1 = await db()
      .selectFrom("consent_record")
      .selectAll()
      .where("subject_kind", "=", "feedback")
      .where("subject_id", "=", String(fb.id))
      .execute();
    expect(c1).toHaveLength(1);
    expect(c1[0]).toMatchObject({
      purpose: "feedback",
      notice_version: PRIVACY_NOTICES.feedback.version,
      lang: "vi",
      withdrawn_at: null,
    });
    const sid = await makeSession();
    const r = await signUp(person(sid));
    if (!r.ok) throw new Error("sign-up failed");
    const c2 = await db()
      .selectFrom("consent_record")
      .selectAll()
      .where("subject_kind", "=", "dialogue_registration")
      .where("subject_id", "=", String(r.registration.id))
      .execute();
    expect(c2).toHaveLength(1);
    expect(c2[0].notice_version).toBe(PRIVACY_NOTICES.dialogue_registration.version);
  });
});

describe("the public request page", () => {
  it("shows the data for the right code and phone, records the access, and tells nothing for a wrong pair", async () => {
    const fb = await newFeedback();
    const wrong = await send({ intent: "lookup", code: fb.fullCode, contact: "0900000000" });
    expect(wrong.status).toBe(404);
    expect(wrong.body.errors._form).toBe("privacy.errors.notFound");
    expect(wrong.body.view).toBeNull();
    const before = await auditCount("privacy.request.access");
    const ok = await send({
      intent: "lookup",
      code: fb.fullCode.toLowerCase(),
      contact: fb.phone.replace(/^0/, "+84 "),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.view.fields).toEqual(
      expect.arrayContaining([
        { key: "name", value: "Trần Thị Riêng Tư" },
        { key: "attachments", value: "1" },
      ]),
    );
    expect(ok.body.view.consents[0]).toMatchObject({
      purpose: "feedback",
      version: PRIVACY_NOTICES.feedback.version,
      withdrawn: null,
    });
    const access = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", fb.id)
      .where("kind", "=", "access")
      .execute();
    expect(access).toHaveLength(1);
    expect(access[0].status).toBe("fulfilled");
    expect(await auditCount("privacy.request.access")).toBe(before + 1);
  });

  it("keeps what was typed and explains bad input, refuses other sites, and limits guessing", async () => {
    const bad = await send({ intent: "lookup", code: "nope", contact: "abc" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ code: "privacy.errors.codeInvalid", contact: "privacy.errors.contactInvalid" });
    expect(bad.body.values).toMatchObject({ code: "nope", contact: "abc" });
    await expect(
      publicAction(
        args(post({ intent: "lookup", code: "ABCDEF", contact: "0912345678" }, { origin: "https://evil.example" })),
      ),
    ).rejects.toMatchObject({ status: 403 });
    const ip = freshIp();
    // A full-shaped code with a wrong key: 5 free look-ups of that code, then waits (docs/security/limits.md).
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await send({ intent: "lookup", code: "K7M2QX-A3B4C-D5E6F", contact: "0912345678" }, { ip })).status;
    expect(last).toBe(429);
  });
});

describe("correction", () => {
  it("opens a request due in 72 hours; staff see it, the view is logged, and fulfilling applies it", async () => {
    const sid = await makeSession();
    const p = person(sid, { email: "an.nguyen@example.vn", emailNorm: "an.nguyen@example.vn" });
    const r = await signUp(p);
    if (!r.ok) throw new Error("sign-up failed");
    const code = r.registration.fullCode;
    const view = await send({ intent: "lookup", code, contact: "an.nguyen@example.vn" });
    const nothing = await send({
      intent: "correct",
      submissionId: view.body.view.submissionIds.correct,
      code,
      contact: p.phone!,
      name: p.name,
      phone: p.phone!,
      email: "an.nguyen@example.vn",
      organisation: p.organisation ?? "",
    });
    expect(nothing.body.errors).toEqual({ _form: "privacy.errors.nothingChanged" });
    const badEmail = await send({
      intent: "correct",
      submissionId: view.body.view.submissionIds.correct,
      code,
      contact: p.phone!,
      name: "Nguyễn Văn An",
      phone: p.phone!,
      email: "an@",
      organisation: "",
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors.email).toBe("privacy.errors.emailInvalid");
    expect(badEmail.body.values.name).toBe("Nguyễn Văn An");

    const form = {
      intent: "correct",
      submissionId: view.body.view.submissionIds.correct,
      code,
      contact: p.phone!,
      name: "Nguyễn Văn An",
      phone: p.phone!,
      email: "an.nguyen@example.vn",
      organisation: "",
    };
    const t0 = Date.now();
    const sent = await send(form);
    expect(sent.status).toBe(200);
    expect(sent.body.message.key).toBe("privacy.request.correctionReceived");
    await send(form); // the same form posted twice is one request
    const reqs = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", r.registration.id)
      .where("kind", "=", "correct")
      .execute();
    expect(reqs).toHaveLength(1);
    expect(reqs[0].status).toBe("open");
    expect(reqs[0].due_at.getTime() - reqs[0].received_at.getTime()).toBe(72 * 3_600_000);
    expect(reqs[0].received_at.getTime()).toBeGreaterThanOrEqual(t0 - 1000);

    const office = await signIn("office");
    const list = await (await listLoader(args(staffRequest("/staff/privacy", office.cookie)))).json();
    expect(list.open.find((o: { id: number }) => o.id === reqs[0].id)).toMatchObject({
      state: "on_time",
      code: r.registration.code,
    });
    const piiBefore = await auditCount("pii.view");
    const detail = await (
      await detailLoader(args(staffRequest(`/staff/privacy/${reqs[0].id}`, office.cookie), { id: String(reqs[0].id) }))
    ).json();
    expect(detail.request.requested!.name).toBe("Nguyễn Văn An");
    expect(await auditCount("pii.view")).toBe(piiBefore + 1);
    const entry = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "pii.view")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor_id: office.id,
      entity: "dialogue_registration",
      entity_id: String(r.registration.id),
    });
    expect(JSON.stringify(entry.details)).not.toContain("Nguyễn");

    const done = await detailAction(
      args(staffRequest(`/staff/privacy/${reqs[0].id}`, office.cookie, { form: { intent: "fulfil" } }), {
        id: String(reqs[0].id),
      }),
    );
    expect(done.status).toBe(303);
    const reg = await db()
      .selectFrom("dialogue_registration")
      .selectAll()
      .where("id", "=", r.registration.id)
      .executeTakeFirstOrThrow();
    expect(reg.name).toBe("Nguyễn Văn An");
    expect(reg.name_search).toBe("nguyen van an");
    const after = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("id", "=", reqs[0].id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: "fulfilled", decided_by: office.id, requested: null });
    const again = await detailAction(
      args(staffRequest(`/staff/privacy/${reqs[0].id}`, office.cookie, { form: { intent: "fulfil" } }), {
        id: String(reqs[0].id),
      }),
    );
    expect(again.headers.get("Location")).toContain("done=decided");
  });
});

describe("deletion and refusal", () => {
  it("a refused request needs a reason, which the person then sees", async () => {
    const fb = await newFeedback();
    const v = await send({ intent: "lookup", code: fb.fullCode, contact: fb.phone });
    const unticked = await send({
      intent: "delete",
      submissionId: v.body.view.submissionIds.delete,
      code: fb.fullCode,
      contact: fb.phone,
    });
    expect(unticked.body.errors).toEqual({ "delete-confirm": "privacy.errors.confirmRequired" });
    await send({
      intent: "delete",
      submissionId: v.body.view.submissionIds.delete,
      code: fb.fullCode,
      contact: fb.phone,
      confirm: "yes",
    });
    const req = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", fb.id)
      .where("kind", "=", "delete")
      .executeTakeFirstOrThrow();
    const office = await signIn("office");
    const url = `/staff/privacy/${req.id}`;
    const short = await detailAction(
      args(staffRequest(url, office.cookie, { form: { intent: "refuse", reason: "no" } }), { id: String(req.id) }),
    );
    expect(short.status).toBe(400);
    expect(
      (await db().selectFrom("privacy_request").select("status").where("id", "=", req.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("open");
    const reason = "Phản ánh đang được xử lý, pháp luật yêu cầu lưu hồ sơ.";
    await detailAction(
      args(staffRequest(url, office.cookie, { form: { intent: "refuse", reason } }), { id: String(req.id) }),
    );
    const seen = await send({ intent: "lookup", code: fb.fullCode, contact: fb.phone });
    expect(seen.body.view.requests[0]).toMatchObject({ kind: "delete", status: "refused", refuseReason: reason });
    expect(
      await db().selectFrom("feedback_contact").select("name").where("feedback_id", "=", fb.id).executeTakeFirst(),
    ).toBeTruthy();
  });

  it("a fulfilled deletion erases contact, attachments and pasted phone numbers but keeps the case in the figures", async () => {
    const fb = await newFeedback();
    const day = vnDay();
    const figuresBefore = await feedbackFigures({ agencyId: 1, from: day, to: day });
    const v = await send({ intent: "lookup", code: fb.fullCode, contact: fb.phone });
    await send({
      intent: "delete",
      submissionId: v.body.view.submissionIds.delete,
      code: fb.fullCode,
      contact: fb.phone,
      confirm: "yes",
    });
    const req = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", fb.id)
      .where("kind", "=", "delete")
      .executeTakeFirstOrThrow();
    const admin = await signIn("admin");
    await detailAction(
      args(staffRequest(`/staff/privacy/${req.id}`, admin.cookie, { form: { intent: "fulfil" } }), {
        id: String(req.id),
      }),
    );
    expect(await db().selectFrom("feedback_contact").selectAll().where("feedback_id", "=", fb.id).execute()).toEqual(
      [],
    );
    expect(await db().selectFrom("feedback_attachment").selectAll().where("feedback_id", "=", fb.id).execute()).toEqual(
      [],
    );
    const f = await db().selectFrom("feedback").selectAll().where("id", "=", fb.id).executeTakeFirstOrThrow();
    expect(f.content).not.toContain("0987");
    expect(f.content).toContain("Hồ sơ trả chậm");
    expect(
      await db()
        .selectFrom("privacy_erasure")
        .select("reason")
        .where("subject_id", "=", fb.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ reason: "request" });
    expect(await feedbackFigures({ agencyId: 1, from: day, to: day })).toEqual(figuresBefore);
    // The code and phone no longer open anything.
    expect((await send({ intent: "lookup", code: fb.fullCode, contact: fb.phone })).status).toBe(404);
  });
});

describe("withdrawal without mail: a request staff settle after calling the phone on file", () => {
  it("changes nothing at once; fulfilled by staff it cancels the upcoming registration, hands the seat on, erases the data and marks the consent", async () => {
    const sid = await makeSession({ capacity: 1 });
    const first = person(sid);
    const a = await signUp(first);
    const b = await signUp(person(sid));
    if (!a.ok || !b.ok) throw new Error("sign-up failed");
    expect(b.registration.status).toBe("waitlisted");
    const v = await send({ intent: "lookup", code: a.registration.fullCode, contact: first.phone! });
    const res = await send({
      intent: "withdraw",
      submissionId: v.body.view.submissionIds.withdraw,
      code: a.registration.fullCode,
      contact: first.phone!,
      confirm: "yes",
    });
    expect(res.status).toBe(200);
    expect(res.body.message.key).toBe("codes.otp.withdrawQueued");
    expect(res.body.view.erased).toBe(false);
    const untouched = await db()
      .selectFrom("dialogue_registration")
      .selectAll()
      .where("id", "=", a.registration.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toMatchObject({ status: "confirmed", name: first.name, phone: first.phone });
    const w = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", a.registration.id)
      .where("kind", "=", "withdraw")
      .executeTakeFirstOrThrow();
    expect(w.status).toBe("open");

    const office = await signIn("office");
    const done = await detailAction(
      args(staffRequest(`/staff/privacy/${w.id}`, office.cookie, { form: { intent: "fulfil" } }), { id: String(w.id) }),
    );
    expect(done.status).toBe(303);
    const reg = await db()
      .selectFrom("dialogue_registration")
      .selectAll()
      .where("id", "=", a.registration.id)
      .executeTakeFirstOrThrow();
    expect(reg).toMatchObject({
      status: "cancelled",
      name: "—",
      phone: null,
      phone_norm: null,
      email: null,
      organisation: null,
    });
    expect(
      (
        await db()
          .selectFrom("dialogue_registration")
          .select("status")
          .where("id", "=", b.registration.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("confirmed");
    const consent = await db()
      .selectFrom("consent_record")
      .selectAll()
      .where("subject_kind", "=", "dialogue_registration")
      .where("subject_id", "=", String(a.registration.id))
      .executeTakeFirstOrThrow();
    expect(consent.withdrawn_at).not.toBeNull();
    expect(consent.withdrawn_how).toBe("staff_confirmed");
    expect(
      (await db().selectFrom("privacy_request").select("status").where("id", "=", w.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("fulfilled");
  });

  it("a withdrawn feedback loses its contact but stays a case that is handled and counted", async () => {
    const fb = await newFeedback();
    const v = await send({ intent: "lookup", code: fb.fullCode, contact: fb.phone });
    await send({
      intent: "withdraw",
      submissionId: v.body.view.submissionIds.withdraw,
      code: fb.fullCode,
      contact: fb.phone,
      confirm: "yes",
    });
    expect(
      await db().selectFrom("feedback_contact").selectAll().where("feedback_id", "=", fb.id).execute(),
    ).toHaveLength(1);
    const w = await db()
      .selectFrom("privacy_request")
      .selectAll()
      .where("subject_id", "=", fb.id)
      .where("kind", "=", "withdraw")
      .executeTakeFirstOrThrow();
    const admin = await signIn("admin");
    await detailAction(
      args(staffRequest(`/staff/privacy/${w.id}`, admin.cookie, { form: { intent: "fulfil" } }), { id: String(w.id) }),
    );
    expect(await db().selectFrom("feedback_contact").selectAll().where("feedback_id", "=", fb.id).execute()).toEqual(
      [],
    );
    expect(
      (await db().selectFrom("feedback").select("status").where("id", "=", fb.id).executeTakeFirstOrThrow()).status,
    ).toBe("received");
    const consent = await db()
      .selectFrom("consent_record")
      .selectAll()
      .where("subject_kind", "=", "feedback")
      .where("subject_id", "=", String(fb.id))
      .executeTakeFirstOrThrow();
    expect(consent.withdrawn_at).not.toBeNull();
  });
});

describe("the staff list and the access log", () => {
  it("sorts open requests by deadline and marks the late and the due soon", async () => {
    const fb = await newFeedback();
    const now = Date.now();
    const H = 3_600_000;
    const mk = async (hoursAgo: number) => {
      const received = new Date(now - hoursAgo * H);
      const row = await db()
        .insertInto("privacy_request")
        .values({
          submission_id: crypto.randomUUID(),
          kind: "delete",
          subject_kind: "feedback",
          subject_id: fb.id,
          subject_code: fb.code,
          lang: "vi",
          received_at: received,
          due_at: new Date(received.getTime() + 72 * H),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const late = await mk(80);
    const soon = await mk(60);
    const fresh = await mk(1);
    const office = await signIn("office");
    const list = await (await listLoader(args(staffRequest("/staff/privacy", office.cookie)))).json();
    const mine = list.open.filter((o: { id: number }) => [late, soon, fresh].includes(o.id));
    expect(mine.map((o: { id: number; state: string }) => [o.id, o.state])).toEqual([
      [late, "late"],
      [soon, "due_soon"],
      [fresh, "on_time"],
    ]);
    expect(mine[0].hours).toBe(-8);
    // The list names no person.
    expect(JSON.stringify(list)).not.toContain("Riêng Tư");
  });

  it("is for admin and office only", async () => {
    for (const role of ["unit", "viewer"] as const) {
      const u = await signIn(role);
      await expect(listLoader(args(staffRequest("/staff/privacy", u.cookie)))).rejects.toMatchObject({ status: 403 });
    }
  });

  it("lets the admin read every view of personal data with who, what and when", async () => {
    const admin = await signIn("admin");
    const res = await (await auditLoader(args(staffRequest("/staff/audit?action=pii.", admin.cookie)))).json();
    expect(res.rows.length).toBeGreaterThan(0);
    expect(res.rows.every((r: { action: string }) => r.action.startsWith("pii."))).toBe(true);
    expect(res.rows[0]).toMatchObject({
      actor: expect.stringContaining("@"),
      at: expect.stringMatching(/^\d\d\/\d\d\/\d{4} /),
      entity: expect.any(String),
    });
  });
});
