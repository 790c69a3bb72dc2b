// Consent records (NĐ 13/2023): one row per purpose a person agreed to, with the version of the
// notice text they saw, and its withdrawal. And fixed-window counters for abuse limits on public
// forms, keyed on hashes (never an IP or a device id in clear). Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("consent_record")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull())
    // What the consent belongs to, e.g. ("dialogue_registration", "42") or ("feedback", "17").
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("notice_version", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("given_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("withdrawn_how", "text")
    .execute();
  await db.schema
    .createIndex("consent_subject_idx")
    .on("consent_record")
    .columns(["subject_kind", "subject_id"])
    .execute();

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_expires_idx").on("rate_limit").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit").execute();
  await db.schema.dropTable("consent_record").execute();
}
