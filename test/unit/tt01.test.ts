// TT 01/2018/TT-VPCP grade, figures computed by hand from the rule (docs/rules/tt01.md):
// Art. 13 — nine indicators, each 2/1/0 points per dossier; Art. 14 — where each comes from;
// Art. 15 — indicator score = per-dossier average to one decimal, total = their sum out of 18,
// ≥15 Xuất sắc, 12–<15 Tốt, 9–<12 Khá, 6–<9 Trung bình, <6 Yếu.
import { describe, expect, it } from "vitest";
import {
  agencyTotal,
  averageScore,
  CITIZEN_ITEMS,
  feedbackIndicator,
  gradeFor,
  INDICATOR_SOURCE,
  parseScore,
  scoreFromCounts,
} from "~/features/reports/tt01";

describe("TT 01 indicator scores (Art. 15)", () => {
  it("averages points over dossiers to one decimal, half up", () => {
    // 5 early (2) + 5 on time (1) = 15 points over 10 dossiers → 1.5
    expect(scoreFromCounts({ c2: 5, c1: 5, c0: 0 })).toEqual({ points: 15, dossiers: 10, score: 1.5 });
    // 29 points over 20 dossiers = 1.45 → 1.5 (floating point alone gives 1.4)
    expect(averageScore(29, 20)).toBe(1.5);
    // 37 / 20 = 1.85 → 1.9; 2 / 3 = 0.666… → 0.7; 1 / 3 = 0.333… → 0.3
    expect(averageScore(37, 20)).toBe(1.9);
    expect(averageScore(2, 3)).toBe(0.7);
    expect(averageScore(1, 3)).toBe(0.3);
    expect(averageScore(0, 0)).toBeNull();
  });

  it("takes only the four citizen-sourced items as indicators (Art. 14)", () => {
    expect(CITIZEN_ITEMS).toEqual({ A_TIME: 1, A_CONTACTS: 3, A_AGENCIES: 4, A_ATTITUDE: 7 });
    for (const code of ["A_INFO", "A_OVERALL", "A_COST", "A_APOLOGY"]) expect(CITIZEN_ITEMS[code]).toBeUndefined();
    expect([2, 5, 6, 9].map((n) => INDICATOR_SOURCE[n as 2])).toEqual(["staff", "staff", "staff", "staff"]);
    expect(INDICATOR_SOURCE[8]).toBe("feedback");
  });
});

describe("TT 01 indicator 8: feedback handled on time", () => {
  it("gives 2 for none or all on time, 1 from 90 %, else 0", () => {
    expect(feedbackIndicator(0, 0)).toBe(2);
    expect(feedbackIndicator(12, 12)).toBe(2);
    expect(feedbackIndicator(9, 10)).toBe(1); // exactly 90 %
    expect(feedbackIndicator(17, 19)).toBe(0); // 89.5 %
    expect(feedbackIndicator(0, 3)).toBe(0);
  });
});

describe("TT 01 agency total and grade (Art. 15)", () => {
  it("the issue's example: four citizen indicators give 6.0 and no grade while five are missing", () => {
    // 10 dossiers: 5 early 5 on time → 1.5; no extra contact → 2.0; one-stop only → 1.0;
    // attitude 5 very good, 5 good → 1.5. The portal used to print 15.4 Xuất sắc here.
    const s1 = scoreFromCounts({ c2: 5, c1: 5, c0: 0 }).score;
    const s3 = scoreFromCounts({ c2: 10, c1: 0, c0: 0 }).score;
    const s4 = scoreFromCounts({ c2: 0, c1: 10, c0: 0 }).score;
    const s7 = scoreFromCounts({ c2: 5, c1: 5, c0: 0 }).score;
    expect([s1, s3, s4, s7]).toEqual([1.5, 2.0, 1.0, 1.5]);
    const t = agencyTotal({ 1: s1, 3: s3, 4: s4, 7: s7 });
    expect(t).toEqual({ total: 6.0, known: [1, 3, 4, 7], missing: [2, 5, 6, 8, 9], grade: null });
  });

  it("grades only with all nine, on the plain sum out of 18", () => {
    // 1.5 + 1.8 + 2.0 + 1.0 + 2.0 + 1.5 + 1.5 + 2.0 + 1.2 = 14.5 → Tốt
    const all = { 1: 1.5, 2: 1.8, 3: 2.0, 4: 1.0, 5: 2.0, 6: 1.5, 7: 1.5, 8: 2, 9: 1.2 };
    expect(agencyTotal(all)).toEqual({ total: 14.5, known: [1, 2, 3, 4, 5, 6, 7, 8, 9], missing: [], grade: "good" });
    // One more tenth on indicator 9 and two on 4: 14.8; a further 0.2 on 6: 15.0 → Xuất sắc.
    expect(agencyTotal({ ...all, 4: 1.2, 9: 1.3, 6: 1.7 }).grade).toBe("excellent");
    // A zero is a score, not a missing indicator.
    expect(agencyTotal({ ...all, 8: 0 })).toMatchObject({ total: 12.5, missing: [], grade: "good" });
    expect(agencyTotal({ ...all, 9: null })).toMatchObject({ total: 13.3, missing: [9], grade: null });
  });

  it("bands at 15, 12, 9 and 6", () => {
    expect(gradeFor(18)).toBe("excellent");
    expect(gradeFor(15)).toBe("excellent");
    expect(gradeFor(14.9)).toBe("good");
    expect(gradeFor(12)).toBe("good");
    expect(gradeFor(11.9)).toBe("fair");
    expect(gradeFor(9)).toBe("fair");
    expect(gradeFor(8.9)).toBe("average");
    expect(gradeFor(6)).toBe("average");
    expect(gradeFor(5.9)).toBe("weak");
    expect(gradeFor(0)).toBe("weak");
  });

  it("sums tenths exactly (0.1 + 0.2 is 0.3 here)", () => {
    const t = agencyTotal({ 1: 0.1, 2: 0.2, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 });
    expect(t.total).toBe(0.3);
  });
});

describe("staff-entered scores", () => {
  it("reads 0–2 with one decimal, comma or point, as tenths", () => {
    expect(parseScore("1,5")).toBe(15);
    expect(parseScore("1.5")).toBe(15);
    expect(parseScore("2")).toBe(20);
    expect(parseScore(" 0 ")).toBe(0);
    for (const bad of ["2.1", "2,5", "3", "-1", "1.55", "", "abc", "1e0"]) expect(parseScore(bad), bad).toBeNull();
  });
});
