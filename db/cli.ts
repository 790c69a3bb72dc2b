// npm run db:migrate | db:down | db:seed — against DATABASE_URL or the embedded database.
import { parseEnv } from "../app/kernel/env.server";
import { connect } from "./client";
import { migrateDown, migrateToLatest } from "./migrate";
import { seedDemo } from "./seed/index";

const command = process.argv[2];
const env = parseEnv(process.env);
const handle = await connect(env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR });
try {
  if (command === "migrate") {
    const { results } = await migrateToLatest(handle.db);
    console.log(results?.length ? results.map((r) => `up: ${r.migrationName}`).join("\n") : "Already up to date.");
  } else if (command === "down") {
    const { results } = await migrateDown(handle.db);
    console.log(results?.length ? results.map((r) => `down: ${r.migrationName}`).join("\n") : "Nothing to undo.");
  } else if (command === "seed") {
    await migrateToLatest(handle.db);
    console.log((await seedDemo(handle.db)) ? "Demo data written." : "The database already has data; nothing written.");
  } else {
    console.error("Usage: tsx db/cli.ts migrate|down|seed");
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
