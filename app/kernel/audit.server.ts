// The audit log of staff actions. Rows are only ever inserted; the database refuses updates and
// deletes (a trigger), so this module has no way to change history either.
import type { Kysely } from "kysely";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../db/types";

/** Who did it: a staff member (a StaffUser fits), or null for an anonymous attempt. */
export interface Actor {
  id: number;
  email: string;
}

/** A staff member acting inside their agency: the entry goes in that agency's log. */
export interface StaffActor extends Actor {
  agencyId: number;
}

export interface AuditEntry {
  /** Whose log the entry is in: the actor's agency, or for a citizen's action (or the portal's
   * own job) the agency of the row acted on. Always named, never left to the column's default
   * (docs/rules/agencies.md). */
  agencyId: number;
  actor: Actor | null;
  action: string;
  entity?: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/** Records one action. Pass the transaction when the action is part of one, so both land or neither. */
/** `client`: where the request came from (the route reads it once with `clientOf`); null for the
 * portal's own jobs. */
export async function recordAudit(
  client: Client | null,
  entry: AuditEntry,
  conn: Kysely<Database> = db(),
): Promise<void> {
  await conn
    .insertInto("audit_log")
    .values({
      agency_id: entry.agencyId,
      // Only the id and email, whatever object was passed in.
      actor_id: entry.actor?.id ?? null,
      actor_email: entry.actor?.email ?? null,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      ip: client?.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export interface AuditFilter {
  /** The reader's agency: the log lists only its entries. */
  agencyId: number;
  actor?: string;
  action?: string;
  entity?: string;
  from?: Date;
  to?: Date;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(filter: AuditFilter) {
  // The actor's name for the sentence ("Nguyễn Văn A đã …"); the email stays for the filter.
  let q = db()
    .selectFrom("audit_log")
    .leftJoin("staff_user", "staff_user.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("staff_user.name as actor_name")
    .where("audit_log.agency_id", "=", filter.agencyId);
  if (filter.actor) q = q.where("actor_email", "ilike", `%${filter.actor.replace(/[%_\\]/g, "\\$&")}%`);
  if (filter.action) q = q.where("action", "like", `${filter.action.replace(/[%_\\]/g, "\\$&")}%`);
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.from) q = q.where("at", ">=", filter.from);
  if (filter.to) q = q.where("at", "<", filter.to);
  const page = Math.max(1, filter.page ?? 1);
  const rows = await q
    .orderBy("audit_log.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, page };
}
