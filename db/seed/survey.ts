// Demo surveys: Form B (the periodic SIPAS-aligned survey) and Form A (the per-dossier
// evaluation) with their full item lists in Vietnamese and English, published and open now.
// Responses are not generated here (the dashboard's demo year is its own step).
import type { DB } from "../client";
import { FORM_A, FORM_B, type FormTemplate } from "../../app/features/survey/forms";

export async function insertFormVersion(
  trx: DB,
  surveyId: number,
  version: number,
  template: Pick<FormTemplate, "items">,
  publishedAt: Date | null,
  // The survey's agency, written on the version and each item (docs/rules/agencies.md). Left out,
  // the column's default (the default agency) applies: the seed also writes into databases from
  // before migration 021, which have no such column (the migration tests).
  agencyId?: number,
) {
  const agency = agencyId === undefined ? {} : { agency_id: agencyId };
  const v = await trx
    .insertInto("survey_version")
    .values({ ...agency, survey_id: surveyId, version, published_at: publishedAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("survey_item")
    .values(
      template.items.map((it, i) => ({
        ...agency,
        version_id: v.id,
        position: i + 1,
        code: it.code,
        block: it.block,
        type: it.type,
        text_vi: it.text_vi,
        text_en: it.text_en,
        help_vi: it.help_vi ?? null,
        help_en: it.help_en ?? null,
        required: it.required,
        options: it.options ? JSON.stringify(it.options) : null,
        max_length: it.max_length ?? null,
      })),
    )
    .execute();
  return v.id;
}

export async function seedSurveys(trx: DB, now = new Date()) {
  for (const form of [FORM_B, FORM_A]) {
    const s = await trx
      .insertInto("survey")
      .values({
        slug: form.slug,
        kind: form.kind,
        title_vi: form.title_vi,
        title_en: form.title_en,
        intro_vi: form.intro_vi,
        intro_en: form.intro_en,
        opens_at: now,
        active: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertFormVersion(trx, s.id, 1, form, now);
  }
}
