// The satisfaction dashboard: the staff area's home page.
import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardFilters } from "~/features/reports/components/filters";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { Headline } from "~/features/reports/components/headline";
import { VersionSpread } from "~/features/reports/components/version-spread";
import { DialogueFiguresTable, FeedbackFiguresTable } from "~/features/reports/components/other-figures";
import {
  BlockSection,
  ChannelSection,
  DistributionSection,
  TrendSection,
  UnitSection,
  VolumeSection,
} from "~/features/reports/components/sections";
import { HolidayWarningNotice } from "~/features/admin/components/holiday-warning";
import { loadDashboardPage } from "~/features/reports/dashboard-page.server";
import { holidayWarning } from "~/features/admin/holidays.server";
import { parseDashboardQuery } from "~/features/reports/dashboard.schema";
import { ALL_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dashboard.css";

// The province role has no department dashboard: its home is the league table (it is listed here
// only so that signing in, which lands on /staff, takes it there instead of to a 403).
export const access: RouteAccess = { loader: ALL_ROLES };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  if (user.role === "province") throw redirect("/staff/province");
  const { t, lng } = getT(request);
  const [page, holidays] = await Promise.all([
    loadDashboardPage(user, parseDashboardQuery(new URL(request.url).searchParams), lng),
    // Feedback limits are counted on the holiday calendar: those who keep it or rely on it are told
    // when it runs out.
    user.role === "admin" || user.role === "office" ? holidayWarning() : Promise.resolve(null),
  ]);
  return json({
    ...page,
    holidayWarning: holidays,
    canEditHolidays: user.role === "admin",
    lang: lng,
    title: t("dashboard.title"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const d = data.dashboard;
  return (
    <div className="page">
      <h1>{t("dashboard.title")}</h1>
      {data.holidayWarning ? (
        <HolidayWarningNotice w={data.holidayWarning} lang={data.lang} canEdit={data.canEditHolidays} />
      ) : null}
      <DashboardFilters options={data.options} selected={data.selected} />
      <VersionSpread spread={data.versionSpread} filtered={data.selected.version !== null} lang={data.lang} />
      {d.hasOverall ? (
        <Headline
          rate={d.headline.rate}
          verdict={d.headline.verdict}
          target={d.target}
          lang={data.lang}
          suppressed={d.headline.suppressed}
          threshold={d.threshold}
        />
      ) : (
        <p className="notice">{t("dashboard.noOverall")}</p>
      )}
      <TrendSection d={d} lang={data.lang} />
      <UnitSection d={d} lang={data.lang} />
      <BlockSection d={d} lang={data.lang} />
      <DistributionSection d={d} lang={data.lang} />
      <ChannelSection d={d} lang={data.lang} />
      <VolumeSection d={d} lang={data.lang} />
      <FeedbackFiguresTable f={data.feedback} lang={data.lang} title={t("figures.feedback.title")} />
      <DialogueFiguresTable d={data.dialogue} lang={data.lang} title={t("figures.dialogue.title")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
