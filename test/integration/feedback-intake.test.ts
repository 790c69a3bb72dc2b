// The public side of feedback against a real database: the form action, idempotency, 200
// concurrent submissions, and the status page.
import crypto from "node:crypto";
import { sql } from "kysely";
import { action as formAction, loader as formLoader } from "~/routes/feedback._index";
import { action as statusAction } from "~/routes/feedback.status";
import { submitFeedback, type IntakeInput } from "~/features/feedback/feedback-intake.server";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { vnDay } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";
import { signIn } from "../support/staff";
import { fullCodeOf } from "../support/codes";

const args = (request: Request) => ({ request, params: {}, context: {} });
let ipCounter = 0;
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function fields(overrides: Record<string, string> = {}) {
  return {
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: "Nguyễn Văn Mẫu",
    address: "Số 1 đường Thử Nghiệm, phường Mẫu, Mỹ Tho",
    phone: "0900 000 101",
    email: "",
    organisation: "",
    procedureId: "",
    dossierCode: "",
    title: "Hồ sơ trả chậm",
    content: "Hồ sơ của tôi bị trả chậm hơn giấy hẹn bảy ngày mà không được báo lý do.",
    consent: "yes",
    homepage: "",
    ...overrides,
  };
}

function multipart(
  path: string,
  data: Record<string, string>,
  files: { name: string; bytes: Uint8Array; type?: string }[] = [],
  ip = freshIp(),
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(data)) fd.append(k, v);
  for (const f of files)
    fd.append("attachments", new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? "application/octet-stream" }));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: fd,
    headers: { "x-hl-client-ip": ip, "Accept-Language": "vi" },
  });
}

function urlencoded(path: string, data: Record<string, string>, ip = freshIp()) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(data),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "x-hl-client-ip": ip },
  });
}

