// Runs in every integration test file: its own database, published as the app's database.
import { afterAll, beforeAll, inject } from "vitest";
import { setDatabase } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "./test-db";

let handle: TestDatabase | undefined;

beforeAll(async () => {
  handle = await createTestDatabase(inject("pgliteTemplate") || undefined, inject("runId"));
  setDatabase(handle);
});

afterAll(async () => {
  setDatabase(null);
  await handle?.dispose();
});
