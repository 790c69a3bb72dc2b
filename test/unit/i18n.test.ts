import en from "~/locales/en/index";
import vi from "~/locales/vi/index";
import { pickLanguage, safeReturnPath } from "~/kernel/i18n/i18n";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaves(obj: object): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object"
      ? leaves(v).map(([kk, vv]) => [`${k}.${kk}`, vv] as [string, unknown])
      : [[k, v] as [string, unknown]],
  );
}

describe("translations", () => {
  it("has exactly the same keys in Vietnamese and English", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    expect(keys(vi).length).toBeGreaterThan(20);
  });

  it("has no empty text and the same placeholders in both languages", () => {
    const enMap = new Map(leaves(en));
    for (const [key, text] of leaves(vi)) {
      expect(typeof text, key).toBe("string");
      expect(String(text).trim(), key).not.toBe("");
      const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(ph(String(enMap.get(key))), key).toEqual(ph(String(text)));
    }
  });
});

describe("pickLanguage", () => {
  it("prefers the cookie set by the switcher", () => {
    expect(pickLanguage("a=1; lng=en", "vi-VN,vi;q=0.9")).toBe("en");
    expect(pickLanguage("lng=vi", "en-US")).toBe("vi");
  });
  it("falls back to Accept-Language by quality, then Vietnamese", () => {
    expect(pickLanguage(null, "fr-FR, en;q=0.8, vi;q=0.5")).toBe("en");
    expect(pickLanguage(null, "vi;q=0.2, en;q=0.1")).toBe("vi");
    expect(pickLanguage(null, "fr, de")).toBe("vi");
    expect(pickLanguage("lng=xx", null)).toBe("vi");
    expect(pickLanguage(null, "en;q=0")).toBe("vi");
  });
});

describe("safeReturnPath", () => {
  it("keeps same-site paths and refuses other sites", () => {
    expect(safeReturnPath("/s/abc?x=1")).toBe("/s/abc?x=1");
    expect(safeReturnPath("//evil.example")).toBe("/");
    expect(safeReturnPath("https://evil.example")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath(null)).toBe("/");
  });
});
