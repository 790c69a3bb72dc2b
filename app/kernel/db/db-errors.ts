// Whether an error means the database could not be reached (down, restarting, the network cut),
// as opposed to a fault in the request or the code. The portal answers those with 503 and
// Retry-After, "try again in a moment", instead of a 500 that says something is broken.

// Node's socket errors on the way to the database server.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// PostgreSQL's own: class 08 (connection exception), the server shutting down or starting up
// (57P01–57P03), too many connections (53300).
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// node-postgres's messages for a connection lost or never made (they carry no code).
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
