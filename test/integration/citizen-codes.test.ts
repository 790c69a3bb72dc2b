// Citizen codes against a real database, without a mail server (docs/security/citizen-codes.md):
// keys drawn by the database, look-ups that need the full code, a duplicate sign-up that learns
// nothing, and a registrant sign-in that "forget" ends at once.
import crypto from "node:crypto";
import { sql } from "kysely";
import { action as feedbackAction } from "~/routes/feedback._index";
import { action as statusAction } from "~/routes/feedback.status";
import { action as privacyAction } from "~/routes/privacy.request";
import { action as signUpAction } from "~/routes/dialogues.$id";
import { action as registrationAction, loader as registrationLoader } from "~/routes/dialogues.registration";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { DETAILS_PER_DAY } from "~/features/citizen-codes/citizen-code-mail.server";
import { CODE_ALPHABET } from "~/features/dialogue/dialogue-code";
import { vnDay } from "~/kernel/time/clock";
import { rememberRegistrant } from "~/features/dialogue/dialogue-cookie.server";
import { db } from "~/kernel/db/db.server";
import { fullCodeOf } from "../support/codes";
import { makeSession, person } from "../support/dialogue";

let ipN = 0;
const ip = () => `10.77.${Math.floor(++ipN / 250)}.${ipN % 250}`;
const form = (path: string, data: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(data),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-hl-client-ip": ip(),
      "Accept-Language": "vi",
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
async function call(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("keys", () => {
  it("every feedback and registration gets its own 10-character key from the 31-letter alphabet, also when the insert names none", async () => {
    const sid = await makeSession({ capacity: 100 });
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await signUp(person(sid));
      if (!r.ok) throw new Error("sign-up failed");
      keys.push(r.registration.fullCode.slice(7).replace("-", ""));
    }
    for (const k of keys) {
      expect(k).toHaveLength(10);
      for (const ch of k) expect(CODE_ALPHABET).toContain(ch);
    }
    // 40 draws from 31^10 ≈ 8.2·10^14: a repeat would be a broken generator, not chance.
    expect(new Set(keys).size).toBe(40);
  });
});

describe("a stranger who knows the sender's phone", () => {
  const phone = "0913 555 013";
  const full: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const res = (await feedbackAction(
        args(
          form("/feedback", {
            submissionId: crypto.randomUUID(),
            kind: "phan_anh",
            name: "Võ Thị Người Gửi",
            address: "Số 5 đường Kín, Mỹ Tho",
            phone,
            content: `Nội dung chỉ người gửi được đọc, lần ${i}: hồ sơ trả chậm.`,
            consent: "yes",
          }),
        ),
      )) as Response;
      full.push(await fullCodeOf(res));
    }
  });

  it("guessing today's short codes in sequence opens nothing on the status or privacy page; the full code does", async () => {
    const day = vnDay().replaceAll("-", "");
    for (let n = 1; n <= 25; n++) {
      const code = `PAKN.${day}.${String(n).padStart(4, "0")}`;
      const s = await call(() => statusAction(args(form("/feedback/status", { intent: "lookup", code, phone }))));
      expect(s.status).toBe(400);
      expect((await s.json()).errors).toEqual({ code: "codes.errors.feedbackNeedsKey" });
      const p = await call(() =>
        privacyAction(args(form("/privacy/request", { intent: "lookup", code, contact: phone }))),
      );
      expect(p.status).toBe(400);
      expect((await p.json()).view).toBeNull();
    }
    // A made-up key on a real code: the same "not found" as any wrong pair.
    const wrongKey = `${full[0].slice(0, 18)}-K7M2Q-X9P4T`;
    const w = await call(() =>
      statusAction(args(form("/feedback/status", { intent: "lookup", code: wrongKey, phone }))),
    );
    expect(w.status).toBe(404);
    const ok = await call(() =>
      statusAction(
        args(form("/feedback/status", { intent: "lookup", code: full[2].toLowerCase().replaceAll("-", " "), phone })),
      ),
    );
    // Typed in lower case with spaces instead of dashes, as a phone keyboard may.
    expect(ok.status).toBe(200);
    expect((await ok.json()).view.content).toContain("lần 2");
  });
});

