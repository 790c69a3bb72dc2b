// The league table's entry: without a choice, the current quarter; with ?year=&kind= (the period
// chooser), that period; a wrong choice is said in words, with the chooser again.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { vnDay } from "~/kernel/time/clock";
import { getT } from "~/kernel/http/i18n.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { LEAGUE_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { quarterOf } from "~/features/reports/dashboard.schema";
import { PERIOD_KINDS } from "~/features/reports/report-periods";
import { PeriodChooser } from "~/features/province/components/period-chooser";

export const access: RouteAccess = { loader: LEAGUE_ROLES };

const choice = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  kind: z.enum(PERIOD_KINDS as [string, ...string[]]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const q = new URL(request.url).searchParams;
  const now = quarterOf(vnDay(new Date()));
  if (!q.has("year") && !q.has("kind")) throw redirect(`/staff/province/${now.year}-${now.kind}`);
  const parsed = choice.safeParse({ year: q.get("year") ?? "", kind: q.get("kind") ?? "" });
  if (parsed.success) throw redirect(`/staff/province/${parsed.data.year}-${parsed.data.kind}`);
  const { t } = getT(request);
  return json({ year: now.year, kind: now.kind, title: t("province.nav") }, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export default function ProvinceLeagueIndex() {
  const { year, kind } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("province.nav")}</h1>
      <PeriodChooser year={year} kind={kind} error />
    </div>
  );
}
