// Minimum password policy for staff (NIST SP 800-63B style: length over composition rules).
// Returns a translation key under staff.errors, or null when the password is acceptable.
const COMMON = new Set([
  "123456789012",
  "password1234",
  "matkhau12345",
  "qwertyuiop12",
  "123456789abc",
  "abc123456789",
  "administrator",
  "hailong12345",
  "passwordpassword",
  "111111111111",
]);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function checkPasswordPolicy(password: string, email = ""): string | null {
  if (password.length < PASSWORD_MIN) return "passwordTooShort";
  if (password.length > PASSWORD_MAX) return "passwordTooLong";
  if (new Set(password).size < 5) return "passwordTooSimple";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "passwordTooCommon";
  const local = email.toLowerCase().split("@")[0];
  if (local.length >= 4 && lower.includes(local)) return "passwordContainsEmail";
  return null;
}
