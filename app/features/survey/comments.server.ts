// Free-text answers for the Office: searchable, newest first, with phone numbers, emails and ID
// numbers masked — the survey is anonymous, and what people type must not undo that.
import { sql } from "kysely";
import { vnDayEnd, vnDayStart } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";

export const COMMENTS_PAGE = 50;

export async function listComments(
  user: StaffUser,
  opts: { q?: string; surveyId?: number; from?: string; to?: string; page?: number },
  lang: Lang,
) {
  const scope = unitScope(user);
  const page = Math.max(1, opts.page ?? 1);
  let q = db()
    .selectFrom("answer as a")
    .innerJoin("survey_item as si", "si.id", "a.item_id")
    .innerJoin("response as r", "r.id", "a.response_id")
    .innerJoin("survey_version as sv", "sv.id", "r.survey_version_id")
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .leftJoin("procedure as p", "p.id", "r.procedure_id")
    .select([
      "a.text",
      "si.code",
      "si.text_vi",
      "si.text_en",
      "r.submitted_at",
      "r.channel",
      "r.flagged",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
      "p.code as procedure_code",
    ])
    // The reader's agency's answers only (docs/rules/agencies.md); the joins stay inside it.
    .where("a.agency_id", "=", user.agencyId)
    .where("r.agency_id", "=", user.agencyId)
    .where("si.type", "in", ["text", "textarea"])
    .where("a.text", "is not", null)
    .where(sql<boolean>`length(trim(a.text)) > 0`);
  if (!scope.all) q = q.where("r.unit_id", "=", scope.unitId ?? -1);
  if (opts.surveyId) q = q.where("sv.survey_id", "=", opts.surveyId);
  if (opts.from) q = q.where("r.submitted_at", ">=", vnDayStart(opts.from));
  if (opts.to) q = q.where("r.submitted_at", "<", vnDayEnd(opts.to));
  if (opts.q) q = q.where("a.text", "ilike", `%${opts.q.replace(/[%_\\]/g, "\\$&")}%`);
  const rows = await q
    .orderBy("r.submitted_at", "desc")
    .limit(COMMENTS_PAGE + 1)
    .offset((page - 1) * COMMENTS_PAGE)
    .execute();
  return {
    page,
    hasMore: rows.length > COMMENTS_PAGE,
    rows: rows.slice(0, COMMENTS_PAGE).map((r) => ({
      text: maskPii(r.text ?? ""),
      question: lang === "en" ? r.text_en : r.text_vi,
      code: r.code,
      at: new Date(r.submitted_at).toISOString(),
      channel: r.channel,
      flagged: r.flagged,
      unit: lang === "en" ? r.unit_en : r.unit_vi,
      procedure: r.procedure_code,
    })),
  };
}
