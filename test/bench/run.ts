// `npm run bench`: every bench under test/bench/, each in its own process (one's database, server
// and memory do not disturb the next), one after another. A bench file that does not exist (yet)
// is skipped. Each prints its figures; nothing here asserts a figure. BENCH_QUICK=1 shortens the
// open-loop bench (10 s fixed run, 5 s search steps) to iterate with.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./support";

const HERE = import.meta.dirname;
const BENCHES = [
  ["Form B submissions against the database's own limit", "submissions.ts"],
  ["Form B at a fixed arrival rate (open loop)", "open-loop.ts"],
  ["Dashboard and export", "dashboard.ts"],
  ["The province at scale: league table and one agency's dashboard", "province.ts"],
  ["Bytes of every public page", "page-bytes.ts"],
  ["Dialogue sign-up race", "dialogue-race.ts"],
  ["Feedback intake", "feedback-intake.ts"],
] as const;

ensureBuild(true);
const failed: string[] = [];
for (const [title, file] of BENCHES) {
  const full = path.join(HERE, file);
  if (!fs.existsSync(full)) {
    console.log(`\n== ${title} (test/bench/${file}): not present, skipped`);
    continue;
  }
  console.log(`\n== ${title} (test/bench/${file})`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", full], { stdio: "inherit", env: process.env });
  console.log(
    `== ${file}: ${r.status === 0 ? "done" : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (r.status !== 0) failed.push(file);
}
if (failed.length) {
  console.error(`\nbenches that failed: ${failed.join(", ")}`);
  process.exit(1);
}
