// Headers every response carries. Scripts run only from this origin or with this response's
// nonce (Remix's inline hydration script), and nothing may frame the portal.
const CSP_BEFORE_NONCE = "default-src 'self'; script-src 'self'";
const CSP_AFTER_SCRIPTS = [
  "style-src 'self'",
  // Style attributes (chart libraries and progress bars set them) cannot run code; style
  // sheets still come only from the portal.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const OTHERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};
const HSTS = "max-age=31536000; includeSubDomains";

/** The policy with this response's nonce; without one (a static file, which runs no inline
 * script) scripts may come from the portal only. */
export function contentSecurityPolicy(nonce?: string): string {
  return `${CSP_BEFORE_NONCE}${nonce ? ` 'nonce-${nonce}'` : ""}; ${CSP_AFTER_SCRIPTS}`;
}

export function securityHeaders(nonce: string | undefined, production: boolean): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(nonce), ...OTHERS };
  if (production) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/** The same as a list of pairs for a hot path to set with res.setHeader: every header but the
 * policy, which carries each response's own nonce. */
export function fixedSecurityHeaders(production: boolean): [string, string][] {
  return Object.entries(securityHeaders(undefined, production)).filter(([k]) => k !== "Content-Security-Policy");
}
