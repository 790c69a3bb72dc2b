// With a mail server, notices go by email to those who gave one; the rest, and any email the
// server refuses, land on the call list. sendMail is replaced here by a recorder.
import { vi } from "vitest";
import { deliverNotices } from "~/features/dialogue/dialogue-notify.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { changeStatus } from "~/features/dialogue/dialogue-session.server";
import { db } from "~/kernel/db/db.server";
import { ctx, makeSession, person } from "../support/dialogue";
import { makeStaff } from "../support/staff";

const sent: { to: string; subject: string; text: string }[] = [];
vi.mock("~/kernel/mail.server", () => ({
  sendMail: vi.fn(async (m: { to: string; subject: string; text: string }) => {
    sent.push(m);
    return !m.to.startsWith("bounce");
  }),
}));

it("emails those with an address, puts the others and refused emails on the call list", async () => {
  const id = await makeSession();
  const office = await makeStaff("office");
  await signUp(person(id, { email: "an@example.vn", emailNorm: "an@example.vn", lang: "en" }));
  await signUp(person(id, { email: "bounce@example.vn", emailNorm: "bounce@example.vn" }));
  await signUp(person(id));
  const res = await changeStatus({ ip: "127.0.0.1" }, office, 1, id, "cancel", { reason: "Bão số 9" }, ctx);
  expect(res.ok).toBe(true);
  expect(await deliverNotices(res.ok ? res.noticeIds : [])).toEqual({ sent: 1, toCall: 1 });
  expect(sent.map((m) => m.to).sort()).toEqual(["an@example.vn", "bounce@example.vn"]);
  const english = sent.find((m) => m.to === "an@example.vn")!;
  expect(english.subject).toContain("has been cancelled");
  expect(english.text).toContain("Bão số 9");
  expect(english.text).toContain(`${ctx.baseUrl}/dialogues/${id}/ics`);
  const rows = await db()
    .selectFrom("dialogue_notification")
    .select(["status", "channel"])
    .where("session_id", "=", id)
    .orderBy("id")
    .execute();
  expect(rows).toEqual([
    { status: "sent", channel: "email" },
    { status: "to_call", channel: "call" },
    { status: "to_call", channel: "call" },
  ]);
  // Delivering again sends nothing twice.
  expect(await deliverNotices(res.ok ? res.noticeIds : [])).toEqual({ sent: 0, toCall: 0 });
});
