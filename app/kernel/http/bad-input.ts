// Whether an error a page threw was caused by what the client sent rather than by a fault: a body
// the form reader could not parse, a body past its size cap, or a value PostgreSQL refused as
// data (SQLSTATE class 22: a number out of range, a NUL character, an impossible date). The
// server answers those 400 with a short log line, not 500 with a stack trace
// (docs/security/http.md). Pages should refuse such input themselves with a precise message;
// this is the net under the ones that do not yet.

/** Thrown by the server's body reader when a body passes its route's cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

const BODY_MESSAGES =
  /^(Content-Type was not one of|Failed to parse body as FormData|Could not parse content as FormData|malformed multipart|Cannot convert argument to a ByteString|URI malformed)/;

export function isBadInput(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof BodyTooLargeError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (
      (e instanceof TypeError || e instanceof URIError || (e as Error).name === "TypeError") &&
      typeof message === "string" &&
      BODY_MESSAGES.test(message)
    )
      return true;
  }
  return false;
}
