// A throw-away PostgreSQL database for a benchmark: created fresh, migrated, demo-seeded,
// published as the app's database, and dropped at the end.
import crypto from "node:crypto";
import pg from "pg";
import { connect, setDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/index";

export const PG_URL = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";

export async function createBenchDatabase(
  prefix: string,
): Promise<{ handle: DatabaseHandle; url: string; fresh: boolean; drop(): Promise<void> }> {
  // BENCH_DB_URL: reuse a database a run kept (BENCH_KEEP=1), to compare code before and after a
  // change on the same rows without seeding again. It is neither migrated nor dropped here.
  const reuse = process.env.BENCH_DB_URL;
  if (reuse) {
    const handle = await connect({ url: reuse, poolMax: 16 });
    setDatabase(handle);
    return {
      handle,
      url: reuse,
      fresh: false,
      async drop() {
        setDatabase(null);
        await handle.close();
      },
    };
  }
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = await connect({ url, poolMax: 16 });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  setDatabase(handle);
  return {
    handle,
    url,
    fresh: true,
    async drop() {
      setDatabase(null);
      await handle.close();
      if (process.env.BENCH_KEEP) {
        console.log(`kept the database: BENCH_DB_URL=${url}`);
        return;
      }
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export async function timeIt(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; min: number }> {
  await fn(); // warm-up: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), min: times[0] };
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