async function counts() {
  const one = async (
    t: "feedback" | "feedback_contact" | "feedback_attachment" | "feedback_event" | "consent_record",
  ) =>
    Number(
      (
        await db()
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    feedback: await one("feedback"),
    contact: await one("feedback_contact"),
    attachment: await one("feedback_attachment"),
    event: await one("feedback_event"),
    consent: await one("consent_record"),
  };
}

const PDF = new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer\n%%EOF\n", "latin1"));

describe("the feedback form", () => {
  it("renders a fresh submission id and the versioned privacy notice", async () => {
    const res = await formLoader(args(new Request("http://localhost/feedback")));
    const data = await res.json();
    expect(data.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.notice.text).toContain("Nghị định 20/2008");
  });

  it("stores a submission with its attachment, consent and first event, and redirects to the code", async () => {
    const before = await counts();
    const data = fields({ phone: "+84 900-000-102", email: "mau@example.com", procedureId: "" });
    const res = (await formAction(
      args(multipart("/feedback", data, [{ name: "giay-hen.pdf", bytes: PDF }])),
    )) as Response;
    expect(res.status).toBe(302);
    const code = decodeURIComponent(res.headers.get("Location")!.split("code=")[1]);
    expect(code).toMatch(new RegExp(`^PAKN\\.${vnDay(new Date()).replaceAll("-", "")}\\.\\d{4}$`));
    const fb = await db().selectFrom("feedback").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(fb).toMatchObject({ status: "received", kind: "phan_anh", title: "Hồ sơ trả chậm", lang: "vi" });
    // Limits are set at intake: 2 working days ≤ 5 ≤ 15.
    expect(fb.refuse_due <= fb.transfer_due && fb.transfer_due < fb.answer_due).toBe(true);
    expect(fb.due_date).toBe(fb.transfer_due);
    const contact = await db()
      .selectFrom("feedback_contact")
      .selectAll()
      .where("feedback_id", "=", fb.id)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      name: "Nguyễn Văn Mẫu",
      phone: "+84 900-000-102",
      phone_digits: "0900000102",
      email: "mau@example.com",
    });
    const att = await db().selectFrom("feedback_attachment").selectAll().where("feedback_id", "=", fb.id).execute();
    expect(att).toHaveLength(1);
    expect(att[0]).toMatchObject({
      filename: "giay-hen.pdf",
      kind: "pdf",
      mime: "application/pdf",
      size: PDF.byteLength,
      sha256: crypto.createHash("sha256").update(PDF).digest("hex"),
    });
    expect(Buffer.compare(att[0].data, Buffer.from(PDF))).toBe(0);
    const consent = await db()
      .selectFrom("consent_record")
      .selectAll()
      .where("subject_kind", "=", "feedback")
      .where("subject_id", "=", String(fb.id))
      .execute();
    expect(consent).toHaveLength(1);
    expect(consent[0].notice_version).toMatch(/^feedback-/);
    const after = await counts();
    expect(after).toEqual({
      feedback: before.feedback + 1,
      contact: before.contact + 1,
      attachment: before.attachment + 1,
      event: before.event + 1,
      consent: before.consent + 1,
    });
  });

  it("refuses a renamed executable by its content, keeps what was typed, and stores nothing", async () => {
    const before = await counts();
    const counter = await db().selectFrom("feedback_counter").selectAll().execute();
    const mz = new Uint8Array(
      Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"), Buffer.alloc(2000)]),
    );
    const data = fields();
    const res = (await formAction(
      args(multipart("/feedback", data, [{ name: "hoa-don.pdf", bytes: mz, type: "application/pdf" }])),
    )) as Response;
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual({ attachments: "feedback.errors.file_unsupported" });
    expect(body.errorParams.attachments).toEqual({ filename: "hoa-don.pdf" });
    expect(body.values.content).toBe(data.content);
    expect(body.filesDropped).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await db().selectFrom("feedback_counter").selectAll().execute()).toEqual(counter);
  });

  it("answers more than 10 MB of attachments with a message (413), the text kept, nothing stored", async () => {
    const before = await counts();
    // 10.5 MB together: past the 10 MB allowed, within the body's cap (10 MB + 1 MB for the text,
    // docs/security/http.md), so the page can still give the text back. A larger body is refused
    // by the server before the page runs (test/e2e/http-security.test.ts).
    const big = new Uint8Array(5.25 * 1024 * 1024);
    big.set(PDF);
    const data = fields();
    const res = (await formAction(
      args(
        multipart("/feedback", data, [
          { name: "a.pdf", bytes: big },
          { name: "b.pdf", bytes: big },
        ]),
      ),
    )) as Response;
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors).toEqual({ attachments: "feedback.errors.filesTooLarge" });
    expect(body.values.name).toBe(data.name);
    expect(await counts()).toEqual(before);
  });

  it("refuses a body past the hard cap without reading it, and a form that is not one", async () => {
    const req = new Request("http://localhost/feedback", {
      method: "POST",
      body: "x",
      headers: { "Content-Type": "multipart/form-data; boundary=zzz", "Content-Length": String(100 * 1024 * 1024) },
    });
    const res = (await formAction(args(req))) as Response;
    expect(res.status).toBe(413);
    const garbled = new Request("http://localhost/feedback", {
      method: "POST",
      body: "--zzz\r\nnonsense",
      headers: { "Content-Type": "multipart/form-data; boundary=zzz" },
    });
    const res2 = (await formAction(args(garbled))) as Response;
    expect([400, 413]).toContain(res2.status);
  });

  it("shows field messages for missing required data, and drops a bot that filled the honeypot", async () => {
    const before = await counts();
    const res = (await formAction(
      args(multipart("/feedback", fields({ name: "", phone: "abc", consent: "" }))),
    )) as Response;
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({
      name: "feedback.errors.nameRequired",
      phone: "feedback.errors.phoneInvalid",
      consent: "feedback.errors.consentRequired",
    });
    const bot = (await formAction(
      args(multipart("/feedback", fields({ homepage: "http://spam.example" }))),
    )) as Response;
    expect(bot.status).toBe(400);
    expect((await bot.json()).errors).toEqual({ _form: "feedback.errors.honeypot" });
    expect(await counts()).toEqual(before);
  });

  it("returns the same code for a double tap or a retry (same submission id), even at the same instant", async () => {
    const data = fields();
    const before = await counts();
    const results = (await Promise.all(
      Array.from({ length: 5 }, () => formAction(args(multipart("/feedback", data)))),
    )) as Response[];
    const codes = new Set(results.map((r) => r.headers.get("Location")));
    expect(results.every((r) => r.status === 302)).toBe(true);
    expect(codes.size).toBe(1);
    const retry = (await formAction(args(multipart("/feedback", data)))) as Response;
    expect(retry.headers.get("Location")).toBe([...codes][0]);
    expect((await counts()).feedback).toBe(before.feedback + 1);
  });

  it("holds floods from one address for review without refusing them, and a retry still gets its code", async () => {
    const ip = "10.9.9.9";
    let last: Response | null = null;
    const first = fields();
    const firstRes = (await formAction(args(multipart("/feedback", first, [], ip)))) as Response;
    for (let i = 0; i < 20; i++) last = (await formAction(args(multipart("/feedback", fields(), [], ip)))) as Response;
    // The 21st in the hour from one address (20 a hour taken as usual: docs/security/limits.md)
    // is stored and gets its code, held for review.
    expect(last!.status).toBe(302);
    const code = decodeURIComponent(last!.headers.get("Location")!.split("code=")[1]);
    const row = await db()
      .selectFrom("feedback")
      .select(["held_reason", "held_at"])
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    expect(row.held_reason).toBe("address_burst");
    const retry = (await formAction(args(multipart("/feedback", first, [], ip)))) as Response;
    expect(retry.headers.get("Location")).toBe(firstRes.headers.get("Location"));
  });
});

