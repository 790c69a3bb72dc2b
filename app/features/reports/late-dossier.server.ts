// The register of dossiers returned late (NĐ 61/2018 Art. 19; docs/rules/tt01.md "The register"):
// staff record each one, by form or CSV; the report counts late dossiers, apologies sent and
// late dossiers without an apology per unit, and matches Form A "late" answers to it by the
// keyed hash of the dossier code. A unit's staff record and see only their own unit's entries.
import type { Lang } from "~/kernel/i18n/i18n";
import { lateFigures, parseLateCsv, type LateInput } from "~/features/reports/late-dossier";
import { importCsvRows, placesAreAgencys } from "~/features/reports/csv-import.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { recordAudit } from "~/kernel/audit.server";
import { inScope, scopeByUnit } from "~/features/accounts/scope.server";
import { dossierHash } from "~/features/survey/survey-submit.server";
import type { Client } from "~/kernel/http/client";
import type { DashboardFilter } from "./dashboard.server";

const E = "tt01.register.errors.";

export interface LateRow extends LateInput {
  unitId: number;
  procedureId: number | null;
}

/** The register's latest entries with the dossier codes. The codes point at people's dossiers,
 * so every read of this list is logged as a personal-data view. */
export async function listLate(user: StaffUser, client: Client, lang: Lang, limit = 200) {
  const q = db()
    .selectFrom("late_dossier as l")
    .innerJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "l.agency_id").onRef("u.id", "=", "l.unit_id"))
    .leftJoin("procedure as p", (j) => j.onRef("p.agency_id", "=", "l.agency_id").onRef("p.id", "=", "l.procedure_id"))
    .select([
      "l.id",
      "l.dossier_code",
      "l.promised_date",
      "l.returned_date",
      "l.apology_sent",
      "l.apology_date",
      "l.new_date",
      "l.new_date_kept",
      "u.name_vi",
      "u.name_en",
      "p.code as proc_code",
    ])
    .where("l.agency_id", "=", user.agencyId);
  const rows = await scopeByUnit(q, "l.unit_id", user)
    .orderBy("l.promised_date", "desc")
    .orderBy("l.id", "desc")
    .limit(limit)
    .execute();
  await recordAudit(client, {
    agencyId: user.agencyId,
    actor: { id: user.id, email: user.email },
    action: "pii.view",
    entity: "late_dossier",
    details: { rows: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.dossier_code,
    unit: lang === "en" ? r.name_en : r.name_vi,
    procedure: r.proc_code,
    promised: r.promised_date,
    returned: r.returned_date,
    apologySent: r.apology_sent,
    apologyDate: r.apology_date,
    newDate: r.new_date,
    newDateKept: r.new_date_kept,
  }));
}

/** Saves entries in one transaction with one audit entry. Recording a code again corrects its
 * entry; all are refused if any entry, or the entry it would correct, is outside the user's units. */
export async function saveLate(
  user: StaffUser,
  client: Client,
  rows: LateRow[],
  source: "form" | "csv",
): Promise<{ ok: true; count: number } | { ok: false; key: string }> {
  if (rows.some((r) => !inScope(user, r.unitId))) return { ok: false, key: `${E}scope` };
  return db()
    .transaction()
    .execute(async (trx) => {
      // Written as the user's agency's, naming its own units and procedures only.
      if (!(await placesAreAgencys(trx, user.agencyId, rows))) return { ok: false as const, key: `${E}unit` };
      const existing = await trx
        .selectFrom("late_dossier")
        .select(["dossier_code", "unit_id"])
        .where("agency_id", "=", user.agencyId)
        .where(
          "dossier_code",
          "in",
          rows.map((r) => r.code),
        )
        .forUpdate()
        .execute();
      if (existing.some((x) => !inScope(user, x.unit_id))) return { ok: false as const, key: `${E}scope` };
      for (const r of rows) {
        const values = {
          unit_id: r.unitId,
          procedure_id: r.procedureId,
          promised_date: r.promised,
          returned_date: r.returned,
          apology_sent: r.apologySent,
          apology_date: r.apologyDate,
          new_date: r.newDate,
          new_date_kept: r.newDateKept,
          entered_by: user.id,
        };
        await trx
          .insertInto("late_dossier")
          .values({ agency_id: user.agencyId, dossier_code: r.code, ...values })
          .onConflict((oc) =>
            oc.columns(["agency_id", "dossier_code"]).doUpdateSet({ ...values, entered_at: new Date() }),
          )
          .execute();
      }
      // The audit names how many, not which dossiers: the log is read more widely than the register.
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: { id: user.id, email: user.email },
          action: "late_dossier.save",
          entity: "late_dossier",
          details: { source, rows: rows.length },
        },
        trx,
      );
      return { ok: true as const, count: rows.length };
    });
}

/** A CSV import: every line checked (codes against the catalogue, the user's units); all or nothing. */
export async function importLateCsv(user: StaffUser, client: Client, text: string) {
  return importCsvRows({
    agencyId: user.agencyId,
    parsed: parseLateCsv(text),
    errorPrefix: E,
    mayUseUnit: (unitId) => inScope(user, unitId),
    toInput: (r, unitId, procedureId): LateRow => ({ ...r, unitId, procedureId }),
    save: (inputs) => saveLate(user, client, inputs, "csv"),
  });
}

/** The period's register figures (dossiers whose promised day falls in the window), and a
 * matcher for Form A "late" answers. */
export async function lateRegisterFigures(
  user: StaffUser,
  f: Pick<DashboardFilter, "from" | "to" | "unitId" | "procedureId">,
) {
  let q = db()
    .selectFrom("late_dossier")
    .select(["unit_id as unitId", "apology_sent as apologySent", "new_date as newDate", "new_date_kept as newDateKept"])
    .where("agency_id", "=", user.agencyId)
    .where("promised_date", ">=", f.from)
    .where("promised_date", "<=", f.to);
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.procedureId) q = q.where("procedure_id", "=", f.procedureId);
  const rows = await scopeByUnit(q, "unit_id", user).execute();
  return {
    figures: lateFigures(rows),
    /** How many of the given response hashes name a dossier in the register (any period: a person
     * answers after the result, which may fall in a later period). The plain code is hashed the
     * way Form A hashes it for that survey; nothing about a single dossier leaves this function. */
    async matchHashes(surveyId: number, hashes: string[]): Promise<number> {
      if (!hashes.length) return 0;
      let rq = db().selectFrom("late_dossier").select("dossier_code").where("agency_id", "=", user.agencyId);
      if (f.unitId) rq = rq.where("unit_id", "=", f.unitId);
      const codes = await scopeByUnit(rq, "unit_id", user).execute();
      const registered = new Set(await Promise.all(codes.map((c) => dossierHash(surveyId, c.dossier_code))));
      return hashes.filter((h) => registered.has(h)).length;
    },
  };
}
