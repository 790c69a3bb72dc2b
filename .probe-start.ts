import { startServer } from "./test/support/server";
const s = await startServer({ postgres: true, env: { SESSION_SECRET: "x".repeat(40), ...(process.env.PROBE_ENV ? JSON.parse(process.env.PROBE_ENV) : {}) } });
console.log("URL", s.url, s.databaseUrl);
s.proc.stdout!.on("data", (d) => process.stdout.write(d));
s.proc.stderr!.on("data", (d) => process.stdout.write(d));
process.on("SIGTERM", async () => { await s.dispose(); process.exit(0); });
setInterval(() => {}, 1000);
