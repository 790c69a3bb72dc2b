// Masks personal details people paste into free text (questions, feedback, survey comments)
// before it is published or shown to roles without access to personal data: phone numbers,
// email addresses and ID numbers (CCCD 12 digits, CMND 9 digits, tax codes 10/13 digits).
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese phones: 0 or +84/84 then 9 digits, allowing spaces, dots or dashes between groups.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){9,10}(?![\p{N}])/gu;
// Long digit runs: ID cards, tax codes, bank accounts.
const ID_NUMBER = /(?<![\p{N}])\d(?:[\s.-]?\d){8,14}(?![\p{N}])/gu;

export const MASK = "[***]";

export function maskPii(text: string): string {
  return text.replace(EMAIL, MASK).replace(PHONE, MASK).replace(ID_NUMBER, MASK);
}

export function containsPii(text: string): boolean {
  return maskPii(text) !== text;
}
