import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    globals: true,
    pool: "forks",
    maxWorkers: 2,
    reporters: process.env.CI ? ["default"] : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          // Unit tests are pure (no database, no mocks, no environment changes): one process per
          // worker loads the shared modules once instead of once per file, which took the unit
          // project from about 23 s to 9 s of CPU (issue 17). A unit test that mocks a module or
          // changes process state belongs in its own project or under test/integration.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/setup-db.ts"],
          // Generous: the demo seed and 200-way concurrency tests are slow on a busy 2-core box.
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          testTimeout: 150_000,
          hookTimeout: 180_000,
          // Each file starts its own server (and browser); two at a time keep both cores busy.
          fileParallelism: true,
        },
      },
    ],
  },
});
