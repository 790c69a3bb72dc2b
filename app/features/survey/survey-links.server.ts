// Counter links and QR posters for staff. A link is signed, so it needs no table; a unit's staff
// may only make links for their own unit.
import QRCode from "qrcode";
import type { Lang } from "~/kernel/i18n/i18n";
import { contextFromLinkForm, linkFormSchema, type SurveyContext } from "~/features/survey/context";
import { fieldErrors } from "~/features/survey/item-form";
import { agencyCatalog } from "~/features/survey/agency-catalog.server";
import { inScope } from "~/features/accounts/scope.server";
import { resolvePlace } from "~/features/survey/survey.server";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { db } from "~/kernel/db/db.server";
import { surveyPath, verifyLink } from "~/features/survey/survey-tokens.server";

/** The survey's title and slug, when it is the agency's (another agency's id is not found). */
export async function surveyHeader(agencyId: number, id: number, lang: Lang) {
  const s = await db()
    .selectFrom("survey")
    .select(["id", "slug", "title_vi", "title_en"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return s ? { id: s.id, slug: s.slug, title: lang === "en" ? s.title_en : s.title_vi } : null;
}

/** Units and procedures this user may make links (or enter figures) for. */
export async function placesFor(user: StaffUser, lang: Lang) {
  const scope = unitScope(user);
  const { units, procedures: procs } = await agencyCatalog(user.agencyId, lang);
  const mine = scope.all ? units : units.filter((u) => u.id === scope.unitId);
  return {
    units: mine.map((u) => ({ value: String(u.id), label: u.name })),
    procedureGroups: mine
      .map((u) => ({
        label: u.name,
        options: procs.filter((p) => p.unitId === u.id).map((p) => ({ value: String(p.id), label: p.name })),
      }))
      .filter((g) => g.options.length),
  };
}

/** Whether this user may make links, type in forms or record figures for the unit. */
export const mayUseUnit = (user: StaffUser, unitId: number): boolean => inScope(user, unitId);

export type LinkResult =
  { ok: true; path: string; context: SurveyContext } | { ok: false; errors: Record<string, string> };

export async function makeLink(user: StaffUser, slug: string, input: Record<string, string>): Promise<LinkResult> {
  const parsed = linkFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const context = contextFromLinkForm(parsed.data);
  if (!mayUseUnit(user, context.u)) return { ok: false, errors: { unit: "surveyStaff.links.errors.unit" } };
  const place = await resolvePlace(user.agencyId, context.u, context.p ?? null);
  if (!place.ok)
    return {
      ok: false,
      errors:
        place.reason === "unit"
          ? { unit: "surveyStaff.links.errors.unit" }
          : { procedure: "surveyStaff.links.errors.procedure" },
    };
  return { ok: true, path: await surveyPath(await agencyPrefix(user.agencyId), slug, context), context };
}

/** What a poster prints: the names, the full address and its QR code as SVG (made on the server). */
export async function posterFor(
  user: StaffUser,
  surveyId: number,
  linkParam: string | null,
  origin: string,
  lang: Lang,
) {
  const survey = await surveyHeader(user.agencyId, surveyId, lang);
  const context = await verifyLink(linkParam);
  if (!survey || !context || !mayUseUnit(user, context.u)) return null;
  const unit = await db()
    .selectFrom("unit")
    .select(["name_vi", "name_en"])
    .where("agency_id", "=", user.agencyId)
    .where("id", "=", context.u)
    .executeTakeFirst();
  // A link naming another agency's unit (signed before, or forged by a unit id) prints nothing.
  if (!unit) return null;
  const proc = context.p
    ? await db()
        .selectFrom("procedure")
        .select(["name_vi", "name_en"])
        .where("agency_id", "=", user.agencyId)
        .where("id", "=", context.p)
        .executeTakeFirst()
    : undefined;
  const url = `${origin}${await surveyPath(await agencyPrefix(user.agencyId), survey.slug, context)}`;
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    survey,
    url,
    qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    unit: lang === "en" ? unit.name_en : unit.name_vi,
    procedure: proc ? (lang === "en" ? proc.name_en : proc.name_vi) : null,
    counter: context.k ?? null,
    channel: context.ch,
  };
}
