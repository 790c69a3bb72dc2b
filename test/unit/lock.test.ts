import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError, lockPathFor } from "../../db/lock";

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hl-lock-")), "pglite");

describe("data directory lock", () => {
  it("is taken, refused to a live owner, and released", async () => {
    const dir = tmp();
    // Another live process owns it: a child that sleeps.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      fs.writeFileSync(lockPathFor(dir), String(child.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(/already in use by process/);
    } finally {
      child.kill();
      await new Promise((r) => child.once("exit", r));
    }
    // Its owner died: the stale lock is taken over.
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
