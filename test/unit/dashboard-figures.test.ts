import {
  addCounts,
  blockFigures,
  l5Rate,
  overallItem,
  ratedCell,
  responseRate,
  ZERO,
  type Counts,
} from "~/features/reports/dashboard-figures";

const c = (p: Partial<Counts>): Counts => ({ ...ZERO, ...p });

describe("dashboard figures", () => {
  it("rates L5 answers leaving out no-opinion", () => {
    const r = l5Rate(c({ c0: 10, c2: 1, c3: 1, c4: 4, c5: 4 }));
    expect(r.n).toBe(10);
    expect(r.satisfied).toBe(8);
    expect(addCounts(c({ c1: 1 }), c({ c1: 2, c5: 1 }))).toEqual(c({ c1: 3, c5: 1 }));
  });

  it("suppresses a cell under the threshold and gives a verdict otherwise", () => {
    const small = ratedCell("u1", c({ c5: 4 }), 0.9, 5);
    expect(small.suppressed).toBe(true);
    expect(small.rate.rate).toBeNull();
    expect(small.verdict.kind).toBe("no_data");
    const big = ratedCell("u2", c({ c5: 380, c2: 20 }), 0.9, 5);
    expect(big.suppressed).toBe(false);
    expect(big.verdict.kind).toBe("met");
    expect(ratedCell("u3", c({ c5: 60, c1: 40 }), 0.9, 5).verdict.kind).toBe("below");
  });

  it("builds block indices from items, keeps the block question apart, and the SIPAS-style mean", () => {
    const items = [
      { code: "ACCESS_1", block: "ACCESS", type: "L5", ids: [1] },
      { code: "ACCESS_2", block: "ACCESS", type: "L5", ids: [2, 22] },
      { code: "ACCESS_SAT", block: "ACCESS", type: "L5", ids: [3] },
      { code: "PROC_1", block: "PROC", type: "L5", ids: [4] },
      { code: "STAFF_1", block: "STAFF", type: "L5", ids: [5] },
      { code: "RESULT_1", block: "RESULT", type: "L5", ids: [6] },
      { code: "PAKN_1", block: "PAKN", type: "L5", ids: [7] },
      { code: "OVERALL", block: "OVERALL", type: "L5", ids: [8] },
    ];
    const counts = new Map<number, Counts>([
      [1, c({ c5: 9, c1: 1 })], // 0.9
      [2, c({ c4: 3, c2: 1 })], // version 1: 3 of 4
      [22, c({ c4: 4, c3: 2 })], // version 2: 4 of 6 → 7 of 10 = 0.7
      [3, c({ c5: 1, c1: 1 })],
      [4, c({ c5: 8, c2: 2 })],
      [5, c({ c5: 10 })],
      [6, c({ c4: 5, c3: 5 })],
      [7, c({ c4: 6, c2: 4 })],
    ]);
    const { blocks, sipas } = blockFigures(items, counts);
    const access = blocks.find((b) => b.block === "ACCESS")!;
    expect(access.index).toBeCloseTo(0.8, 10);
    expect(access.question?.rate).toBeCloseTo(0.5, 10);
    expect(access.items.map((i) => i.code)).toEqual(["ACCESS_1", "ACCESS_2"]);
    expect(access.minN).toBe(10);
    expect(sipas).toBeCloseTo((0.8 + 0.8 + 1 + 0.5 + 0.6) / 5, 10);
    expect(overallItem(items)?.code).toBe("OVERALL");
    expect(responseRate(50, 200)).toBe(0.25);
    expect(responseRate(50, undefined)).toBeNull();
  });
});
