// Starts the real production server (node server.js on the built app) for end-to-end tests,
// on a free port, with its own embedded data directory or its own PostgreSQL database.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PG_BASE_URL = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";

export interface RunningServer {
  url: string;
  port: number;
  proc: ChildProcess;
  logs: string[];
  dataDir?: string;
  databaseUrl?: string;
  /** SIGTERM, resolves with the exit code and how long the exit took. */
  stop(): Promise<{ code: number | null; ms: number }>;
  /** Stops if running and removes its data. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  postgres?: boolean;
  /** Reuse a data directory (embedded) or database URL (PostgreSQL) from an earlier server. */
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Options for node itself before server.js (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Another checkout's directory to run server.js from (a bench comparing builds). */
  root?: string;
}

export async function reachablePostgres(url = PG_BASE_URL): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function createPgDatabase(): Promise<string> {
  const name = `e2e_${crypto.randomBytes(5).toString("hex")}`;
  const c = new pg.Client({ connectionString: PG_BASE_URL });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(PG_BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropPgDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const c = new pg.Client({ connectionString: PG_BASE_URL });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}

/** A port free at this moment (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Spawns server.js and resolves once it listens, or rejects with its output if it exits first.
 * Production requires PUBLIC_URL: unless the caller gives one (or `PUBLIC_URL: ""` to leave it
 * out), the server gets a free port and http://localhost:<port> as its public address. */
export async function spawnServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
  root = ROOT,
): Promise<{ proc: ChildProcess; port: number; logs: string[] }> {
  const logs: string[] = [];
  const addressing: Record<string, string> = {};
  if (env.PUBLIC_URL === undefined) {
    const port = env.PORT ?? String(await freePort());
    addressing.PORT = port;
    addressing.PUBLIC_URL = /^\d+$/.test(port) ? `http://localhost:${port}` : "http://localhost";
  }
  const proc = spawn(process.execPath, [...nodeArgs, "server.js"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "0", ...addressing, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      const text = d.toString();
      logs.push(text);
      const m = text.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) resolve({ proc, port: Number(m[1]), logs });
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
    proc.once("exit", (code) =>
      reject(Object.assign(new Error(`server exited with ${code}:\n${logs.join("")}`), { code, logs })),
    );
  });
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env: Record<string, string> = { ...opts.env };
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  if (opts.postgres || opts.databaseUrl) {
    databaseUrl = opts.databaseUrl ?? (await createPgDatabase());
    env.DATABASE_URL = databaseUrl;
  } else {
    dataDir = opts.dataDir ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hl-e2e-")), "pglite");
    env.PGLITE_DIR = dataDir;
  }
  const { proc, port, logs } = await spawnServer(env, opts.nodeArgs, opts.root);
  const exited: Promise<number | null> = new Promise((r) => proc.once("exit", (code) => r(code)));
  const server: RunningServer = {
    url: `http://localhost:${port}`,
    port,
    proc,
    logs,
    dataDir,
    databaseUrl,
    async stop() {
      const t = Date.now();
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      const code = await exited;
      return { code, ms: Date.now() - t };
    },
    async dispose() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGTERM");
        await exited;
      }
      if (dataDir && !opts.dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
      if (databaseUrl && !opts.databaseUrl) await dropPgDatabase(databaseUrl);
    },
  };
  return server;
}
