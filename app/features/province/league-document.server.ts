// The province's league report (Nghị định 30/2020): the league's figures, issued by the root of
// the agency tree (the province) under its parent if it has one, signed as the report.* settings say.
import type { TFunction } from "i18next";
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { db } from "~/kernel/db/db.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { getSettings } from "~/features/admin/settings.server";
import { documentSettings } from "~/features/reports/report-document";
import type { PeriodKind } from "~/features/reports/report-periods";
import { buildLeagueDocument } from "./league-document";
import { getLeague } from "./league.server";

export async function getLeagueDocument(
  user: StaffUser,
  year: number,
  kind: PeriodKind,
  lang: Lang,
  t: TFunction,
  now = new Date(),
) {
  const [league, settings, root] = await Promise.all([
    getLeague(user, year, kind, lang, now),
    getSettings(user.agencyId),
    db()
      .selectFrom("agency as a")
      .leftJoin("agency as p", "p.id", "a.parent_id")
      .select(["a.name_vi", "a.name_en", "p.name_vi as parent_vi", "p.name_en as parent_en"])
      .where("a.parent_id", "is", null)
      .orderBy("a.id")
      .executeTakeFirst(),
  ]);
  // The root is the province; without one (never after migration 021) the report.* parent stands in.
  const issuer = root
    ? {
        name: lang === "en" ? root.name_en : root.name_vi,
        parentName: (lang === "en" ? root.parent_en : root.parent_vi) ?? null,
      }
    : { name: settings["report.parent_agency"], parentName: null };
  const doc = buildLeagueDocument(league, issuer, documentSettings(settings), {
    t: (k, o) => t(k, o) as string,
    lang,
    today: vnDay(now),
  });
  return { league, doc };
}
