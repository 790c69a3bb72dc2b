// The database's own limit for a Form B submission: the same transaction the server runs
// (storeResponse()), straight through one pool, as many at once as the server bench's connections.
import { type DatabaseHandle, setDatabase } from "../../db/client";
import { parseAnswers } from "../../app/features/survey/answers";
import { foldPendingRollups } from "../../app/features/reports/rollup.server";
import { FORM_B } from "../../app/features/survey/forms";
import { storeResponse, type StoreResponseInput } from "../../app/features/survey/response.server";
import { getSurveyForm } from "../../app/features/survey/survey.server";
import { countedKeys } from "../../app/kernel/limits/rate-limit.server";
import { LIMITS, rateReason } from "../../app/features/survey/flags";
import { formBBody, nextAddress, postgresCpuMs } from "./support";

export interface StoreFigures {
  rate: number;
  p50: number;
  p99: number;
  n: number;
  errors: number;
  reasons: string;
  /** CPU ms per transaction of this process (the pool, and the embedded database when it is one). */
  driverCpu: number;
  /** CPU ms per transaction of PostgreSQL's processes for this database (0 when embedded). */
  pgCpu: number;
}

/** `seconds` of storeResponse() at `concurrency`, then `seconds` more after a warm-up of
 * `warmupSeconds` whose transactions are not counted. Rows are stored with channel "paper", kept
 * apart from the server run's "web" rows when those are counted. `database`: PostgreSQL's database
 * name, whose processes' CPU is counted (none: embedded). `asServer`: each call also carries what
 * the server's store statement carries for a thanked post (decisions 0013 and 0014): a new phone's
 * device and address counters with their flag reasons, the same two sources, and the check of the
 * survey, version, place and id; without it, the response alone (the issue's first reference). */
export async function storeAlone(
  handle: DatabaseHandle,
  unitId: number,
  o: { seconds: number; warmupSeconds: number; concurrency: number; database?: string; asServer?: boolean },
): Promise<StoreFigures> {
  setDatabase(handle);
  try {
    const survey = (await getSurveyForm(1, FORM_B.slug, "vi"))!;
    const fields = new URLSearchParams(formBBody(unitId, "x"));
    const parsed = parseAnswers(survey.items, (n) => fields.getAll(n));
    if (!parsed.ok) throw new Error("the bench's answers do not parse");
    const base: Omit<StoreResponseInput, "id"> = {
      agencyId: 1,
      surveyId: survey.id,
      versionId: survey.versionId!,
      unitId,
      procedureId: null,
      counter: null,
      channel: "paper",
      lang: "vi",
      startedAt: new Date(Date.now() - 120_000),
      flagReasons: [],
      dossierHash: null,
      enteredBy: null,
      answers: parsed.answers,
      // As the server passes it: the HTTP run's responses froze the version.
      versionFrozen: survey.versionFrozen,
    };
    const fold = () => foldPendingRollups(handle.db);
    const input = o.asServer
      ? (id: string) => asServerInput({ ...base, id }, FORM_B.slug)
      : (id: string) => ({ ...base, id });
    if (o.warmupSeconds > 0) await loop(input, o.warmupSeconds, o.concurrency, fold);
    const pg = () => (o.database ? postgresCpuMs(o.database) : 0);
    const cpu0 = { self: process.cpuUsage(), pg: pg() };
    const r = await loop(input, o.seconds, o.concurrency, fold);
    const self = process.cpuUsage(cpu0.self);
    const pgMs = pg() - cpu0.pg;
    // What the run left queued, folded untimed: the next round's server would otherwise fold it
    // (it folds once when it starts) inside its own timed run.
    await fold();
    const n = Math.max(1, r.latencies.length);
    const latencies = r.latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    return {
      rate: (latencies.length / r.ms) * 1000,
      p50: q(0.5),
      p99: q(0.99),
      n: latencies.length - r.errors,
      errors: r.errors,
      reasons: [...r.reasons].map(([m, k]) => `${k}× ${m}`).join("; "),
      driverCpu: (self.user + self.system) / 1000 / n,
      pgCpu: pgMs / n,
    };
  } finally {
    setDatabase(null);
  }
}

/** storeResponse() from `concurrency` callers for `seconds`. Each stored response queues its id
 * for the dashboard's rollups, and a server folds that queue every 5 s (docs/decisions/0005), a
 * cost its submissions carry in the server run: so does this run, with the same fold on the same
 * interval, one at a time. */
async function loop(
  input: (id: string) => StoreResponseInput,
  seconds: number,
  concurrency: number,
  fold: () => Promise<unknown>,
) {
  const latencies: number[] = [];
  const reasons = new Map<string, number>();
  let errors = 0;
  let folding: Promise<unknown> | null = null;
  const folder = setInterval(() => {
    folding ??= fold().finally(() => (folding = null));
  }, 5000);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          const r = await storeResponse(input(crypto.randomUUID()));
          if (r.status !== "stored") {
            errors++;
            reasons.set(r.status, (reasons.get(r.status) ?? 0) + 1);
          }
        } catch (e) {
          errors++;
          const m = e instanceof Error ? e.message.slice(0, 80) : String(e);
          reasons.set(m, (reasons.get(m) ?? 0) + 1);
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  const ms = performance.now() - t0;
  clearInterval(folder);
  await folding;
  return { latencies, reasons, errors, ms };
}

/** What the server adds to a thanked post's store, for a phone never seen before: its device and
 * address counters (keys hashed as the server hashes them, with a secret of the bench's own), the
 * sources they record, and the check that the survey, version, place and id are as assumed. */
function asServerInput(base: StoreResponseInput, slug: string): StoreResponseInput {
  const now = new Date();
  const counters = countedKeys(
    [
      { kind: "device" as const, key: `survey-device:${crypto.randomUUID()}`, ...LIMITS.device },
      { kind: "address" as const, key: `survey-ip:${nextAddress()}`, ...LIMITS.address },
    ],
    "bench-store-alone",
    now,
  );
  return {
    ...base,
    submittedAt: now,
    counting: counters.map((c) => ({ ...c, reason: rateReason(c.kind) })),
    sources: counters.map((c) => ({ source: c.key, windowStart: c.windowStart })),
    assumed: { slug, at: now },
  };
}
