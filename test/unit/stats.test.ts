import {
  blockIndex,
  rate,
  rateFromDistribution,
  responsesToSettle,
  sipasIndex,
  suppress,
  verdict,
  wilson,
} from "~/features/reports/stats";

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
