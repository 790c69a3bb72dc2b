// Check-in happens on the session's day only (Viet Nam time, from 2 hours before the start to the
// end of that day). Before, the door accepted a code 12 days early and the citizen's page then said
// they had attended.
import { checkInByCode, walkIn } from "~/features/dialogue/dialogue-checkin.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { getSessionUser } from "~/kernel/session.server";
import { clientOf } from "~/kernel/http/request.server";
import * as checkin from "~/routes/staff.dialogues.$id_.checkin";
import { db } from "~/kernel/db/db.server";
import { makeSession, person } from "../support/dialogue";
import { signIn, staffRequest } from "../support/staff";

const HOUR = 3600_000;

async function door(sessionId: number) {
  const office = await signIn("office");
  const request = staffRequest(`/staff/dialogues/${sessionId}/checkin`, office.cookie);
  const user = (await getSessionUser(request.headers.get("Cookie")))!;
  return { cookie: office.cookie, at: (now: Date) => ({ client: clientOf(request), user, now }) };
}

const registrations = (sessionId: number) =>
  db()
    .selectFrom("dialogue_registration")
    .select(["id", "status", "checked_in_at", "checked_in_by"])
    .where("session_id", "=", sessionId)
    .orderBy("id")
    .execute();

/** Moves the session to a fixed start: 2032-03-10 08:00 in Viet Nam (01:00 UTC). */
async function startAt(sessionId: number, iso: string) {
  await db()
    .updateTable("dialogue_session")
    .set({ starts_at: new Date(iso), ends_at: new Date(new Date(iso).getTime() + 3 * HOUR) })
    .where("id", "=", sessionId)
    .execute();
}

describe("check-in on the session's day only", () => {
  it("refuses a check-in 12 days early, by code and as a walk-in, and changes no registration", async () => {
    const id = await makeSession({ startsInDays: 12 });
    const r = await signUp(person(id, { name: "Người đến sớm" }));
    if (!r.ok) throw new Error("sign-up failed");
    const d = await door(id);
    const before = await registrations(id);
    const now = new Date();
    expect(await checkInByCode(d.at(now), id, r.registration.code)).toMatchObject({ ok: false, reason: "not_today" });
    expect(
      await walkIn(d.at(now), id, {
        name: "Người vãng lai",
        kind: "citizen",
        organisation: null,
        phone: null,
        phoneNorm: null,
        lang: "vi",
      }),
    ).toMatchObject({ ok: false, reason: "not_today" });
    // Through the page too, with the real clock: a clear message, not a 500.
    const res = await checkin.action({
      request: staffRequest(`/staff/dialogues/${id}/checkin`, d.cookie, {
        form: { intent: "code", code: r.registration.code },
      }),
      params: { id: String(id) },
      context: {},
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: { ok: false, reason: "not_today" } });
    expect(await registrations(id)).toEqual(before);
    expect(before.every((x) => x.checked_in_at === null)).toBe(true);
    const log = await db()
      .selectFrom("dialogue_checkin_attempt")
      .select(["ok", "reason"])
      .where("session_id", "=", id)
      .execute();
    expect(log).toEqual([
      { ok: false, reason: "not_today" },
      { ok: false, reason: "not_today" },
      { ok: false, reason: "not_today" },
    ]);
  });

  it("opens 2 hours before the start and closes at midnight Viet Nam time that day", async () => {
    const id = await makeSession({ startsInDays: 12 });
    const people = [];
    for (let i = 0; i < 4; i++) {
      const r = await signUp(person(id));
      if (!r.ok) throw new Error("sign-up failed");
      people.push(r.registration.code);
    }
    // 08:00 on 10 March 2032 in Viet Nam is 01:00 UTC; that day ends at 17:00 UTC.
    await startAt(id, "2032-03-10T01:00:00Z");
    const d = await door(id);
    const at = (iso: string, code: string) => checkInByCode(d.at(new Date(iso)), id, code);
    expect(await at("2032-03-09T22:59:59Z", people[0])).toMatchObject({ ok: false, reason: "not_today" });
    expect(await at("2032-03-09T23:00:00Z", people[0])).toMatchObject({ ok: true });
    expect(await at("2032-03-10T16:59:59Z", people[1])).toMatchObject({ ok: true });
    expect(await at("2032-03-10T17:00:00Z", people[2])).toMatchObject({ ok: false, reason: "not_today" });
    expect(await at("2032-03-11T01:00:00Z", people[3])).toMatchObject({ ok: false, reason: "not_today" });
    const regs = await registrations(id);
    expect(regs.map((x) => x.checked_in_at?.toISOString() ?? null)).toEqual([
      "2032-03-09T23:00:00.000Z",
      "2032-03-10T16:59:59.000Z",
      null,
      null,
    ]);
  });
});
