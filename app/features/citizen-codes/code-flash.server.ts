// Carries a full code (short code + secret key) from the form's post to the page that shows it
// once, without putting the secret in an address (addresses end up in logs, history and
// referrers). Signed, http-only, limited to the one page's path, gone after 15 minutes.
import { createCookie } from "@remix-run/node";
import { cookieSecure, env } from "~/kernel/env.server";
import { getSecrets } from "~/kernel/secrets.server";

async function cookie(path: string) {
  return createCookie("hl_code", {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path,
    maxAge: 15 * 60,
  });
}

export async function flashCode(path: string, full: string): Promise<string> {
  return (await cookie(path)).serialize(full);
}

/** The code carried to `path`, from the request's Cookie header as the route read it. */
export async function readFlashCode(path: string, cookieHeader: string | null): Promise<string | null> {
  const v = await (await cookie(path)).parse(cookieHeader);
  return typeof v === "string" ? v : null;
}
