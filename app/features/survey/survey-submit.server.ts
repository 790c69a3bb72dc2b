// A citizen's submission of the public form, from the posted fields to a stored response: the
// signed token and link, the answers, the abuse signs, the store. Routes call submitSurvey().
import crypto from "node:crypto";
import * as z from "zod";
import type { Lang } from "~/kernel/i18n/i18n";
import { agencyPath } from "~/kernel/agency/agency-path";
import { allOf, firstOf, type PostedFields } from "~/kernel/forms/posted";
import { parseAnswers, type FormValues } from "~/features/survey/answers";
import type { SurveyContext } from "~/features/survey/context";
import { offersFeedback } from "~/features/survey/feedback";
import {
  changedAnswers,
  contentKey,
  decideFlags,
  LIMITS,
  rateReason,
  retroSpan,
  type SourceKind,
} from "~/features/survey/flags";
import {
  countedKeys,
  overLimit,
  sweepRateLimitsDue,
  type CountedKey,
  type Limit,
} from "~/kernel/limits/rate-limit.server";
import { flagSourceWindow, sweepResponseSources } from "~/features/survey/response-flags.server";
import { storedContent, storeResponse, thanksFor, type Counts } from "~/features/survey/response.server";
import { getSurveyForSubmission, recentSurveyForSubmission, type ShownSurvey } from "~/features/survey/survey.server";
import type { PlaceCheck } from "~/features/survey/place";
import type { Client } from "~/kernel/http/client";
import { getSecrets } from "~/kernel/secrets.server";
import { keyedHash } from "~/kernel/sign.server";
import { HONEYPOT_FIELD, signLink, TOKEN_FIELD, verifyFormToken } from "~/features/survey/survey-tokens.server";

