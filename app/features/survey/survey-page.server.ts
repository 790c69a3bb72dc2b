// What the public survey page shows: the survey in the reader's language, where it is answered
// (from the signed link, or lists to choose from), and a fresh signed form token.
import type { Lang } from "~/kernel/i18n/i18n";
import type { SurveyContext } from "~/features/survey/context";
import type { PlaceChoice } from "~/features/survey/items";
import { listProcedures, listUnits } from "~/features/admin/catalog.server";
import { getSurveyForm, type ShownSurvey } from "~/features/survey/survey.server";
import { db } from "~/kernel/db/db.server";
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

export async function placeChoice(lang: Lang, context?: SurveyContext): Promise<PlaceChoice> {
  if (context) {
    const unit = await db()
      .selectFrom("unit")
      .select(["name_vi", "name_en"])
      .where("id", "=", context.u)
      .executeTakeFirst();
    const proc = context.p
      ? await db().selectFrom("procedure").select(["name_vi", "name_en"]).where("id", "=", context.p).executeTakeFirst()
      : undefined;
    const pick = (r?: { name_vi: string; name_en: string }) => (r ? (lang === "en" ? r.name_en : r.name_vi) : null);
    const fixed = { unit: pick(unit) ?? "", procedure: pick(proc), counter: context.k || null };
    // A link without a procedure still lets the person name it, among the unit's own procedures.
    const procs = context.p ? [] : await listProcedures(lang, context.u);
    return {
      fixed,
      units: [],
      procedureGroups: procs.length
        ? [{ unit: fixed.unit, procedures: procs.map((p) => ({ id: p.id, name: p.name })) }]
        : [],
    };
  }
  const [units, procs] = await Promise.all([listUnits(lang), listProcedures(lang)]);
  const procedureGroups = units
    .map((u) => ({
      unit: u.name,
      procedures: procs.filter((p) => p.unitId === u.id).map((p) => ({ id: p.id, name: p.name })),
    }))
    .filter((g) => g.procedures.length > 0);
  return { fixed: null, units: units.map((u) => ({ id: u.id, name: u.name })), procedureGroups };
}

export interface SurveyPageQuery {
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
    // A link for a unit that no longer exists is as good as a broken one.
    const unit = await db()
      .selectFrom("unit")
      .select("id")
      .where("id", "=", verified.u)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!unit) return { state: "bad_link" };
    context = verified;
  }
  const survey = await getSurveyForm(r.slug, r.lang, now);
  if (!survey) return { state: "not_found" };
  if (!survey.open) return { state: "closed", survey };
  const kiosk = context?.ch === "kiosk";
  let pending: Pending | null = null;
  let alreadySent = false;
  if (!kiosk) {
    const ctx = r.ctxKey ?? "-";
    const sentAt = r.pending && !r.fresh ? await responseSentAt(r.pending.sid) : null;
    const choice = chooseSubmission({ pending: r.pending ?? null, ctx, fresh: !!r.fresh, sentAt, now });
    pending = choice.reuse ? r.pending! : { sid: crypto.randomUUID(), t: now.getTime(), ctx };
    alreadySent = choice.reuse && choice.alreadySent;
  }
  const issued = pending ?? { sid: crypto.randomUUID(), t: now.getTime() };
  const [token, place] = await Promise.all([
    signFormToken({ sid: issued.sid, t: issued.t, s: r.slug, ...(context ? { c: context } : {}) }),
    placeChoice(r.lang, context),
  ]);
  const kioskReset = kiosk ? await surveyPath(r.slug, context) : null;
  return { state: "form", survey, token, context, place, kioskReset, pending, alreadySent };
}
