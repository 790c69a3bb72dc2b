// A forged Host must not reach a person (docs/security/http.md): a cancellation sent with
// Host/X-Forwarded-Host "evil.example" promotes the next person on the waiting list, and their
// notice links to the portal's configured address, never to the forged one.
import { signUp } from "~/models/dialogue-registration.server";
import { action as registrationAction } from "~/routes/dialogues.registration";
import { db } from "~/utils/db.server";
import { rememberRegistrant } from "~/utils/dialogue-cookie.server";
import { publicOrigin } from "~/utils/public-url.server";
import { makeSession, person } from "../support/dialogue";

describe("links in notices come from PUBLIC_URL, not the request", () => {
  it("a cancellation sent to a forged host promotes the next person with a notice that links to the portal", async () => {
    const sessionId = await makeSession({ capacity: 1 });
    const first = await signUp(person(sessionId));
    const second = await signUp(person(sessionId));
    if (!first.ok || !second.ok) throw new Error("could not sign up");
    expect(second.registration.status).toBe("waitlisted");
    const cookie = (await rememberRegistrant(first.registration.id)).split(";")[0];
    const request = new Request("http://evil.example/dialogues/registration", {
      method: "POST",
      body: new URLSearchParams({ intent: "cancel", confirm: "on" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: "http://evil.example", "X-Forwarded-Host": "evil.example", "x-hl-client-ip": "192.0.2.77" },
    });
    const res = (await registrationAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(303);
    const notices = await db().selectFrom("dialogue_notification").select(["kind", "message"]).where("registration_id", "=", second.registration.id).execute();
    expect(notices.map((n) => n.kind)).toContain("promoted");
    const text = notices.map((n) => n.message).join("\n");
    // Outside production and without PUBLIC_URL the portal's address is http://localhost:PORT.
    expect(publicOrigin()).toMatch(/^http:\/\/localhost:\d+$/);
    expect(text).toContain(`${publicOrigin()}/dialogues/`);
    expect(text).not.toContain("evil.example");
  });
});
