// Storing a survey response: one transaction, idempotent on the submission id the form carried.
//
// storeResponse() is the only way a response is written (public form, kiosk, paper entry). It
// opens ONE transaction and calls insertResponseInTrx(); anything that must change together with
// a new response belongs inside that transaction, after the insert — the dashboard rollups do.
import type { Kysely } from "kysely";
import type { AnswerValue, FormItem } from "~/lib/survey/items";
import { offersFeedback } from "~/lib/survey/feedback";
import { recordAudit, type AuditEntry } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import type { Channel } from "../../db/tables/survey";
import type { Database } from "../../db/types";
import { itemsOfVersion } from "./survey.server";
import { addResponseToRollups } from "./rollup.server";

type Trx = Kysely<Database>;

export interface StoreResponseInput {
  /** The submission id from the form: a uuid made when the form was issued. */
  id: string;
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
}

export type StoreResult =
  | { status: "stored"; id: string }
  /** The same submission id came again (double tap, back and resubmit, retry): nothing written. */
  | { status: "replayed"; id: string }
  /** Another response already evaluated this dossier (Form A): nothing written. */
  | { status: "duplicate_dossier" }
  /** The version's items changed under an open form (staff edited a version without responses). */
  | { status: "stale_form" };

/** Writes the response in one transaction. `audit` is recorded in the same transaction (paper entry). */
export async function storeResponse(input: StoreResponseInput, audit?: { request: Request; entry: Omit<AuditEntry, "entityId"> }): Promise<StoreResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const result = await insertResponseInTrx(trx, input);
      if (result.status === "stored") {
        if (audit) await recordAudit(audit.request, { ...audit.entry, entityId: result.id }, trx);
      }
      return result;
    });
}

/** The insert itself. Use only `trx` in here: on the embedded database a stray db() call would
 * wait forever for the one connection this transaction holds. */
export async function insertResponseInTrx(trx: Trx, input: StoreResponseInput): Promise<StoreResult> {
  // Marking the version frozen first takes its row lock, so a staff edit of the items (which
  // locks the same row) either finishes before this response or is refused after it.
  await trx.updateTable("survey_version").set({ frozen: true }).where("id", "=", input.versionId).where("frozen", "=", false).execute();
  const itemIds = [...new Set(input.answers.map((a) => a.itemId))];
  if (itemIds.length) {
    const { n } = await trx
      .selectFrom("survey_item")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("version_id", "=", input.versionId)
      .where("id", "in", itemIds)
      .executeTakeFirstOrThrow();
    if (Number(n) !== itemIds.length) return { status: "stale_form" };
  }
  // One instant for the row and its rollup day, so both always agree.
  const submittedAt = input.submittedAt ?? new Date();
  // `on conflict do nothing` covers both unique rules: the submission id (a replay) and one
  // response per dossier. A concurrent twin waits for this row's transaction, then does nothing.
  const inserted = await trx
    .insertInto("response")
    .values({
      id: input.id,
      survey_id: input.surveyId,
      survey_version_id: input.versionId,
      unit_id: input.unitId,
      procedure_id: input.procedureId,
      counter: input.counter,
      channel: input.channel,
      lang: input.lang,
      started_at: input.startedAt,
      submitted_at: submittedAt,
      flagged: input.flagReasons.length > 0,
      flag_reasons: input.flagReasons,
      dossier_hash: input.dossierHash,
      entered_by: input.enteredBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const same = await trx.selectFrom("response").select("id").where("id", "=", input.id).executeTakeFirst();
    return same ? { status: "replayed", id: same.id } : { status: "duplicate_dossier" };
  }
  if (input.answers.length) {
    await trx
      .insertInto("answer")
      .values(input.answers.map((a) => ({ response_id: input.id, item_id: a.itemId, value: a.value, text: a.text, choices: a.choices })))
      .execute();
  }
  // The dashboard's per-day rollups move in the same transaction, so they are exact the moment
  // the response exists, and a replay (which returned above) can never count twice.
  await addResponseToRollups(
    trx,
    {
      submittedAt,
      surveyVersionId: input.versionId,
      unitId: input.unitId,
      procedureId: input.procedureId,
      channel: input.channel,
      flagged: input.flagReasons.length > 0,
    },
    input.answers,
  );
  return { status: "stored", id: input.id };
}

/** When the response with this submission id was written, or null when there is none. */
export async function responseSentAt(id: string): Promise<Date | null> {
  const row = await db().selectFrom("response").select("created_at").where("id", "=", id).executeTakeFirst();
  return row ? new Date(row.created_at) : null;
}

export async function responseExists(id: string): Promise<boolean> {
  const row = await db().selectFrom("response").select("id").where("id", "=", id).executeTakeFirst();
  return !!row;
}

/** What the thanks page needs about a stored response: where it was, and whether to offer the
 * feedback form. Read back from the database, so a replay shows the very same page. */
export async function thanksFor(id: string): Promise<{ unitId: number; procedureId: number | null; offerFeedback: boolean } | null> {
  const r = await db().selectFrom("response").select(["unit_id", "procedure_id", "survey_version_id"]).where("id", "=", id).executeTakeFirst();
  if (!r) return null;
  const [items, answers] = await Promise.all([
    itemsOfVersion(r.survey_version_id),
    db().selectFrom("answer").select(["item_id", "value", "text", "choices"]).where("response_id", "=", id).execute(),
  ]);
  const formItems: FormItem[] = items.map((i) => ({ id: i.id, code: i.code, block: i.block, type: i.type, required: i.required, options: i.options, maxLength: i.max_length }));
  const values: AnswerValue[] = answers.map((a) => ({ itemId: a.item_id, value: a.value, text: a.text, choices: a.choices }));
  return { unitId: r.unit_id, procedureId: r.procedure_id, offerFeedback: offersFeedback(formItems, values) };
}
