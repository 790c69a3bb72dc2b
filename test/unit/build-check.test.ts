// npm start's rule: build when the build is missing, made for the other mode, or older than any
// source. Figures are plain times chosen by hand.
import { buildVerdict } from "~/kernel/start/build-check.js";

const src = (path: string, mtimeMs: number) => ({ path, mtimeMs });

describe("buildVerdict", () => {
  it("builds when there is no build", () => {
    expect(buildVerdict(null, [src("app/root.tsx", 1)], "production")).toEqual({ stale: true, reason: "no build yet" });
  });

  it("skips the build when every source is older than it", () => {
    const v = buildVerdict(
      { mtimeMs: 1000, mode: "production" },
      [src("app/root.tsx", 999), src("package-lock.json", 10)],
      "production",
    );
    expect(v.stale).toBe(false);
  });

  it("skips the build when a source has the build's very time (the build was made from it)", () => {
    expect(buildVerdict({ mtimeMs: 1000, mode: "production" }, [src("app/root.tsx", 1000)], "production").stale).toBe(
      false,
    );
  });

  it("rebuilds when one source is newer, and names it", () => {
    const v = buildVerdict(
      { mtimeMs: 1000, mode: "production" },
      [src("app/root.tsx", 10), src("remix.config.js", 1001), src("app/routes/_index.tsx", 500)],
      "production",
    );
    expect(v).toEqual({ stale: true, reason: "remix.config.js changed after the last build" });
  });

  it("names the newest source when several changed", () => {
    const v = buildVerdict(
      { mtimeMs: 1000, mode: "production" },
      [src("app/a.ts", 1500), src("package-lock.json", 2000), src("app/b.ts", 1200)],
      "production",
    );
    expect(v.reason).toBe("package-lock.json changed after the last build");
  });

  it("rebuilds a fresh development build for a production start, and the other way round", () => {
    expect(buildVerdict({ mtimeMs: 1000, mode: "development" }, [], "production")).toEqual({
      stale: true,
      reason: "the build is for development, not production",
    });
    expect(buildVerdict({ mtimeMs: 1000, mode: "production" }, [], "development").stale).toBe(true);
    expect(buildVerdict({ mtimeMs: 1000, mode: null }, [], "production").reason).toBe(
      "the build is for an unknown mode, not production",
    );
  });
});
