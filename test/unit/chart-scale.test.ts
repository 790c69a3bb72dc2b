// The charts' pure parts: axis range from the data and the target, tick text, legend order,
// colours (contrast and greyscale steps computed here from the WCAG formulas), label wrapping.
import {
  labelLayout,
  percentTick,
  rateDomain,
  rateTicks,
  SCALE_COLOURS,
  scaleLegend,
  wrapLabel,
} from "~/features/reports/chart-scale";
import vi from "~/locales/vi";
import en from "~/locales/en";

describe("trend axis", () => {
  it("fits the data and the target, rounded out to 10 points with room at both ends", () => {
    // Lowest 88 % − 2 → 86 → down to 80 %; highest 99 % + 2 → 101 → up to 110, capped at 100 %.
    expect(rateDomain([0.93, 0.95, 0.91, 0.97, 0.88, 0.99], 0.9)).toEqual([0.8, 1]);
    // The target is lower than every point: it still shows (90 − 2 → 88 → 80 %).
    expect(rateDomain([0.95, 0.96], 0.9)).toEqual([0.8, 1]);
    // Low rates: 58 → 50 %, the 90 % target + 2 → 92 → 100 %.
    expect(rateDomain([0.6, 0.7], 0.9)).toEqual([0.5, 1]);
    // Everything low: 28 → 20 %, target 50 % + 2 → 52 → 60 %; nulls (suppressed quarters) skipped.
    expect(rateDomain([0.3, null, 0.4, undefined], 0.5)).toEqual([0.2, 0.6]);
    // Never below 0.
    expect(rateDomain([0.01], 0.9)).toEqual([0, 1]);
    // No data at all: the target alone decides.
    expect(rateDomain([], 0.9)).toEqual([0.8, 1]);
  });

  it("is not the flat 0–100 % axis for a typical quarter series", () => {
    const [lo] = rateDomain([0.86, 0.9, 0.94], 0.9);
    expect(lo).toBeGreaterThan(0);
  });

  it("puts a tick on every 10 points, both ends included, without float drift", () => {
    expect(rateTicks([0.8, 1])).toEqual([0.8, 0.9, 1]);
    expect(rateTicks([0.2, 0.6])).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(rateTicks([0, 1], 20)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("writes ticks as each reader does", () => {
    // A no-break space: recharts wraps tick text at ordinary spaces.
    expect(percentTick(1, "vi")).toBe("100\u00a0%");
    expect(percentTick(1, "en")).toBe("100%");
    expect(percentTick(0.3, "vi")).toBe("30\u00a0%");
    expect(percentTick(0.905, "en")).toBe("91%");
  });
});

describe("distribution legend", () => {
  it("runs in the scale's order, not by name, in both languages", () => {
    const namesVi = ["s1", "s2", "s3", "s4", "s5"].map((k) => vi.dashboard.scale[k as "s1"]);
    expect(scaleLegend(namesVi).map((l) => l.name)).toEqual([
      "Rất không hài lòng",
      "Không hài lòng",
      "Bình thường",
      "Hài lòng",
      "Rất hài lòng",
    ]);
    const namesEn = ["s1", "s2", "s3", "s4", "s5"].map((k) => en.dashboard.scale[k as "s1"]);
    const legend = scaleLegend(namesEn);
    expect(legend.map((l) => l.name)).toEqual([
      "Very dissatisfied",
      "Dissatisfied",
      "Neutral",
      "Satisfied",
      "Very satisfied",
    ]);
    // Alphabetical would put "Dissatisfied" first: the attacking check.
    expect(legend.map((l) => l.name)).not.toEqual([...namesEn].sort());
    expect(legend.map((l) => l.key)).toEqual(["s1", "s2", "s3", "s4", "s5"]);
    expect(legend.map((l) => l.colour)).toEqual([...SCALE_COLOURS]);
  });
});

// WCAG 2.x relative luminance and CIE L* (for the greyscale step), written out here.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const lightness = (y: number) => (y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y);

describe("distribution colours", () => {
  it("each reach 3:1 against white (WCAG 1.4.11)", () => {
    for (const c of SCALE_COLOURS) expect(1.05 / (luminance(c) + 0.05)).toBeGreaterThanOrEqual(3);
  });
  it("step up in lightness by at least 7 L* each, so greyscale print keeps the order", () => {
    const l = SCALE_COLOURS.map((c) => lightness(luminance(c)));
    for (let i = 1; i < l.length; i++) expect(l[i] - l[i - 1]).toBeGreaterThanOrEqual(7);
  });
});

describe("long unit names", () => {
  it("wrap on word boundaries within the line length", () => {
    expect(wrapLabel("Phòng Quản lý Công nghệ và Chuyên ngành", 13, 3)).toEqual([
      "Phòng Quản lý",
      "Công nghệ và",
      "Chuyên ngành",
    ]);
    expect(wrapLabel("Phòng Quản lý Công nghệ và Chuyên ngành", 15, 3)).toEqual([
      "Phòng Quản lý",
      "Công nghệ và",
      "Chuyên ngành",
    ]);
    expect(wrapLabel("Phòng Quản lý Công nghệ và Chuyên ngành", 28, 2)).toEqual([
      "Phòng Quản lý Công nghệ và",
      "Chuyên ngành",
    ]);
    expect(wrapLabel("Mã QR", 15, 3)).toEqual(["Mã QR"]);
  });

  it("end in … when they do not fit the lines allowed, never longer than a line", () => {
    const lines = wrapLabel("Trung tâm Phục vụ hành chính công tỉnh Tiền Giang", 15, 3);
    expect(lines).toEqual(["Trung tâm Phục", "vụ hành chính", "công tỉnh Tiền…"]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(15);
    expect(wrapLabel("Supercalifragilistic", 10, 2)).toEqual(["Supercali…"]);
    expect(wrapLabel("   ", 10, 2)).toEqual([]);
  });

  it("get a narrower column and more lines on a 360 px phone", () => {
    const phone = labelLayout(328);
    const desk = labelLayout(1200);
    expect(phone.axisWidth).toBeLessThan(desk.axisWidth);
    expect(phone.maxLines).toBeGreaterThan(desk.maxLines);
    // ~6.5 px a character at 12 px: a full line fits the column with the 6 px gap.
    for (const l of [phone, desk]) expect(l.maxChars * 6.5 + 6).toBeLessThanOrEqual(l.axisWidth);
  });
});
