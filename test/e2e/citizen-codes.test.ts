// A determined outsider against the real server on PostgreSQL, over plain HTTP (no browser):
// someone who knows a citizen's phone number and nothing else (docs/security/citizen-codes.md).
//  - Feedback codes count up per day. Thirteen cases sent with one phone; the stranger tries the
//    day's first 25 short codes with that phone on the status page and the privacy page: before
//    the full codes, 13 of them opened the case (content, then name and address); now none does.
//  - A stranger signs up for the dialogue with a registered person's phone: before, the answer
//    was "here is your registration" with their code and a cancel button; now the browser gets
//    no code, no cookie, no name: only "if this contact is registered, we sent it the details".
//  - "Forget" on the registration page ends the sign-in on the server: the old cookie, replayed,
//    opens nothing (before, it worked for its two hours).
//  - Cancelling a seat without the code emailed to the registrant changes nothing.
import crypto from "node:crypto";
import { reachablePostgres, startServer, type RunningServer } from "../support/server";

const PHONE = "0912 777 013";
const SECRET_TEXT = "Nội dung riêng tư số";

let server: RunningServer;
const hasPg = await reachablePostgres();
let ip = 0;
/** Each phase its own address: the per-address limits are not what is under test here. */
const from = () => ({ "X-Forwarded-For": `198.51.100.${++ip}` });

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "vi", ...headers },
    redirect: "manual",
  });
}

const vnToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date())
    .replaceAll("-", "");

