// After a person proves who they are (code + phone or email, or by signing up), a signed cookie
// remembers their registration for two hours, so the no-JavaScript pages can offer cancel, ask
// and vote without asking for the code on every click. It holds only the registration's id.
import { createCookie } from "@remix-run/node";
import { cookieSecure, env } from "./env.server";
import { getSecrets } from "./secrets.server";

const MAX_AGE = 2 * 60 * 60;

async function cookie() {
  return createCookie("hl_dialogue", {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path: "/dialogues",
    maxAge: MAX_AGE,
  });
}

export async function rememberRegistrant(registrationId: number): Promise<string> {
  return (await cookie()).serialize({ r: registrationId });
}

export async function readRegistrant(request: Request): Promise<number | null> {
  const value = await (await cookie()).parse(request.headers.get("Cookie"));
  const id = value && typeof value === "object" ? Number((value as { r?: unknown }).r) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function forgetRegistrant(): Promise<string> {
  return (await cookie()).serialize("", { maxAge: 0 });
}