describe("200 concurrent submissions", () => {
  it("get 200 distinct codes of the day, none lost", async () => {
    const day = vnDay(new Date());
    const before = await counts();
    const startNo =
      (await db().selectFrom("feedback_counter").select("last").where("day", "=", day).executeTakeFirst())?.last ?? 0;
    const input = (i: number): IntakeInput => ({
      submissionId: crypto.randomUUID(),
      kind: i % 2 ? "phan_anh" : "kien_nghi",
      name: `Người gửi mẫu ${i}`,
      address: "Số 2 đường Thử Nghiệm",
      phone: `0900${String(i).padStart(6, "0")}`,
      content: `Nội dung phản ánh mẫu số ${i}, đủ dài để hợp lệ.`,
      lang: "vi",
      attachments: [],
    });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => submitFeedback(input(i))));
    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(200);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    // The day's numbers are contiguous: no code skipped, none given twice.
    const numbers = codes.map((c) => Number(c.split(".")[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => startNo + i + 1));
    const after = await counts();
    expect(after.feedback - before.feedback).toBe(200);
    expect(after.contact - before.contact).toBe(200);
    expect(after.consent - before.consent).toBe(200);
    const stored = await db().selectFrom("feedback").select("code").where("code", "in", codes).execute();
    expect(stored).toHaveLength(200);
  });
});

describe("the status page", () => {
  let code = "";
  let short = "";
  beforeAll(async () => {
    const res = (await formAction(
      args(
        multipart(
          "/feedback",
          fields({ phone: "0900 000 555", name: "Trần Thị Bí Mật", address: "Số 99 đường Riêng Tư" }),
        ),
      ),
    )) as Response;
    short = decodeURIComponent(res.headers.get("Location")!.split("code=")[1]);
    code = await fullCodeOf(res);
  });

  it("shows the status for the right code and phone, in any spelling, and nothing personal", async () => {
    const res = (await statusAction(
      args(urlencoded("/feedback/status", { intent: "lookup", code: code.toLowerCase(), phone: "+84 900 000 555" })),
    )) as Response;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.view).toMatchObject({ code: short, status: "received", canAddInfo: false, canRate: false });
    const text = JSON.stringify(body.view);
    expect(text).not.toContain("Trần Thị Bí Mật");
    expect(text).not.toContain("Riêng Tư");
    expect(text).not.toContain("0900000555");
  });

  it("says the same for a wrong phone and an unknown code, and slows a code after 5 wrong guesses, for minutes, not the hour", async () => {
    const wrong = (await statusAction(
      args(urlencoded("/feedback/status", { code, phone: "0900 000 556" })),
    )) as Response;
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).errors).toEqual({ _form: "feedback.status.notFound" });
    const unknown = (await statusAction(
      args(urlencoded("/feedback/status", { code: "PAKN.20200101.0001-K7M2Q-X9P4T", phone: "0900 000 555" })),
    )) as Response;
    expect(unknown.status).toBe(404);
    for (let i = 0; i < 9; i++)
      await statusAction(
        args(urlencoded("/feedback/status", { code, phone: `0900 111 ${String(i).padStart(3, "0")}` })),
      );
    // Five free guesses at a code, then a wait (30 s, doubling): the right phone waits too…
    const right = (await statusAction(
      args(urlencoded("/feedback/status", { code, phone: "0900 000 555" })),
    )) as Response;
    expect(right.status).toBe(429);
    expect((await right.json()).errors).toEqual({ _form: "feedback.status.limited" });
    // …but only until the wait ends (moved into the past here), not for the rest of the hour.
    await sql`update attempt_limit set next_at = now() - interval '1 second'`.execute(db());
    const later = (await statusAction(
      args(urlencoded("/feedback/status", { code, phone: "0900 000 555" })),
    )) as Response;
    expect(later.status).toBe(200);
  });

  it("checks the code's shape before anything else", async () => {
    const res = (await statusAction(args(urlencoded("/feedback/status", { code: "abc", phone: "" })))) as Response;
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({
      code: "feedback.errors.codeInvalid",
      phone: "feedback.errors.phoneRequired",
    });
  });
});

