// A forged Host must not reach a person (docs/security/http.md): a cancellation sent with
// Host/X-Forwarded-Host "evil.example" promotes the next person on the waiting list, and their
// notice links to the portal's configured address, never to the forged one. The cancellation is
// the staff's (a citizen's own now waits for the emailed one-time code or for staff:
// docs/security/citizen-codes.md); the notice is built the same way for both.
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { action as sessionAction } from "~/routes/staff.dialogues.$id";
import { db } from "~/kernel/db/db.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { makeSession, person } from "../support/dialogue";
import { signIn } from "../support/staff";

describe("links in notices come from PUBLIC_URL, not the request", () => {
  it("a cancellation sent to a forged host promotes the next person with a notice that links to the portal", async () => {
    const sessionId = await makeSession({ capacity: 1 });
    const first = await signUp(person(sessionId));
    const second = await signUp(person(sessionId));
    if (!first.ok || !second.ok) throw new Error("could not sign up");
    expect(second.registration.status).toBe("waitlisted");
    const office = await signIn("office");
    const request = new Request(`http://evil.example/staff/dialogues/${sessionId}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "cancel_registration", registration: String(first.registration.id) }),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: office.cookie,
        Origin: "http://evil.example",
        "X-Forwarded-Host": "evil.example",
        "x-hl-client-ip": "192.0.2.77",
      },
    });
    const res = (await sessionAction({ request, params: { id: String(sessionId) }, context: {} })) as Response;
    expect(res.status).toBe(303);
    const notices = await db()
      .selectFrom("dialogue_notification")
      .select(["kind", "message"])
      .where("registration_id", "=", second.registration.id)
      .execute();
    expect(notices.map((n) => n.kind)).toContain("promoted");
    const text = notices.map((n) => n.message).join("\n");
    // Outside production and without PUBLIC_URL the portal's address is http://localhost:PORT.
    expect(publicOrigin()).toMatch(/^http:\/\/localhost:\d+$/);
    expect(text).toContain(`${publicOrigin()}/dialogues/`);
    expect(text).not.toContain("evil.example");
  });
});
