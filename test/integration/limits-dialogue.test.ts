// Made-up sign-ups from one address cannot fill the dialogue: past the address's share they wait
// "to confirm", holding no seat; the next real citizen still gets one; staff confirm (a seat if
// one is free, else the waitlist) or reject, never passing the capacity (docs/security/limits.md).
// Before, 45 made-up sign-ups from one address took every seat and the next citizen was waitlisted.
import { checkInById } from "~/features/dialogue/dialogue-checkin.server";
import { action as publicAction } from "~/routes/dialogues.$id";
import { getSessionUser } from "~/kernel/session.server";
import { clientOf } from "~/kernel/http/request.server";
import { action as staffAction } from "~/routes/staff.dialogues.$id";
import { db } from "~/kernel/db/db.server";
import { makeSession, onSessionDay, statuses } from "../support/dialogue";
import { signIn, staffRequest } from "../support/staff";

const call = async (p: Promise<Response> | Response) => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

let n = 0;
function signUpPost(sessionId: number, ip: string) {
  n++;
  return new Request(`http://localhost/dialogues/${sessionId}`, {
    method: "POST",
    body: new URLSearchParams({
      name: `Người giả ${n}`,
      phone: `0977${String(100000 + n)}`,
      kind: "citizen",
      adult: "on",
      consent: "on",
    }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", "x-hl-client-ip": ip },
  });
}
const signUpAt = (sessionId: number, ip: string) =>
  call(publicAction({ request: signUpPost(sessionId, ip), params: { id: String(sessionId) }, context: {} }));
const settle = (sessionId: number, cookie: string, form: Record<string, string>) =>
  call(
    staffAction({
      request: staffRequest(`/staff/dialogues/${sessionId}`, cookie, { form }),
      params: { id: String(sessionId) },
      context: {},
    }),
  );

async function count(sessionId: number) {
  const rows = await statuses(sessionId);
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    confirmed: by("confirmed"),
    waitlisted: by("waitlisted"),
    toConfirm: by("to_confirm"),
    cancelled: by("cancelled"),
  };
}

describe("a burst of made-up sign-ups from one address", () => {
  it("45 at once: 5 take seats, 40 wait to confirm, none refused; the next citizen from elsewhere gets a confirmed seat", async () => {
    const sessionId = await makeSession({ capacity: 20 });
    const results = await Promise.all(Array.from({ length: 45 }, () => signUpAt(sessionId, "198.18.0.66")));
    // Every one answered as a sign-up (a redirect to the person's page), none refused.
    expect(results.map((r) => r.status)).toEqual(Array(45).fill(303));
    // 5 sign-ups an hour from one address for one session go straight in (counted atomically).
    expect(await count(sessionId)).toEqual({ confirmed: 5, waitlisted: 0, toConfirm: 40, cancelled: 0 });
    const real = await signUpAt(sessionId, "203.0.113.9");
    expect(real.status).toBe(303);
    expect(await count(sessionId)).toMatchObject({ confirmed: 6, toConfirm: 40 });
  }, 120_000);

  it("staff confirm: free seats first, oldest first, then the waitlist; 40 confirms at once never pass the capacity; audited", async () => {
    const sessionId = await makeSession({ capacity: 12 });
    await Promise.all(Array.from({ length: 45 }, () => signUpAt(sessionId, "198.18.0.77")));
    expect(await count(sessionId)).toEqual({ confirmed: 5, waitlisted: 0, toConfirm: 40, cancelled: 0 });
    const office = await signIn("office");
    const waiting = (await statuses(sessionId)).filter((r) => r.status === "to_confirm");
    // 40 staff clicks at once, one per sign-up: 7 free seats (12 − 5), 33 to the waitlist.
    const res = await Promise.all(
      waiting.map((r) =>
        settle(sessionId, office.cookie, { intent: "confirm_registration", registration: String(r.id) }),
      ),
    );
    expect(res.every((r) => r.status === 303)).toBe(true);
    expect(await count(sessionId)).toEqual({ confirmed: 12, waitlisted: 33, toConfirm: 0, cancelled: 0 });
    const seqs = (await statuses(sessionId)).filter((r) => r.status === "waitlisted").map((r) => r.waitlist_seq!);
    expect(new Set(seqs).size).toBe(33);
    const audit = await db()
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "dialogue.registration.confirm")
      .where("actor_id", "=", office.id)
      .execute();
    expect(audit).toHaveLength(40);
  }, 120_000);

  it("staff reject them all in one click; a viewer may not; a bad id is a 400", async () => {
    const sessionId = await makeSession({ capacity: 50 });
    await Promise.all(Array.from({ length: 40 }, () => signUpAt(sessionId, "198.18.0.88")));
    expect(await count(sessionId)).toEqual({ confirmed: 5, waitlisted: 0, toConfirm: 35, cancelled: 0 });
    const viewer = await signIn("viewer");
    expect((await settle(sessionId, viewer.cookie, { intent: "reject_all_to_confirm" })).status).toBe(403);
    const office = await signIn("office");
    expect(
      (await settle(sessionId, office.cookie, { intent: "reject_registration", registration: "abc" })).status,
    ).toBe(400);
    const res = await settle(sessionId, office.cookie, { intent: "reject_all_to_confirm" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/dialogues/${sessionId}?settled=35`);
    expect(await count(sessionId)).toEqual({ confirmed: 5, waitlisted: 0, toConfirm: 0, cancelled: 35 });
    const audit = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "dialogue.registration.reject")
      .execute();
    expect((audit[0].details as { settled: unknown[] }).settled).toHaveLength(35);
  }, 120_000);

  it("at the door, a sign-up still waiting to confirm is not checked in: staff settle it first", async () => {
    const sessionId = await makeSession({ capacity: 50 });
    await Promise.all(Array.from({ length: 6 }, () => signUpAt(sessionId, "198.18.0.99")));
    const waiting = (await statuses(sessionId)).find((r) => r.status === "to_confirm")!;
    const office = await signIn("office");
    const request = staffRequest(`/staff/dialogues/${sessionId}/checkin`, office.cookie);
    const user = (await getSessionUser(request.headers.get("Cookie")))!;
    const now = await onSessionDay(sessionId);
    expect(await checkInById({ client: clientOf(request), user, now }, sessionId, waiting.id)).toMatchObject({
      ok: false,
      reason: "to_confirm",
    });
    await settle(sessionId, office.cookie, { intent: "confirm_registration", registration: String(waiting.id) });
    expect(await checkInById({ client: clientOf(request), user, now }, sessionId, waiting.id)).toMatchObject({
      ok: true,
    });
  }, 60_000);
});
