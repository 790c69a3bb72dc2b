// Citizen codes with a mail server (a stub on loopback): the full code goes to the email given,
// a duplicate sign-up's details go to the registered email, and withdrawing consent or
// cancelling a seat happens only with the one-time code sent there (docs/security/citizen-codes.md).
import crypto from "node:crypto";
import { action as feedbackAction } from "~/routes/feedback._index";
import { action as privacyAction } from "~/routes/privacy.request";
import { action as signUpAction } from "~/routes/dialogues.$id";
import { action as registrationAction } from "~/routes/dialogues.registration";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { OTP_MAX_TRIES } from "~/features/citizen-codes/citizen-otp.server";
import { rememberRegistrant } from "~/features/dialogue/dialogue-cookie.server";
import { db } from "~/kernel/db/db.server";
import { fullCodeOf } from "../support/codes";
import { makeSession, person } from "../support/dialogue";
import { startSmtp, type SmtpStub } from "../support/smtp";

let smtp: SmtpStub;
beforeAll(async () => {
  smtp = await startSmtp();
  // Before the first env() read: the environment is parsed once per process.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}?from=hailong%40test.example`;
  process.env.PUBLIC_URL = "https://hailong.test.example";
});
afterAll(() => {
  smtp?.close();
  delete process.env.SMTP_URL;
});

let ipN = 0;
const ip = () => `10.78.${Math.floor(++ipN / 250)}.${ipN % 250}`;
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
const inbox = (to: string) => smtp.messages.filter((m) => m.includes(`To: ${to}`));
const otpIn = (m: string) => m.match(/Subject: .*?(\d{6})/)![1];

describe("feedback", () => {
  it("the full code goes to the sender's email; withdrawal needs the code sent there, and guessing it spends it", async () => {
    const email = "nguoi.gui.thu@example.vn";
    const phone = "0914 000 111";
    const res = (await feedbackAction(
      args(
        form("/feedback", {
          submissionId: crypto.randomUUID(),
          kind: "phan_anh",
          name: "Bùi Thị Gửi Thư",
          address: "Số 2 đường Thư, Mỹ Tho",
          phone,
          email,
          content: "Hồ sơ trả chậm mà không được báo lý do, xin xem xét.",
          consent: "yes",
        }),
      ),
    )) as Response;
    const full = await fullCodeOf(res);
    expect(inbox(email)).toHaveLength(1);
    expect(inbox(email)[0]).toContain(full);

    // Someone holding the full code and the phone, but not the mailbox.
    const look = await (
      await call(() => privacyAction(args(form("/privacy/request", { intent: "lookup", code: full, contact: phone }))))
    ).json();
    const submissionId = look.view.submissionIds.withdraw;
    const asked = await (
      await call(() =>
        privacyAction(
          args(
            form("/privacy/request", { intent: "withdraw", submissionId, code: full, contact: phone, confirm: "yes" }),
          ),
        ),
      )
    ).json();
    expect(asked.message.key).toBe("codes.otp.withdrawSent");
    expect(asked.otp).toEqual({ intent: "withdraw_otp", submissionId });
    const sent = otpIn(inbox(email)[1]);
    const id = (
      await db().selectFrom("feedback").select("id").where("code", "=", full.slice(0, 18)).executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < OTP_MAX_TRIES; i++) {
      const guess = String((Number(sent) + 1 + i) % 1_000_000).padStart(6, "0");
      const r = await call(() =>
        privacyAction(
          args(
            form("/privacy/request", { intent: "withdraw_otp", submissionId, code: full, contact: phone, otp: guess }),
          ),
        ),
      );
      expect(r.status).toBe(400);
      expect((await r.json()).errors).toEqual({ otp: "codes.otp.wrong" });
    }
    // After five wrong tries the code is spent: even the right one changes nothing now.
    const late = await call(() =>
      privacyAction(
        args(form("/privacy/request", { intent: "withdraw_otp", submissionId, code: full, contact: phone, otp: sent })),
      ),
    );
    expect(late.status).toBe(400);
    expect(await db().selectFrom("feedback_contact").select("name").where("feedback_id", "=", id).execute()).toEqual([
      { name: "Bùi Thị Gửi Thư" },
    ]);
    expect(
      await db()
        .selectFrom("privacy_request")
        .select("id")
        .where("subject_id", "=", id)
        .where("kind", "=", "withdraw")
        .execute(),
    ).toEqual([]);

    // The sender asks again and types the new code from their mailbox: withdrawn at once.
    await call(() =>
      privacyAction(
        args(
          form("/privacy/request", { intent: "withdraw", submissionId, code: full, contact: phone, confirm: "yes" }),
        ),
      ),
    );
    const fresh = otpIn(inbox(email)[2]);
    const done = await call(() =>
      privacyAction(
        args(
          form("/privacy/request", { intent: "withdraw_otp", submissionId, code: full, contact: phone, otp: fresh }),
        ),
      ),
    );
    expect(done.status).toBe(200);
    expect((await done.json()).message.key).toBe("privacy.request.withdrawn");
    expect(await db().selectFrom("feedback_contact").select("name").where("feedback_id", "=", id).execute()).toEqual(
      [],
    );
  });
});

