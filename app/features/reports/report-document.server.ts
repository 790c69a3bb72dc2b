// The report document (Nghị định 30/2020/NĐ-CP) of a report period: the report's figures (the
// sent ones once the period is sent) with the agency, place and signer from the settings.
import type { TFunction } from "i18next";
import { formatDateTime, vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { buildReportDocument, documentSettings } from "~/features/reports/report-document";
import type { PeriodKind } from "~/features/reports/report-periods";
import type { StaffUser } from "~/features/accounts/auth.server";
import { getSettings } from "~/features/admin/settings.server";
import { getReport } from "./report.server";

export async function getReportDocument(
  user: StaffUser,
  year: number,
  kind: PeriodKind,
  lang: Lang,
  t: TFunction,
  now = new Date(),
) {
  const [report, settings] = await Promise.all([
    getReport(user, year, kind, lang, now),
    // The account's agency's own header, signer and recipients (docs/rules/agencies.md).
    getSettings(user.agencyId),
  ]);
  const sentTime = report.sent
    ? (([date, time]) => ({ date, time }))(formatDateTime(report.sent.sentAt).split(" "))
    : undefined;
  const doc = buildReportDocument(report, documentSettings(settings), {
    t: (k, o) => t(k, o) as string,
    lang,
    today: vnDay(now),
    sentTime,
  });
  return { report, doc };
}
