// The retention job (docs/rules/personal-data.md): personal data whose purpose ended longer ago than
// privacy.retention_months is erased or anonymised (app/features/privacy/privacy-erase.server.ts), and
// decided privacy requests are deleted after the same period. The anonymous figures stay: the
// feedback register rows, registration rows with their kind and check-in, questions (masked),
// survey responses (anonymous from the start: they carry no identity to erase).
// Several instances may run it at once: the transaction takes a PostgreSQL advisory lock and an
// instance that does not get it does nothing this time.
import { sql, type Kysely } from "kysely";
import { FEEDBACK_ENDED_STATUSES, retentionCutoff, type RetentionKind } from "~/features/privacy/privacy-retention";
import { recordAudit, type Actor } from "~/kernel/audit.server";
import { getSettings } from "~/features/admin/settings.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../../db/types";
import { eraseInTransaction } from "./privacy-erase.server";

/** Any fixed number, the same in every instance: "the retention job" for pg_try_advisory_xact_lock. */
export const RETENTION_LOCK_KEY = 880_027_1127;

export interface ExpiredItem {
  kind: RetentionKind;
  id: number;
  /** Whose row it is: the run's audit entry goes in that agency's log. */
  agencyId: number;
  /** The case's code: enough for an admin to recognise it, no personal data. */
  code: string;
  endedAt: Date;
}

/** What the job would erase at `now`: registrations of dialogues that ended before the cutoff,
 * contact data of feedback whose handling ended before it (the last event of a published,
 * refused, transferred or closed case), decided requests decided before it. Already-erased
 * subjects are left out. `agencyId`: one agency's (an admin's page); every agency's when absent
 * (the schedule). */
export async function listExpired(
  conn: Kysely<Database>,
  now: Date,
  months: number,
  agencyId?: number,
): Promise<ExpiredItem[]> {
  const cutoff = retentionCutoff(now, months);
  const notErased = (kind: string, idCol: string) =>
    sql<boolean>`not exists (select 1 from privacy_erasure pe where pe.subject_kind = ${kind} and pe.subject_id = ${sql.ref(idCol)})`;
  const regs = await conn
    .selectFrom("dialogue_registration as r")
    .innerJoin("dialogue_session as s", "s.id", "r.session_id")
    .select(["r.id", "r.agency_id", "r.code", "s.ends_at as ended"])
    .where("s.ends_at", "<", cutoff)
    .where(notErased("dialogue_registration", "r.id"))
    .$if(agencyId !== undefined, (q) => q.where("r.agency_id", "=", agencyId!))
    .orderBy("r.id")
    .execute();
  const endedAt = sql<Date>`coalesce((select max(e.at) from feedback_event e where e.feedback_id = f.id), f.handled_at, f.received_at)`;
  const feedback = await conn
    .selectFrom("feedback as f")
    .select(["f.id", "f.agency_id", "f.code", endedAt.as("ended")])
    .where("f.status", "in", [...FEEDBACK_ENDED_STATUSES])
    .where(sql<boolean>`${endedAt} < ${cutoff}`)
    .where(notErased("feedback", "f.id"))
    .$if(agencyId !== undefined, (q) => q.where("f.agency_id", "=", agencyId!))
    .orderBy("f.id")
    .execute();
  const requests = await conn
    .selectFrom("privacy_request")
    .select(["id", "agency_id", "subject_code as code", "decided_at as ended"])
    .where("status", "!=", "open")
    .where("decided_at", "<", cutoff)
    .$if(agencyId !== undefined, (q) => q.where("agency_id", "=", agencyId!))
    .orderBy("id")
    .execute();
  const item = (kind: RetentionKind) => (r: { id: number; agency_id: number; code: string; ended: Date | null }) => ({
    kind,
    id: r.id,
    agencyId: r.agency_id,
    code: r.code,
    endedAt: new Date(r.ended!),
  });
  return [
    ...regs.map(item("dialogue_registration")),
    ...feedback.map(item("feedback_contact")),
    ...requests.map(item("privacy_request")),
  ];
}