const placeSchema = z.object({
  unit: z.coerce.number({ error: "survey.errors.chooseUnit" }).int().positive({ error: "survey.errors.chooseUnit" }),
  procedure: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
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
  | {
      kind: "invalid";
      survey: ShownSurvey;
      token: string;
      context?: SurveyContext;
      errors: Record<string, string>;
      values: FormValues;
    }
  | {
      kind: "duplicate_dossier";
      survey: ShownSurvey;
      token: string;
      context?: SurveyContext;
      errors: Record<string, string>;
      values: FormValues;
    }
  | { kind: "stale" }
  | { kind: "thanks"; location: string };

export async function thanksLocation(
  prefix: string | null,
  slug: string,
  info: { unitId: number; procedureId: number | null; offerFeedback: boolean },
  context?: SurveyContext,
) {
  const q = new URLSearchParams();
  if (info.offerFeedback) {
    q.set("unit", String(info.unitId));
    if (info.procedureId) q.set("procedure", String(info.procedureId));
  }
  // The link goes along so "another form" (and a kiosk's fresh form) keeps the unit and counter.
  if (context) q.set("c", await signLink(context));
  const qs = q.toString();
  return agencyPath(prefix, `/s/${encodeURIComponent(slug)}/thanks${qs ? `?${qs}` : ""}`);
}

/** `fields`: the posted form as plain values (the route reads the request); `client`: where it came
 * from, for the address's limit; `deviceId`: the device cookie's value, if any. `keepOnly`: the
 * reader switched language mid-form; the answers come back as typed, unjudged and unstored (an
 * "invalid" outcome with no errors). */
export async function submitSurvey(args: {
  client: Client;
  /** The agency of the page's path (docs/rules/agencies.md) and its path prefix. */
  agency: { id: number; prefix: string | null };
  slug: string;
  fields: PostedFields;
  lang: Lang;
  deviceId: string | null;
  now?: Date;
  keepOnly?: boolean;
}): Promise<SubmitOutcome> {
  const { agency, slug, fields, lang } = args;
  const now = args.now ?? new Date();
  const tokenString = firstOf(fields, TOKEN_FIELD) ?? "";
  const token = await verifyFormToken(tokenString);
  // A token is good for the agency and survey it was issued for only: one issued on another
  // agency's page cannot write here, nor replay its submission id here.
  if (!token || token.s !== slug || token.a !== agency.id) return { kind: "bad_form" };
  const context = token.c;

  // Where the service was given: from the signed link, or chosen by the citizen.
  const placeInput = {
    unit: context ? context.u : (firstOf(fields, "unit") ?? ""),
    procedure: context?.p ?? firstOf(fields, "procedure") ?? "",
  };
  const place = placeSchema.safeParse(placeInput);
  const unitId = place.success ? place.data.unit : null;
  const procedureId = place.success ? (place.data.procedure ?? null) : null;

  const post: Post = { ...args, now, token, tokenString, context, placeInput, unitId, procedureId };

  // Judged first against the survey as this instance last looked it up, when it did so within the
  // minute and the post can be a new response: the statement that stores it confirms what was
  // assumed (docs/decisions/0014-judge-on-the-last-look-up.md). Anything else, and a confirmation
  // that fails, is judged on a fresh look-up, as every post was before.
  if (!args.keepOnly && unitId !== null) {
    const recent = await recentSurveyForSubmission(agency.id, slug, lang, now);
    if (recent?.open && recent.versionId && recent.versionFrozen) {
      const out = await submitFound(post, { survey: recent, stored: false, place: { ok: true } }, true);
      if (out) return out;
    }
  }
  const found = await getSurveyForSubmission(
    agency.id,
    slug,
    lang,
    { responseId: token.sid, unitId, procedureId },
    now,
  );
  if (!found) return { kind: "not_found" };
  return (await submitFound(post, found, false))!;
}

/** A post whose token held, with where it says the service was given. */
type Post = Parameters<typeof submitSurvey>[0] & {
  now: Date;
  token: NonNullable<Awaited<ReturnType<typeof verifyFormToken>>>;
  tokenString: string;
  context: SurveyContext | undefined;
  placeInput: { unit: string | number; procedure: string | number };
  unitId: number | null;
  procedureId: number | null;
};

/** The post judged against `found` and, when it holds, counted and stored. With `assumed`, `found`
 * is a remembered look-up: null when the post is not one to store as a new response at once, or
 * the store finds the survey, place or submission id not as assumed (nothing is then written). */
async function submitFound(
  post: Post,
  found: { survey: ShownSurvey; stored: boolean; place: PlaceCheck | null },
  assumed: boolean,
): Promise<SubmitOutcome | null> {
  const { client, agency, slug, fields, lang, deviceId, now, token, tokenString, context, placeInput } = post;
  const { unitId, procedureId } = post;
  const { survey } = found;

  // This form already brought a response. The same answers again are a resend (double tap, back
  // and send again, a retry): the same thanks page, nothing written. Different answers are a
  // second person on the same phone, stored below as a response of its own.
  const earlier = found.stored ? await storedContent(agency.id, token.sid) : null;
  const replay = async () => ({
    kind: "thanks" as const,
    location: await thanksLocation(agency.prefix, slug, (await thanksFor(agency.id, token.sid))!, context),
  });
  // Answered under an earlier version, or the survey has closed since: only a resend comes back so.
  if (found.stored && (!earlier || earlier.versionId !== survey.versionId || !survey.open)) return replay();
  if (!survey.open || !survey.versionId) return { kind: "closed" };

  const { parsed, errors, values, dossier } = await judge(survey, found.place, fields, placeInput);
  if (post.keepOnly) return { kind: "invalid", survey, token: tokenString, context, errors: {}, values };
  if (!parsed.ok || unitId === null || Object.keys(errors).length) {
    return assumed ? null : { kind: "invalid", survey, token: tokenString, context, errors, values };
  }

  const content = { unitId, procedureId, dossierHash: dossier, answers: parsed.answers };
  /** The id to store this content under, given the response already stored with the form's id. */
  const second = (stored: NonNullable<typeof earlier>) =>
    contentKey(stored) === contentKey(content)
      ? null
      : {
          id: secondId(token.sid, contentKey(content)),
          sinceEarlierMs: now.getTime() - stored.submittedAt.getTime(),
          changedAnswers: changedAnswers(stored.answers, parsed.answers),
        };
  type Target = { id: string; sinceEarlierMs?: number; changedAnswers?: number };
  let target: Target | null = earlier ? second(earlier) : { id: token.sid };
  if (!target) return replay();

  const counters = await sourceCounters(client, context, deviceId, now);
  const base = {
    agencyId: agency.id,
    surveyId: survey.id,
    versionId: survey.versionId,
    unitId,
    procedureId,
    counter: context?.k || null,
    channel: context?.ch ?? ("web" as const),
    lang,
    startedAt: new Date(token.t),
    submittedAt: now,
    dossierHash: dossier,
    enteredBy: null,
    answers: parsed.answers,
    versionFrozen: survey.versionFrozen,
    sources: counters.map((c) => ({ source: c.key, windowStart: c.windowStart })),
  };
  const flagsFor = (t: { sinceEarlierMs?: number; changedAnswers?: number }, over: Counted[]) =>
    decideFlags({
      honeypot: firstOf(fields, HONEYPOT_FIELD) ?? "",
      elapsedMs: now.getTime() - token.t,
      answered: parsed.answers.length,
      overLimit: over.map((l) => l.kind),
      sinceEarlierMs: t.sinceEarlierMs,
      changedAnswers: t.changedAnswers,
    });

  // The post is counted against its sources in the same statement that stores it: the statement
  // adds the reason of each source this hit takes over its limit (docs/rules/flags.md).
  let result = await storeResponse({
    ...base,
    id: target.id,
    flagReasons: flagsFor(target, []),
    counting: counters.map((c) => ({ ...c, reason: rateReason(c.kind) })),
    assumed: assumed ? { slug, at: now } : undefined,
  });
  if (result.status === "changed") return null;
  const over = "counts" in result ? overSources(counters, result.counts) : [];
  await sweepRateLimitsDue(now);
  if (result.status === "replayed" && target.id === token.sid) {
    // Another post with this form was stored while this one was on its way: the same answers are
    // the same response; different ones a second response, flagged as this post's count said.
    const stored = await storedContent(agency.id, token.sid);
    target = stored && second(stored);
    if (target) result = await storeResponse({ ...base, id: target.id, flagReasons: flagsFor(target, over) });
  }
  // A mistyped code is the likely cause: the answers come back with the code marked, to fix it.
  if (result.status === "duplicate_dossier")
    return {
      kind: "duplicate_dossier",
      survey,
      token: tokenString,
      context,
      errors: { dossier: "survey.errors.dossierUsed" },
      values,
    };
  if (result.status === "stale_form" || result.status === "changed") return { kind: "stale" };
  if (result.status === "stored") await flagOverLimitSources(over, now);
  const info =
    result.status === "stored"
      ? { unitId, procedureId, offerFeedback: offersFeedback(survey.items, parsed.answers) }
      : (await thanksFor(agency.id, result.id))!;
  return { kind: "thanks", location: await thanksLocation(agency.prefix, slug, info, context) };
}

/** The posted answers, unit, procedure and dossier code judged against the survey's items and the
 * catalogue's verdict on the place: the errors to show, the values to show them with, and what to
 * store when there are none. */
async function judge(
  survey: ShownSurvey,
  check: PlaceCheck | null,
  fields: PostedFields,
  placeInput: Post["placeInput"],
) {
  const parsed = parseAnswers(survey.items, (name: string) => allOf(fields, name));
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const values: FormValues = {
    ...parsed.values,
    unit: String(placeInput.unit),
    procedure: String(placeInput.procedure ?? ""),
  };
  // No verdict means the post named no valid unit at all.
  if (!check) errors.unit = "survey.errors.chooseUnit";
  else if (!check.ok) {
    if (check.reason === "unit") errors.unit = "survey.errors.chooseUnit";
    else
      errors.procedure =
        check.reason === "mismatch" ? "survey.errors.procedureOtherUnit" : "survey.errors.chooseProcedure";
  }

  let dossier: string | null = null;
  if (survey.kind === "A") {
    const raw = firstOf(fields, "dossier") ?? "";
    values.dossier = raw;
    const d = dossierSchema.safeParse(raw);
    if (!d.success) errors.dossier = d.error.issues[0].message;
    else if (d.data) dossier = await dossierHash(survey.id, d.data);
  }
  return { parsed, errors, values, dossier };
}

/** The id of a second, different response sent with the form `sid`: derived from the form's id
 * and the content, so a resend of that second response is stored once too. */
export function secondId(sid: string, content: string): string {
  const h = crypto.createHash("sha256").update(`${sid}\n${content}`).digest("hex");
  // Shaped as an RFC 9562 version 8 (custom) uuid.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A source's counter, and once counted its count in the window. `key` is the rate-limit key as
 * rate_limit stores it (namespace and keyed hash: never the device id or address). */
type Counter = Limit & CountedKey & { kind: SourceKind };
type Counted = Counter & { count: number };

/** The counters this submission counts against: the device (cookie), the signed link, the
 * address. The address is set high: a whole service hall may share it. Every key is counted,
 * even after one is over, so each limit sees the true traffic. There is no limit on the form as a
 * whole: it would flag everyone's answers once a flood passed it. */
async function sourceCounters(
  client: Client,
  context: SurveyContext | undefined,
  deviceId: string | null,
  now: Date,
): Promise<Counter[]> {
  const keys: (Limit & { kind: SourceKind })[] = [];
  const kiosk = context?.ch === "kiosk";
  if (deviceId)
    keys.push({ kind: "device", key: `survey-device:${deviceId}`, ...(kiosk ? LIMITS.kioskDevice : LIMITS.device) });
  if (context)
    keys.push({
      kind: "link",
      key: `survey-link:${context.u}|${context.k ?? ""}|${context.ch}|${context.p ?? ""}`,
      ...LIMITS.link,
    });
  keys.push({ kind: "address", key: `survey-ip:${client.ip}`, ...LIMITS.address });
  return countedKeys(keys, (await getSecrets())[0], now);
}

/** The counters this submission took past their limit, with their counts. */
function overSources(counters: Counter[], counts: Counts): Counted[] {
  return counters.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 })).filter((c) => overLimit(c.count, c.limit));
}

let lastSweep = 0;

/** A source just past its limit also flags what it sent earlier in the window: the flood's first
 * posts, sent before the limit, must not count either (docs/rules/flags.md). */
async function flagOverLimitSources(over: Counted[], now: Date): Promise<void> {
  for (const o of over) {
    const past = o.count - o.limit;
    const span = retroSpan(o.limit);
    // Right after the limit, then once every `span` posts: a response of the source that was
    // still being stored during the first passes is caught by a later one while the flood goes on.
    if (past <= span || past % span === 0) await flagSourceWindow(o.key, o.windowStart, rateReason(o.kind));
  }
  if (now.getTime() - lastSweep > 60_000) {
    lastSweep = now.getTime();
    await sweepResponseSources(now);
  }
}
