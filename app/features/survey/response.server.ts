// Storing a survey response: one transaction, idempotent on the submission id the form carried.
//
// storeResponse() is the only way a response is written (public form, kiosk, paper entry). It
// opens ONE transaction and calls insertResponseInTrx(); anything that must change together with
// a new response belongs inside that transaction, after the insert — the queue entry that feeds
// the dashboard rollups does.
import { sql, type Kysely } from "kysely";
import type { AnswerValue, FormItem } from "~/features/survey/items";
import { offersFeedback } from "~/features/survey/feedback";
import { recordAudit, type AuditEntry } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import { countHits, type CountedKey } from "~/kernel/limits/rate-limit.server";
import type { Channel } from "../../../db/tables/survey";
import type { Database } from "../../../db/types";
import { itemsOfVersion } from "./survey.server";

type Trx = Kysely<Database>;

export interface StoreResponseInput {
  /** The submission id from the form: a uuid made when the form was issued. */
  id: string;
  /** The survey's agency, written on every row explicitly (docs/rules/agencies.md). */
  agencyId: number;
  surveyId: number;
  versionId: number;
  unitId: number;
  procedureId: number | null;
  counter: string | null;
  channel: Channel;
  lang: "vi" | "en";
  startedAt: Date | null;
  /** Defaults to now; paper entry gives the date written on the form. */
  submittedAt?: Date;
  flagReasons: string[];
  /** Keyed hash of the dossier code (Form A), never the code itself. */
  dossierHash: string | null;
  enteredBy: number | null;
  answers: AnswerValue[];
  /** The caller read the version as frozen, together with the items the answers refer to: they
   * cannot have changed since, so there is nothing to lock or check (the public form's case). */
  versionFrozen?: boolean;
  /** The rate-limit sources (keyed hashes) that counted this submission, each with its window:
   * recorded so that a source going over its limit later in the window flags this response too
   * (docs/rules/flags.md). */
  sources?: { source: string; windowStart: Date }[];
  /** Counters to count this submission against, in the same statement as the store (the public
   * form's device, link and address limits: docs/decisions/0013-count-and-store-in-one-statement.md).
   * Each counter over its limit with this hit adds its `reason` to `flagReasons`. The hits are
   * counted whether or not the response is new (a resend counts, as any post does). */
  counting?: (CountedKey & { reason: string })[];
  /** Count and store only if, at `at`, the survey with this slug is open with this version as its
   * current one, the unit and procedure may be answered about, and no response has this id yet:
   * what a submission judged against a remembered look-up assumed
   * (docs/decisions/0014-judge-on-the-last-look-up.md). Otherwise nothing is written ("changed"). */
  assumed?: { slug: string; at: Date };
}

/** Each counter's count with this hit, by key (empty when nothing was counted). */
export type Counts = Map<string, number>;

export type StoreResult =
  | { status: "stored"; id: string; counts: Counts }
  /** The same submission id came again (double tap, back and resubmit, retry): nothing written. */
  | { status: "replayed"; id: string; counts: Counts }
  /** Another response already evaluated this dossier (Form A): nothing written. */
  | { status: "duplicate_dossier"; counts: Counts }
  /** The version's items changed under an open form (staff edited a version without responses). */
  | { status: "stale_form" }
  /** Not what `assumed` said: nothing counted or written. */
  | { status: "changed" };

/** Writes the response atomically. `audit` is recorded in the same transaction (paper entry). */
export async function storeResponse(
  input: StoreResponseInput,
  audit?: { client: Client; entry: Omit<AuditEntry, "entityId"> },
): Promise<StoreResult> {
  // Most submissions answer a frozen version: then the response, its answers and its queue entry
  // go in one statement, atomic on its own — one round trip instead of six with BEGIN … COMMIT.
  if (input.versionFrozen && !audit) return insertResponseRows(db(), input);
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await insertResponseInTrx(trx, input);
      if (result.status === "stored") {
        if (audit) await recordAudit(audit.client, { ...audit.entry, entityId: result.id }, trx);
      }
      return result;
    });
}

