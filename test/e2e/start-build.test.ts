// `npm start` on a copy of the repository: a fresh build is not made again and the server runs
// from production dependencies alone; a newer source triggers a real build, or, without
// @remix-run/dev installed, a clear refusal. Needs the build `npm run test:e2e` makes first.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../support/server";

const COPIED = [
  "app",
  "db",
  "public",
  "build",
  "remix.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "server.js",
];
let dir = "";
const at = (p: string) => path.join(dir, p);
const mtime = (p: string) => fs.statSync(at(p)).mtimeMs;

function check() {
  const r = spawnSync(process.execPath, ["app/kernel/start/build-check.js"], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Every file under a folder set to one time. */
function setTimes(p: string, t: Date) {
  const s = fs.statSync(p);
  if (s.isDirectory()) for (const e of fs.readdirSync(p)) setTimes(path.join(p, e), t);
  else fs.utimesSync(p, t, t);
}

/** node_modules holding only the packages package-lock.json marks as production ones
 * (hard links to the repository's copies: same disk, no bytes copied). */
function productionModules() {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; optional?: boolean }>;
  };
  const names: string[] = [];
  for (const [key, p] of Object.entries(lock.packages)) {
    if (!key.startsWith("node_modules/") || key.slice(13).includes("node_modules/") || p.dev) continue;
    const name = key.slice(13);
    if (!fs.existsSync(path.join(ROOT, "node_modules", name))) continue; // an optional one for another platform
    fs.mkdirSync(path.dirname(at(`node_modules/${name}`)), { recursive: true });
    spawnSync("cp", ["-al", path.join(ROOT, "node_modules", name), at(`node_modules/${name}`)]);
    names.push(name);
  }
  return names;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("run `npx remix build` first");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-start-"));
  for (const f of COPIED) fs.cpSync(path.join(ROOT, f), at(f), { recursive: true });
  // As after a build: every source an hour old, the build made just now.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const f of ["app", "db", "remix.config.js", "tsconfig.json", "package-lock.json"]) setTimes(at(f), hourAgo);
  fs.utimesSync(at("build/index.js"), new Date(), new Date());
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it("a fresh build is not made again, and the server runs without any dev dependency", async () => {
  const names = productionModules();
  expect(names).toContain("express");
  for (const dev of ["@remix-run/dev", "tsx", "vitest", "esbuild"]) expect(names).not.toContain(dev);

  const before = mtime("build/index.js");
  const r = check();
  expect(r.out).toContain("the build is up to date: not building");
  expect(r.code, r.out).toBe(0);
  expect(mtime("build/index.js")).toBe(before);

  const logs: string[] = [];
  const proc = spawn(process.execPath, ["server.js"], {
    cwd: dir,
    // No demo data: seeding proves nothing here and takes minutes on a busy machine.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: "0",
      PGLITE_DIR: at(".data/pglite"),
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      PUBLIC_URL: "http://localhost",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stderr.on("data", (d: Buffer) => logs.push(d.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      proc.stdout.on("data", (d: Buffer) => {
        logs.push(d.toString());
        const m = /listening on http:\/\/localhost:(\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      proc.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${logs.join("")}`)));
    });
    const res = await fetch(`http://localhost:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Hài Lòng");
  } finally {
    proc.kill("SIGTERM");
    if (proc.exitCode === null) await new Promise((r) => proc.once("exit", r));
  }
}, 480_000);

it("a newer source without @remix-run/dev installed: a clear refusal, non-zero, the old build left alone", () => {
  const soon = new Date(mtime("build/index.js") + 5_000);
  fs.utimesSync(at("app/root.tsx"), soon, soon);
  const before = mtime("build/index.js");
  const r = check();
  expect(r.code).toBe(1);
  expect(r.out).toContain("app/root.tsx changed after the last build");
  expect(r.out).toContain("building needs @remix-run/dev, a dev dependency that is not installed");
  expect(mtime("build/index.js")).toBe(before);
});

it("a newer source with dev dependencies installed: builds, and the next start does not", () => {
  fs.rmSync(at("node_modules"), { recursive: true, force: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), at("node_modules"));
  const soon = new Date(mtime("build/index.js") + 5_000);
  fs.utimesSync(at("app/root.tsx"), soon, soon);
  const before = mtime("build/index.js");

  const r = check();
  expect(r.out).toContain("app/root.tsx changed after the last build: building (production)");
  expect(r.code, r.out).toBe(0);
  expect(mtime("build/index.js")).toBeGreaterThan(before);

  const again = check();
  expect(again.out).toContain("not building");
  expect(again.code).toBe(0);
}, 480_000);
