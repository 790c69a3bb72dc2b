// The provincial league table's ranking rule (docs/rules/league.md), with every interval worked
// out by hand from the Wilson score formula (docs/rules/satisfaction-figures.md):
//   p̂ = x/n, z = 1.96, z² = 3.8416, d = 1 + z²/n,
//   centre = (p̂ + z²/2n) / d, half = (z/d)·√(p̂(1−p̂)/n + z²/4n²), interval = centre ± half.
// For n = 100: z²/n = 0.038416, d = 1.038416, z²/2n = 0.019208, z²/4n² = 0.00009604, z/d = 1.88749.
//   98/100: centre = 0.999208/1.038416 = 0.96224, half = 1.88749·√(0.000196+0.00009604) = 1.88749·0.017089 = 0.03226 → [0.9300, 0.9945]
//   95/100: centre = 0.969208/1.038416 = 0.93335, half = 1.88749·√(0.000475+0.00009604) = 1.88749·0.023897 = 0.04510 → [0.8882, 0.9785]
//   90/100: centre = 0.919208/1.038416 = 0.88520, half = 1.88749·√(0.0009+0.00009604)  = 1.88749·0.031560 = 0.05957 → [0.8256, 0.9448]
//   85/100: centre = 0.869208/1.038416 = 0.83705, half = 1.88749·√(0.001275+0.00009604) = 1.88749·0.037028 = 0.06989 → [0.7672, 0.9069]
//   72/100: centre = 0.739208/1.038416 = 0.71186, half = 1.88749·√(0.002016+0.00009604) = 1.88749·0.045957 = 0.08674 → [0.6251, 0.7986]
//   70/100: centre = 0.719208/1.038416 = 0.69260, half = 1.88749·√(0.0021+0.00009604)   = 1.88749·0.046862 = 0.08845 → [0.6041, 0.7811]
// (The portal uses z = 1.959964; the difference is below 0.0001, hence toBeCloseTo(…, 3).)
import { describe, expect, it } from "vitest";
import { gradeLeague, placeLabel, places, rateLeague, type RateInput } from "~/features/province/league";

const T = 0.9;
const agency = (agencyId: number, numerator: number, n: number, target: number | null = T): RateInput => ({
  agencyId,
  name: `Agency ${String.fromCharCode(64 + agencyId)}`,
  numerator,
  n,
  target,
});
const labels = (rows: { name: string; place: Parameters<typeof placeLabel>[0] | null }[]) =>
  Object.fromEntries(rows.map((r) => [r.name, r.place ? placeLabel(r.place) : null]));

