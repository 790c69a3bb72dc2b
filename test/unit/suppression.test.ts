// Small-group suppression (docs/rules/suppression.md): threshold 5 unless said otherwise.
import { hiddenCells, narrowedHidden, tooSmall } from "~/features/reports/suppression";

const cells = (o: Record<string, number>) => Object.entries(o).map(([key, n]) => ({ key, n }));
const sorted = (s: Set<string>) => [...s].sort();

describe("primary suppression (fewer answers than the threshold)", () => {
  it("hides 1 to 4 answers, shows 0 (no data) and 5 or more", () => {
    expect([0, 1, 4, 5, 6].map((n) => tooSmall(n, 5))).toEqual([false, true, true, false, false]);
    // A threshold of 1 hides nothing: every non-empty cell has at least one answer.
    expect(tooSmall(1, 1)).toBe(false);
  });
});

describe("complementary suppression (stop recovery by subtraction)", () => {
  it("hides the next smallest cell when exactly one is hidden", () => {
    // Headline n = 3 + 40 + 7 + 12 = 62. With only A hidden, A = 62 − 40 − 7 − 12 = 3:
    // so the next smallest shown cell, C (7), is hidden too.
    expect(sorted(hiddenCells(cells({ A: 3, B: 40, C: 7, D: 12 }), 5))).toEqual(["A", "C"]);
  });

  it("hides nothing more when two or more are already hidden", () => {
    // A + C = 62 − 40 − 12 = 10 is known, but not how it splits.
    expect(sorted(hiddenCells(cells({ A: 3, B: 40, C: 2, D: 12 }), 5))).toEqual(["A", "C"]);
  });

  it("hides nothing when no cell is small, and skips empty cells as the complement", () => {
    expect(hiddenCells(cells({ A: 5, B: 9 }), 5).size).toBe(0);
    // The empty cell E shows nothing and cannot protect A; B (6) is the next smallest.
    expect(sorted(hiddenCells(cells({ A: 1, E: 0, B: 6, C: 30 }), 5))).toEqual(["A", "B"]);
  });

  it("hides both cells of a two-cell set when one is small", () => {
    expect(sorted(hiddenCells(cells({ paper: 4, qr: 500 }), 5))).toEqual(["paper", "qr"]);
  });

  it("breaks ties on n by key, so the same data always hides the same cells", () => {
    expect(sorted(hiddenCells(cells({ A: 2, Z: 8, M: 8 }), 5))).toEqual(["A", "M"]);
    expect(sorted(hiddenCells(cells({ M: 8, A: 2, Z: 8 }), 5))).toEqual(["A", "M"]);
  });

  it("follows the threshold setting", () => {
    expect(sorted(hiddenCells(cells({ A: 9, B: 11, C: 50 }), 10))).toEqual(["A", "B"]);
  });
});

describe("a filter narrowed to a cell its parent table hides", () => {
  it("is hidden for a small cell and for its complement, shown otherwise", () => {
    const units = cells({ A: 3, B: 40, C: 7, D: 12 });
    expect(narrowedHidden(units, "A", 5)).toBe(true);
    // C has 7 answers, yet filtering to C would give A back by subtraction from the headline.
    expect(narrowedHidden(units, "C", 5)).toBe(true);
    expect(narrowedHidden(units, "B", 5)).toBe(false);
    expect(narrowedHidden(units, "unknown", 5)).toBe(false);
  });
});
