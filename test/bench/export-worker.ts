// Runs one export in its own process so its peak memory can be read cleanly.
import crypto from "node:crypto";
import fs from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TFunction } from "i18next";
import { connect, setDatabase } from "../../db/client";
import { exportResponses } from "../../app/features/reports/export.server";
import { csvSink, xlsxSink } from "../../app/kernel/files/export-stream.server";

const [url, surveyId, from, to, format] = process.argv.slice(2);
const handle = await connect({ url, poolMax: 2 });
setDatabase(handle);
let bytes = 0;
// BENCH_HASH=1: the SHA-256 of the CSV (or of the XLSX's bytes), to compare two builds' files.
const hash = process.env.BENCH_HASH ? crypto.createHash("sha256") : null;
// BENCH_FILE=path: the file itself, to compare two builds' XLSX sheets (the ZIP carries a time).
const file = process.env.BENCH_FILE ? fs.createWriteStream(process.env.BENCH_FILE) : null;
const devNull = new Writable({
  write(chunk: Buffer, _enc, cb) {
    bytes += chunk.length;
    hash?.update(chunk);
    if (file) file.write(chunk, cb);
    else cb();
  },
  final(cb) {
    if (file) file.end(cb);
    else cb();
  },
});
// BENCH_MEM=1: where the memory is (sampled every 20 ms), and the process's own before the export.
const memory = process.env.BENCH_MEM ? sampleMemory() : null;
const out = new PassThrough();
const done = pipeline(out, devNull);
const t = performance.now();
const rows = await exportResponses(
  { surveyId: Number(surveyId), from, to, includeFlagged: true },
  // Column names do not change the cost: the keys stand in for a translator.
  ((k: string) => k) as unknown as TFunction,
  format === "xlsx" ? xlsxSink(out) : csvSink(out),
);
await done;
const secs = (performance.now() - t) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `${format.padEnd(4)} ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(0)} MB in ${secs.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB`,
);
if (hash) console.log(`  sha256 ${hash.digest("hex")}`);
if (memory) console.log(memory());
await handle.close();

function sampleMemory(): () => string {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const start = process.memoryUsage();
  const peak = { ...start };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak) as (keyof NodeJS.MemoryUsage)[]) peak[k] = Math.max(peak[k], m[k]);
  }, 20);
  timer.unref();
  return () => {
    clearInterval(timer);
    const keys = ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"] as const;
    return `  memory at start ${keys.map((k) => `${k} ${mb(start[k])}`).join(", ")}\n  sampled peaks   ${keys.map((k) => `${k} ${mb(peak[k])}`).join(", ")}`;
  };
}
