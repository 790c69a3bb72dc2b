// Registration codes and the contact details used to recognise "the same person". Pure.
import { isValidPhone, normalisePhone as phoneDigits } from "~/features/feedback/feedback-code";
// No 0/O, 1/I/L: a code read aloud at the door or copied from a phone screen cannot be misread.
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 6;

/** `random(max)` gives an integer in [0, max); the server passes crypto.randomInt. */
export function newRegistrationCode(random: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** What a person typed as a code ("abc 234", "ABC-234") in the stored form, or null if it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** A Vietnamese phone number as 0 + 9 or 10 digits ("+84 912.345.678" → "0912345678"), the same
 * form feedback uses; anything with letters in it is refused rather than guessed at. */
export function normalisePhone(input: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(input.trim())) return null;
  const digits = phoneDigits(input);
  return isValidPhone(digits) ? digits : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

/** One box that takes a phone or an email (the look-up form): which one, normalised. */
export function normaliseContact(input: string): { phone: string } | { email: string } | null {
  if (input.includes("@")) {
    const email = normaliseEmail(input);
    return email ? { email } : null;
  }
  const phone = normalisePhone(input);
  return phone ? { phone } : null;
}

/** Lower case without Vietnamese diacritics, for searching names at the door. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
