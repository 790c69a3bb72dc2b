// Full codes as people type them (docs/security/citizen-codes.md).
import { fullCode, KEY_BITS, parseFeedbackCode, parseRegistrationCode } from "~/features/citizen-codes/citizen-code";

describe("full codes", () => {
  it("a key of 10 characters from 31 carries 10·log2(31) ≈ 49.5 bits", () => {
    // log2(31) = 4.954 (2^4.954 ≈ 31.0); times 10.
    expect(KEY_BITS).toBeCloseTo(49.54, 2);
  });

  it("reads a feedback's full code in any spelling, the short code alone, and refuses the rest", () => {
    const want = { code: "PAKN.20261206.0001", key: "K7M2QX9P4T" };
    expect(parseFeedbackCode(fullCode("PAKN.20261206.0001", "K7M2QX9P4T"))).toEqual(want);
    expect(fullCode("PAKN.20261206.0001", "K7M2QX9P4T")).toBe("PAKN.20261206.0001-K7M2Q-X9P4T");
    expect(parseFeedbackCode(" pakn.20261206.0001 k7m2q x9p4t ")).toEqual(want);
    expect(parseFeedbackCode("PAKN.20261206.0001K7M2QX9P4T")).toEqual(want);
    // A key that starts with digits still splits right: the key is the last 10.
    expect(parseFeedbackCode("PAKN.20261206.0001-23456-789AB")).toEqual({
      code: "PAKN.20261206.0001",
      key: "23456789AB",
    });
    expect(parseFeedbackCode("PAKN.20261206.0001")).toEqual({ code: "PAKN.20261206.0001", key: null });
    expect(parseFeedbackCode("PAKN.20261206.0001-K7M2Q")).toBeNull();
    // 0, O, 1, I and L are not in the alphabet.
    expect(parseFeedbackCode("PAKN.20261206.0001-K7M2Q-X9P4O")).toBeNull();
    expect(parseFeedbackCode("")).toBeNull();
  });

  it("reads a registration's full code, and the six-letter door code alone", () => {
    expect(parseRegistrationCode("dema26-skhcn-tgdem")).toEqual({ code: "DEMA26", key: "SKHCNTGDEM" });
    expect(parseRegistrationCode("DEMA26")).toEqual({ code: "DEMA26", key: null });
    expect(parseRegistrationCode("DEMA26-SKHCN")).toBeNull();
    expect(parseRegistrationCode("DEMA26-SKHCN-TGDE0")).toBeNull();
  });
});
