// Secrets for signing cookies and links. SESSION_SECRET (comma-separated, first signs, all
// verify) when the operator set it; otherwise one generated on first start and kept in the
// database, so every instance on the same database uses the same one.
import crypto from "node:crypto";
import { db } from "~/kernel/db/db.server";
import { env } from "./env.server";

let cached: { key: unknown; secrets: string[] } | null = null;

export async function getSecrets(): Promise<string[]> {
  const fromEnv = env().SESSION_SECRET;
  if (fromEnv)
    return fromEnv
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const database = db();
  if (cached && cached.key === database) return cached.secrets;
  await database
    .insertInto("app_secret")
    .values({ name: "signing", value: crypto.randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await database
    .selectFrom("app_secret")
    .select("value")
    .where("name", "=", "signing")
    .executeTakeFirstOrThrow();
  cached = { key: database, secrets: [row.value] };
  return cached.secrets;
}
