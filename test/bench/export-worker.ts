// Runs one export in its own process so its peak memory can be read cleanly.
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
const devNull = new Writable({
  write(chunk, _enc, cb) {
    bytes += chunk.length;
    cb();
  },
});
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
await handle.close();
