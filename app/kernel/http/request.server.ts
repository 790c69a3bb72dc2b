import type { PostedFields } from "~/kernel/forms/posted";
import type { Client } from "./client";
// What the server knows about where a request came from. server.js overwrites this header on
// every request with express's req.ip, so a client cannot set it.
export const CLIENT_IP_HEADER = "x-hl-client-ip";

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** Refuses a state-changing request that another site made the browser send (on top of
 * SameSite=Lax cookies). Requests without either header come from non-browser clients, which
 * cannot carry a victim's cookie anyway. */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  if (refusesOrigin(request.headers.get("Sec-Fetch-Site"), request.headers.get("Origin"), new URL(request.url).host))
    throw new Response("Cross-site request refused", { status: 403 });
}

/** assertSameOrigin's rule for a state-changing request on plain values: `host` is the host of the
 * address the page sees (PUBLIC_URL's). */
export function refusesOrigin(site: string | null, origin: string | null, host: string): boolean {
  if (site && site !== "same-origin" && site !== "none") return true;
  if (origin === "null") return true;
  if (!origin) return false;
  // The server's gate has already matched Origin against the public host or the host the
  // request came to, and hands pages PUBLIC_URL's origin; X-Forwarded-Host is never read here
  // (a client could set it; only the gate reads it, and only with TRUST_PROXY).
  let originHost = "";
  try {
    originHost = new URL(origin).host;
  } catch {
    /* malformed Origin: refused below */
  }
  return originHost !== host;
}

/** The posted form, as the person could have typed it. A body that is not a form at all (JSON, a
 * broken multipart body, a wrong Content-Type) reads as an empty one, so the page answers with
 * its usual "required" messages instead of a 500 (`request.formData()` throws a TypeError on
 * such bodies). NUL characters are dropped: PostgreSQL text cannot hold them (the insert fails)
 * and no one types one. Both found by the fuzz tests. */
export async function readFormData(request: Request): Promise<FormData> {
  let fd: FormData;
  try {
    fd = await request.formData();
  } catch {
    return new FormData();
  }
  const out = new FormData();
  for (const [k, v] of fd.entries())
    out.append(k.replaceAll("\u0000", ""), typeof v === "string" ? v.replaceAll("\u0000", "") : v);
  return out;
}

/** The posted form's text fields as plain values for a service (`PostedFields`), read as
 * readFormData reads them (an unreadable body is an empty form; NUL characters dropped) in one
 * pass, with no FormData copy: the survey's submission path reads it. */
export async function readPostedFields(request: Request): Promise<PostedFields> {
  let fd: FormData;
  try {
    fd = await request.formData();
  } catch {
    return new Map();
  }
  const out = new Map<string, string[]>();
  for (const [k, v] of fd.entries()) if (typeof v === "string") addField(out, k, v);
  return out;
}

/** readPostedFields for a urlencoded body already read whole (the server's direct lanes,
 * app/kernel/http/direct-post.server.ts): decoded and split exactly as `Request.formData()` does
 * (UTF-8, a byte-order mark kept, malformed escapes left as typed), NUL characters dropped. */
export function urlencodedFields(body: Uint8Array): PostedFields {
  const out = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(new TextDecoder("utf-8", { ignoreBOM: true }).decode(body)))
    addField(out, k, v);
  return out;
}

/** One posted field added to the map, NUL characters dropped (PostgreSQL cannot store them). */
function addField(out: Map<string, string[]>, k: string, v: string) {
  const name = k.replaceAll("\u0000", "");
  const value = v.replaceAll("\u0000", "");
  const prev = out.get(name);
  if (prev) prev.push(value);
  else out.set(name, [value]);
}

/** The posted form's text fields as a plain record (a field sent twice keeps its last value, as
 * `Object.fromEntries` reads it), read like `readFormData`: what a route hands a service. */
export async function readFormFields(request: Request): Promise<Record<string, string>> {
  return fieldsOf(await readFormData(request));
}

/** The text fields of an already read form, as `readFormFields` gives them. */
export function fieldsOf(fd: FormData): Record<string, string> {
  return Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The plain client value a service takes instead of the request. */
export function clientOf(request: Request): Client {
  return { ip: clientIp(request) };
}