/** The insert itself. Use only `trx` in here: on the embedded database a stray db() call would
 * wait forever for the one connection this transaction holds. */
export async function insertResponseInTrx(trx: Trx, input: StoreResponseInput): Promise<StoreResult> {
  // Marking the version frozen first takes its row lock, so a staff edit of the items (which
  // locks the same row) either finishes before this response or is refused after it.
  await trx
    .updateTable("survey_version")
    .set({ frozen: true })
    .where("agency_id", "=", input.agencyId)
    .where("id", "=", input.versionId)
    .where("frozen", "=", false)
    .execute();
  const itemIds = [...new Set(input.answers.map((a) => a.itemId))];
  if (itemIds.length) {
    const { n } = await trx
      .selectFrom("survey_item")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("agency_id", "=", input.agencyId)
      .where("version_id", "=", input.versionId)
      .where("id", "in", itemIds)
      .executeTakeFirstOrThrow();
    if (Number(n) !== itemIds.length) return { status: "stale_form" };
  }
  return insertResponseRows(trx, input);
}

/** The response, its answers (passed as one JSON parameter), its entry in the rollup queue and
 * its sources, in one statement, together with the hits on its counters (`counting`; none for
 * paper). `on conflict do nothing` covers both unique rules: the submission id (a replay) and one
 * response per dossier; a concurrent twin waits for this row's transaction, then inserts nothing
 * — no answers, no queue entry, so a replay can never be counted twice. The statement's text is
 * the same with or without counters, so it is prepared once (db/prepared.ts). */
async function insertResponseRows(conn: Trx, input: StoreResponseInput): Promise<StoreResult> {
  const answers = JSON.stringify(
    input.answers.map((a) => ({ item_id: a.itemId, value: a.value, text: a.text, choices: a.choices })),
  );
  const sources = JSON.stringify(
    (input.sources ?? []).map((x) => ({ source: x.source, window_start: x.windowStart.toISOString() })),
  );
  const counting = input.counting ?? [];
  // Which reason each counter adds when this hit takes it past its limit (overLimit: count > limit),
  // in the order given, after the reasons decided before the statement (decideFlags' order).
  const reasons = JSON.stringify(counting.map((c, ord) => ({ key: c.key, lim: c.limit, reason: c.reason, ord })));
  const a = input.assumed;
  const { rows } = await sql<{ ok: boolean; id: string | null; counts: [string, number][] | null }>`
    with ok as (
      select not ${!!a} or (
        exists (
          select 1 from survey s
          where s.agency_id = ${input.agencyId} and s.id = ${input.surveyId} and s.slug = ${a?.slug ?? null} and s.active
            and (s.opens_at is null or s.opens_at <= ${a?.at ?? null}) and (s.closes_at is null or s.closes_at > ${a?.at ?? null})
            and (select v.id from survey_version v
                 where v.agency_id = s.agency_id and v.survey_id = s.id and v.published_at <= ${a?.at ?? null}
                 order by v.version desc limit 1) = ${input.versionId})
        and exists (select 1 from unit u where u.agency_id = ${input.agencyId} and u.id = ${input.unitId} and u.active)
        and (${input.procedureId}::integer is null or exists (
          select 1 from procedure p where p.agency_id = ${input.agencyId} and p.id = ${input.procedureId} and p.active
            and (p.unit_id is null or p.unit_id = ${input.unitId})))
        and not exists (select 1 from response r where r.agency_id = ${input.agencyId} and r.id = ${input.id})) as ok),
    hit as (${countHits(counting, sql<boolean>`(select ok from ok)`)}),
    over as (
      select coalesce(array_agg(x.reason order by x.ord), '{}') as reasons
      from hit join json_to_recordset(${reasons}::json) as x(key text, lim integer, reason text, ord integer) using (key)
      where hit.count > x.lim),
    ins as (
      insert into response (agency_id, id, survey_id, survey_version_id, unit_id, procedure_id, counter, channel, lang,
                            started_at, submitted_at, flagged, flag_reasons, dossier_hash, entered_by)
      select ${input.agencyId}, ${input.id}, ${input.surveyId}, ${input.versionId}, ${input.unitId}, ${input.procedureId}, ${input.counter},
             ${input.channel}, ${input.lang}, ${input.startedAt}, ${input.submittedAt ?? new Date()},
             cardinality(${input.flagReasons}::text[] || over.reasons) > 0,
             ${input.flagReasons}::text[] || over.reasons, ${input.dossierHash}, ${input.enteredBy}
      from over where (select ok from ok)
      on conflict do nothing
      returning agency_id, id),
    queued as (insert into rollup_pending (agency_id, response_id) select agency_id, id from ins),
    sourced as (
      insert into response_source (agency_id, source, window_start, response_id)
      select ins.agency_id, x.source, x.window_start, ins.id from ins, json_to_recordset(${sources}::json) as x(source text, window_start timestamptz)
      on conflict do nothing),
    answered as (
      insert into answer (agency_id, response_id, item_id, value, text, choices)
      select ins.agency_id, ins.id, x.item_id, x.value, x.text, x.choices
      from ins, json_to_recordset(${answers}::json) as x(item_id integer, value integer, text text, choices text[]))
    select (select ok from ok) as ok, (select id from ins) as id,
           (select json_agg(json_build_array(key, count)) from hit) as counts`.execute(conn);
  if (!rows[0].ok) return { status: "changed" };
  const counts: Counts = new Map((rows[0].counts ?? []).map(([k, n]) => [k, Number(n)]));
  if (!rows[0].id) {
    const same = await conn.selectFrom("response").select("id").where("id", "=", input.id).executeTakeFirst();
    return same ? { status: "replayed", id: same.id, counts } : { status: "duplicate_dossier", counts };
  }
  return { status: "stored", id: input.id, counts };
}

