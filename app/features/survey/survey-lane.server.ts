// The public survey's direct lane (docs/decisions/0010-direct-submission-lane.md): the steps of the
// survey page's action (app/routes/s.$slug.tsx) on the plain values the server's gate hands over,
// so a thanked submission, nearly every post, never goes through Remix: 1.1–1.5 ms of server CPU
// less per post on a loaded machine (the decision has the figures). Anything else goes on to Remix,
// and the action renders what came of the submission without submitting it again.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { agencyForCode, type AgencyRef } from "~/kernel/agency/agency.server";
import type { DirectAnswer, DirectPost } from "~/kernel/http/direct-post.server";
import { langOf } from "~/kernel/http/i18n.server";
import { refusesOrigin, urlencodedFields } from "~/kernel/http/request.server";
import { isLang, LANG_PARAM, LANG_SWITCH_FIELD } from "~/kernel/i18n/i18n";
import { NO_STORE } from "./components/route-parts";
import { readDeviceId } from "./device.server";
import { submitSurvey, type SubmitOutcome } from "./survey-submit.server";

/** The load context's key for what the lane made of a post: its outcome, or what it threw. */
const SUBMITTED = "surveySubmitted";
type Submitted = { outcome: SubmitOutcome } | { error: unknown };

/** A thanked submission's answer, the same from the action and the lane. */
export const thanksAnswer = (location: string) => redirect(location, { headers: NO_STORE });

const toRemix: DirectAnswer = { pass: true };

export async function surveyDirectPost(post: DirectPost): Promise<DirectAnswer> {
  // Until submitSurvey runs nothing is written: whatever the action would refuse (another site's
  // form, an unknown agency) or fail on goes to Remix, which does exactly what it always did.
  if (refusesOrigin(post.site, post.origin, post.host)) return toRemix;
  const lang = langOf(post.search.get(LANG_PARAM), post.cookie, post.acceptLanguage);
  let agency: AgencyRef | null;
  try {
    agency = await agencyForCode(post.params.agency);
  } catch {
    return toRemix;
  }
  if (!agency) return toRemix;
  const fields = urlencodedFields(post.body);
  const switching = isLang(fields.get(LANG_SWITCH_FIELD)?.[0] ?? null);
  let submitted: Submitted;
  try {
    const outcome = await submitSurvey({
      client: { ip: post.clientIp },
      agency,
      slug: post.params.slug ?? "",
      fields,
      lang,
      deviceId: readDeviceId(post.cookie),
      keepOnly: switching,
    });
    if (outcome.kind === "thanks") return { answer: thanksAnswer(outcome.location) };
    submitted = { outcome };
  } catch (error) {
    submitted = { error };
  }
  // Counted and perhaps stored: the action must not submit this post again (a rate-limit hit
  // counted twice, a second response). It renders this outcome, or throws this error, instead.
  return { pass: true, context: { [SUBMITTED]: submitted } };
}

/** What the lane already made of this request's post, for the action to answer (undefined: the
 * action submits it itself). A failure inside the lane is thrown here, where the action would
 * have thrown it, so Remix handles it as it always has. */
export function submittedByLane(context: AppLoadContext): SubmitOutcome | undefined {
  const s = context[SUBMITTED] as Submitted | undefined;
  if (!s) return undefined;
  if ("error" in s) throw s.error;
  return s.outcome;
}