describe("a duplicate sign-up", () => {
  it("gets no code, no cookie and no name; the registered person's details go on the staff call list (no email, no mail server), at most 3 a day", async () => {
    const sid = await makeSession();
    const owner = person(sid, { name: "Đặng Văn Chủ Đăng Ký", accessibility: "Cần xe lăn" });
    const first = await signUp(owner);
    if (!first.ok) throw new Error("sign-up failed");
    const body = {
      name: "Người Lạ",
      phone: owner.phone!,
      email: "",
      kind: "citizen",
      organisation: "",
      accessibility: "",
      question: "",
      topic: "",
      adult: "on",
      consent: "on",
    };
    for (let i = 0; i < DETAILS_PER_DAY + 2; i++) {
      const res = await call(() => signUpAction(args(form(`/dialogues/${sid}`, body), { id: String(sid) })));
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe(`/dialogues/${sid}?checkContact=1#signup-title`);
      expect(res.headers.get("Set-Cookie")).toBeNull();
      const text = await res.text();
      expect(text).not.toContain(first.registration.code);
    }
    const regs = await db()
      .selectFrom("dialogue_registration")
      .select(["name", "status"])
      .where("session_id", "=", sid)
      .execute();
    expect(regs).toEqual([{ name: owner.name, status: "confirmed" }]);
    const notices = await db()
      .selectFrom("dialogue_notification")
      .select(["kind", "channel", "status", "message"])
      .where("registration_id", "=", first.registration.id)
      .execute();
    // Only DETAILS_PER_DAY reach the owner (3), however many strangers try.
    expect(notices).toHaveLength(DETAILS_PER_DAY);
    expect(notices[0]).toMatchObject({ kind: "details", channel: "call", status: "to_call" });
    // Staff read the full code out to the phone on file.
    expect(notices[0].message).toContain(first.registration.fullCode);
  });

  it("a retry from the browser already signed in as that registration still shows it", async () => {
    const sid = await makeSession();
    const owner = person(sid);
    const first = await signUp(owner);
    if (!first.ok) throw new Error("sign-up failed");
    const cookie = (await rememberRegistrant({ id: 1, prefix: null }, first.registration.id)).split(";")[0];
    const body = {
      name: owner.name,
      phone: owner.phone!,
      email: "",
      kind: "citizen",
      organisation: "",
      accessibility: "",
      question: "",
      topic: "",
      adult: "on",
      consent: "on",
    };
    const res = await call(() => signUpAction(args(form(`/dialogues/${sid}`, body, cookie), { id: String(sid) })));
    expect(res.headers.get("Location")).toBe("/dialogues/registration?again=1");
  });
});

