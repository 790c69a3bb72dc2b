// Bugs the fuzz tests found, each pinned by a plain example: a body that is not a form, a NUL
// character in typed text, a procedure number that does not exist.
import crypto from "node:crypto";
import { action as signUpAction } from "~/routes/dialogues.$id";
import { action as registrationAction } from "~/routes/dialogues.registration";
import { action as feedbackAction } from "~/routes/feedback._index";
import { action as surveyAction } from "~/routes/s.$slug";
import { action as loginAction } from "~/routes/staff_.login";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { db } from "~/kernel/db/db.server";
import { rememberRegistrant } from "~/features/dialogue/dialogue-cookie.server";
import { makeSession, person } from "../support/dialogue";
import { callAction, makePost } from "../support/fuzz";
import { ensureForms, SLUG_B } from "../support/survey";

const json = (url: string, lang: "vi" | "en" = "vi") =>
  new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: `lng=${lang}`, "x-hl-client-ip": "192.0.2.1" },
    body: '{"name":"x"}',
  });

describe("a body that is not a form", () => {
  it("gets the form's own refusal, not a 500, on every public action and the sign-in", async () => {
    await ensureForms();
    const sessionId = await makeSession();
    const survey = await callAction(() =>
      surveyAction({ request: json(`http://localhost/s/${SLUG_B}`, "en"), params: { slug: SLUG_B }, context: {} }),
    );
    expect(survey.status).toBe(400);
    expect(survey.data).toMatchObject({ title: "Invalid request" });
    const signup = await callAction(() =>
      signUpAction({
        request: json(`http://localhost/dialogues/${sessionId}`),
        params: { id: String(sessionId) },
        context: {},
      }),
    );
    expect(signup.status).toBe(400);
    expect(signup.data).toMatchObject({ errors: { name: "dialogue.errors.nameRequired" } });
    const reg = await callAction(() =>
      registrationAction({ request: json("http://localhost/dialogues/registration"), params: {}, context: {} }),
    );
    expect(reg.status).toBe(401);
    const login = await callAction(() =>
      loginAction({ request: json("http://localhost/staff/login"), params: {}, context: {} }),
    );
    expect(login.status).toBe(400);
  });
});

describe("a NUL character in typed text", () => {
  it("is dropped, so the question is stored instead of failing in PostgreSQL", async () => {
    const sessionId = await makeSession();
    const r = await signUp(person(sessionId));
    if (!r.ok) throw new Error("sign-up refused");
    const cookie = (await rememberRegistrant({ id: 1, prefix: null }, r.registration.id)).split(";")[0];
    const o = await callAction(() =>
      registrationAction({
        request: makePost(
          "http://localhost/dialogues/registration",
          [
            ["intent", "ask"],
            ["question", "Khi nào\u0000 có kết quả?"],
          ],
          { encoding: "urlencoded", lang: "vi", ip: "192.0.2.2", cookie },
        ),
        params: {},
        context: {},
      }),
    );
    expect(o.status).toBe(303);
    const q = await db()
      .selectFrom("dialogue_question")
      .select("text")
      .where("registration_id", "=", r.registration.id)
      .executeTakeFirstOrThrow();
    expect(q.text).toBe("Khi nào có kết quả?");
  });
});

describe("a feedback form naming a procedure that does not exist", () => {
  it("is refused with the procedure's message and stores nothing", async () => {
    const before = await db()
      .selectFrom("feedback")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const fields: [string, string][] = [
      ["submissionId", crypto.randomUUID()],
      ["kind", "phan_anh"],
      ["name", "Nguyễn Văn An"],
      ["address", "Số 1 đường 30/4, Mỹ Tho"],
      ["phone", "0912345678"],
      ["procedureId", "987654"],
      ["content", "Thời gian giải quyết hồ sơ quá lâu so với quy định, đề nghị xem xét."],
      ["consent", "yes"],
    ];
    const o = await callAction(() =>
      feedbackAction({
        request: makePost("http://localhost/feedback", fields, { encoding: "urlencoded", lang: "en", ip: "192.0.2.3" }),
        params: {},
        context: {},
      }),
    );
    expect(o.status).toBe(400);
    expect(o.data).toMatchObject({ errors: { procedureId: "feedback.errors.procedureInvalid" } });
    const after = await db()
      .selectFrom("feedback")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
