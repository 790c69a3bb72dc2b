// The cookie that remembers a phone's pending submission id per survey (see lib/survey/pending).
import crypto from "node:crypto";
import { formatPending, parsePending, type Pending } from "~/features/survey/pending";
import { agencyPath } from "~/kernel/agency/agency-path";
import { cookieSecure, env } from "~/kernel/env.server";

const NAME = "hl_form";

/** The pending form in the request's `Cookie` header (the route passes the header's value). */
export function readPending(cookieHeader: string | null): Pending | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, v] = part.trim().split("=");
    if (k === NAME) return parsePending(v);
  }
  return null;
}

/** Scoped to the survey's own path (under its agency's prefix), so each survey keeps its own
 * pending form and one agency's page never reads the id another agency's page issued. */
export function pendingCookie(prefix: string | null, slug: string, p: Pending): string {
  const secure = cookieSecure(env()) ? "; Secure" : "";
  const path = agencyPath(prefix, `/s/${encodeURIComponent(slug)}`);
  return `${NAME}=${formatPending(p)}; Path=${path}; Max-Age=86400; HttpOnly; SameSite=Lax${secure}`;
}

/** A short, stable name for the link a form came from ("-" for none). */
export function contextKey(linkParam: string | null): string {
  return linkParam ? crypto.createHash("sha256").update(linkParam).digest("base64url").slice(0, 12) : "-";
}
