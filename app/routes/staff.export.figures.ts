// The figures of the dashboard's current filter, as CSV or XLSX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/kernel/audit.server";
import { loadDashboardPage } from "~/features/reports/dashboard-page.server";
import { exportFigures } from "~/features/reports/export-figures.server";
import { parseDashboardQuery } from "~/features/reports/dashboard.schema";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { parseFormat, streamDownload } from "~/kernel/http/export-response.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: DEPARTMENT_ROLES };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const url = new URL(request.url);
  const format = parseFormat(url.searchParams.get("format"));
  const { t, lng } = getT(request);
  const page = await loadDashboardPage(user, parseDashboardQuery(url.searchParams), lng);
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: user,
    action: "export.figures",
    entity: "survey",
    entityId: page.selected.survey,
    details: { ...page.selected, format },
  });
  return streamDownload(
    format,
    `hailong-figures-${page.selected.from}-${page.selected.to}`,
    (sink) => exportFigures(page.dashboard, t, sink),
    request.signal,
  );
}
