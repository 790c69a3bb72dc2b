// The survey's device cookie: a random id that lets abuse limits tell one phone from another in
// a hall that shares one address. It names no one; the server keeps only a keyed hash of it in
// the expiring rate-limit counters.
import crypto from "node:crypto";
import { cookieSecure, env } from "./env.server";

export const DEVICE_COOKIE = "hl_dev";
const MAX_AGE_S = 90 * 24 * 60 * 60;
const SHAPE = /^[A-Za-z0-9_-]{22}$/;

export function readDeviceId(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, v] = part.trim().split("=");
    if (k === DEVICE_COOKIE && v && SHAPE.test(v)) return v;
  }
  return null;
}

/** A Set-Cookie header for a new device id, or null when the request already has one. */
export function deviceCookieHeader(request: Request): string | null {
  if (readDeviceId(request)) return null;
  const id = crypto.randomBytes(16).toString("base64url");
  const secure = cookieSecure(env()) ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${id}; Path=/s; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}
