// One dashboard view under the small-group rule (docs/rules/suppression.md), threshold 5.
import type { Counts } from "~/features/reports/dashboard-figures";
import { suppressFigures, type RawFigures } from "~/features/reports/suppress-dashboard";
import { rate, verdict } from "~/features/reports/stats";

const c = (p: Partial<Counts>): Counts => ({ c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, c5: 0, ...p });

function figures(): RawFigures {
  const headline = rate(38, 45);
  return {
    headline: { rate: headline, verdict: verdict(headline, 0.9) },
    trend: [
      { key: "Q1/2025", start: "2024-12-15", end: "2025-03-14", rate: rate(2, 3), verdict: verdict(rate(2, 3), 0.9) },
      { key: "Q2/2025", start: "2025-03-15", end: "2025-06-14", rate: headline, verdict: verdict(headline, 0.9) },
    ],
    byUnit: [
      { key: "1", name: "BIG", counts: c({ c5: 27, c2: 3 }) },
      { key: "2", name: "MID", counts: c({ c4: 10, c1: 2 }) },
      { key: "3", name: "SMALL", counts: c({ c5: 1, c2: 2 }) },
    ],
    byChannel: [
      { key: "qr", channel: "qr", flagged: false, counts: c({ c5: 40 }) },
      { key: "web", channel: "web", flagged: false, counts: c({ c4: 5 }) },
      { key: "qr:flagged", channel: "qr", flagged: true, counts: c({ c5: 2 }) },
    ],
    blocks: [
      { block: "ACCESS", index: 0.9, minN: 45, question: rate(40, 45), items: [{ code: "A1", rate: rate(40, 45) }] },
      {
        block: "PROC",
        index: 0.5,
        minN: 4,
        question: rate(3, 4),
        items: [
          { code: "P1", rate: rate(2, 4) },
          { code: "P2", rate: rate(40, 45) },
        ],
      },
    ],
    sipas: 0.7,
    distribution: [
      { code: "A1", block: "ACCESS", text: "", counts: c({ c4: 40, c1: 5 }), rate: rate(40, 45) },
      { code: "P1", block: "PROC", text: "", counts: c({ c4: 2, c1: 2, c0: 9 }), rate: rate(2, 4) },
    ],
    volume: [
      { unitId: 1, name: "BIG", responses: 30, flagged: 2, served: 100, responseRate: 0.3 },
      { unitId: 2, name: "MID", responses: 12, flagged: 0, served: null, responseRate: null },
      { unitId: 3, name: "SMALL", responses: 3, flagged: 0, served: 10, responseRate: 0.3 },
    ],
    totals: { responses: 45, flagged: 2 },
  };
}

describe("a view's figures under the threshold of 5", () => {
  it("hides each small figure, and the complement of a lone hidden cell", () => {
    const d = suppressFigures(figures(), { target: 0.9, threshold: 5, viewHidden: false, hiddenTrend: new Set() });
    expect(d.suppressed).toBe(false);
    expect(d.headline).toMatchObject({ suppressed: false, rate: { satisfied: 38, n: 45 } });
    // Trend: Q1 rests on 3 answers.
    expect(d.trend.map((p) => [p.key, p.suppressed, p.rate.n])).toEqual([
      ["Q1/2025", true, 0],
      ["Q2/2025", false, 45],
    ]);
    // Units: SMALL (3) hidden, MID (12) its complement; BIG 27/30 = 90 %.
    expect(d.byUnit.map((u) => [u.name, u.suppressed, u.rate.n])).toEqual([
      ["BIG", false, 30],
      ["MID", true, 0],
      ["SMALL", true, 0],
    ]);
    // Channels: the counted set (qr 40, web 5) hides nothing; the flagged set (qr 2) hides its one cell.
    expect(d.byChannel.map((x) => [x.key, x.suppressed])).toEqual([
      ["qr", false],
      ["qr:flagged", true],
      ["web", false],
    ]);
    // Blocks: PROC's item P1 rests on 4 answers, so PROC's index, its question (n = 4) and SIPAS go.
    expect(d.blocks[1]).toMatchObject({ index: null, minN: 0, question: null, suppressed: true });
    expect(d.blocks[1].items[0].rate.n).toBe(0);
    expect(d.blocks[0]).toMatchObject({ index: 0.9, minN: 45, suppressed: false });
    expect(d.sipas).toBeNull();
    // Distribution: P1's row rests on 4 valid answers (the 9 "no opinion" are not in n).
    expect(d.distribution.map((q) => [q.code, q.suppressed, q.counts.c4])).toEqual([
      ["A1", false, 40],
      ["P1", true, 0],
    ]);
    // Volume: SMALL's 3 responses hidden, MID (12) its complement; BIG's 2 flagged responses
    // hidden (the only non-empty flagged cell).
    expect(d.volume.map((v) => [v.name, v.responses, v.flagged, v.responseRate])).toEqual([
      ["BIG", 30, null, 0.3],
      ["MID", null, 0, null],
      ["SMALL", null, 0, null],
    ]);
    // Totals: 45 responses shown; 2 flagged in all is under 5, hidden.
    expect(d.totals).toEqual({ responses: 45, flagged: null });
  });

  it("hides everything of a view its parent table hides, and trend quarters named hidden", () => {
    const d = suppressFigures(figures(), {
      target: 0.9,
      threshold: 5,
      viewHidden: true,
      hiddenTrend: new Set(["Q2/2025"]),
    });
    expect(d.suppressed).toBe(true);
    expect(d.headline).toMatchObject({ suppressed: true, rate: { n: 0, rate: null } });
    expect(d.trend.every((p) => p.suppressed)).toBe(true);
    expect([d.byUnit, d.byChannel, d.volume]).toEqual([[], [], []]);
    expect(d.blocks.every((b) => b.index === null && b.question === null && b.items.length === 0)).toBe(true);
    expect(d.distribution.every((q) => q.suppressed && q.rate.n === 0)).toBe(true);
    expect(d.totals).toEqual({ responses: null, flagged: null });
  });
});
