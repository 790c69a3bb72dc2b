// The lint step fails on a layering violation: the repository's ESLint config, rooted at a small
// planted tree (test/fixtures/layering), must report each planted break and nothing on the clean
// files. Independent of where the real files live, so it holds before and after the scripted move.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { buildConfig } from "../../.eslint.config.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/layering");
let errors: Map<string, string[]>;

beforeAll(async () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: buildConfig(root) });
  const results = await eslint.lintFiles(["app/**/*.{ts,tsx}"]);
  errors = new Map(
    results.map((r) => [
      path.relative(root, r.filePath),
      r.messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.ruleId ?? m.message}`),
    ]),
  );
}, 60_000);

const rulesIn = (file: string) => (errors.get(file) ?? ["(not linted)"]).map((e) => e.replace(/^\d+:/, ""));

describe("layering lint", () => {
  it("lints every planted file", () => {
    expect([...errors.keys()].sort()).toEqual([
      "app/features/survey/answers.server.ts",
      "app/features/survey/components/summary.tsx",
      "app/features/survey/rules.ts",
      "app/features/survey/sql.ts",
      "app/features/survey/submit.server.ts",
      "app/features/survey/uses-route.ts",
      "app/kernel/audit.server.ts",
      "app/kernel/http/client.server.ts",
      "app/routes/home.ts",
    ]);
  });

  it("reports the kernel importing a feature", () => {
    expect(errors.get("app/kernel/audit.server.ts")).toEqual(["2:import-x/no-restricted-paths"]);
  });

  it("reports a feature importing a route", () => {
    expect(errors.get("app/features/survey/uses-route.ts")).toEqual(["2:import-x/no-restricted-paths"]);
  });

  it("reports Request, FormData and URL parameters in a feature service, each one", () => {
    expect(errors.get("app/features/survey/submit.server.ts")).toEqual([
      "2:no-restricted-syntax",
      "2:no-restricted-syntax",
      "6:no-restricted-syntax",
      "10:no-restricted-syntax",
    ]);
  });

  it("reports client code importing a .server module's value", () => {
    expect(errors.get("app/features/survey/components/summary.tsx")).toEqual(["2:layering/no-server-in-client"]);
  });

  it("reports SQL built outside a .server file", () => {
    expect(rulesIn("app/features/survey/sql.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
  });

  it("reports nothing on clean files: type-only imports, a route and an HTTP adapter reading the Request", () => {
    for (const file of [
      "app/features/survey/answers.server.ts",
      "app/features/survey/rules.ts",
      "app/kernel/http/client.server.ts",
      "app/routes/home.ts",
    ]) {
      expect({ file, errors: errors.get(file) }).toEqual({ file, errors: [] });
    }
  });
});
