// Builds the app only when the build is missing, older than its sources or made for the other
// mode; `npm start` and `npm run dev` run this before the server (docs/decisions/0002-start-builds-when-stale.md).
// Plain JavaScript on Node's own modules: a production install (`npm ci --omit=dev`) with a
// shipped build/ runs it without @remix-run/dev or tsx.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What the build reads: the server bundle takes in db/ as well as app/ (migrations, seed, client);
 * the lock file stands for the installed packages. A change to any of them can change the output. */
export const SOURCE_FILES = ["remix.config.js", "package-lock.json", "tsconfig.json"];
export const SOURCE_DIRS = ["app", "db"];

/**
 * Pure: whether the build must be made again, and why (a line for the console).
 * @param {{ mtimeMs: number, mode: string | null } | null} build build/index.js, null when missing
 * @param {{ path: string, mtimeMs: number }[]} sources every source file
 * @param {string} mode the mode the server will run in ("production" or "development")
 * @returns {{ stale: boolean, reason: string }}
 */
export function buildVerdict(build, sources, mode) {
  if (!build) return { stale: true, reason: "no build yet" };
  if (build.mode !== mode)
    return { stale: true, reason: `the build is for ${build.mode ?? "an unknown mode"}, not ${mode}` };
  let newest = null;
  for (const s of sources) if (!newest || s.mtimeMs > newest.mtimeMs) newest = s;
  if (newest && newest.mtimeMs > build.mtimeMs)
    return { stale: true, reason: `${newest.path} changed after the last build` };
  return { stale: false, reason: "the build is up to date" };
}

/** Every source file under root with its modification time (paths relative to root). */
export function sourceTimes(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ path: path.relative(root, p), mtimeMs: fs.statSync(p).mtimeMs });
    }
  };
  for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of SOURCE_FILES) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) out.push({ path: f, mtimeMs: fs.statSync(p).mtimeMs });
  }
  return out;
}

/** The server build's time and mode, or null when it (or the browser assets) is missing. */
export function readBuild(root) {
  const index = path.join(root, "build/index.js");
  if (!fs.existsSync(index) || !fs.existsSync(path.join(root, "public/build"))) return null;
  // Remix's server build exports its mode as `var mode = "production"` (or "development").
  const m = /\bmode = "(\w+)"/.exec(fs.readFileSync(index, "utf8"));
  return { mtimeMs: fs.statSync(index).mtimeMs, mode: m ? m[1] : null };
}

/** The Remix compiler's command line script, or null when @remix-run/dev is not installed. */
export function remixCli(root) {
  try {
    return createRequire(path.join(root, "package.json")).resolve("@remix-run/dev/dist/cli.js");
  } catch {
    return null;
  }
}

/** Checks and, when stale, builds. Returns the exit code: 0 ready, 1 cannot build, else the compiler's. */
export function ensureBuild(root, mode, log = console.log, logError = console.error) {
  const verdict = buildVerdict(readBuild(root), sourceTimes(root), mode);
  if (!verdict.stale) {
    log(`[hai-long] ${verdict.reason}: not building`);
    return 0;
  }
  const cli = remixCli(root);
  if (!cli) {
    logError(
      `[hai-long] cannot start: ${verdict.reason}, and building needs @remix-run/dev, a dev dependency that is not installed.\n` +
        "[hai-long] Run `npm install` (with dev dependencies) and `npm run build`, or ship build/ and public/build/ made by `npm run build`.",
    );
    return 1;
  }
  log(`[hai-long] ${verdict.reason}: building (${mode})`);
  const r = spawnSync(process.execPath, [cli, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: mode },
  });
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  // server.js runs in production unless told otherwise; the build must match the server's mode.
  const mode = process.env.NODE_ENV === "development" ? "development" : "production";
  process.exit(ensureBuild(root, mode));
}
