// A sent report also freezes its feedback-handling and dialogue figures, so the report and the
// public results page (/ket-qua) print what was sent, not what the registers say today
// (docs/rules/report-periods.md). Null for a period sent before this migration: those pages then
// say the figure was not frozen. Frozen once landed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_snapshot").addColumn("feedback", "jsonb").addColumn("dialogue", "jsonb").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_snapshot").dropColumn("feedback").dropColumn("dialogue").execute();
}
