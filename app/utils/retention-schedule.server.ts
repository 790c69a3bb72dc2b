// Runs the retention job once when the portal starts (in the background: listening does not
// wait for it) and then every 24 hours. The timer is unref'd so it never keeps the process
// alive; stopRetentionSchedule() clears it and waits for a run in progress before the database
// closes.
import { safeErrorText } from "~/lib/redact";
import { runRetention } from "~/models/privacy-retention.server";

const DAY = 24 * 3_600_000;
let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<void> | null = null;

function tick(log: (line: string) => void) {
  if (running) return;
  running = runRetention()
    .then((r) => log(r.ran ? `[retention] erased ${JSON.stringify(r.counts)}` : "[retention] another instance is running it"))
    .catch((e) => console.error(`[retention] failed: ${safeErrorText(e)}`))
    .finally(() => {
      running = null;
    });
}

export function startRetentionSchedule(log: (line: string) => void = console.log): void {
  if (timer) return;
  tick(log);
  timer = setInterval(() => tick(log), DAY);
  timer.unref();
}

export async function stopRetentionSchedule(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await running;
}
