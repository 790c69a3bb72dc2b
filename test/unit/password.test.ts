import { checkPasswordPolicy } from "~/features/accounts/password-policy";
import { generatePassword, hashPassword, verifyPassword } from "~/features/accounts/password.server";

describe("password hashing", () => {
  it("verifies the right password only, with a salt per hash", async () => {
    const h1 = await hashPassword("mật khẩu rất dài 2026");
    const h2 = await hashPassword("mật khẩu rất dài 2026");
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword("mật khẩu rất dài 2026", h1)).toBe(true);
    expect(await verifyPassword("mật khẩu rất dài 2027", h1)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("treats composed and decomposed Vietnamese letters as the same password", async () => {
    const composed = "Hài Lòng mật khẩu".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("generates passwords that pass the policy", () => {
    for (let i = 0; i < 20; i++) expect(checkPasswordPolicy(generatePassword())).toBeNull();
  });
});

describe("password policy", () => {
  it("asks for 12 characters, some variety, not a common one, not the email", () => {
    expect(checkPasswordPolicy("short")).toBe("passwordTooShort");
    expect(checkPasswordPolicy("aaaaaaaaaaaaaaaa")).toBe("passwordTooSimple");
    expect(checkPasswordPolicy("password1234")).toBe("passwordTooCommon");
    expect(checkPasswordPolicy("nguyenvana-2026!", "nguyenvana@so.gov.vn")).toBe("passwordContainsEmail");
    expect(checkPasswordPolicy("x".repeat(129))).toBe("passwordTooLong");
    expect(checkPasswordPolicy("song Tiền chảy qua 2026")).toBeNull();
  });
});
