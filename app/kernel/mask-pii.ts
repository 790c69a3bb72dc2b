// Masks personal details people paste into free text (questions, feedback, survey comments)
// before it is published or shown to roles without access to personal data: phone numbers,
// email addresses and ID numbers (CCCD 12 digits, CMND 9 digits, tax codes 10/13 digits).
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese phones: 0 or +84/84 then 9 digits, allowing spaces, dots or dashes between groups.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){9,10}(?![\p{N}])/gu;
// Long digit runs: ID cards, tax codes, bank accounts.
const ID_NUMBER = /(?<![\p{N}])\d(?:[\s.-]?\d){8,14}(?![\p{N}])/gu;

export const MASK = "[***]";

/** The three patterns in the order they apply (exported for the test that checks the shortcut). */
export const PII_PATTERNS = [EMAIL, PHONE, ID_NUMBER] as const;

/** Every pattern needs an "@" (emails) or nine ASCII digits (\d is ASCII even with the u flag:
 * phones have ten or eleven, ID numbers nine to fifteen). Most free text has neither, and the
 * three Unicode-aware expressions were a tenth of a CSV export's time (README "Performance"). */
function mayHold(text: string): boolean {
  if (text.includes("@")) return true;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 9) return true;
  }
  return false;
}

export function maskPii(text: string): string {
  if (!mayHold(text)) return text;
  return text.replace(EMAIL, MASK).replace(PHONE, MASK).replace(ID_NUMBER, MASK);
}

export function containsPii(text: string): boolean {
  return maskPii(text) !== text;
}
