// Full codes: the short code people read out (PAKN.YYYYMMDD.NNNN for a feedback, six letters for
// a dialogue registration) followed by a secret key of 10 characters. The short code alone
// finds nothing; a look-up or change needs the full code (docs/security/citizen-codes.md).
// Pure: the keys themselves come from the database (citizen_key(), migration 011).
import { CODE_ALPHABET, CODE_LENGTH } from "~/features/dialogue/dialogue-code";

export const KEY_LENGTH = 10;
/** log2(31^10): the bits of one key, stated in docs/security/citizen-codes.md. */
export const KEY_BITS = KEY_LENGTH * Math.log2(CODE_ALPHABET.length);

/** Two groups of five, easier to copy from a phone screen: "K7M2Q-X9P4T". */
export function formatKey(key: string): string {
  return `${key.slice(0, 5)}-${key.slice(5)}`;
}

export function fullCode(shortCode: string, key: string): string {
  return `${shortCode}-${formatKey(key)}`;
}

function isKey(s: string): boolean {
  if (s.length !== KEY_LENGTH) return false;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return false;
  return true;
}

export interface ParsedCode {
  code: string;
  /** null when only the short code was typed. */
  key: string | null;
}

const SHORT_FEEDBACK = /^PAKN\.\d{8}\.\d{4,6}$/;

/** "pakn.20261206.0001 - k7m2q x9p4t" → { code: "PAKN.20261206.0001", key: "K7M2QX9P4T" }; the
 * short code alone → key null; anything else null. Spaces and dashes may fall anywhere (phone
 * keyboards): the key is always the last 10 characters, so the split needs no separator. */
export function parseFeedbackCode(input: string | null | undefined): ParsedCode | null {
  if (!input) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (SHORT_FEEDBACK.test(s)) return { code: s, key: null };
  const code = s.slice(0, -KEY_LENGTH);
  const key = s.slice(-KEY_LENGTH);
  return SHORT_FEEDBACK.test(code) && isKey(key) ? { code, key } : null;
}

/** "dema26-xa7k2-p9qwe" → { code: "DEMA26", key: "XA7K2P9QWE" }; six letters → key null. */
export function parseRegistrationCode(input: string | null | undefined): ParsedCode | null {
  if (!input) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== CODE_LENGTH && s.length !== CODE_LENGTH + KEY_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return { code: s.slice(0, CODE_LENGTH), key: s.length > CODE_LENGTH ? s.slice(CODE_LENGTH) : null };
}
