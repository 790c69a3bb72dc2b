// Surveys as citizens meet them: the open ones, and the current published version of one with
// its items in the reader's language.
import type { Lang } from "~/kernel/i18n/i18n";
import type { ShownItem } from "~/features/survey/items";
import { placeVerdict, type PlaceCheck } from "~/features/survey/place";
import { compiledOnce } from "~/kernel/db/compiled-once.server";
import { db } from "~/kernel/db/db.server";
import type { DB } from "../../../db/client";
import type { SurveyItemRow, SurveyKind } from "../../../db/tables/survey";

export interface ShownSurvey {
  id: number;
  slug: string;
  kind: SurveyKind;
  title: string;
  intro: string;
  open: boolean;
  versionId: number | null;
  /** The version has responses, so its items can no longer change. */
  versionFrozen: boolean;
  items: ShownItem[];
}

export function isOpen(s: { active: boolean; opens_at: Date | null; closes_at: Date | null }, now: Date): boolean {
  if (!s.active) return false;
  if (s.opens_at && new Date(s.opens_at) > now) return false;
  if (s.closes_at && new Date(s.closes_at) <= now) return false;
  return true;
}

export function showItem(r: SurveyItemRow, lang: Lang): ShownItem {
  return {
    id: r.id,
    code: r.code,
    block: r.block,
    type: r.type,
    required: r.required,
    options: r.options,
    maxLength: r.max_length,
    text: lang === "en" ? r.text_en : r.text_vi,
    help: (lang === "en" ? r.help_en : r.help_vi) || null,
  };
}

