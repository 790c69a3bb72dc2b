// Constant-time comparison of secrets of any length: both sides are hashed with a key of this
// process first, so neither the time nor a length mismatch says anything about the stored value.
import crypto from "node:crypto";

const compareKey = crypto.randomBytes(32);
const digest = (s: string) => crypto.createHmac("sha256", compareKey).update(s).digest();

export function sameSecret(stored: string, typed: string): boolean {
  return crypto.timingSafeEqual(digest(stored), digest(typed));
}
