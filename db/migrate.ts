import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations/index";

function migrator(db: Kysely<any>, schema?: string) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely finds its bookkeeping table by name in any schema unless told which one; test
    // schemas on one server would otherwise see each other's.
    migrationTableSchema: schema,
  });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const why = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${why}`);
  }
  return result;
}

export async function migrateToLatest(db: Kysely<any>, schema?: string) {
  return check(await migrator(db, schema).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>, schema?: string) {
  return check(await migrator(db, schema).migrateDown());
}

/** Migrates up or down to the named migration (upgrade tests start from an older schema). */
export async function migrateTo(db: Kysely<any>, name: string, schema?: string) {
  return check(await migrator(db, schema).migrateTo(name));
}
