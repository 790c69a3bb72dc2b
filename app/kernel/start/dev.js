// `npm run dev`: a development build (made now only if stale), then Remix's compiler watching app/
// and the server restarted by Node whenever a new build lands in build/.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild, remixCli } from "./build-check.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const env = { ...process.env, NODE_ENV: "development" };
const code = ensureBuild(root, "development");
if (code !== 0) process.exit(code);

const children = [
  spawn(process.execPath, [remixCli(root), "watch"], { cwd: root, env, stdio: "inherit" }),
  // Node stops the old server (SIGTERM: it finishes requests and closes the database) before it
  // starts the new one, so the embedded database is never opened twice.
  spawn(process.execPath, ["--watch-path=build", "--watch-preserve-output", "server.js"], {
    cwd: root,
    env,
    stdio: "inherit",
  }),
];
let ending = false;
const end = (status) => {
  if (ending) return;
  ending = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(status), 3_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() =>
    process.exit(status),
  );
};
for (const c of children) c.once("exit", (status) => end(status ?? 1));
process.on("SIGINT", () => end(0));
process.on("SIGTERM", () => end(0));
