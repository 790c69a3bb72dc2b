// Sign-up with capacity and waitlist: never more confirmed than the seats, an ordered waitlist
// without gaps, the same person recognised, a cancellation promoting exactly the first in line.
import { vi } from "vitest";
import { consentsFor } from "~/features/privacy/consent.server";
import { deliverNotices } from "~/features/dialogue/dialogue-notify.server";
import { cancelRegistration } from "~/features/dialogue/dialogue-seats.server";
import { getOwnRegistration } from "~/features/dialogue/dialogue-registrants.server";
import { signUp, type SignUpResult } from "~/features/dialogue/dialogue-registration.server";
import { currentDatabase, db } from "~/kernel/db/db.server";
import { ctx, makeSession, person, statuses } from "../support/dialogue";

type Ok = Extract<SignUpResult, { ok: true }>;
const ok = (r: SignUpResult) => {
  if (!r.ok) throw new Error(`sign-up refused: ${r.reason}`);
  return r as Ok;
};

async function places(sessionId: number) {
  const rows = await statuses(sessionId);
  const waiting = await Promise.all(
    rows.filter((r) => r.status === "waitlisted").map((r) => getOwnRegistration(1, r.id)),
  );
  return waiting.map((w) => w!.place!).sort((a, b) => a - b);
}

/** A second server instance in this process: fresh modules (so its own in-memory sign-up queue)
 * and, on PostgreSQL, its own connection pool to the same schema. Whatever the instances do in
 * memory, only the database's row lock stands between their sign-ups. */
async function secondInstance() {
  vi.resetModules();
  const client = await import("../../db/client");
  const model = await import("~/features/dialogue/dialogue-registration.server");
  const first = currentDatabase()!;
  const url = process.env.DATABASE_URL;
  const handle = url ? await client.connect({ url, schema: first.schema, poolMax: 20 }) : first;
  client.setDatabase(handle);
  return { signUp: model.signUp, close: () => (handle === first ? Promise.resolve() : handle.close()) };
}

/** Fires n sign-ups at once, half through each of two instances, and checks the invariant:
 * exactly `capacity` confirmed, the rest waitlisted at places 1..n-capacity, each person told the
 * place they ended up in. */
async function stampede(n: number, capacity: number) {
  const sessionId = await makeSession({ capacity });
  const other = await secondInstance();
  const t0 = Date.now();
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => (i % 2 ? other.signUp : signUp)(person(sessionId))),
  );
  await other.close();
  console.log(
    `[bench] ${n} concurrent sign-ups for ${capacity} seats, two instances: ${Date.now() - t0} ms (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`,
  );
  // Each one a new registration; a failure names what the odd ones got (a CI run once saw one).
  expect(
    results.flatMap((r, i) => (r.ok && r.created ? [] : [`#${i}: ${r.ok ? "an existing registration" : r.reason}`])),
  ).toEqual([]);
  const rows = await statuses(sessionId);
  expect(rows).toHaveLength(n);
  expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(capacity);
  const waiting = rows.filter((r) => r.status === "waitlisted").sort((a, b) => a.waitlist_seq! - b.waitlist_seq!);
  expect(waiting).toHaveLength(n - capacity);
  expect(await places(sessionId)).toEqual(Array.from({ length: n - capacity }, (_, i) => i + 1));
  // What each person was told matches where they ended up.
  const told = results
    .map((r) => ok(r).registration)
    .filter((r) => r.status === "waitlisted")
    .map((r) => r.place)
    .sort((a, b) => a! - b!);
  expect(told).toEqual(Array.from({ length: n - capacity }, (_, i) => i + 1));
  const codes = new Set(results.map((r) => ok(r).registration.code));
  expect(codes.size).toBe(n);

  const confirmed = rows.find((r) => r.status === "confirmed")!;
  const first = waiting[0];
  const cancel = await cancelRegistration(confirmed.id, ctx);
  expect(cancel).toMatchObject({ ok: true, promoted: [first.id] });
  const after = await statuses(sessionId);
  expect(after.filter((r) => r.status === "confirmed")).toHaveLength(capacity);
  expect(after.find((r) => r.id === first.id)!.status).toBe("confirmed");
  expect(await places(sessionId)).toEqual(Array.from({ length: n - capacity - 1 }, (_, i) => i + 1));
  return sessionId;
}

