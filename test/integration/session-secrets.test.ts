// SESSION_SECRET rotation: prepend a new secret and sessions signed with the old one keep
// working; new cookies are signed with the new one; drop the old one and its cookies stop.
// env() parses process.env once per module instance, so each configuration is loaded into a
// fresh module graph that shares this file's database.
import { currentDatabase } from "../../db/client";
import { makeStaff } from "../support/staff";

const OLD = "old-secret-".padEnd(40, "o");
const NEW = "new-secret-".padEnd(40, "n");

async function sessionsWith(secret: string) {
  const handle = currentDatabase()!;
  vi.resetModules();
  process.env.SESSION_SECRET = secret;
  const client = await import("../../db/client");
  client.setDatabase(handle);
  return import("~/kernel/session.server");
}

/** The Cookie header a browser sends back for a Set-Cookie header. */
const cookieHeader = (setCookie: string) => setCookie.split(";")[0];

afterAll(() => {
  delete process.env.SESSION_SECRET;
});

describe("session secret rotation", () => {
  it("keeps old cookies valid while the old secret is listed, and only then", async () => {
    const user = await makeStaff("office");
    const before = await sessionsWith(OLD);
    const oldCookie = await before.createSession(user.id);
    expect((await before.getSessionUser(cookieHeader(oldCookie)))?.id).toBe(user.id);

    const during = await sessionsWith(`${NEW},${OLD}`);
    expect((await during.getSessionUser(cookieHeader(oldCookie)))?.id).toBe(user.id);
    const newCookie = await during.createSession(user.id);

    const after = await sessionsWith(NEW);
    expect((await after.getSessionUser(cookieHeader(newCookie)))?.id).toBe(user.id);
    expect(await after.getSessionUser(cookieHeader(oldCookie))).toBeNull();
    // And a cookie signed with a secret the server never had is refused outright.
    const other = await sessionsWith("someone-elses-secret".padEnd(40, "x"));
    expect(await other.getSessionUser(cookieHeader(newCookie))).toBeNull();
  });
});