describe("the registrant's sign-in", () => {
  it("forget ends it on the server: the same cookie, replayed, opens nothing and cancels nothing", async () => {
    const sid = await makeSession();
    const r = await signUp(person(sid));
    if (!r.ok) throw new Error("sign-up failed");
    const cookie = (await rememberRegistrant({ id: 1, prefix: null }, r.registration.id)).split(";")[0];
    const get = () => new Request("http://localhost/dialogues/registration", { headers: { Cookie: cookie } });
    const before = await (await registrationLoader(args(get()))).json();
    expect(before.view?.registration.code).toBe(r.registration.fullCode);
    const forgot = await call(() =>
      registrationAction(args(form("/dialogues/registration", { intent: "forget" }, cookie))),
    );
    expect(forgot.status).toBe(303);
    expect((await (await registrationLoader(args(get()))).json()).view).toBeNull();
    const cancel = await call(() =>
      registrationAction(args(form("/dialogues/registration", { intent: "cancel", confirm: "on" }, cookie))),
    );
    expect(cancel.status).toBe(401);
    expect(
      (
        await db()
          .selectFrom("dialogue_registration")
          .select("status")
          .where("id", "=", r.registration.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("confirmed");
  });

  it("the short door code alone does not sign in", async () => {
    const sid = await makeSession();
    const p = person(sid);
    const r = await signUp(p);
    if (!r.ok) throw new Error("sign-up failed");
    const short = await call(() =>
      registrationAction(
        args(form("/dialogues/registration", { intent: "lookup", code: r.registration.code, contact: p.phone! })),
      ),
    );
    expect(short.status).toBe(400);
    expect((await short.json()).errors.code).toBe("codes.errors.needsKey");
    const ok = await call(() =>
      registrationAction(
        args(form("/dialogues/registration", { intent: "lookup", code: r.registration.fullCode, contact: p.phone! })),
      ),
    );
    expect(ok.status).toBe(303);
  });
});

describe("staff reading a full code out to its owner", () => {
  it("office sees a sender's full code on request, logged as a personal-data view; a viewer cannot open the case", async () => {
    const { submitFeedback } = await import("~/features/feedback/feedback-intake.server");
    const { loader: detailLoader } = await import("~/routes/staff.feedback.$id");
    const { signIn, staffRequest } = await import("../support/staff");
    const fb = await submitFeedback({
      submissionId: crypto.randomUUID(),
      kind: "phan_anh",
      name: "Người Gọi Điện",
      address: "Số 1 đường Gọi",
      phone: "0915 000 001",
      content: "Tôi mất mã, xin Sở đọc lại giúp.",
      lang: "vi",
      attachments: [],
    });
    const office = await signIn("office");
    const plain = await (
      await detailLoader(args(staffRequest(`/staff/feedback/${fb.id}`, office.cookie), { id: String(fb.id) }))
    ).json();
    expect(plain).toMatchObject({ mayShowCode: true, fullCode: null });
    const logged = async () =>
      (
        await db()
          .selectFrom("audit_log")
          .select("id")
          .where("entity", "=", "feedback")
          .where("entity_id", "=", String(fb.id))
          .where("action", "=", "pii.view")
          .execute()
      ).length;
    const before = await logged();
    const shown = await (
      await detailLoader(
        args(staffRequest(`/staff/feedback/${fb.id}?showCode=1`, office.cookie), { id: String(fb.id) }),
      )
    ).json();
    expect(shown.fullCode).toBe(fb.fullCode);
    // The contact view and the code view: two entries.
    expect(await logged()).toBe(before + 2);
    const viewer = await signIn("viewer");
    await expect(
      call(() =>
        detailLoader(args(staffRequest(`/staff/feedback/${fb.id}?showCode=1`, viewer.cookie), { id: String(fb.id) })),
      ),
    ).resolves.toMatchObject({ status: 403 });
  });
});

describe("guessing keys for one case on the privacy page", () => {
  // Paced per short code (docs/security/limits.md): 5 free look-ups, then waits of 30 s doubling
  // to 10 minutes, the right key included while a wait lasts; never an hour-long lock.
  it("after 5 wrong keys for a short code, guesses and the right full code wait; the right code opens once the wait ends", async () => {
    const { submitFeedback } = await import("~/features/feedback/feedback-intake.server");
    const fb = await submitFeedback({
      submissionId: crypto.randomUUID(),
      kind: "phan_anh",
      name: "Người Bị Đoán",
      address: "Số 10 đường Đoán",
      phone: "0915 000 010",
      content: "Nội dung thử giới hạn đoán mã.",
      lang: "vi",
      attachments: [],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const guess = `${fb.code}-K7M2Q-X9P${"23456789AB"[i]}T`;
      const r = await call(() =>
        privacyAction(args(form("/privacy/request", { intent: "lookup", code: guess, contact: "0915000010" }))),
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429, 429, 429]);
    const right = await call(() =>
      privacyAction(args(form("/privacy/request", { intent: "lookup", code: fb.fullCode, contact: "0915000010" }))),
    );
    expect(right.status).toBe(429);
    expect((await right.json()).view).toBeNull();
    // The wait ended (moved into the past here): the owner gets in, not an hour later.
    await sql`update attempt_limit set next_at = now() - interval '1 second'`.execute(db());
    const later = await call(() =>
      privacyAction(args(form("/privacy/request", { intent: "lookup", code: fb.fullCode, contact: "0915000010" }))),
    );
    expect(later.status).toBe(200);
  });
});

describe("guessing keys for one registration", () => {
  it("after 5 wrong keys for a door code, guesses and the right full code wait; the right code opens once the wait ends", async () => {
    const sid = await makeSession();
    const p = person(sid);
    const r = await signUp(p);
    if (!r.ok) throw new Error("sign-up failed");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const guess = `${r.registration.code}-K7M2Q-X9P${"23456789AB"[i]}T`;
      const res = await call(() =>
        registrationAction(args(form("/dialogues/registration", { intent: "lookup", code: guess, contact: p.phone! }))),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429, 429]);
    const right = await call(() =>
      registrationAction(
        args(form("/dialogues/registration", { intent: "lookup", code: r.registration.fullCode, contact: p.phone! })),
      ),
    );
    expect(right.status).toBe(429);
    expect(right.headers.get("Set-Cookie")).toBeNull();
    await sql`update attempt_limit set next_at = now() - interval '1 second'`.execute(db());
    const later = await call(() =>
      registrationAction(
        args(form("/dialogues/registration", { intent: "lookup", code: r.registration.fullCode, contact: p.phone! })),
      ),
    );
    expect(later.status).toBe(303);
    expect(later.headers.get("Set-Cookie")).not.toBeNull();
  });
});
