// Form B at a fixed arrival rate through the production server (an open loop: each post is sent on
// its schedule whether or not the earlier ones were answered, and its latency counts from that
// schedule, so a stalled server cannot hide its queue), then the highest fixed rate whose p99
// stays under 250 ms, on PostgreSQL and on the embedded database. Prints p50/p90/p99/max, the
// achieved rate, errors and time-outs, /healthz's latency meanwhile, and the CPU split between the
// server, PostgreSQL and this load tool (from /proc). Prints figures; asserts nothing.
// Run: npx tsx test/bench/open-loop.ts
//   BENCH_OPEN_SECONDS   length of the fixed-rate run (default 60)
//   BENCH_OPEN_RATE_PG / BENCH_OPEN_RATE_EMBEDDED   its rate (default 200 and 100 a second)
//   BENCH_SEARCH_SECONDS length of each step of the search (default 15; 0: no search)
//   BENCH_QUICK=1        a short run to iterate with: 10 s fixed, 5 s steps
//   BENCH_ONLY=PostgreSQL|embedded   one database only
//   PGLITE_THREAD=off    the embedded database on the server's event loop, as before issue 18
//                        (default: its own thread; docs/decisions/0009-embedded-worker.md)
import http from "node:http";
import os from "node:os";
import { FORM_B } from "../../app/features/survey/forms";
import { reachablePostgres, startServer, PG_BASE_URL, type RunningServer } from "../support/server";
import { formBPost } from "./posts";
import { BENCH_SECRET, ensureBuild, postgresCpuMs, processCpuMs } from "./support";

const QUICK = process.env.BENCH_QUICK === "1";
const FIXED_S = Number(process.env.BENCH_OPEN_SECONDS ?? (QUICK ? 10 : 60));
const STEP_S = Number(process.env.BENCH_SEARCH_SECONDS ?? (QUICK ? 5 : 15));
const TIMEOUT_MS = 10_000;
const P99_GOAL_MS = 250;

interface Figures {
  rate: number;
  seconds: number;
  sent: number;
  answered: number;
  achieved: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: Record<string, number>;
  timeouts: number;
  health: { n: number; p50: number; p99: number; max: number };
  cpu: { server: number; pg: number; load: number; wallMs: number };
}

const quantile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

/** One request on a keep-alive agent; resolves with the status, or "timeout"/"error: …". */
function send(
  agent: http.Agent,
  url: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { ...headers, "content-length": body.byteLength } : headers,
        agent,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
        res.on("error", (e) => resolve(`error: ${e.message}`));
      },
    );
    req.on("timeout", () => {
      req.destroy();
      resolve("timeout");
    });
    req.on("error", (e) =>
      resolve(e.message === "socket hang up" && req.destroyed ? "timeout" : `error: ${e.message}`),
    );
    req.end(body);
  });
}

