// The agency tree's pure rules (issue 19): codes, targets, parents, and the reserved codes,
// checked against the route folder itself so a new page cannot be shadowed by an agency's code.
import fs from "node:fs";
import path from "node:path";
import {
  CODE_PATTERN,
  codeProblem,
  parentChoices,
  parentProblem,
  parseTarget,
  RESERVED_CODES,
} from "~/features/agencies/agencies";

const root = path.resolve(import.meta.dirname, "../..");

/** The first URL segment of a Remix flat-route file name ("staff_.login" → "staff",
 * "ket-qua" → "ket-qua"), or null for one that has none of its own (index, splat, layout). */
function firstSegment(name: string): string | null {
  const id = name.replace(/\/route\.(tsx|ts|jsx|js)$/, "").replace(/\.(tsx|ts|jsx|js)$/, "");
  const seg = (id.match(/^(\[[^\]]*\]|[^.])+/)?.[0] ?? "").replace(/_$/, "").replace(/[[\]]/g, "");
  if (!seg || seg.startsWith("_") || seg.startsWith("$") || seg.startsWith("(")) return null;
  return seg;
}

describe("reserved codes", () => {
  const segments = new Set(
    fs
      .readdirSync(path.join(root, "app/routes"))
      .map(firstSegment)
      .filter((s): s is string => s !== null),
  );

  it("finds the portal's own first segments in app/routes (the scan works)", () => {
    for (const s of ["staff", "s", "feedback", "ket-qua", "dialogues", "privacy", "healthz", "lang"])
      expect(segments).toContain(s);
    expect(firstSegment("staff_.login.tsx")).toBe("staff");
    expect(firstSegment("_index.tsx")).toBeNull();
    expect(firstSegment("$.tsx")).toBeNull();
  });

  it("hold every first segment of app/routes and public/ that a code could spell", () => {
    const publicNames = fs.readdirSync(path.join(root, "public"));
    const missing = [...segments, ...publicNames, "build"].filter(
      (s) => CODE_PATTERN.test(s) && !RESERVED_CODES.has(s),
    );
    expect(missing).toEqual([]);
  });

  it("are refused as codes", () => {
    for (const c of ["staff", "ket-qua", "feedback", "build"])
      expect(codeProblem(c)).toBe("agencies.errors.codeReserved");
  });
});

describe("codes", () => {
  it("are slugs of 2 to 40 characters", () => {
    expect(codeProblem("so-y-te")).toBeNull();
    expect(codeProblem("ab")).toBeNull();
    expect(codeProblem("a".repeat(40))).toBeNull();
    expect(codeProblem("ubnd-cai-be-2")).toBeNull();
    expect(codeProblem("")).toBe("agencies.errors.codeRequired");
    expect(codeProblem("a")).toBe("agencies.errors.codeLength");
    expect(codeProblem("a".repeat(41))).toBe("agencies.errors.codeLength");
    for (const c of ["So-y-te", "so--y", "-so", "so-", "sở", "so_y", "so.y", "so y", "%73taff"])
      expect(codeProblem(c), c).toBe("agencies.errors.codeFormat");
  });
});

describe("targets", () => {
  it("are 50 to 100 percent with at most one decimal, a comma or a point", () => {
    const ok = (s: string) => parseTarget(s);
    expect(ok("50")).toEqual({ ok: true, value: 50 });
    expect(ok("100")).toEqual({ ok: true, value: 100 });
    expect(ok(" 92,5 ")).toEqual({ ok: true, value: 92.5 });
    expect(ok("92.5")).toEqual({ ok: true, value: 92.5 });
    expect(ok("100.0")).toEqual({ ok: true, value: 100 });
    for (const s of ["49", "49.9", "100.1", "100.5", "0", "999"])
      expect(ok(s), s).toEqual({ ok: false, error: "agencies.errors.targetRange" });
    for (const s of ["abc", "92.55", "9e1", "-90", "90%", "1,000", ".5", "92."])
      expect(ok(s), s).toEqual({ ok: false, error: "agencies.errors.targetFormat" });
    expect(ok("")).toEqual({ ok: false, error: "agencies.errors.targetRequired" });
  });
});

describe("parents", () => {
  // 2 is the province; 1 and 3 are under it; 4 under 3; 5 under 4.
  const tree = [
    { id: 2, parentId: null },
    { id: 1, parentId: 2 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: 3 },
    { id: 5, parentId: 4 },
  ];

  it("must exist and must not close a loop", () => {
    expect(parentProblem(tree, null, 3)).toBeNull();
    expect(parentProblem(tree, 4, 1)).toBeNull();
    expect(parentProblem(tree, null, 99)).toBe("agencies.errors.parentMissing");
    expect(parentProblem(tree, 3, 3)).toBe("agencies.errors.parentCycle");
    expect(parentProblem(tree, 3, 5)).toBe("agencies.errors.parentCycle");
  });

  it("keep exactly one root: the root takes none, every other agency needs one", () => {
    expect(parentProblem(tree, 2, null)).toBeNull();
    expect(parentProblem(tree, 2, 1)).toBe("agencies.errors.rootHasNoParent");
    expect(parentProblem(tree, null, null)).toBe("agencies.errors.parentRequired");
    expect(parentProblem(tree, 4, null)).toBe("agencies.errors.parentRequired");
  });

  it("offered in the form leave out the agency and everything under it", () => {
    expect(parentChoices(tree, 3).map((a) => a.id)).toEqual([2, 1]);
    expect(parentChoices(tree, null).map((a) => a.id)).toEqual([2, 1, 3, 4, 5]);
  });
});
