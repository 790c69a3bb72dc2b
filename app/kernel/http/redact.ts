// Log lines never carry personal data (docs/rules/personal-data.md): request paths keep their shape but lose
// the values of personal query fields, anything that looks like a phone, email or ID number is
// masked, and bodies are never logged at all. Pure, so the logger and its tests share it.
import { MASK, maskPii } from "~/kernel/mask-pii";

/** Query fields whose values are personal or open a person's data (a code plus a phone does). */
const PERSONAL_FIELD =
  /phone|tel|email|mail|name|code|contact|address|addr|organi[sz]ation|search|^q$|token|ho_?ten|sdt|cccd/i;

/** A request target ("/path?x=1") as it may be logged. */
export function redactTarget(target: string): string {
  const hashless = target.split("#")[0];
  const q = hashless.indexOf("?");
  const path = q === -1 ? hashless : hashless.slice(0, q);
  // Path segments are decoded first so "%40" cannot smuggle an email past the mask.
  const safePath = path
    .split("/")
    .map((seg) => {
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        /* a malformed escape is logged as sent, still masked */
      }
      return maskPii(decoded) === decoded ? seg : MASK;
    })
    .join("/");
  if (q === -1) return safePath;
  const params = new URLSearchParams(hashless.slice(q + 1));
  const parts: string[] = [];
  for (const [k, v] of params) {
    const key = maskPii(k) === k ? k : MASK;
    parts.push(`${key}=${PERSONAL_FIELD.test(k) ? MASK : maskPii(v) === v ? encodeURIComponent(v) : MASK}`);
  }
  return parts.length ? `${safePath}?${parts.join("&")}` : safePath;
}

export interface RequestLogInput {
  method: string;
  target: string;
  status: number;
  ms: number;
}

/** One line per request: method, redacted path, status, milliseconds. No body, no address. */
export function requestLogLine({ method, target, status, ms }: RequestLogInput): string {
  return `[req] ${method} ${redactTarget(target)} ${status} ${Math.round(ms)}ms`;
}

/** An error as it may be logged: its name and masked message and stack, nothing else. A
 * database error's `detail` ("Key (phone)=(0912…)") and any attached request or body are
 * left out on purpose. */
export function safeErrorText(err: unknown): string {
  if (err instanceof Error) {
    // V8's stack starts with "Name: message", so masking the stack masks the message too.
    return err.stack ? maskPii(err.stack) : `${err.name}: ${maskPii(err.message)}`;
  }
  if (typeof err === "string") return maskPii(err);
  return `non-error thrown (${typeof err})`;
}
