// Paper forms typed in by staff: recorded with channel "paper" and who typed them (entered_by),
// through the same idempotent store as the public form, with the audit entry in its transaction.
import * as z from "zod";
import type { Lang } from "~/kernel/i18n/i18n";
import { allOf, firstOf, type PostedFields } from "~/kernel/forms/posted";
import { parsePaperAnswers, type FormValues } from "~/features/survey/answers";
import { vnDay, vnInstant } from "~/kernel/time/clock";
import { storeResponse } from "~/features/survey/response.server";
import { mayUseUnit } from "~/features/survey/survey-links.server";
import { currentVersionId, itemsOfVersion, resolvePlace, showItem } from "~/features/survey/survey.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import { sentPeriodsOn } from "~/features/reports/report-snapshot.server";
import { dossierHash } from "./survey-submit.server";

/** Surveys with a published version: paper forms may still arrive after a survey closes. */
export async function paperSurveys(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("survey as s")
    .select(["s.id", "s.title_vi", "s.title_en", "s.kind"])
    .where("s.agency_id", "=", agencyId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("survey_version as v")
          .select("v.id")
          .whereRef("v.agency_id", "=", "s.agency_id")
          .whereRef("v.survey_id", "=", "s.id")
          .where("v.published_at", "is not", null),
      ),
    )
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: lang === "en" ? r.title_en : r.title_vi }));
}

/** The agency's survey and its current version's items (another agency's id is not found). */
export async function paperForm(agencyId: number, surveyId: number, lang: Lang) {
  const s = await db()
    .selectFrom("survey")
    .select(["id", "kind", "title_vi", "title_en"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!s) return null;
  const versionId = await currentVersionId(s.id);
  if (!versionId) return null;
  const items = (await itemsOfVersion(versionId)).map((r) => showItem(r, lang));
  return { id: s.id, kind: s.kind, title: lang === "en" ? s.title_en : s.title_vi, versionId, items };
}

const MAX_AGE_DAYS = 731;
const placeSchema = z.object({
  sid: z.uuid(),
  unit: z.coerce
    .number({ error: "surveyStaff.paper.errors.unit" })
    .int()
    .positive({ error: "surveyStaff.paper.errors.unit" }),
  procedure: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
  date: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "surveyStaff.paper.errors.date" })
      .optional(),
  ),
  dossier: z.string().trim().max(40, { error: "survey.errors.dossierTooLong" }).default(""),
});

export type PaperOutcome =
  | { ok: true }
  | { ok: false; errors: Record<string, string>; values: FormValues }
  | { ok: false; reason: "not_found" | "bad_request" };

/** `fields`: the posted form as plain values (the route reads the request). */
export async function enterPaperForm(
  user: StaffUser,
  client: Client,
  surveyId: number,
  fields: PostedFields,
  lang: Lang,
  now = new Date(),
): Promise<PaperOutcome> {
  const survey = await paperForm(user.agencyId, surveyId, lang);
  if (!survey) return { ok: false, reason: "not_found" };
  const raw = Object.fromEntries(
    ["sid", "unit", "procedure", "date", "dossier"].map((k) => [k, firstOf(fields, k) ?? ""]),
  );
  const place = placeSchema.safeParse(raw);
  const parsed = parsePaperAnswers(survey.items, (name) => allOf(fields, name));
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const values: FormValues = { ...parsed.values, ...raw };
  if (!place.success) {
    for (const i of place.error.issues) {
      const k = String(i.path[0]);
      if (k === "sid") return { ok: false, reason: "bad_request" };
      errors[k] ??= i.message;
    }
    return { ok: false, errors, values };
  }
  const p = place.data;
  const today = vnDay(now);
  const earliest = vnDay(new Date(now.getTime() - MAX_AGE_DAYS * 86_400_000));
  const day = p.date ?? today;
  if (day > today || day < earliest || Number.isNaN(vnInstant(day).getTime()))
    errors.date = "surveyStaff.paper.errors.date";
  if (!mayUseUnit(user, p.unit)) errors.unit = "surveyStaff.paper.errors.unit";
  else {
    const check = await resolvePlace(user.agencyId, p.unit, p.procedure ?? null);
    if (!check.ok)
      errors[check.reason === "unit" ? "unit" : "procedure"] =
        check.reason === "unit" ? "surveyStaff.paper.errors.unit" : "surveyStaff.paper.errors.procedure";
  }
  // A form dated into a period whose report was sent changes figures already sent: the Office
  // alone may enter it, and the audit entry names the sent periods (docs/rules/report-periods.md).
  const sent = errors.date ? [] : await sentPeriodsOn(user.agencyId, day);
  if (sent.length && user.role !== "office") errors.date = "reportStatus.paperSentPeriod";
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors, values };

  const result = await storeResponse(
    {
      id: p.sid,
      agencyId: user.agencyId,
      surveyId: survey.id,
      versionId: survey.versionId,
      unitId: p.unit,
      procedureId: p.procedure ?? null,
      counter: null,
      channel: "paper",
      lang,
      startedAt: null,
      // The date written on the form; noon, so the day stays the same in any report period.
      submittedAt: day === today ? now : vnInstant(day, "12:00"),
      flagReasons: [],
      dossierHash: survey.kind === "A" && p.dossier ? await dossierHash(survey.id, p.dossier) : null,
      enteredBy: user.id,
      answers: parsed.answers,
    },
    {
      client,
      entry: sent.length
        ? {
            agencyId: user.agencyId,
            actor: { id: user.id, email: user.email },
            action: "survey.paper.create_in_sent_period",
            entity: "response",
            details: {
              surveyId: survey.id,
              unitId: p.unit,
              date: day,
              sentPeriods: sent.map((x) => `${x.year}-${x.kind}`),
            },
          }
        : {
            agencyId: user.agencyId,
            actor: { id: user.id, email: user.email },
            action: "survey.paper.create",
            entity: "response",
            details: { surveyId: survey.id, unitId: p.unit },
          },
    },
  );
  if (result.status === "duplicate_dossier")
    return { ok: false, errors: { dossier: "surveyStaff.paper.errors.dossierUsed" }, values };
  if (result.status === "stale_form") return { ok: false, errors: { _form: "surveyStaff.paper.errors.stale" }, values };
  return { ok: true };
}