describe("the dialogue", () => {
  it("a duplicate sign-up's details go to the registered email, never to the browser", async () => {
    const sid = await makeSession();
    const email = "chu.that@example.vn";
    const owner = person(sid, { email, emailNorm: email, phone: null, phoneNorm: null });
    const first = await signUp(owner);
    if (!first.ok) throw new Error("sign-up failed");
    const before = inbox(email).length;
    const res = await call(() =>
      signUpAction(
        args(
          form(`/dialogues/${sid}`, {
            name: "Người Lạ",
            phone: "",
            email: "CHU.THAT@example.vn",
            kind: "citizen",
            organisation: "",
            accessibility: "",
            question: "",
            topic: "",
            adult: "on",
            consent: "on",
          }),
          { id: String(sid) },
        ),
      ),
    );
    expect(res.headers.get("Location")).toBe(`/dialogues/${sid}?checkContact=1#signup-title`);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(inbox(email)).toHaveLength(before + 1);
    expect(inbox(email)[before]).toContain(first.registration.fullCode);
  });

  it("cancelling a seat needs the code emailed to the registrant: a wrong one changes nothing, the right one cancels", async () => {
    const sid = await makeSession();
    const email = "huy.cho@example.vn";
    const r = await signUp(person(sid, { email, emailNorm: email }));
    if (!r.ok) throw new Error("sign-up failed");
    const cookie = (await rememberRegistrant({ id: 1, prefix: null }, r.registration.id)).split(";")[0];
    const start = await call(() =>
      registrationAction(args(form("/dialogues/registration", { intent: "cancel", confirm: "on" }, cookie))),
    );
    expect(start.status).toBe(200);
    expect((await start.json()).otp).toBe(true);
    const sent = otpIn(inbox(email).at(-1)!);
    const wrong = await call(() =>
      registrationAction(
        args(
          form(
            "/dialogues/registration",
            { intent: "cancel_otp", otp: sent === "000000" ? "000001" : "000000" },
            cookie,
          ),
        ),
      ),
    );
    expect(wrong.status).toBe(400);
    const status = async () =>
      (
        await db()
          .selectFrom("dialogue_registration")
          .select("status")
          .where("id", "=", r.registration.id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status()).toBe("confirmed");
    const right = await call(() =>
      registrationAction(args(form("/dialogues/registration", { intent: "cancel_otp", otp: sent }, cookie))),
    );
    expect(right.headers.get("Location")).toBe("/dialogues/registration?cancelled=1");
    expect(await status()).toBe("cancelled");
  });
});