export type RetentionCounts = Record<RetentionKind, number>;

export function countByKind(items: ExpiredItem[]): RetentionCounts {
  const counts: RetentionCounts = { dialogue_registration: 0, feedback_contact: 0, privacy_request: 0 };
  for (const i of items) counts[i.kind]++;
  return counts;
}

export interface RetentionPreview {
  cutoff: Date;
  months: number;
  items: ExpiredItem[];
  counts: RetentionCounts;
}

/** The dry run: what would go now, touching nothing. */
export async function previewRetention(now = new Date(), agencyId = DEFAULT_AGENCY_ID): Promise<RetentionPreview> {
  const months = (await getSettings(agencyId))["privacy.retention_months"];
  const items = await listExpired(db(), now, months, agencyId);
  return { cutoff: retentionCutoff(now, months), months, items, counts: countByKind(items) };
}

export type RetentionRun = { ran: false } | { ran: true; counts: RetentionCounts };

/** Erases what has expired at `now`. `by` is the admin who pressed "run now" (null: the
 * schedule). Returns ran: false when another instance holds the lock. */
export async function runRetention(
  opts: { now?: Date; by?: { actor: Actor; client: Client }; agencyId?: number } = {},
): Promise<RetentionRun> {
  const now = opts.now ?? new Date();
  // Read before the transaction: on the embedded database a second connection would wait forever.
  // Each agency keeps personal data for its own period (its setting); the schedule runs them all.
  const agencyIds =
    opts.agencyId !== undefined
      ? [opts.agencyId]
      : (await db().selectFrom("agency").select("id").orderBy("id").execute()).map((a) => a.id);
  const monthsOf = new Map<number, number>();
  for (const id of agencyIds) monthsOf.set(id, (await getSettings(id))["privacy.retention_months"]);
  const months = opts.agencyId !== undefined ? monthsOf.get(opts.agencyId)! : Object.fromEntries(monthsOf);
  return db()
    .transaction()
    .execute(async (trx): Promise<RetentionRun> => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}::bigint) as locked`.execute(trx);
      if (!rows[0]?.locked) return { ran: false };
      const items: ExpiredItem[] = [];
      for (const [id, m] of monthsOf) items.push(...(await listExpired(trx, now, m, id)));
      for (const i of items) {
        if (i.kind === "dialogue_registration")
          await eraseInTransaction(trx, { kind: "dialogue_registration", id: i.id }, "retention", null, now);
        else if (i.kind === "feedback_contact")
          await eraseInTransaction(trx, { kind: "feedback", id: i.id }, "retention", null, now);
      }
      const requestIds = items.filter((i) => i.kind === "privacy_request").map((i) => i.id);
      if (requestIds.length) await trx.deleteFrom("privacy_request").where("id", "in", requestIds).execute();
      const counts = countByKind(items);
      // Each agency's log gets its own run with its own counts (docs/rules/agencies.md): an
      // admin's run names that agency; the schedule's names every agency it erased something of,
      // or, when it erased nothing, the default agency's (the installation's job ran, all zeros).
      const touched = [...new Set(items.map((i) => i.agencyId))].sort((a, b) => a - b);
      const agencies = opts.agencyId !== undefined ? [opts.agencyId] : touched.length ? touched : [DEFAULT_AGENCY_ID];
      for (const agencyId of agencies)
        await recordAudit(
          opts.by?.client ?? null,
          {
            agencyId,
            actor: opts.by?.actor ?? null,
            action: "privacy.retention.run",
            entity: "privacy_retention",
            // Each agency's own retention months only: another agency's setting is not its business.
            details: {
              counts: countByKind(items.filter((i) => i.agencyId === agencyId)),
              months: monthsOf.get(agencyId) ?? months,
            },
          },
          trx,
        );
      return { ran: true, counts };
    });
}
