// What the benches share: a built app, a throw-away PostgreSQL database, a signed Form B post.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { FORM_B } from "../../app/features/survey/forms";
import { signWith } from "../../app/kernel/sign.server";
import { ROOT } from "../support/server";
import { buildVerdict, readBuild, sourceTimes } from "../../app/kernel/start/build-check.js";

/** The secret the bench gives the server (SESSION_SECRET), so it can sign the same form tokens. */
export const BENCH_SECRET = `bench-${crypto.randomBytes(24).toString("hex")}`;

/** Builds the app when there is no build, when it is older than its sources or made for another
 * mode (the same check as `npm start`), or always with `fresh`. A bench run alone once measured a
 * build left over from before the change it meant to measure: the check was "a build exists". */
export function ensureBuild(fresh = false) {
  if (!fresh && !buildVerdict(readBuild(ROOT), sourceTimes(ROOT), "production").stale) return;
  console.log("building the app (npx remix build) …");
  const r = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("remix build failed");
}

const REQUIRED_B = FORM_B.items.filter((i) => i.required).map((i) => i.code);

/** A Form B token as the page issues it: a new submission id, issued `ageMs` ago. Signing with
 * the server's secret gives exactly what a GET of the page would have put in the hidden field;
 * back-dating it stands for the person's minutes of reading (the form's minimum fill time). */
export function formBToken(sid = crypto.randomUUID(), ageMs = 120_000, secret = BENCH_SECRET) {
  return signWith(secret, "survey-form", { sid, t: Date.now() - ageMs, s: FORM_B.slug });
}

/** The urlencoded body a phone posts: every required question answered "satisfied", a unit, the
 * empty honeypot, the token. */
export function formBBody(unitId: number, token: string) {
  const b = new URLSearchParams();
  b.set("_f", token);
  b.set("unit", String(unitId));
  b.set("procedure", "");
  b.set("website", "");
  for (const code of REQUIRED_B) b.set(`q_${code}`, "4");
  return b.toString();
}

/** A device id of the cookie's shape (22 base64url characters): one per simulated phone. */
export const deviceId = () => crypto.randomBytes(16).toString("base64url");

let ipCounter = 0;
/** A distinct documentation-range address per simulated phone (sent as X-Forwarded-For to a
 * server started with TRUST_PROXY=1, as behind the department's load balancer). */
export function nextAddress() {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

const TICK_MS = 10; // Linux USER_HZ is 100: /proc counts CPU time in 10 ms ticks

/** CPU time (user + system, ms) a process has used so far, read from /proc (Linux only). */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Waits until a process has used no CPU for 200 ms (at most 5 s): autocannon ends a run by
 * closing its connections, and the server still finishes the requests it had read. */
export async function settle(pid: number) {
  const until = Date.now() + 5000;
  let last = processCpuMs(pid);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    const now = processCpuMs(pid);
    if (now === last) return;
    last = now;
  }
}

/** CPU time (ms) used so far by PostgreSQL's processes on this machine. With `database`, only the
 * postmaster, its shared background processes (checkpointer, writers) and the backends and workers
 * serving that database: other sessions on a shared server (other benches, other tests) then do not
 * count, nor can one of their backends ending mid-run make the difference negative. Without it,
 * every PostgreSQL process (the bench then has to be the only client). */
export function postgresCpuMs(database?: string): number {
  let ms = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
      if (database) {
        // A backend's title is "postgres: <cluster>: <user> <database> <client> <state>"; the
        // postmaster's command line is its binary's path; the shared processes are named.
        const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        const ours =
          title.includes(` ${database} `) ||
          !title.startsWith("postgres:") ||
          /: (checkpointer|background writer|walwriter)$/.test(title.trimEnd());
        if (!ours) continue;
      }
      ms += processCpuMs(Number(pid));
    } catch {
      // the process ended while we read
    }
  }
  return ms;
}