/** When the response with this submission id was written, or null when there is none. */
export async function responseSentAt(agencyId: number, id: string): Promise<Date | null> {
  const row = await db()
    .selectFrom("response")
    .select("created_at")
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? new Date(row.created_at) : null;
}

/** What the thanks page needs about a stored response: where it was, and whether to offer the
 * feedback form. Read back from the database, so a replay shows the very same page. */
export async function thanksFor(
  agencyId: number,
  id: string,
): Promise<{ unitId: number; procedureId: number | null; offerFeedback: boolean } | null> {
  const r = await db()
    .selectFrom("response")
    .select(["unit_id", "procedure_id", "survey_version_id"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const [items, answers] = await Promise.all([
    itemsOfVersion(r.survey_version_id),
    db()
      .selectFrom("answer")
      .select(["item_id", "value", "text", "choices"])
      .where("agency_id", "=", agencyId)
      .where("response_id", "=", id)
      .execute(),
  ]);
  const formItems: FormItem[] = items.map((i) => ({
    id: i.id,
    code: i.code,
    block: i.block,
    type: i.type,
    required: i.required,
    options: i.options,
    maxLength: i.max_length,
  }));
  const values: AnswerValue[] = answers.map((a) => ({
    itemId: a.item_id,
    value: a.value,
    text: a.text,
    choices: a.choices,
  }));
  return { unitId: r.unit_id, procedureId: r.procedure_id, offerFeedback: offersFeedback(formItems, values) };
}

/** What a stored response said and when, to tell a resend of it from a second, different
 * response sent with the same form (docs/rules/flags.md); null when there is none. */
export async function storedContent(agencyId: number, id: string) {
  const r = await db()
    .selectFrom("response")
    .select(["survey_version_id", "unit_id", "procedure_id", "dossier_hash", "submitted_at"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const answers = await db()
    .selectFrom("answer")
    .select(["item_id", "value", "text", "choices"])
    .where("agency_id", "=", agencyId)
    .where("response_id", "=", id)
    .execute();
  return {
    versionId: r.survey_version_id,
    unitId: r.unit_id,
    procedureId: r.procedure_id,
    dossierHash: r.dossier_hash,
    submittedAt: new Date(r.submitted_at),
    answers: answers.map((a) => ({ itemId: a.item_id, value: a.value, text: a.text, choices: a.choices })),
  };
}
