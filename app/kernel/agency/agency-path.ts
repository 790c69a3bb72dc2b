// Public addresses per agency (issue 19, docs/rules/agencies.md): /<code>/s/<slug> for an agency,
// and for the default agency the address it had before agencies existed (/s/<slug>), so the QR
// posters already printed stay valid. Pure: the client bundle may use it.

/** `path` (starting with "/") under the agency's prefix; prefix null is the default agency. */
export function agencyPath(prefix: string | null, path: string): string {
  const p = path.startsWith("/") ? path : `/${path}`;
  if (!prefix) return p;
  return p === "/" ? `/${encodeURIComponent(prefix)}` : `/${encodeURIComponent(prefix)}${p}`;
}
