// Served counts: how many dossiers a unit (optionally per procedure) handled in a period, the
// denominator of the response rate. One row per unit, procedure and period; entering it again
// replaces the figure. A unit's staff record only their own unit's figures.
import * as z from "zod";
import type { Lang } from "~/kernel/i18n/i18n";
import { parseCoverageCsv, parseDay } from "~/features/survey/coverage-csv";
import { importCsvRows, placesAreAgencys } from "~/features/reports/csv-import.server";
import { recordAudit } from "~/kernel/audit.server";
import { scopeByUnit } from "~/features/accounts/scope.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { mayUseUnit } from "~/features/survey/survey-links.server";
import type { Client } from "~/kernel/http/client";

const E = "surveyStaff.coverage.errors.";
export interface ServedInput {
  unitId: number;
  procedureId: number | null;
  start: string;
  end: string;
  count: number;
}

export const servedFormSchema = z
  .object({
    unit: z.coerce
      .number({ error: `${E}unit` })
      .int({ error: `${E}unit` })
      .positive({ error: `${E}unit` }),
    procedure: z.preprocess(
      (v) => (v === "" || v == null ? undefined : v),
      z.coerce.number().int().positive().optional(),
    ),
    start: z
      .string({ error: `${E}start` })
      .transform((s, ctx) => parseDay(s) ?? (ctx.addIssue({ code: "custom", message: `${E}start` }), z.NEVER)),
    end: z
      .string({ error: `${E}end` })
      .transform((s, ctx) => parseDay(s) ?? (ctx.addIssue({ code: "custom", message: `${E}end` }), z.NEVER)),
    count: z
      .string({ error: `${E}count` })
      .trim()
      .regex(/^\d{1,7}$/, { error: `${E}count` })
      .transform(Number),
  })
  .refine((v) => v.end >= v.start, { path: ["end"], message: `${E}end` });

export async function listServed(user: StaffUser, lang: Lang, limit = 200) {
  const q = db()
    .selectFrom("served_count as c")
    .innerJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "c.agency_id").onRef("u.id", "=", "c.unit_id"))
    .leftJoin("procedure as p", (j) => j.onRef("p.agency_id", "=", "c.agency_id").onRef("p.id", "=", "c.procedure_id"))
    .leftJoin("staff_user as s", "s.id", "c.entered_by")
    .select([
      "c.id",
      "c.period_start",
      "c.period_end",
      "c.count",
      "c.entered_at",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
      "p.code as proc_code",
      "p.name_vi as proc_vi",
      "p.name_en as proc_en",
      "s.name as by",
    ])
    .where("c.agency_id", "=", user.agencyId);
  const rows = await scopeByUnit(q, "c.unit_id", user)
    .orderBy("c.period_start", "desc")
    .orderBy("u.sort_order")
    .orderBy("c.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    start: r.period_start,
    end: r.period_end,
    count: r.count,
    unit: lang === "en" ? r.unit_en : r.unit_vi,
    procedure: r.proc_code ? `${r.proc_code} ${lang === "en" ? r.proc_en : r.proc_vi}` : null,
    by: r.by,
  }));
}

/** Saves rows as the user's agency's in one transaction with one audit entry; refuses all if any
 * is outside the user's units, or names a unit or procedure its agency does not have. */
export async function saveServed(
  user: StaffUser,
  client: Client,
  rows: ServedInput[],
  source: "form" | "csv",
): Promise<{ ok: true; count: number } | { ok: false; key: string }> {
  if (rows.some((r) => !mayUseUnit(user, r.unitId))) return { ok: false, key: `${E}scope` };
  return db()
    .transaction()
    .execute(async (trx) => {
      if (!(await placesAreAgencys(trx, user.agencyId, rows))) return { ok: false as const, key: `${E}unit` };
      for (const r of rows) {
        await trx
          .insertInto("served_count")
          .values({
            agency_id: user.agencyId,
            unit_id: r.unitId,
            procedure_id: r.procedureId,
            period_start: r.start,
            period_end: r.end,
            count: r.count,
            entered_by: user.id,
          })
          .onConflict((oc) =>
            oc
              .columns(["agency_id", "unit_id", "procedure_id", "period_start", "period_end"])
              .doUpdateSet({ count: r.count, entered_by: user.id, entered_at: new Date() }),
          )
          .execute();
      }
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: { id: user.id, email: user.email },
          action: "coverage.save",
          entity: "served_count",
          details: { source, rows: rows.length },
        },
        trx,
      );
      return { ok: true as const, count: rows.length };
    });
}

/** Checks a procedure is the agency's and belongs to the unit (or to no unit). */
export async function procedureFits(agencyId: number, unitId: number, procedureId: number | null): Promise<boolean> {
  if (procedureId === null) return true;
  const p = await db()
    .selectFrom("procedure")
    .select("unit_id")
    .where("agency_id", "=", agencyId)
    .where("id", "=", procedureId)
    .executeTakeFirst();
  return !!p && (p.unit_id === null || p.unit_id === unitId);
}

/** A CSV import: every line checked (codes against the catalogue, the user's units); all or nothing. */
export async function importServedCsv(user: StaffUser, client: Client, text: string) {
  return importCsvRows({
    agencyId: user.agencyId,
    parsed: parseCoverageCsv(text),
    errorPrefix: E,
    mayUseUnit: (unitId) => mayUseUnit(user, unitId),
    toInput: (r, unitId, procedureId): ServedInput => ({
      unitId,
      procedureId,
      start: r.start,
      end: r.end,
      count: r.count,
    }),
    save: (inputs) => saveServed(user, client, inputs, "csv"),
  });
}
