import fc from "fast-check";
import { containsPii, MASK, maskPii, PII_PATTERNS } from "~/kernel/mask-pii";

describe("maskPii", () => {
  it("masks phones, emails and ID numbers in Vietnamese text", () => {
    expect(maskPii("Gọi tôi 0912 345 678 nhé")).toBe(`Gọi tôi ${MASK} nhé`);
    expect(maskPii("SĐT: +84 912.345.678")).toBe(`SĐT: ${MASK}`);
    expect(maskPii("email nguyen.van.a@gmail.com ạ")).toBe(`email ${MASK} ạ`);
    expect(maskPii("CCCD 082095001234, MST 1201234567")).toBe(`CCCD ${MASK}, MST ${MASK}`);
    expect(containsPii("số 0273.3871.234")).toBe(true);
  });

  it("leaves ordinary numbers, dates and procedure codes alone", () => {
    const text = "Hồ sơ nộp ngày 15/06/2026, mất 20 ngày, thủ tục KHCN-08, phí 500.000 đồng, năm 2026.";
    expect(maskPii(text)).toBe(text);
    expect(containsPii("Quyết định 2640/QĐ-BNV")).toBe(false);
  });

  it("gives what the three patterns give, the shortcut for text without @ or nine digits included", () => {
    const allPatterns = (t: string) => PII_PATTERNS.reduce((out, re) => out.replace(re, MASK), t);
    // Text close to the edge: digits (ASCII and others), separators, "+", "@", letters, dots.
    const piece = fc.constantFrom("0", "9", "84", "+", " ", ".", "-", "@", "a", "ễ", "٣", "１", "x.vn", "\n", ",");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const t = parts.join("");
        expect(maskPii(t)).toBe(allPatterns(t));
      }),
      { numRuns: 3000 },
    );
    // Eight digits stay, the ninth makes an ID number; "@" alone is no email.
    expect(maskPii("1234 5678")).toBe("1234 5678");
    expect(maskPii("1234 56789")).toBe(MASK);
    expect(maskPii("a @ b")).toBe("a @ b");
  });
});
