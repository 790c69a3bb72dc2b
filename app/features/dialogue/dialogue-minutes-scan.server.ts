// The signed paper minutes of a held dialogue: one scan per session, kept in the database.
import { sniffFile } from "~/kernel/http/file-type";
import { recordAudit } from "~/kernel/audit.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { db } from "~/kernel/db/db.server";

export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

export type ScanResult =
  | { ok: true }
  | { ok: false; error: "dialogue.errors.scanTooLarge" | "dialogue.errors.scanType" | "dialogue.errors.scanEmpty" };

/** The signed paper minutes: PDF, JPEG or PNG by content (not by name), at most 10 MB. */
export async function uploadScan(c: Ctx, sessionId: number, bytes: Uint8Array, filename: string): Promise<ScanResult> {
  if (bytes.length === 0) return { ok: false, error: "dialogue.errors.scanEmpty" };
  if (bytes.length > SCAN_MAX_BYTES) return { ok: false, error: "dialogue.errors.scanTooLarge" };
  const kind = sniffFile(bytes, filename, ["pdf", "jpg", "png"]);
  if (!kind.ok)
    return { ok: false, error: kind.reason === "empty" ? "dialogue.errors.scanEmpty" : "dialogue.errors.scanType" };
  await db()
    .transaction()
    .execute(async (trx) => {
      const values = {
        scan: Buffer.from(bytes),
        scan_mime: kind.mime,
        scan_filename: `bien-ban-doi-thoai-${sessionId}.${kind.kind}`,
        scan_size: bytes.length,
        scan_uploaded_at: new Date(),
        scan_uploaded_by: c.user.id,
        updated_at: new Date(),
        updated_by: c.user.id,
      };
      await trx
        .insertInto("dialogue_minutes")
        .values({ agency_id: c.user.agencyId, session_id: sessionId, ...values })
        .onConflict((oc) => oc.columns(["agency_id", "session_id"]).doUpdateSet(values))
        .execute();
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.minutes.scan",
          entity: "dialogue_session",
          entityId: sessionId,
          details: { size: bytes.length, kind: kind.kind },
        },
        trx,
      );
    });
  return { ok: true };
}

/** The scan of the agency's session (another agency's session has none, as far as this says). */
export async function getScan(agencyId: number, sessionId: number) {
  const row = await db()
    .selectFrom("dialogue_minutes")
    .select(["scan", "scan_mime", "scan_filename", "scan_size", "scan_uploaded_at"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("scan", "is not", null)
    .executeTakeFirst();
  return row?.scan
    ? {
        bytes: row.scan,
        mime: row.scan_mime!,
        filename: row.scan_filename!,
        size: row.scan_size!,
        uploadedAt: row.scan_uploaded_at!,
      }
    : null;
}

/** About the signed scan, without its bytes. */
export async function scanInfo(agencyId: number, sessionId: number) {
  const row = await db()
    .selectFrom("dialogue_minutes")
    .select(["scan_mime", "scan_size", "scan_uploaded_at"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("scan", "is not", null)
    .executeTakeFirst();
  return row ? { mime: row.scan_mime!, size: row.scan_size!, uploadedAt: row.scan_uploaded_at!.toISOString() } : null;
}
