// Tracking codes in the national shape PAKN.YYYYMMDD.NNNN, and phone numbers as the sender types
// them ("0912 345 678", "+84 912-345-678") reduced to one form for look-up.

const CODE = /^PAKN\.(\d{8})\.(\d{4,6})$/;

export function formatCode(ymd: string, n: number): string {
  return `PAKN.${ymd.replaceAll("-", "")}.${String(n).padStart(4, "0")}`;
}

/** The code in canonical form, or null. Accepts lower case and stray spaces from a phone keyboard. */
export function normaliseCode(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim().toUpperCase().replace(/\s+/g, "");
  return CODE.test(s) ? s : null;
}

/** Digits only, with the +84 country prefix turned into the domestic 0. */
export function normalisePhone(input: string): string {
  const digits = input.replace(/\D/g, "");
  if (digits.startsWith("84") && digits.length >= 11 && digits.length <= 12) return `0${digits.slice(2)}`;
  return digits;
}

/** A Vietnamese mobile (10 digits) or landline with area code (11 digits). */
export function isValidPhone(digits: string): boolean {
  return /^0\d{9,10}$/.test(digits);
}