describe("sign-up", () => {
  it("confirms up to the capacity, then waitlists in order, and recognises the same person", async () => {
    const sessionId = await makeSession({ capacity: 2 });
    const a = ok(await signUp(person(sessionId, { email: "An@Example.vn", emailNorm: "an@example.vn" })));
    const b = ok(await signUp(person(sessionId)));
    const c = ok(await signUp(person(sessionId)));
    const d = ok(await signUp(person(sessionId)));
    expect([a, b, c, d].map((r) => r.registration.status)).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
    expect([c, d].map((r) => r.registration.place)).toEqual([1, 2]);
    expect(a.registration.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    // Same email (another phone) or same phone: the existing registration comes back.
    const again = ok(await signUp(person(sessionId, { email: "an@example.vn", emailNorm: "an@example.vn" })));
    expect(again).toMatchObject({ created: false, registration: { id: a.registration.id, code: a.registration.code } });
    const phone = (
      await db()
        .selectFrom("dialogue_registration")
        .select("phone_norm")
        .where("id", "=", c.registration.id)
        .executeTakeFirstOrThrow()
    ).phone_norm;
    const retry = ok(await signUp(person(sessionId, { phone: phone, phoneNorm: phone })));
    expect(retry).toMatchObject({
      created: false,
      registration: { id: c.registration.id, status: "waitlisted", place: 1 },
    });
    expect(await statuses(sessionId)).toHaveLength(4);

    // Consent is recorded with the registration, with the notice version.
    const consent = await consentsFor("dialogue_registration", a.registration.id);
    expect(consent).toHaveLength(1);
    expect(consent[0]).toMatchObject({
      purpose: "dialogue_registration",
      notice_version: expect.stringMatching(/^dialogue-/),
    });
  });

  it("on cancellation promotes the first in line, tells them, and keeps the consent record", async () => {
    const sessionId = await makeSession({ capacity: 1 });
    const a = ok(await signUp(person(sessionId)));
    const b = ok(await signUp(person(sessionId, { email: "b@example.vn", emailNorm: "b@example.vn" })));
    const c = ok(await signUp(person(sessionId)));
    const res = await cancelRegistration(a.registration.id, ctx);
    expect(res).toMatchObject({ ok: true, already: false, promoted: [b.registration.id] });
    expect((await getOwnRegistration(1, b.registration.id))!.status).toBe("confirmed");
    expect((await getOwnRegistration(1, c.registration.id))!.place).toBe(1);
    // Cancelling twice changes nothing more.
    expect(await cancelRegistration(a.registration.id, ctx)).toMatchObject({ ok: true, already: true, promoted: [] });
    // A waitlisted person cancelling frees no seat.
    expect(await cancelRegistration(c.registration.id, ctx)).toMatchObject({ ok: true, promoted: [] });

    const notices = await db()
      .selectFrom("dialogue_notification")
      .selectAll()
      .where("session_id", "=", sessionId)
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      registration_id: b.registration.id,
      kind: "promoted",
      channel: "email",
      status: "queued",
    });
    expect(notices[0].message).toContain(b.registration.code);
    // No SMTP in tests: the email cannot go, so the person lands on the call list.
    expect(await deliverNotices(res.ok ? res.noticeIds : [])).toEqual({ sent: 0, toCall: 1 });
    const after = await db()
      .selectFrom("dialogue_notification")
      .select(["status", "channel"])
      .where("session_id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "to_call", channel: "call" });
    expect((await consentsFor("dialogue_registration", a.registration.id))[0].withdrawn_at).toBeNull();
  });

  it("refuses drafts, closed windows and unknown topics", async () => {
    const draft = await makeSession({ status: "draft" });
    expect(await signUp(person(draft))).toEqual({ ok: false, reason: "closed" });
    const closed = await makeSession({ status: "registration_closed" });
    expect(await signUp(person(closed))).toEqual({ ok: false, reason: "closed" });
    // Staff may still register someone by phone until the start.
    expect(await signUp(person(closed, { channel: "phone" }))).toMatchObject({ ok: true, created: true });
    const open = await makeSession();
    expect(await signUp(person(open, { topic: "Không có" }))).toEqual({ ok: false, reason: "bad_topic" });
    expect(await signUp(person(999999))).toEqual({ ok: false, reason: "not_found" });
  });

  it("keeps the invariant with 40 sign-ups at once for 12 seats on this database", async () => {
    await stampede(40, 12);
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  "sign-up stampede on real PostgreSQL (needs DATABASE_URL: the embedded database has one connection, so nothing runs concurrently there)",
  () => {
    it("300 concurrent sign-ups for 50 seats: exactly 50 confirmed, 250 waitlisted at places 1..250, no errors; a cancellation promotes exactly one", async () => {
      await stampede(300, 50);
    }, 120_000);
  },
);
