// The Office's management of surveys: create from a template or a copy, settings, versions.
// Items of a version with responses are frozen; a change then goes into a new version.
import type { Kysely } from "kysely";
import { FORM_TEMPLATES } from "~/features/survey/forms";
import type { CreateSurveyInput, SurveySettingsInput } from "~/features/survey/item-form";
import { recordAudit } from "~/kernel/audit.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import type { TemplateItem } from "~/features/survey/forms";
import type { Client } from "~/kernel/http/client";
import { insertFormVersion } from "../../../db/seed/survey";
import type { Database } from "../../../db/types";
import type { SurveyItemRow } from "../../../db/tables/survey";

type Trx = Kysely<Database>;
const actorOf = (u: StaffUser) => ({ id: u.id, email: u.email });

/** The agency's surveys (docs/rules/agencies.md: staff see only their own agency's). */
export async function listSurveysForStaff(agencyId: number) {
  return db()
    .selectFrom("survey as s")
    .select((eb) => [
      "s.id",
      "s.slug",
      "s.kind",
      "s.title_vi",
      "s.title_en",
      "s.active",
      "s.opens_at",
      "s.closes_at",
      eb
        .selectFrom("survey_version as v")
        .whereRef("v.survey_id", "=", "s.id")
        .select((e) => e.fn.max("v.version").as("m"))
        .as("latest_version"),
      eb
        .selectFrom("survey_version as v")
        .whereRef("v.survey_id", "=", "s.id")
        .where("v.published_at", "is not", null)
        .select((e) => e.fn.max("v.version").as("m"))
        .as("published_version"),
      eb
        .selectFrom("response as r")
        .whereRef("r.survey_id", "=", "s.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("responses"),
    ])
    .where("s.agency_id", "=", agencyId)
    .orderBy("s.id")
    .execute();
}

/** A survey with its versions and the latest version's items, for the management page; null when
 * the survey is not the agency's (another agency's id is not found). */
export async function getSurveyAdmin(agencyId: number, id: number) {
  const survey = await db()
    .selectFrom("survey")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!survey) return null;
  const versions = await db()
    .selectFrom("survey_version as v")
    .select((eb) => [
      "v.id",
      "v.version",
      "v.published_at",
      "v.frozen",
      eb
        .selectFrom("response as r")
        .whereRef("r.survey_version_id", "=", "v.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("responses"),
    ])
    .where("v.survey_id", "=", id)
    .orderBy("v.version", "desc")
    .execute();
  const latest = versions[0] ?? null;
  const items = latest
    ? await db()
        .selectFrom("survey_item")
        .selectAll()
        .where("version_id", "=", latest.id)
        .orderBy("position")
        .orderBy("id")
        .execute()
    : [];
  return { survey, versions, latest, items };
}

const rowToTemplate = (r: SurveyItemRow): TemplateItem => ({
  code: r.code,
  block: r.block,
  type: r.type,
  text_vi: r.text_vi,
  text_en: r.text_en,
  help_vi: r.help_vi ?? undefined,
  help_en: r.help_en ?? undefined,
  required: r.required,
  options: r.options ?? undefined,
  max_length: r.max_length ?? undefined,
});

/** Slugs are unique per agency: two agencies may both have /s/khao-sat-hai-long under their prefixes. */
export async function slugTaken(agencyId: number, slug: string): Promise<boolean> {
  return !!(await db()
    .selectFrom("survey")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("slug", "=", slug)
    .executeTakeFirst());
}

export type CreateResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

/** A new survey with version 1 as an unpublished draft, its items from Form A/B or another survey. */
export async function createSurvey(user: StaffUser, client: Client, input: CreateSurveyInput): Promise<CreateResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<CreateResult> => {
      let kind: "A" | "B" | "custom";
      let items: TemplateItem[];
      let intro = { vi: "", en: "" };
      if (input.source === "copy") {
        // Only one of the agency's own surveys can be copied: another agency's id is "no such survey".
        const src = await trx
          .selectFrom("survey")
          .selectAll()
          .where("agency_id", "=", user.agencyId)
          .where("id", "=", input.copy_of!)
          .executeTakeFirst();
        const v =
          src &&
          (await trx
            .selectFrom("survey_version")
            .select("id")
            .where("survey_id", "=", src.id)
            .orderBy("version", "desc")
            .limit(1)
            .executeTakeFirst());
        if (!src || !v) return { ok: false, errors: { copy_of: "surveyStaff.errors.copyOf" } };
        kind = src.kind;
        intro = { vi: src.intro_vi, en: src.intro_en };
        items = (
          await trx.selectFrom("survey_item").selectAll().where("version_id", "=", v.id).orderBy("position").execute()
        ).map(rowToTemplate);
      } else {
        const tpl = FORM_TEMPLATES[input.source];
        kind = tpl.kind;
        intro = { vi: tpl.intro_vi, en: tpl.intro_en };
        items = tpl.items;
      }
      const s = await trx
        .insertInto("survey")
        .values({
          agency_id: user.agencyId,
          slug: input.slug,
          kind,
          title_vi: input.title_vi,
          title_en: input.title_en,
          intro_vi: intro.vi,
          intro_en: intro.en,
          active: true,
          created_by: user.id,
        })
        // A slug taken meanwhile (even by a concurrent request) is a form error, not a crash.
        .onConflict((oc) => oc.columns(["agency_id", "slug"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!s) return { ok: false, errors: { slug: "surveyStaff.errors.slugTaken" } };
      await insertFormVersion(trx, s.id, 1, { items }, null, user.agencyId);
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.create",
          entity: "survey",
          entityId: s.id,
          details: { slug: input.slug, source: input.source, copyOf: input.copy_of ?? null },
        },
        trx,
      );
      return { ok: true, id: s.id };
    });
}