describe("league places (A above B only when A.low > B.high)", () => {
  it("computes the hand-worked intervals", () => {
    const rows = rateLeague([agency(1, 95, 100), agency(2, 90, 100)], 5);
    expect(rows[0].ci!.low).toBeCloseTo(0.8882, 3);
    expect(rows[0].ci!.high).toBeCloseTo(0.9785, 3);
    expect(rows[1].ci!.low).toBeCloseTo(0.8256, 3);
    expect(rows[1].ci!.high).toBeCloseTo(0.9448, 3);
  });

  it("two overlapping agencies tie: 95/100 and 90/100", () => {
    // A [0.8882, 0.9785], B [0.8256, 0.9448]: A.low 0.8882 < B.high 0.9448, so neither is surely above.
    const rows = rateLeague([agency(2, 90, 100), agency(1, 95, 100)], 5);
    expect(rows.map((r) => r.place)).toEqual([
      { best: 1, worst: 2, tie: true },
      { best: 1, worst: 2, tie: true },
    ]);
    expect(labels(rows)).toEqual({ "Agency A": "=1", "Agency B": "=1" });
    // Within a tie the order is by name, not by the point estimate.
    expect(rows.map((r) => r.name)).toEqual(["Agency A", "Agency B"]);
  });

  it("a clear separation ranks: 95/100 above 70/100", () => {
    // A.low 0.8882 > C.high 0.7811.
    const rows = rateLeague([agency(3, 70, 100), agency(1, 95, 100)], 5);
    expect(labels(rows)).toEqual({ "Agency A": "1", "Agency C": "2" });
    expect(rows.map((r) => r.name)).toEqual(["Agency A", "Agency C"]);
  });

  it("a chain: A above C, B overlapping both", () => {
    // A 95/100 [0.8882, 0.9785], B 85/100 [0.7672, 0.9069], C 70/100 [0.6041, 0.7811].
    // A.low 0.8882 > C.high 0.7811: A above C. A.low 0.8882 < B.high 0.9069 and B.low 0.7672 < C.high
    // 0.7811: B overlaps both. A: 1 + 0 above … 3 − 1 below = 1–2; B: 1–3; C: 1 + 1 = 2 … 3 = 2–3.
    const rows = rateLeague([agency(2, 85, 100), agency(3, 70, 100), agency(1, 95, 100)], 5);
    expect(labels(rows)).toEqual({ "Agency A": "1–2", "Agency B": "1–3", "Agency C": "2–3" });
    expect(rows.every((r) => !r.place!.tie)).toBe(true);
    expect(rows.map((r) => r.name)).toEqual(["Agency A", "Agency B", "Agency C"]);
  });

  it("a tie below a clear leader: 95/100, then 72/100 and 70/100 equal second", () => {
    // A.low 0.8882 > 0.7986 and > 0.7811: A first. B 72/100 [0.6251, 0.7986] and C 70/100
    // [0.6041, 0.7811] overlap: both hold places 2–3 and fill them, a tie shown "=2".
    const rows = rateLeague([agency(3, 70, 100), agency(2, 72, 100), agency(1, 95, 100)], 5);
    expect(labels(rows)).toEqual({ "Agency A": "1", "Agency B": "=2", "Agency C": "=2" });
  });

  it("n = 0 is listed as no data and not ranked; the others' places ignore it", () => {
    const rows = rateLeague([agency(4, 0, 0), agency(1, 95, 100), agency(3, 70, 100)], 5);
    expect(labels(rows)).toEqual({ "Agency A": "1", "Agency C": "2", "Agency D": null });
    const d = rows.find((r) => r.agencyId === 4)!;
    expect(d).toMatchObject({ status: "no_data", n: 0, rate: null, ci: null, verdict: null, place: null });
    expect(rows[rows.length - 1]).toBe(d);
  });

  it("a suppressed n (1 to threshold − 1) is listed, hidden, n withheld, not ranked", () => {
    // 3 answers with threshold 5: hidden (docs/rules/suppression.md rule 1), even at 3/3.
    const rows = rateLeague([agency(5, 3, 3), agency(1, 95, 100), agency(3, 70, 100)], 5);
    const e = rows.find((r) => r.agencyId === 5)!;
    expect(e).toMatchObject({ status: "suppressed", n: null, numerator: null, rate: null, ci: null, place: null });
    expect(labels(rows)).toEqual({ "Agency A": "1", "Agency C": "2", "Agency E": null });
    // At the threshold itself it is shown and ranked. 5/5: p̂ = 1, d = 1 + 3.8416/5 = 1.76832,
    // centre = (1 + 0.38416)/1.76832 = 0.78276, half = (1.96/1.76832)·√(0 + 3.8416/100) = 1.10840·0.196
    // = 0.21725 → [0.5655, 1]: overlaps A [0.8882, 0.9785] and C [0.6041, 0.7811], so 1–3.
    const shown = rateLeague([agency(5, 5, 5), agency(1, 95, 100), agency(3, 70, 100)], 5);
    expect(labels(shown)["Agency E"]).toBe("1–3");
    // Hidden by a wider rule (a cumulative period with a hidden quarter) despite n = 100.
    const wider = rateLeague([{ ...agency(5, 90, 100), hidden: true }, agency(1, 95, 100)], 5);
    expect(wider.find((r) => r.agencyId === 5)).toMatchObject({ status: "suppressed", n: null, place: null });
    // A figure hidden upstream arrives with its counts withheld (n = 0): still "hidden", not "no data".
    const upstream = rateLeague([{ ...agency(5, 0, 0), hidden: true }], 5);
    expect(upstream[0]).toMatchObject({ status: "suppressed", n: null });
  });

  it("gives the verdict against each agency's own target (lower ≥ T met, upper < T below)", () => {
    // 98/100 low 0.9300 ≥ 0.9 → met; 95/100 [0.8882, 0.9785] straddles 0.9 → undetermined;
    // 70/100 high 0.7811 < 0.9 → below; with a target of 0.85, 95/100 (low 0.8882) is met.
    const rows = rateLeague(
      [agency(1, 98, 100), agency(2, 95, 100), agency(3, 70, 100), { ...agency(4, 95, 100), target: 0.85 }],
      5,
    );
    const kind = Object.fromEntries(rows.map((r) => [r.agencyId, r.verdict?.kind]));
    expect(kind).toEqual({ 1: "met", 2: "undetermined", 3: "below", 4: "met" });
    // No target (feedback on time): no verdict.
    expect(rateLeague([agency(1, 95, 100, null)], 1)[0].verdict).toBeNull();
  });

  it("intervals that only touch do not separate (strictly greater)", () => {
    expect(
      places([
        { low: 0.5, high: 0.9 },
        { low: 0.2, high: 0.5 },
      ]).map((p) => p.tie),
    ).toEqual([true, true]);
  });

  it("all overlapping: everyone ties at 1", () => {
    // 95/100, 90/100, 85/100: 0.8882 < 0.9069 (A–C), 0.8256 < 0.9069 (B–C), 0.8882 < 0.9448 (A–B).
    const rows = rateLeague([agency(1, 95, 100), agency(2, 90, 100), agency(3, 85, 100)], 5);
    expect(Object.values(labels(rows))).toEqual(["=1", "=1", "=1"]);
  });
});

describe("TT 01 grades (no interval: placed by band, the same band ties)", () => {
  const g = (agencyId: number, total: number, grade: Parameters<typeof gradeLeague>[0][0]["grade"]) => ({
    agencyId,
    name: `Agency ${String.fromCharCode(64 + agencyId)}`,
    total,
    grade,
    missing: grade ? [] : ([2, 5] as (2 | 5)[]),
  });

  it("a higher band is above; 15.1 and 16.0 both Xuất sắc tie; no grade is listed, not ranked", () => {
    const rows = gradeLeague([g(1, 15.1, "excellent"), g(2, 16.0, "excellent"), g(3, 12.4, "good"), g(4, 9.0, null)]);
    expect(labels(rows)).toEqual({ "Agency A": "=1", "Agency B": "=1", "Agency C": "3", "Agency D": null });
    expect(rows[3]).toMatchObject({ agencyId: 4, status: "no_data", total: 9.0, missing: [2, 5] });
  });
});