describe.skipIf(!hasPg)("a stranger with a phone number, over HTTP, on PostgreSQL", () => {
  beforeAll(async () => {
    server = await startServer({ postgres: true, env: { TRUST_PROXY: "1" } });
  }, 60_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it("guessing the day's feedback codes in sequence with the sender's phone finds nothing", async () => {
    const headers = from();
    const sentPages: string[] = [];
    for (let i = 1; i <= 13; i++) {
      const res = await post(
        "/feedback?index",
        {
          submissionId: crypto.randomUUID(),
          kind: "phan_anh",
          name: "Lê Thị Nạn Nhân",
          address: "Số 13 đường Bí Mật, Mỹ Tho",
          phone: PHONE,
          content: `${SECRET_TEXT} ${i}: hồ sơ trả chậm hơn giấy hẹn mà không được báo lý do.`,
          consent: "yes",
        },
        headers,
      );
      expect(res.status).toBe(302);
      // The address names the short code only; the full one rides in a cookie for the sent page.
      const location = res.headers.get("Location")!;
      expect(location).toMatch(/^\/feedback\/sent\?code=PAKN\.\d{8}\.\d{4}$/);
      const sent = await fetch(server.url + location, {
        headers: { Cookie: (res.headers.get("Set-Cookie") ?? "").split(";")[0] },
      });
      sentPages.push(await sent.text());
    }
    const day = vnToday();
    let opened = 0;
    for (let n = 1; n <= 25; n++) {
      const code = `PAKN.${day}.${String(n).padStart(4, "0")}`;
      const status = await post("/feedback/status", { intent: "lookup", code, phone: PHONE }, from());
      const privacy = await post("/privacy/request", { intent: "lookup", code, contact: PHONE }, from());
      const withdraw = await post(
        "/privacy/request",
        { intent: "withdraw", submissionId: crypto.randomUUID(), code, contact: PHONE, confirm: "yes" },
        from(),
      );
      for (const res of [status, privacy, withdraw]) {
        const body = await res.text();
        if (res.status === 200 || body.includes(SECRET_TEXT) || body.includes("Nạn Nhân") || body.includes("Bí Mật"))
          opened++;
        expect(res.status).toBe(400);
      }
    }
    expect(opened).toBe(0);
    const fullCodes = sentPages.map(
      (html) => html.match(/data-testid="feedback-code">\s*(PAKN\.\d{8}\.\d{4}-[2-9A-Z]{5}-[2-9A-Z]{5})/)![1],
    );
    // The sender, with the full code shown to them, still finds their case; their contact is intact.
    const own = await post("/feedback/status", { intent: "lookup", code: fullCodes[12], phone: PHONE }, from());
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(`${SECRET_TEXT} 13`);
    const mine = await post("/privacy/request", { intent: "lookup", code: fullCodes[0], contact: PHONE }, from());
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("Lê Thị Nạn Nhân");
  }, 120_000);

  it("a duplicate sign-up learns nothing and gets no way to cancel; forget ends the sign-in at once; a cancel needs the emailed code", async () => {
    const list = await (await fetch(server.url + "/dialogues")).text();
    const ids = [...new Set([...list.matchAll(/href="\/dialogues\/(\d+)"/g)].map((m) => m[1]))];
    let open = "";
    for (const id of ids)
      if ((await (await fetch(`${server.url}/dialogues/${id}`)).text()).includes('name="consent"')) open = id;
    expect(open).not.toBe("");
    const signUp = (name: string, phone: string) =>
      post(
        `/dialogues/${open}`,
        {
          name,
          phone,
          email: "",
          kind: "citizen",
          organisation: "",
          accessibility: "",
          question: "",
          topic: "",
          adult: "on",
          consent: "on",
        },
        from(),
      );

    // The registered person (the demo's first registrant holds 0900200000; this one is new).
    const victim = await signUp("Phạm Văn Chủ Thật", "0912 888 001");
    expect(victim.status).toBe(303);
    expect(victim.headers.get("Location")).toBe("/dialogues/registration?new=1");
    const victimCookie = victim.headers.get("Set-Cookie")!.split(";")[0];
    const page = await (
      await fetch(server.url + "/dialogues/registration", { headers: { Cookie: victimCookie } })
    ).text();
    // (The key part is optional in this pattern only so that, run against the code before full
    // codes, the test fails at the attack below rather than here.)
    const full = page.match(/data-testid="registration-code">\s*([2-9A-Z]{6}(?:-[2-9A-Z]{5}-[2-9A-Z]{5})?)/)![1];

    // The stranger, with the victim's phone: no code, no cookie, no name; the details go to the
    // victim's own contact (here the staff call list: the victim gave no email).
    const res = await signUp("Kẻ Lạ", "0912888001");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/dialogues/${open}?checkContact=1#signup-title`);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const after = await (await fetch(server.url + res.headers.get("Location")!)).text();
    expect(after).toContain('data-testid="check-contact"');
    expect(after).not.toContain(full.slice(0, 6));
    expect(after).not.toContain("Chủ Thật");
    // Without a cookie there is nothing to cancel, and the door code alone opens nothing.
    expect((await post("/dialogues/registration", { intent: "cancel", confirm: "on" }, from())).status).toBe(401);
    const privacy = await post(
      "/privacy/request",
      { intent: "lookup", code: full.slice(0, 6), contact: "0912888001" },
      from(),
    );
    expect(privacy.status).toBe(400);
    expect(await privacy.text()).not.toContain("Chủ Thật");

    // Cancelling, even signed in, waits for the emailed code (no mail here: staff call first).
    const cancel = await post(
      "/dialogues/registration",
      { intent: "cancel", confirm: "on" },
      { ...from(), Cookie: victimCookie },
    );
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("Location")).toBe("/dialogues/registration?cancelRequested=1");
    const guessed = await post(
      "/dialogues/registration",
      { intent: "cancel_otp", otp: "123456" },
      { ...from(), Cookie: victimCookie },
    );
    expect(guessed.status).toBe(400);
    const still = await (
      await fetch(server.url + "/dialogues/registration", { headers: { Cookie: victimCookie } })
    ).text();
    expect(still).toContain('data-testid="registration-status"');
    expect(still).not.toMatch(/Đăng ký đã hủy/);

    // Forget, then replay the old cookie: nothing.
    const forget = await post("/dialogues/registration", { intent: "forget" }, { ...from(), Cookie: victimCookie });
    expect(forget.status).toBe(303);
    const replay = await (
      await fetch(server.url + "/dialogues/registration", { headers: { Cookie: victimCookie } })
    ).text();
    expect(replay).not.toContain(full);
    expect(replay).not.toContain('data-testid="registration-status"');
    const replayCancel = await post(
      "/dialogues/registration",
      { intent: "cancel", confirm: "on" },
      { ...from(), Cookie: victimCookie },
    );
    expect(replayCancel.status).toBe(401);

    expect(full).toMatch(/^[2-9A-Z]{6}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    // The owner signs in again with the full code; the short door code alone opens nothing.
    const short = await post(
      "/dialogues/registration",
      { intent: "lookup", code: full.slice(0, 6), contact: "0912888001" },
      from(),
    );
    expect(short.status).toBe(400);
    const again = await post(
      "/dialogues/registration",
      { intent: "lookup", code: full, contact: "0912888001" },
      from(),
    );
    expect(again.status).toBe(303);
    expect(again.headers.get("Set-Cookie")).toMatch(/^hl_dialogue=/);
  }, 120_000);
});

describe.skipIf(!hasPg)("the demo", () => {
  it("the README's demo code opens the demo registration; its door code alone does not", async () => {
    const s = await startServer({ postgres: true });
    try {
      const send = (code: string) =>
        fetch(s.url + "/dialogues/registration", {
          method: "POST",
          body: new URLSearchParams({ intent: "lookup", code, contact: "0900200000" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          redirect: "manual",
        });
      expect((await send("DEMA26")).status).toBe(400);
      const ok = await send("DEMA26-SKHCN-TGDEM");
      expect(ok.status).toBe(303);
      const page = await (
        await fetch(s.url + "/dialogues/registration", {
          headers: { Cookie: ok.headers.get("Set-Cookie")!.split(";")[0] },
        })
      ).text();
      expect(page).toContain("DEMA26-SKHCN-TGDEM");
    } finally {
      await s.dispose();
    }
  }, 60_000);
});
