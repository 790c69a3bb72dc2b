// The survey's signed strings: the counter link (?c=) and the hidden form token (_f).
import { contextSchema, formTokenSchema, type FormToken, type SurveyContext } from "~/features/survey/context";
import { agencyPath } from "~/kernel/agency/agency-path";
import { sign, verify } from "~/kernel/sign.server";

const LINK_PURPOSE = "survey-link";
const TOKEN_PURPOSE = "survey-form";
export const TOKEN_FIELD = "_f";
export const HONEYPOT_FIELD = "website";

/** Keys in one fixed order, so the same link always signs to the same string (a kiosk's
 * "fresh form" address is then exactly the address staff issued). */
export const signLink = (c: SurveyContext) =>
  sign(LINK_PURPOSE, { u: c.u, ...(c.k ? { k: c.k } : {}), ch: c.ch, ...(c.p ? { p: c.p } : {}) });
export const verifyLink = (token: string | null | undefined) => verify(LINK_PURPOSE, token, contextSchema);
export const verifyFormToken = (token: string | null | undefined) => verify(TOKEN_PURPOSE, token, formTokenSchema);
export const signFormToken = (t: FormToken) => sign(TOKEN_PURPOSE, t);

/** A fresh form: a new submission id and the time it was issued, bound to the agency, survey and link. */
export function issueFormToken(
  agencyId: number,
  slug: string,
  context: SurveyContext | undefined,
  now = Date.now(),
): Promise<string> {
  return signFormToken({ sid: crypto.randomUUID(), t: now, a: agencyId, s: slug, ...(context ? { c: context } : {}) });
}

/** The survey's public address under its agency's prefix (null: the default agency), with the
 * signed link when there is one. */
export async function surveyPath(prefix: string | null, slug: string, context?: SurveyContext): Promise<string> {
  const base = agencyPath(prefix, `/s/${encodeURIComponent(slug)}`);
  return context ? `${base}?c=${await signLink(context)}` : base;
}
