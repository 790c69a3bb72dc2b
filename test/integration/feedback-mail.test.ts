// Publishing emails the sender when SMTP is configured: a tiny SMTP server on loopback receives
// the message, and the case leaves the call list.
import net from "node:net";
import crypto from "node:crypto";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { makeUnit, signIn } from "../support/staff";

const received: string[] = [];
let smtp: net.Server;

/** Just enough SMTP for nodemailer: greet, accept every command, collect DATA. */
function startSmtp(): Promise<number> {
  smtp = net.createServer((sock) => {
    let inData = false;
    let buf = "";
    sock.write("220 test ESMTP\r\n");
    sock.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      let i: number;
      while (inData ? (i = buf.indexOf("\r\n.\r\n")) !== -1 : (i = buf.indexOf("\r\n")) !== -1) {
        if (inData) {
          received.push(buf.slice(0, i));
          buf = buf.slice(i + 5);
          inData = false;
          sock.write("250 queued\r\n");
          continue;
        }
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250-test\r\n250 8BITMIME\r\n");
        else if (cmd === "DATA") {
          inData = true;
          sock.write("354 go\r\n");
        } else if (cmd === "QUIT") sock.end("221 bye\r\n");
        else sock.write("250 ok\r\n");
      }
    });
  });
  return new Promise((r) => smtp.listen(0, "127.0.0.1", () => r((smtp.address() as net.AddressInfo).port)));
}

beforeAll(async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${await startSmtp()}?from=hailong%40test.example`;
  process.env.PUBLIC_URL = "https://hailong.test.example";
});
afterAll(() => {
  smtp?.close();
  delete process.env.SMTP_URL;
});

it("emails the sender the published answer in their language, and keeps the case off the call list", async () => {
  const office = await signIn("office");
  const user: StaffUser = {
    id: office.id,
    email: office.email,
    name: "Cán bộ Văn phòng",
    role: "office",
    unitId: null,
    agencyId: 1,
    mustChangePassword: false,
    sessionId: "t",
  };
  const unit = await makeUnit();
  const fb = await submitFeedback({
    submissionId: crypto.randomUUID(),
    kind: "kien_nghi",
    name: "Người Gửi Thư",
    address: "Số 3 đường Thử Nghiệm",
    phone: "0900 333 444",
    email: "nguoi.gui@example.com",
    content: "Kiến nghị công khai lịch tiếp công dân trên cổng thông tin.",
    lang: "en",
    attachments: [],
  });
  for (const cmd of [
    { intent: "classify", feedbackClass: "competent" },
    { intent: "assign", unitId: unit },
    { intent: "draft", answer: "The reception schedule is now published on the portal." },
    { intent: "approve", approver: "Deputy Director" },
  ] as const)
    expect((await actOnFeedback(null, user, fb.id, cmd)).ok).toBe(true);
  const res = await actOnFeedback(null, user, fb.id, {
    intent: "publish",
    publicContent: "Kiến nghị công khai lịch tiếp công dân.",
  });
  expect(res).toEqual({ ok: true, status: "published", notified: "emailed" });
  expect(received).toHaveLength(1);
  // The body is quoted-printable: undo the soft line breaks and =XX bytes to read it.
  const mail = Buffer.from(
    received[0]
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
  expect(mail).toContain("To: nguoi.gui@example.com");
  expect(mail).toContain("From: hailong@test.example");
  expect(mail).toContain(`Subject: Your feedback ${fb.code} has been answered`);
  expect(mail).toContain("Tiền Giang");
  expect(mail).toContain("The reception schedule is now published on the portal.");
  expect(mail).toContain(`https://hailong.test.example/feedback/status?code=${fb.code}`);
  const row = await db()
    .selectFrom("feedback")
    .select("notify_status")
    .where("id", "=", fb.id)
    .executeTakeFirstOrThrow();
  expect(row.notify_status).toBe("emailed");
  const events = await db()
    .selectFrom("feedback_event")
    .select("action")
    .where("feedback_id", "=", fb.id)
    .orderBy("id")
    .execute();
  expect(events.map((e) => e.action).slice(-2)).toEqual(["publish", "notify"]);
});