export async function updateSurveySettings(
  user: StaffUser,
  client: Client,
  id: number,
  input: SurveySettingsInput,
): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("survey")
        .set({
          title_vi: input.title_vi,
          title_en: input.title_en,
          intro_vi: input.intro_vi,
          intro_en: input.intro_en,
          opens_at: input.opens_at ?? null,
          closes_at: input.closes_at ?? null,
          active: input.active,
        })
        .where("agency_id", "=", user.agencyId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!Number(res.numUpdatedRows)) return false;
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.update",
          entity: "survey",
          entityId: id,
          details: { active: input.active, opensAt: input.opens_at ?? null, closesAt: input.closes_at ?? null },
        },
        trx,
      );
      return true;
    });
}

/** The latest version of one of the agency's surveys, locked for the rest of the transaction (a
 * response freezes it under the same lock); undefined for another agency's survey. */
export async function lockLatestVersion(trx: Trx, agencyId: number, surveyId: number) {
  return trx
    .selectFrom("survey_version")
    .select(["id", "version", "published_at", "frozen"])
    .where("agency_id", "=", agencyId)
    .where("survey_id", "=", surveyId)
    .orderBy("version", "desc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export type VersionResult =
  { ok: true; version: number } | { ok: false; reason: "not_found" | "already_published" | "not_frozen" | "no_items" };

/** Publishes the latest version: from now on citizens answer it. */
export async function publishLatest(user: StaffUser, client: Client, surveyId: number): Promise<VersionResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<VersionResult> => {
      const v = await lockLatestVersion(trx, user.agencyId, surveyId);
      if (!v) return { ok: false, reason: "not_found" };
      if (v.published_at) return { ok: false, reason: "already_published" };
      const { n } = await trx
        .selectFrom("survey_item")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("version_id", "=", v.id)
        .executeTakeFirstOrThrow();
      if (!Number(n)) return { ok: false, reason: "no_items" };
      await trx
        .updateTable("survey_version")
        .set({ published_at: new Date() })
        .where("agency_id", "=", user.agencyId)
        .where("id", "=", v.id)
        .execute();
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.publish",
          entity: "survey",
          entityId: surveyId,
          details: { version: v.version },
        },
        trx,
      );
      return { ok: true, version: v.version };
    });
}

/** A new draft version copying the latest one, once the latest is frozen by responses. */
export async function newVersion(user: StaffUser, client: Client, surveyId: number): Promise<VersionResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<VersionResult> => {
      const v = await lockLatestVersion(trx, user.agencyId, surveyId);
      if (!v) return { ok: false, reason: "not_found" };
      if (!v.frozen) return { ok: false, reason: "not_frozen" };
      const items = (
        await trx.selectFrom("survey_item").selectAll().where("version_id", "=", v.id).orderBy("position").execute()
      ).map(rowToTemplate);
      await insertFormVersion(trx, surveyId, v.version + 1, { items }, null, user.agencyId);
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.version.create",
          entity: "survey",
          entityId: surveyId,
          details: { version: v.version + 1, from: v.version },
        },
        trx,
      );
      return { ok: true, version: v.version + 1 };
    });
}
