// What the public survey page shows: the survey in the reader's language, where it is answered
// (from the signed link, or lists to choose from), and a fresh signed form token.
import type { Lang } from "~/kernel/i18n/i18n";
import type { SurveyContext } from "~/features/survey/context";
import type { PlaceChoice } from "~/features/survey/items";
import { getSurveyForm, type ShownSurvey } from "~/features/survey/survey.server";
import { db } from "~/kernel/db/db.server";
import { agencyCatalog } from "~/features/survey/agency-catalog.server";
import { chooseSubmission, type Pending } from "~/features/survey/pending";
import { responseSentAt } from "~/features/survey/response.server";
import { signFormToken, surveyPath, verifyLink } from "~/features/survey/survey-tokens.server";

export type SurveyPage =
  | { state: "bad_link" }
  | { state: "not_found" }
  | { state: "closed"; survey: ShownSurvey }
  | {
      state: "form";
      survey: ShownSurvey;
      token: string;
      context?: SurveyContext;
      place: PlaceChoice;
      kioskReset: string | null;
      /** The id this page carries, to remember in the browser (not for a kiosk). */
      pending: Pending | null;
      /** This browser already sent this very form a moment ago. */
      alreadySent: boolean;
    };

export async function placeChoice(agencyId: number, lang: Lang, context?: SurveyContext): Promise<PlaceChoice> {
  if (context) {
    const unit = await db()
      .selectFrom("unit")
      .select(["name_vi", "name_en"])
      .where("agency_id", "=", agencyId)
      .where("id", "=", context.u)
      .executeTakeFirst();
    const proc = context.p
      ? await db()
          .selectFrom("procedure")
          .select(["name_vi", "name_en"])
          .where("agency_id", "=", agencyId)
          .where("id", "=", context.p)
          .executeTakeFirst()
      : undefined;
    const pick = (r?: { name_vi: string; name_en: string }) => (r ? (lang === "en" ? r.name_en : r.name_vi) : null);
    const fixed = { unit: pick(unit) ?? "", procedure: pick(proc), counter: context.k || null };
    // A link without a procedure still lets the person name it, among the unit's own procedures.
    const procs = context.p ? [] : (await agencyCatalog(agencyId, lang, context.u)).procedures;
    return {
      fixed,
      units: [],
      procedureGroups: procs.length
        ? [{ unit: fixed.unit, procedures: procs.map((p) => ({ id: p.id, name: p.name })) }]
        : [],
    };
  }
  const { units, procedures } = await agencyCatalog(agencyId, lang);
  const procedureGroups = units
    .map((u) => ({
      unit: u.name,
      procedures: procedures.filter((p) => p.unitId === u.id).map((p) => ({ id: p.id, name: p.name })),
    }))
    .filter((g) => g.procedures.length > 0);
  return { fixed: null, units, procedureGroups };
}

export interface SurveyPageQuery {
  /** The agency of the page's path (docs/rules/agencies.md) and its path prefix. */
  agency: { id: number; prefix: string | null };
  slug: string;
  linkParam: string | null;
  lang: Lang;
  /** The id remembered for this browser, its link's key, and whether a new form was asked for. */
  pending?: Pending | null;
  ctxKey?: string;
  fresh?: boolean;
  now?: Date;
}

export async function loadSurveyPage(r: SurveyPageQuery): Promise<SurveyPage> {
  const now = r.now ?? new Date();
  let context: SurveyContext | undefined;
  if (r.linkParam !== null) {
    const verified = await verifyLink(r.linkParam);
    if (!verified) return { state: "bad_link" };
    // A link for a unit that no longer exists, or another agency's, is as good as a broken one.
    const unit = await db()
      .selectFrom("unit")
      .select("id")
      .where("agency_id", "=", r.agency.id)
      .where("id", "=", verified.u)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!unit) return { state: "bad_link" };
    context = verified;
  }
  const survey = await getSurveyForm(r.agency.id, r.slug, r.lang, now);
  if (!survey) return { state: "not_found" };
  if (!survey.open) return { state: "closed", survey };
  const kiosk = context?.ch === "kiosk";
  let pending: Pending | null = null;
  let alreadySent = false;
  if (!kiosk) {
    const ctx = r.ctxKey ?? "-";
    const sentAt = r.pending && !r.fresh ? await responseSentAt(r.agency.id, r.pending.sid) : null;
    const choice = chooseSubmission({ pending: r.pending ?? null, ctx, fresh: !!r.fresh, sentAt, now });
    pending = choice.reuse ? r.pending! : { sid: crypto.randomUUID(), t: now.getTime(), ctx };
    alreadySent = choice.reuse && choice.alreadySent;
  }
  const issued = pending ?? { sid: crypto.randomUUID(), t: now.getTime() };
  const [token, place] = await Promise.all([
    signFormToken({ sid: issued.sid, t: issued.t, a: r.agency.id, s: r.slug, ...(context ? { c: context } : {}) }),
    placeChoice(r.agency.id, r.lang, context),
  ]);
  const kioskReset = kiosk ? await surveyPath(r.agency.prefix, r.slug, context) : null;
  return { state: "form", survey, token, context, place, kioskReset, pending, alreadySent };
}
