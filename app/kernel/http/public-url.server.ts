// The portal's public address for every link printed or sent elsewhere (QR posters, kiosk links,
// notices and emails, calendar files). It comes from PUBLIC_URL alone (required in production);
// outside production it falls back to http://localhost:PORT. Never from the request: its Host and
// X-Forwarded-Host headers are whatever the client sent, and a notice with a link to
// http://evil.example would go to a real person. See docs/security/http.md.
import { env } from "~/kernel/env.server";

export function configuredOrigin(): string {
  const e = env();
  return e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3000}`;
}

/** The request is accepted for its signature only (callers pass it); it is not read. */
export function publicOrigin(_request?: Request): string {
  return configuredOrigin();
}