export async function itemsOfVersion(versionId: number, conn: DB = db()): Promise<SurveyItemRow[]> {
  return conn
    .selectFrom("survey_item")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** The latest published version of a survey (the one citizens answer), or null. */
export async function currentVersionId(surveyId: number, now = new Date(), conn: DB = db()): Promise<number | null> {
  const row = await conn
    .selectFrom("survey_version")
    .select("id")
    .where("survey_id", "=", surveyId)
    .where("published_at", "is not", null)
    .where("published_at", "<=", now)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

// Items of frozen versions, per database handle (tests open many). A version is frozen by its
// first response and its items never change after (see insertResponseInTrx), so every
// submission of a busy form skips reading ~25 rows it has read before.
const frozenItems = new WeakMap<object, Map<number, SurveyItemRow[]>>();

async function itemsForForm(versionId: number, frozen: boolean): Promise<SurveyItemRow[]> {
  const conn = db();
  let byVersion = frozenItems.get(conn);
  const known = byVersion?.get(versionId);
  if (known) return known;
  const rows = await itemsOfVersion(versionId, conn);
  if (frozen) {
    if (!byVersion) frozenItems.set(conn, (byVersion = new Map()));
    byVersion.set(versionId, rows);
  }
  return rows;
}

/** The agency's survey with this slug and its current version (id, frozen) as of `now`. */
function surveyBySlug(database: DB, agencyId: number, slug: string, now: Date) {
  return database
    .selectFrom("survey")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("survey_version as v")
          .select(["v.id", "v.frozen"])
          .whereRef("v.agency_id", "=", "survey.agency_id")
          .whereRef("v.survey_id", "=", "survey.id")
          .where("v.published_at", "is not", null)
          .where("v.published_at", "<=", now)
          .orderBy("v.version", "desc")
          .limit(1)
          .as("cv"),
      (join) => join.onTrue(),
    )
    .selectAll("survey")
    .select(["cv.id as current_version_id", "cv.frozen as current_frozen"])
    .where("survey.agency_id", "=", agencyId)
    .where("slug", "=", slug);
}

type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveyBySlug>["executeTakeFirstOrThrow"]>>;

async function shownSurvey(s: SurveyRow, lang: Lang, now: Date): Promise<ShownSurvey> {
  const versionId = s.current_version_id ?? null;
  const items = versionId ? (await itemsForForm(versionId, !!s.current_frozen)).map((r) => showItem(r, lang)) : [];
  return {
    id: s.id,
    slug: s.slug,
    kind: s.kind,
    title: lang === "en" ? s.title_en : s.title_vi,
    intro: lang === "en" ? s.intro_en : s.intro_vi,
    open: isOpen(s, now) && versionId !== null && items.length > 0,
    versionId,
    versionFrozen: !!s.current_frozen,
    items,
  };
}

/** A survey by its public slug with its current version's items; null when there is no such survey. */
export async function getSurveyForm(
  agencyId: number,
  slug: string,
  lang: Lang,
  now = new Date(),
): Promise<ShownSurvey | null> {
  // The survey and its current version in one round trip: every page view reads them.
  const s = await surveyBySlug(db(), agencyId, slug, now).executeTakeFirst();
  return s ? shownSurvey(s, lang, now) : null;
}

/** getSurveyForSubmission's statement, compiled once: every citizen's post runs it. A unit or
 * procedure of another agency is as unknown as one that does not exist. */
const submissionLookup = compiledOnce(
  (database: DB, agencyId: number, slug: string, now: Date, responseId: string, unitId: number, procedureId: number) =>
    surveyBySlug(database, agencyId, slug, now).select((eb) => [
      eb
        .exists(
          eb
            .selectFrom("response")
            .select("response.id")
            .where("response.agency_id", "=", agencyId)
            .where("response.id", "=", responseId),
        )
        .as("stored"),
      eb
        .selectFrom("unit")
        .select("unit.active")
        .where("unit.agency_id", "=", agencyId)
        .where("unit.id", "=", unitId)
        .as("unit_active"),
      eb
        .selectFrom("procedure")
        .select("procedure.active")
        .where("procedure.agency_id", "=", agencyId)
        .where("procedure.id", "=", procedureId)
        .as("procedure_active"),
      eb
        .selectFrom("procedure")
        .select("procedure.unit_id")
        .where("procedure.agency_id", "=", agencyId)
        .where("procedure.id", "=", procedureId)
        .as("procedure_unit_id"),
    ]),
);

/** What a submission needs to know before it is stored, read in ONE round trip (every citizen's
 * post asks it): the survey as getSurveyForm() shows it, whether a response with this id is
 * already stored (a resent form), and — when the post named a unit — resolvePlace()'s verdict. */
export async function getSurveyForSubmission(
  agencyId: number,
  slug: string,
  lang: Lang,
  probe: { responseId: string; unitId: number | null; procedureId: number | null },
  now = new Date(),
): Promise<{ survey: ShownSurvey; stored: boolean; place: PlaceCheck | null } | null> {
  const { unitId, procedureId } = probe;
  const [s] = (await submissionLookup(agencyId, slug, now, probe.responseId, unitId ?? 0, procedureId ?? 0)).rows;
  if (!s) return null;
  const place =
    unitId === null
      ? null
      : placeVerdict(
          unitId,
          s.unit_active === true,
          procedureId === null
            ? null
            : s.procedure_active === true
              ? { unitId: s.procedure_unit_id ?? null }
              : undefined,
        );
  remember(agencyId, slug, s);
  return { survey: await shownSurvey(s, lang, now), stored: !!s.stored, place };
}

// The survey row each slug had when a submission last looked it up, per database handle (tests
// open many). The next submission is judged against it without reading it again, and stored only
// if the statement that stores it finds the survey, its version, the place and the submission id
// still as assumed (docs/decisions/0014-judge-on-the-last-look-up.md). A row changed since, here or
// by another instance, never lets a response in: the post goes the way it always went. A minute's
// age bounds how old a survey's title on a re-shown form can be.
const RECENT_MS = 60_000;
const RECENT_MAX = 500;
const recentRows = new WeakMap<object, Map<string, { row: SurveyRow; at: number }>>();

function remember(agencyId: number, slug: string, row: SurveyRow) {
  const conn = db();
  let rows = recentRows.get(conn);
  if (!rows) recentRows.set(conn, (rows = new Map()));
  const key = `${agencyId}/${slug}`;
  rows.delete(key);
  if (rows.size >= RECENT_MAX) rows.delete(rows.keys().next().value!);
  rows.set(key, { row, at: Date.now() });
}

/** The survey as the last submission's look-up found it, shown as of `now`, if that was within the
 * last minute; null otherwise. Only a hint: see above. */
export async function recentSurveyForSubmission(
  agencyId: number,
  slug: string,
  lang: Lang,
  now: Date,
): Promise<ShownSurvey | null> {
  const seen = recentRows.get(db())?.get(`${agencyId}/${slug}`);
  if (!seen || Date.now() - seen.at > RECENT_MS) return null;
  return shownSurvey(seen.row, lang, now);
}

/** Whether the agency has a survey with this slug (its thanks page exists). */
export async function surveyExists(agencyId: number, slug: string): Promise<boolean> {
  const row = await db()
    .selectFrom("survey")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return !!row;
}

/** Surveys a citizen can answer now, for the public list. */
export async function listOpenSurveys(agencyId: number, lang: Lang, now = new Date()) {
  const rows = await db()
    .selectFrom("survey as s")
    .select(["s.id", "s.slug", "s.kind", "s.title_vi", "s.title_en", "s.intro_vi", "s.intro_en", "s.closes_at"])
    .where("s.agency_id", "=", agencyId)
    .where("s.active", "=", true)
    .where((eb) => eb.or([eb("s.opens_at", "is", null), eb("s.opens_at", "<=", now)]))
    .where((eb) => eb.or([eb("s.closes_at", "is", null), eb("s.closes_at", ">", now)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("survey_version as v")
          .select("v.id")
          .whereRef("v.agency_id", "=", "s.agency_id")
          .whereRef("v.survey_id", "=", "s.id")
          .where("v.published_at", "<=", now),
      ),
    )
    .orderBy("s.kind", "desc")
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    kind: r.kind,
    title: lang === "en" ? r.title_en : r.title_vi,
    intro: lang === "en" ? r.intro_en : r.intro_vi,
    closesAt: r.closes_at,
  }));
}