describe("the sender on the status page", () => {
  it("adds the information asked for (with a file), and rates the published answer", async () => {
    const office = await signIn("office");
    const staff = {
      id: office.id,
      email: office.email,
      name: "Văn phòng",
      role: "office" as const,
      unitId: null,
      agencyId: 1,
      mustChangePassword: false,
      sessionId: "t",
    };
    const res = (await formAction(args(multipart("/feedback", fields({ phone: "0900 000 666" }))))) as Response;
    const short = decodeURIComponent(res.headers.get("Location")!.split("code=")[1]);
    const code = await fullCodeOf(res);
    const id = (await db().selectFrom("feedback").select("id").where("code", "=", short).executeTakeFirstOrThrow()).id;
    await actOnFeedback(null, staff, id, { intent: "request_info", note: "Xin gửi ảnh giấy hẹn." });

    const seen = await (
      (await statusAction(args(urlencoded("/feedback/status", { code, phone: "0900000666" })))) as Response
    ).json();
    expect(seen.view).toMatchObject({
      status: "info_requested",
      canAddInfo: true,
      infoRequest: "Xin gửi ảnh giấy hẹn.",
    });

    // A renamed executable is refused here too, with nothing changed.
    const mz = new Uint8Array(Buffer.from("MZ\x90\x00\x03\x00", "latin1"));
    const bad = (await statusAction(
      args(
        multipart(
          "/feedback/status",
          { intent: "add_info", code, phone: "0900000666", requestId: crypto.randomUUID(), info: "Ảnh giấy hẹn đây." },
          [{ name: "giay-hen.png", bytes: mz }],
        ),
      ),
    )) as Response;
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ attachments: "feedback.errors.file_unsupported" });
    expect(
      (await db().selectFrom("feedback").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status,
    ).toBe("info_requested");

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const ok = (await statusAction(
      args(
        multipart(
          "/feedback/status",
          { intent: "add_info", code, phone: "0900000666", requestId: crypto.randomUUID(), info: "Ảnh giấy hẹn đây." },
          [{ name: "giay-hen.png", bytes: png }],
        ),
      ),
    )) as Response;
    expect(ok.status).toBe(200);
    const okBody = await ok.json();
    expect(okBody.message).toBe("feedback.status.infoSent");
    expect(okBody.view.status).toBe("received");
    expect(okBody.view.attachments.map((a: { filename: string }) => a.filename)).toEqual(["giay-hen.png"]);

    for (const cmd of [
      { intent: "classify", feedbackClass: "competent" },
      {
        intent: "assign",
        unitId: (
          await db()
            .insertInto("unit")
            .values({
              code: `U${crypto.randomBytes(3).toString("hex")}`,
              name_vi: "Đơn vị",
              name_en: "Unit",
              kind: "division",
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      },
      { intent: "draft", answer: "Sở đã trả kết quả và xin lỗi vì chậm trễ." },
      { intent: "approve", approver: "Phó Giám đốc" },
      { intent: "publish", publicContent: "Hồ sơ trả chậm hơn giấy hẹn." },
    ] as const)
      expect((await actOnFeedback(null, staff, id, cmd)).ok).toBe(true);

    const noChoice = (await statusAction(
      args(urlencoded("/feedback/status", { intent: "rate", code, phone: "0900000666" })),
    )) as Response;
    expect((await noChoice.json()).errors).toEqual({ rating: "feedback.errors.ratingRequired" });
    const rated = (await statusAction(
      args(urlencoded("/feedback/status", { intent: "rate", code, phone: "0900000666", rating: "satisfied" })),
    )) as Response;
    const ratedBody = await rated.json();
    expect(ratedBody).toMatchObject({
      status: 200,
      message: "feedback.status.rated",
      view: { status: "closed", rating: "satisfied", answer: "Sở đã trả kết quả và xin lỗi vì chậm trễ." },
    });
    // A second rating (a retry) changes nothing and says the state moved on.
    const again = (await statusAction(
      args(urlencoded("/feedback/status", { intent: "rate", code, phone: "0900000666", rating: "unsatisfied" })),
    )) as Response;
    expect(again.status).toBe(409);
    expect(
      await db()
        .selectFrom("feedback")
        .select(["status", "reopened_count"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "closed", reopened_count: 0 });
  });
});

describe("the schema", () => {
  it("refuses two feedbacks with one submission id at the database level", async () => {
    const id = crypto.randomUUID();
    const base = {
      kind: "phan_anh",
      content: "x",
      lang: "vi",
      base_date: "2026-11-27",
      refuse_due: "2026-11-27",
      info_due: "2026-11-27",
      transfer_due: "2026-11-27",
      answer_due: "2026-11-27",
    } as const;
    await db()
      .insertInto("feedback")
      .values({ ...base, code: "PAKN.19990101.0001", submission_id: id })
      .execute();
    await expect(
      db()
        .insertInto("feedback")
        .values({ ...base, code: "PAKN.19990101.0002", submission_id: id })
        .execute(),
    ).rejects.toThrow();
    await sql`delete from feedback where submission_id = ${id}`.execute(db());
  });
});
