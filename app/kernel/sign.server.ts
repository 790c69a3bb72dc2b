// Signed tokens for links and hidden form fields: base64url(JSON) "." base64url(HMAC). The first
// secret signs, every secret verifies, so a secret can be rotated without breaking printed QR
// posters until the old one is dropped. Each use has its own purpose string mixed into the MAC,
// so a token made for one job (a counter link) is refused for another (a form token).
import crypto from "node:crypto";
import type * as z from "zod";
import { getSecrets } from "./secrets.server";

// 128 bits of MAC: forging one is out of reach, and the QR codes stay small.
const MAC_BYTES = 16;

function mac(secret: string, purpose: string, body: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`${purpose}.${body}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString("base64url");
}

export function signWith(secret: string, purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The payload when some secret made this MAC for this purpose and the schema accepts it; else null. */
export function verifyWith<T>(
  secrets: string[],
  purpose: string,
  token: string | null | undefined,
  schema: z.ZodType<T>,
): T | null {
  if (!token || token.length > 2000) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const ok = secrets.some((s) => {
    const want = Buffer.from(mac(s, purpose, body), "base64url");
    return want.length === given.length && crypto.timingSafeEqual(want, given);
  });
  if (!ok) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function sign(purpose: string, payload: unknown): Promise<string> {
  return signWith((await getSecrets())[0], purpose, payload);
}

export async function verify<T>(
  purpose: string,
  token: string | null | undefined,
  schema: z.ZodType<T>,
): Promise<T | null> {
  return verifyWith(await getSecrets(), purpose, token, schema);
}

/** A keyed hash (HMAC with the signing secret) for values that must be matched but never kept:
 * device ids, dossier codes, addresses in rate limits. Without the secret the table says nothing. */
export function keyedHashWith(secret: string, purpose: string, value: string): string {
  return crypto.createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest("base64url").slice(0, 32);
}

export async function keyedHash(purpose: string, value: string): Promise<string> {
  return keyedHashWith((await getSecrets())[0], purpose, value);
}
