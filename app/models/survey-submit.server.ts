// A citizen's submission of the public form, from the posted fields to a stored response: the
// signed token and link, the answers, the abuse signs, the store. Routes call submitSurvey().
import * as z from "zod";
import type { Lang } from "~/lib/i18n";
import { parseAnswers, type FormValues } from "~/lib/survey/answers";
import type { SurveyContext } from "~/lib/survey/context";
import { offersFeedback } from "~/lib/survey/feedback";
import { decideFlags, LIMITS } from "~/lib/survey/flags";
import { hitAll, type Limit } from "~/models/rate-limit.server";
import { storeResponse, thanksFor } from "~/models/response.server";
import { getSurveyForSubmission, type ShownSurvey } from "~/models/survey.server";
import { clientIp } from "~/utils/request.server";
import { keyedHash } from "~/utils/sign.server";
import { HONEYPOT_FIELD, signLink, TOKEN_FIELD, verifyFormToken } from "~/utils/survey-tokens.server";

const placeSchema = z.object({
  unit: z.coerce.number({ error: "survey.errors.chooseUnit" }).int().positive({ error: "survey.errors.chooseUnit" }),
  procedure: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional()),
});
const dossierSchema = z.string().trim().max(40, { error: "survey.errors.dossierTooLong" });

const normaliseDossier = (code: string) => code.toUpperCase().replace(/\s+/g, "");

/** The only form a dossier code is kept in: a keyed hash, per survey, of the code without spaces
 * or case, so "hs 001" and "HS001" are the same dossier. */
export const dossierHash = (surveyId: number, code: string) => keyedHash(`dossier:${surveyId}`, normaliseDossier(code));

export type SubmitOutcome =
  | { kind: "bad_form" }
  | { kind: "not_found" }
  | { kind: "closed" }
  | { kind: "invalid"; survey: ShownSurvey; token: string; context?: SurveyContext; errors: Record<string, string>; values: FormValues }
  | { kind: "duplicate_dossier" }
  | { kind: "stale" }
  | { kind: "thanks"; location: string };

export async function thanksLocation(slug: string, info: { unitId: number; procedureId: number | null; offerFeedback: boolean }, context?: SurveyContext) {
  const q = new URLSearchParams();
  if (info.offerFeedback) {
    q.set("unit", String(info.unitId));
    if (info.procedureId) q.set("procedure", String(info.procedureId));
  }
  // The link goes along so "another form" (and a kiosk's fresh form) keeps the unit and counter.
  if (context) q.set("c", await signLink(context));
  const qs = q.toString();
  return `/s/${encodeURIComponent(slug)}/thanks${qs ? `?${qs}` : ""}`;
}

export async function submitSurvey(args: { request: Request; slug: string; form: FormData; lang: Lang; deviceId: string | null; now?: Date }): Promise<SubmitOutcome> {
  const { request, slug, form, lang, deviceId } = args;
  const now = args.now ?? new Date();
  const tokenString = String(form.get(TOKEN_FIELD) ?? "");
  const token = await verifyFormToken(tokenString);
  if (!token || token.s !== slug) return { kind: "bad_form" };
  const context = token.c;

  // Where the service was given: from the signed link, or chosen by the citizen.
  const placeInput = { unit: context ? context.u : (form.get("unit") ?? ""), procedure: context?.p ?? form.get("procedure") ?? "" };
  const place = placeSchema.safeParse(placeInput);
  const unitId = place.success ? place.data.unit : null;
  const procedureId = place.success ? (place.data.procedure ?? null) : null;

  const found = await getSurveyForSubmission(slug, lang, { responseId: token.sid, unitId, procedureId }, now);
  if (!found) return { kind: "not_found" };
  const { survey } = found;

  // A retry of a form already stored shows the same thanks page and writes nothing.
  if (found.stored) {
    const info = await thanksFor(token.sid);
    return { kind: "thanks", location: await thanksLocation(slug, info!, context) };
  }
  if (!survey.open || !survey.versionId) return { kind: "closed" };

  const read = (name: string) => form.getAll(name).map(String);
  const parsed = parseAnswers(survey.items, read);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const values: FormValues = { ...parsed.values, unit: String(placeInput.unit), procedure: String(placeInput.procedure ?? "") };
  // No verdict means the post named no valid unit at all.
  const check = found.place;
  if (!check) errors.unit = "survey.errors.chooseUnit";
  else if (!check.ok) {
    if (check.reason === "unit") errors.unit = "survey.errors.chooseUnit";
    else errors.procedure = check.reason === "mismatch" ? "survey.errors.procedureOtherUnit" : "survey.errors.chooseProcedure";
  }

  let dossier: string | null = null;
  if (survey.kind === "A") {
    const raw = String(form.get("dossier") ?? "");
    values.dossier = raw;
    const d = dossierSchema.safeParse(raw);
    if (!d.success) errors.dossier = d.error.issues[0].message;
    else if (d.data) dossier = await dossierHash(survey.id, d.data);
  }

  if (!parsed.ok || unitId === null || Object.keys(errors).length) {
    return { kind: "invalid", survey, token: tokenString, context, errors, values };
  }

  const overLimit = await overAnyLimit(request, survey.id, context, deviceId, now);
  const flagReasons = decideFlags({
    honeypot: String(form.get(HONEYPOT_FIELD) ?? ""),
    elapsedMs: now.getTime() - token.t,
    answered: parsed.answers.length,
    overLimit,
  });

  const result = await storeResponse({
    id: token.sid,
    surveyId: survey.id,
    versionId: survey.versionId,
    unitId,
    procedureId,
    counter: context?.k || null,
    channel: context?.ch ?? "web",
    lang,
    startedAt: new Date(token.t),
    submittedAt: now,
    flagReasons,
    dossierHash: dossier,
    enteredBy: null,
    answers: parsed.answers,
    versionFrozen: survey.versionFrozen,
  });
  if (result.status === "duplicate_dossier") return { kind: "duplicate_dossier" };
  if (result.status === "stale_form") return { kind: "stale" };
  const info =
    result.status === "stored" ? { unitId, procedureId, offerFeedback: offersFeedback(survey.items, parsed.answers) } : (await thanksFor(result.id))!;
  return { kind: "thanks", location: await thanksLocation(slug, info, context) };
}

/** Counts this submission against every limit that applies; true when any is exceeded. The
 * address is only one of them and set high: a whole service hall may share it. */
async function overAnyLimit(request: Request, surveyId: number, context: SurveyContext | undefined, deviceId: string | null, now: Date) {
  const keys: Limit[] = [];
  const kiosk = context?.ch === "kiosk";
  if (deviceId) keys.push({ key: `survey-device:${deviceId}`, ...(kiosk ? LIMITS.kioskDevice : LIMITS.device) });
  if (context) keys.push({ key: `survey-link:${context.u}|${context.k ?? ""}|${context.ch}|${context.p ?? ""}`, ...LIMITS.link });
  else keys.push({ key: `survey-open:${surveyId}`, ...LIMITS.openForm });
  keys.push({ key: `survey-ip:${clientIp(request)}`, ...LIMITS.address });
  // Every key is counted, even after one is over, so each limit sees the true traffic.
  return (await hitAll(keys, now)).some((r) => !r.allowed);
}
