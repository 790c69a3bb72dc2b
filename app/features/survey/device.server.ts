// The survey's device cookie: a random id that lets abuse limits tell one phone from another in
// a hall that shares one address. It names no one; the server keeps only a keyed hash of it in
// the expiring rate-limit counters.
import crypto from "node:crypto";
import { cookieSecure, env } from "~/kernel/env.server";

export const DEVICE_COOKIE = "hl_dev";
const MAX_AGE_S = 90 * 24 * 60 * 60;
const SHAPE = /^[A-Za-z0-9_-]{22}$/;

/** The device id in the request's Cookie header (as the route read it), or null. */
export function readDeviceId(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, v] = part.trim().split("=");
    if (k === DEVICE_COOKIE && v && SHAPE.test(v)) return v;
  }
  return null;
}

/** A Set-Cookie header for a new device id, or null when the request's Cookie header already has one. */
export function deviceCookieHeader(cookieHeader: string | null): string | null {
  if (readDeviceId(cookieHeader)) return null;
  const id = crypto.randomBytes(16).toString("base64url");
  const secure = cookieSecure(env()) ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${id}; Path=/s; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}
