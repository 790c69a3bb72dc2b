// The portal's background jobs: each runs once when the portal starts (in the background:
// listening does not wait for it) and then on its interval. Timers are unref'd so they never keep
// the process alive; stopping clears them and waits for runs in progress before the database
// closes. A run still going when its next tick comes is not started twice.
import { safeErrorText } from "~/kernel/http/redact";
import { foldPendingRollups } from "~/features/reports/rollup.server";
import { runRetention } from "~/features/privacy/privacy-retention.server";

type Log = (line: string) => void;

interface Job {
  timer: ReturnType<typeof setInterval>;
  running: Promise<void> | null;
}

const jobs = new Map<string, Job>();

function startJob(name: string, everyMs: number, run: () => Promise<string | null>, log: Log) {
  if (jobs.has(name)) return;
  const job: Job = { timer: setInterval(() => tick(), everyMs), running: null };
  const tick = () => {
    if (job.running) return;
    job.running = run()
      .then((line) => {
        if (line) log(`[${name}] ${line}`);
      })
      .catch((e) => console.error(`[${name}] failed: ${safeErrorText(e)}`))
      .finally(() => {
        job.running = null;
      });
  };
  job.timer.unref();
  jobs.set(name, job);
  tick();
}

async function stopJob(name: string) {
  const job = jobs.get(name);
  if (!job) return;
  clearInterval(job.timer);
  jobs.delete(name);
  await job.running;
}

/** Erases expired personal data at start and every 24 hours. */
export function startRetentionSchedule(log: Log = console.log): void {
  startJob(
    "retention",
    24 * 3_600_000,
    async () => {
      const r = await runRetention();
      return r.ran ? `erased ${JSON.stringify(r.counts)}` : "another instance is running it";
    },
    log,
  );
}

export const stopRetentionSchedule = () => stopJob("retention");

/** Adds newly stored responses to the dashboard rollups every 5 seconds, so the queue a dashboard
 * view folds first stays short. Logs nothing: it runs all day. */
export function startRollupSchedule(): void {
  startJob(
    "rollups",
    5_000,
    async () => {
      await foldPendingRollups();
      return null;
    },
    console.log,
  );
}

export const stopRollupSchedule = () => stopJob("rollups");
