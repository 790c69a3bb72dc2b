import { sql } from "kysely";
import { currentDatabase } from "~/kernel/db/db.server";

export async function checkDatabase(timeoutMs: number): Promise<boolean> {
  const handle = currentDatabase();
  if (!handle) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    });
    await Promise.race([sql`select 1`.execute(handle.db), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