/** The unit and procedure a link or a citizen named, checked against the catalogue. */
export async function resolvePlace(agencyId: number, unitId: number, procedureId: number | null): Promise<PlaceCheck> {
  const unit = await db()
    .selectFrom("unit")
    .select(["id"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", unitId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!unit || procedureId === null) return placeVerdict(unitId, !!unit, null);
  const proc = await db()
    .selectFrom("procedure")
    .select(["id", "unit_id"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", procedureId)
    .where("active", "=", true)
    .executeTakeFirst();
  return placeVerdict(unitId, true, proc ? { unitId: proc.unit_id } : undefined);
}

/** Any version of a survey (the latest when none is named), as citizens would see it: the staff preview. */
export async function getSurveyVersionForPreview(
  agencyId: number,
  surveyId: number,
  version: number | null,
  lang: Lang,
) {
  const s = await db()
    .selectFrom("survey")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!s) return null;
  let q = db()
    .selectFrom("survey_version")
    .select(["id", "version", "published_at", "frozen"])
    .where("agency_id", "=", agencyId)
    .where("survey_id", "=", surveyId);
  q = version ? q.where("version", "=", version) : q.orderBy("version", "desc").limit(1);
  const v = await q.executeTakeFirst();
  if (!v) return null;
  const items = (await itemsOfVersion(v.id)).map((r) => showItem(r, lang));
  return {
    id: s.id,
    kind: s.kind,
    title: lang === "en" ? s.title_en : s.title_vi,
    intro: lang === "en" ? s.intro_en : s.intro_vi,
    version: v.version,
    published: !!v.published_at,
    frozen: v.frozen,
    items,
  };
}
