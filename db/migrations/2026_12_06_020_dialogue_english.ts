// A dialogue's topics and invited groups in English too (the title and description already have
// one), so the English pages do not show Vietnamese lists. Null: the English page falls back to
// the Vietnamese text, marked lang="vi".
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("dialogue_session")
    .addColumn("topics_en", "jsonb")
    .addColumn("invited_groups_en", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("dialogue_session").dropColumn("topics_en").dropColumn("invited_groups_en").execute();
}
