import { blockIndex, rate, rateFromDistribution, responsesToSettle, sipasIndex, suppress, verdict, wilson } from "~/lib/stats";
import { agencyScore, gradeFor, indicatorScore, pointsFromL5 } from "~/lib/tt01";

const close = (a: number, b: number, digits = 4) => expect(a).toBeCloseTo(b, digits);

describe("Wilson interval", () => {
  it("matches hand-computed values", () => {
    // 45/50: p = 0.9; centre = (0.9 + 3.8415/100) / 1.076829 = 0.871464;
    // half = 1.959964/1.076829 * sqrt(0.0018 + 3.8415/10000) = 0.085063
    const ci = wilson(45, 50)!;
    close(ci.low, 0.786398, 5);
    close(ci.high, 0.956524, 5);
    // 0/10 and 10/10 stay inside [0, 1]
    close(wilson(0, 10)!.low, 0);
    close(wilson(0, 10)!.high, 0.277532, 4);
    close(wilson(10, 10)!.low, 0.722468, 4);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("rate", () => {
  it("counts 4 and 5 as satisfied and leaves out no-opinion", () => {
    const r = rateFromDistribution({ 0: 7, 1: 1, 2: 1, 3: 2, 4: 10, 5: 6 });
    expect(r.n).toBe(20);
    expect(r.satisfied).toBe(16);
    close(r.rate!, 0.8);
    expect(rateFromDistribution({ 0: 5 }).rate).toBeNull();
  });
});

describe("verdict against the target", () => {
  it("is met only when the lower bound reaches the target", () => {
    expect(verdict(rate(380, 400), 0.9).kind).toBe("met"); // 95 %, low ≈ 0.924
    expect(verdict(rate(70, 100), 0.9).kind).toBe("below"); // 70 %, high ≈ 0.78
    const v = verdict(rate(19, 20), 0.9); // 95 % of 20: interval ≈ 0.764–0.991
    expect(v.kind).toBe("undetermined");
    expect(v.moreNeeded).toBeGreaterThan(0);
    expect(verdict(rate(0, 0), 0.9)).toEqual({ kind: "no_data", moreNeeded: null });
  });

  it("says how many more answers at the same rate would settle it", () => {
    // At 95 %, the lower bound first reaches 0.9 at n = 139 (n = 136 gives 0.8995), so 20
    // answers need 119 more; the checks below prove the number is the smallest that works.
    const m = responsesToSettle(0.95, 20, 0.9)!;
    expect(m).toBe(119);
    expect(wilson(0.95 * (20 + m), 20 + m)!.low).toBeGreaterThanOrEqual(0.9);
    expect(wilson(0.95 * (20 + m - 1), 20 + m - 1)!.low).toBeLessThan(0.9);
    // A rate below the target settles as "below" the same way.
    const below = responsesToSettle(0.85, 30, 0.9)!;
    expect(wilson(0.85 * (30 + below), 30 + below)!.high).toBeLessThan(0.9);
    expect(wilson(0.85 * (30 + below - 1), 30 + below - 1)!.high).toBeGreaterThanOrEqual(0.9);
    // Exactly on the target it never settles.
    expect(responsesToSettle(0.9, 50, 0.9)).toBeNull();
  });
});

describe("indices and suppression", () => {
  it("averages item rates into a block index and five blocks into the SIPAS-style index", () => {
    close(blockIndex([rate(9, 10), rate(8, 10), rate(0, 0)])!, 0.85);
    expect(blockIndex([rate(0, 0)])).toBeNull();
    close(sipasIndex([0.9, 0.8, 0.85, 0.95, 0.7])!, 0.84);
    expect(sipasIndex([0.9, null, 0.8, 0.8, 0.8])).toBeNull();
  });

  it("hides cells under the threshold", () => {
    expect(suppress({ n: 4, rate: 1 }, 5)).toEqual({ suppressed: true, n: null });
    expect(suppress({ n: 5, rate: 0.8 }, 5)).toEqual({ n: 5, rate: 0.8, suppressed: false });
  });
});

describe("TT 01 scoring", () => {
  it("scores indicators to one decimal and grades the agency", () => {
    expect(indicatorScore({ code: "time", points: 37, dossiers: 20 })).toBe(1.9);
    expect(indicatorScore({ code: "time", points: 0, dossiers: 0 })).toBeNull();
    expect(gradeFor(15)).toBe("excellent");
    expect(gradeFor(14.9)).toBe("good");
    expect(gradeFor(12)).toBe("good");
    expect(gradeFor(9)).toBe("fair");
    expect(gradeFor(6)).toBe("average");
    expect(gradeFor(5.9)).toBe("weak");
    // Nine indicators at 1.9, 1.8, …: total 14.4 of 18 → Tốt.
    const totals = [1.9, 1.8, 1.6, 1.7, 1.5, 1.6, 1.4, 1.5, 1.4].map((s, i) => ({ code: `i${i}`, points: s * 10, dossiers: 10 }));
    expect(agencyScore(totals)).toEqual({ total18: 14.4, grade: "good" });
    // Eight indicators averaging 1.5 scale to 13.5 of 18.
    expect(agencyScore(Array.from({ length: 8 }, (_, i) => ({ code: `j${i}`, points: 15, dossiers: 10 })))).toEqual({ total18: 13.5, grade: "good" });
    expect(pointsFromL5(5)).toBe(2);
    expect(pointsFromL5(3)).toBe(1);
    expect(pointsFromL5(2)).toBe(0);
    expect(pointsFromL5(0)).toBeNull();
  });
});

import { indicatorFromCounts } from "~/lib/tt01";

describe("TT 01 indicators from answer counts", () => {
  const z = { c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, c5: 0 };
  it("reads scored choices, L5 and yes/no items", () => {
    // 6 early (2), 3 on time (1), 1 late (0): 15 points over 10 dossiers → 1.5
    expect(indicatorFromCounts({ code: "A_TIME", type: "single", scored: true }, { ...z, c2: 6, c1: 3, c0: 1 })).toEqual({ code: "A_TIME", points: 15, dossiers: 10 });
    // L5: 5 → 2, 4 → 2, 3 → 1, 2 → 0; no opinion (0) left out.
    expect(indicatorFromCounts({ code: "A_OVERALL", type: "L5", scored: false }, { ...z, c5: 2, c4: 1, c3: 1, c2: 1, c0: 4 })).toEqual({ code: "A_OVERALL", points: 7, dossiers: 5 });
    // No unofficial cost is the good answer: 8 "no" (0), 2 "yes" (1) → 16 points.
    expect(indicatorFromCounts({ code: "A_COST", type: "yesno", scored: false }, { ...z, c0: 8, c1: 2 })).toEqual({ code: "A_COST", points: 16, dossiers: 10 });
    expect(indicatorFromCounts({ code: "A_APOLOGY", type: "yesno", scored: false }, { ...z, c0: 1, c1: 3 })).toEqual({ code: "A_APOLOGY", points: 6, dossiers: 4 });
    expect(indicatorFromCounts({ code: "DEMO_TYPE", type: "single", scored: false }, { ...z, c1: 3 })).toBeNull();
    expect(indicatorFromCounts({ code: "OTHER_YN", type: "yesno", scored: false }, { ...z, c1: 3 })).toBeNull();
  });
});
