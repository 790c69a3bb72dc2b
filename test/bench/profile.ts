// Where the server's CPU goes on a submission: starts the production server under `node
// --cpu-prof`, posts Form B at it (as submissions.ts does) for BENCH_SECONDS (default 10), stops it
// and prints the top self-time items of the profile, per function and per package. Prints figures;
// asserts nothing. Run: npx tsx test/bench/profile.ts
// PROFILE_DATABASE_URL names a database to use (kept); otherwise a throw-away one on PostgreSQL
// when reachable, else the embedded database. PROFILE_PATH (default the Form B post) profiles
// another request instead: e.g. PROFILE_PATH=/kiosk.js or /healthz (GET). PROFILE_ROOT runs
// server.js from another built checkout (a before/after pair in one session). An untimed warm-up
// comes first: at least PROFILE_WARMUP seconds (default 3) and until the server has answered
// PROFILE_WARMUP_POSTS requests (default 3000; at most 15 s).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { FORM_B } from "../../app/features/survey/forms";
import { reachablePostgres, startServer } from "../support/server";
import { formBPost, PostSupply, supplyRequest, warmUp } from "./posts";
import { BENCH_SECRET, ensureBuild, processCpuMs } from "./support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** A fixed number of requests instead of BENCH_SECONDS: on a shared machine the same work for
 * both sides of a before/after pair. */
const AMOUNT = process.env.PROFILE_AMOUNT ? Number(process.env.PROFILE_AMOUNT) : undefined;
const TOP = Number(process.env.PROFILE_TOP ?? 30);
const target = process.env.PROFILE_PATH;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per node from the samples and their time deltas (µs), counting only samples taken
 * in [from, to] (µs on the monotonic clock, which V8's profile and process.hrtime share on Linux). */
function selfTimes(p: Profile, from = -Infinity, to = Infinity) {
  const self = new Map<number, number>();
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  return self;
}
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function place(url: string): string {
  if (!url) return "(native)";
  if (url.startsWith("node:")) return url;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

/** Prints the top items; `cpuPerRequest` (/proc) turns each item's share of the sampled busy time
 * into CPU ms per request (the sampled time itself is wall time: on a shared machine it also counts
 * the moments the process waited for a core). */
export function summarise(p: Profile, top: number, cpuPerRequest: number, from?: number, to?: number) {
  const self = selfTimes(p, from, to);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const n of p.nodes) {
    const us = self.get(n.id) ?? 0;
    if (!us) continue;
    const f = n.callFrame;
    const where = place(f.url);
    const key = `${f.functionName || "(anonymous)"}  ${where}${f.url ? `:${f.lineNumber + 1}` : ""}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
  }
  const idle = byFn.get("(idle)  (native)") ?? 0;
  byFn.delete("(idle)  (native)");
  byPlace.set("(native)", (byPlace.get("(native)") ?? 0) - idle);
  const busy = total - idle;
  const line = ([k, us]: [string, number]) =>
    `  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${((us / busy) * cpuPerRequest).toFixed(3).padStart(7)} ms  ${k}`;
  console.log(`profile: ${(busy / 1000).toFixed(0)} ms sampled busy of ${(total / 1000).toFixed(0)} ms`);
  console.log(
    `top ${top} functions by self time (share of the samples; that share of the ${cpuPerRequest.toFixed(2)} ms CPU per request):`,
  );
  for (const e of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(e));
  console.log(`by package / file:`);
  for (const e of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(line(e));
}

async function main() {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-prof-"));
  const databaseUrl = process.env.PROFILE_DATABASE_URL;
  const postgres = !databaseUrl && (await reachablePostgres());
  const server = await startServer({
    postgres,
    databaseUrl,
    env: { SESSION_SECRET: BENCH_SECRET, TRUST_PROXY: "1" },
    root: process.env.PROFILE_ROOT,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  let n = 0;
  let cpu = 0;
  let from = 0;
  let to = 0;
  try {
    const html = await (await fetch(`${server.url}/s/${FORM_B.slug}`)).text();
    const unitId = Number(html.match(/<option value="(\d+)"/)![1]);
    // Every post a different phone (posts.ts); the timed run's are made before it, so the load
    // tool's signing does not take the cores from the server being profiled.
    const supply = new PostSupply(() => formBPost(server.url, unitId, { "accept-encoding": "gzip, deflate, br" }));
    const request = target
      ? { method: "GET", path: target, headers: { "accept-encoding": "gzip, br" } }
      : supplyRequest(supply);
    // Warm-up first (start-up, demo data, the JIT), left out of the profile's window (posts.ts).
    const warm = await warmUp({ url: server.url, pid: server.proc.pid! }, [request], {
      connections: CONNECTIONS,
      minSeconds: Number(process.env.PROFILE_WARMUP ?? 3),
      posts: Number(process.env.PROFILE_WARMUP_POSTS ?? 3000),
      maxSeconds: 15,
      servedBefore: 0,
    });
    // Each connection builds one request more than it sends.
    if (!target) supply.prepare((AMOUNT ?? Math.ceil(warm.lastRate * SECONDS * 2)) + CONNECTIONS);
    const before = processCpuMs(server.proc.pid!);
    from = nowUs();
    const r = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      ...(AMOUNT ? { amount: AMOUNT } : { duration: SECONDS }),
      timeout: 10,
      requests: [request],
    });
    to = nowUs();
    n = r.requests.total;
    cpu = processCpuMs(server.proc.pid!) - before;
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([k, v]) => `${v.count}× ${k}`)
      .join(", ");
    console.log(
      `${target ?? "Form B POST"} on ${databaseUrl ? "the given database" : postgres ? "PostgreSQL" : "embedded"}: ${n} requests (${codes}) in ${((to - from) / 1e6).toFixed(1)} s at ${CONNECTIONS} connections, ${(r.requests.total / r.duration).toFixed(0)}/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; server CPU ${(cpu / Math.max(1, n)).toFixed(2)} ms per request (/proc)`,
    );
  } finally {
    await server.stop();
    await server.dispose();
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile;
  summarise(profile, TOP, cpu / Math.max(1, n), from, to);
  console.log(`(profile kept at ${path.join(dir, file)}; open it in Chrome DevTools for the call tree)`);
}

await main();