/** Posts Form B at `rate` a second for `seconds`, every post its own phone (token, device, address). */
async function openLoop(server: RunningServer, unitId: number, rate: number, seconds: number): Promise<Figures> {
  const url = new URL(server.url);
  // Enough sockets that the client never queues: a post waits only for the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const health: number[] = [];
  const errors: Record<string, number> = {};
  let timeouts = 0;
  let answered = 0;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const inflight: Promise<void>[] = [];
  const cpu0 = { server: processCpuMs(server.proc.pid!), pg: postgresCpuMs(), self: process.cpuUsage() };
  const t0 = performance.now();
  let stop = false;
  // /healthz every 100 ms on its own connection, one at a time: what a load balancer sees.
  const prober = (async () => {
    while (!stop) {
      const s = performance.now();
      await send(healthAgent, url, "GET", "/healthz", {});
      health.push(performance.now() - s);
      const wait = 100 - (performance.now() - s);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  let i = 0;
  while (i < total) {
    const now = performance.now() - t0;
    // Every post whose time has come goes now (a late timer does not thin the schedule); its
    // latency counts from when it was due.
    while (i < total && i * interval <= now) {
      const due = t0 + i * interval;
      const { headers, body } = formBPost(server.url, unitId);
      inflight.push(
        send(agent, url, "POST", `/s/${FORM_B.slug}`, headers, body).then((status) => {
          // A time-out counts in the latencies at the time-out: it must not flatter the percentiles.
          if (status === "timeout") {
            timeouts++;
            latencies.push(TIMEOUT_MS);
          } else if (status === "302") {
            answered++;
            latencies.push(performance.now() - due);
          } else errors[status] = (errors[status] ?? 0) + 1;
        }),
      );
      i++;
    }
    const next = t0 + i * interval - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, next)));
  }
  const sentMs = performance.now() - t0;
  await Promise.all(inflight);
  const wallMs = performance.now() - t0;
  stop = true;
  await prober;
  const self = process.cpuUsage(cpu0.self);
  const cpu = {
    server: processCpuMs(server.proc.pid!) - cpu0.server,
    pg: postgresCpuMs() - cpu0.pg,
    load: (self.user + self.system) / 1000,
    wallMs,
  };
  agent.destroy();
  healthAgent.destroy();
  latencies.sort((a, b) => a - b);
  health.sort((a, b) => a - b);
  return {
    rate,
    seconds,
    sent: total,
    answered,
    // Answers per second over the time the posts took to send; a server that keeps up matches the rate.
    achieved: (answered / Math.max(sentMs, wallMs)) * 1000,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    errors,
    timeouts,
    health: { n: health.length, p50: quantile(health, 0.5), p99: quantile(health, 0.99), max: health.at(-1) ?? NaN },
    cpu,
  };
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const f1 = (n: number) => n.toFixed(1);

function print(kind: string, f: Figures, detail = true) {
  const errs =
    Object.entries(f.errors)
      .map(([k, v]) => `${v}× ${k}`)
      .join(", ") || "none";
  const ok = f.p99 < P99_GOAL_MS && f.timeouts === 0 && !Object.keys(f.errors).length;
  console.log(
    `  ${f.rate}/s for ${f.seconds} s: ${f.answered}/${f.sent} answered, achieved ${f1(f.achieved)}/s; latency p50 ${f0(f.p50)} ms, p90 ${f0(f.p90)} ms, p99 ${f0(f.p99)} ms, max ${f0(f.max)} ms; errors: ${errs}; time-outs: ${f.timeouts}${detail ? "" : ok ? "  → p99 < 250 ms" : "  → over"}`,
  );
  if (!detail) return;
  console.log(
    `  /healthz meanwhile (one at a time, every 100 ms): p50 ${f0(f.health.p50)} ms, p99 ${f0(f.health.p99)} ms, max ${f0(f.health.max)} ms (${f.health.n} probes)`,
  );
  // Per post answered in the run (the CPU spent on posts that timed out is counted too).
  const n = Math.max(1, f.answered);
  const cores = os.availableParallelism();
  const share = (ms: number) => `${((ms / f.cpu.wallMs / cores) * 100).toFixed(0)} %`;
  const embedded = kind === "embedded" ? " (database inside)" : "";
  console.log(
    `  CPU per answered submission: server ${f1(f.cpu.server / n)} ms${embedded}${f.cpu.pg >= 50 ? `, PostgreSQL ${f1(f.cpu.pg / n)} ms` : ""}, load tool ${f1(f.cpu.load / n)} ms; ` +
      `share of the ${cores} cores over the run: server ${share(f.cpu.server)}${f.cpu.pg >= 50 ? `, PostgreSQL ${share(f.cpu.pg)}` : ""}, load tool ${share(f.cpu.load)}, everything else on the machine the rest`,
  );
}

/** Waits (at most 60 s) until /healthz answers within 50 ms twice in a row: the server has
 * worked off what an earlier run left queued. */
async function settle(server: RunningServer) {
  const end = performance.now() + 60_000;
  let quick = 0;
  while (quick < 2 && performance.now() < end) {
    const s = performance.now();
    const ok = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
      (r) => r.ok,
      () => false,
    );
    quick = ok && performance.now() - s < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The highest fixed rate with p99 under the goal: doubles from `start` until a step fails, then
 * halves the gap twice. Each step is a short open-loop run. */
async function search(server: RunningServer, unitId: number, start: number) {
  let good = 0;
  let bad = Infinity;
  let rate = start;
  const steps: Figures[] = [];
  const passes = (f: Figures) => f.p99 < P99_GOAL_MS && f.timeouts === 0 && !Object.keys(f.errors).length;
  for (let k = 0; k < 10; k++) {
    const f = await openLoop(server, unitId, rate, STEP_S);
    steps.push(f);
    print("", f, false);
    if (passes(f)) good = rate;
    else bad = rate;
    if (bad === Infinity) rate = rate * 2;
    else if (bad - good <= Math.max(10, good * 0.1)) break;
    else rate = Math.round((good + bad) / 2);
    // A failed step leaves posts queued in the server: the next starts once they are done.
    await settle(server);
  }
  return { good, bad };
}

async function run(kind: "PostgreSQL" | "embedded") {
  const postgres = kind === "PostgreSQL";
  const rate = Number(
    postgres ? (process.env.BENCH_OPEN_RATE_PG ?? 200) : (process.env.BENCH_OPEN_RATE_EMBEDDED ?? 100),
  );
  const server = await startServer({
    postgres,
    env: {
      SESSION_SECRET: BENCH_SECRET,
      TRUST_PROXY: "1",
      LOG_REQUESTS: "true",
      ...(process.env.PGLITE_THREAD ? { PGLITE_THREAD: process.env.PGLITE_THREAD } : {}),
    },
  });
  try {
    const html = await (await fetch(`${server.url}/s/${FORM_B.slug}`)).text();
    const unitId = Number(html.match(/<option value="(\d+)"/)![1]);
    // A short warm-up (the JIT, the pool's connections) outside the figures.
    await openLoop(server, unitId, 20, 3);
    console.log(
      `\n${kind}${postgres ? "" : ` (PGLITE_THREAD=${process.env.PGLITE_THREAD ?? "on"})`}: Form B at a fixed arrival rate (open loop), time-out ${TIMEOUT_MS / 1000} s; goal p99 under ${postgres ? 100 : 250} ms${postgres ? "" : " and no time-outs"}`,
    );
    const fixed = await openLoop(server, unitId, rate, FIXED_S);
    print(kind, fixed);
    console.log(`  goal: ${fixed.p99 < (postgres ? 100 : 250) && fixed.timeouts === 0 ? "met" : "NOT met"}`);
    if (STEP_S === 0) return;
    console.log(`${kind}: the highest fixed rate with p99 under ${P99_GOAL_MS} ms (steps of ${STEP_S} s)`);
    await settle(server);
    const { good, bad } = await search(server, unitId, postgres ? 100 : 50);
    console.log(`  highest rate held: ${good || "none"}/s${Number.isFinite(bad) ? ` (${bad}/s was over)` : ""}`);
  } finally {
    await server.dispose();
  }
}

ensureBuild();
console.log(
  "Every post is a different phone (its own form token, device cookie and X-Forwarded-For address), as in submissions.ts.",
);
const only = process.env.BENCH_ONLY;
if (only !== "embedded") {
  if (await reachablePostgres()) await run("PostgreSQL");
  else console.log(`\nPostgreSQL: skipped (not reachable at ${PG_BASE_URL})`);
}
if (only !== "PostgreSQL") await run("embedded");
