// Test helpers for surveys: the demo forms in this file's database, and the public page's
// loader/action called the way a browser would call them.
import crypto from "node:crypto";
import { action, loader } from "~/routes/s.$slug";
import type { SurveyContext } from "~/features/survey/context";
import { db } from "~/kernel/db/db.server";
import { signFormToken, signLink } from "~/features/survey/survey-tokens.server";
import { FORM_A, FORM_B } from "~/features/survey/forms";
import { postedFields } from "~/kernel/forms/posted";
import { parseAnswers } from "~/features/survey/answers";
import type { StoreResponseInput } from "~/features/survey/response.server";
import { getSurveyForm } from "~/features/survey/survey.server";
import { seedSurveys } from "../../db/seed/survey";

export const SLUG_B = FORM_B.slug;
export const SLUG_A = FORM_A.slug;

/** Form A and B, published now, unless this database already has them. */
export async function ensureForms() {
  const have = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirst();
  if (!have) await seedSurveys(db(), new Date(Date.now() - 60_000));
}

export async function makeProcedure(unitId: number, code = `P${crypto.randomBytes(3).toString("hex")}`) {
  const row = await db()
    .insertInto("procedure")
    .values({
      code,
      name_vi: `Thủ tục ${code}`,
      name_en: `Procedure ${code}`,
      field_vi: "Lĩnh vực",
      field_en: "Field",
      unit_id: unitId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A form token as the page issues it, issued `ageMs` ago (old enough by default not to look hurried). */
export function formToken(slug: string, opts: { sid?: string; ageMs?: number; c?: SurveyContext } = {}) {
  return signFormToken({
    sid: opts.sid ?? crypto.randomUUID(),
    a: 1,
    t: Date.now() - (opts.ageMs ?? 120_000),
    s: slug,
    ...(opts.c ? { c: opts.c } : {}),
  });
}

export { signLink };

const REQUIRED_B = FORM_B.items.filter((i) => i.required).map((i) => i.code);

/** Every required Form B question answered with `value` (L5), plus the fields given. */
export function formBFields(value = "4", extra: Record<string, string | string[]> = {}) {
  const f: Record<string, string | string[]> = {};
  for (const code of REQUIRED_B) f[`q_${code}`] = value;
  return { ...f, ...extra };
}

/** A web response of Form B to `unitId` at `at`, every required answer "4", as the public form
 * would hand it to storeResponse(); `o` overrides any field. */
export async function formBStoreInput(
  unitId: number,
  at: Date,
  o: Partial<StoreResponseInput> = {},
): Promise<StoreResponseInput> {
  const survey = (await getSurveyForm(1, SLUG_B, "vi"))!;
  const fields = postedFields(formBFields("4"));
  const parsed = parseAnswers(survey.items, (n) => [...(fields.get(n) ?? [])]);
  if (!parsed.ok) throw new Error("the answers do not parse");
  return {
    id: crypto.randomUUID(),
    agencyId: 1,
    surveyId: survey.id,
    versionId: survey.versionId!,
    unitId,
    procedureId: null,
    counter: null,
    channel: "web",
    lang: "vi",
    startedAt: new Date(at.getTime() - 120_000),
    submittedAt: at,
    flagReasons: [],
    dossierHash: null,
    enteredBy: null,
    answers: parsed.answers,
    ...o,
  };
}

export function formAFields(extra: Record<string, string | string[]> = {}) {
  return {
    q_A_TIME: "on_time",
    q_A_CONTACTS: "none",
    q_A_AGENCIES: "one_stop",
    q_A_INFO: "4",
    q_A_COST: "0",
    q_A_ATTITUDE: "very",
    q_A_OVERALL: "5",
    ...extra,
  };
}

interface Opts {
  cookie?: string;
  ip?: string;
  query?: string;
}

function headers(o: Opts) {
  const h = new Headers({ "x-hl-client-ip": o.ip ?? "203.0.113.7" });
  if (o.cookie) h.set("Cookie", o.cookie);
  return h;
}

export async function getSurvey(slug: string, o: Opts = {}) {
  const request = new Request(`http://localhost/s/${slug}${o.query ?? ""}`, { headers: headers(o) });
  return loader({ request, params: { slug }, context: {} });
}

export async function postSurvey(slug: string, fields: Record<string, string | string[]>, o: Opts = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const h = headers(o);
  h.set("Content-Type", "application/x-www-form-urlencoded");
  const request = new Request(`http://localhost/s/${slug}${o.query ?? ""}`, { method: "POST", headers: h, body });
  try {
    return await action({ request, params: { slug }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

export const countResponses = async (surveySlug: string) => {
  const r = await db()
    .selectFrom("response")
    .innerJoin("survey", "survey.id", "response.survey_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("survey.slug", "=", surveySlug)
    .executeTakeFirstOrThrow();
  return Number(r.n);
};

/** The survey page's loader data when it shows a form. */
export type FormPage = Extract<Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>, { state: "form" }>;
