// The figures of the dashboard's current filter, as CSV or XLSX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { loadDashboardPage } from "~/models/dashboard-page.server";
import { exportFigures } from "~/models/export-figures.server";
import { parseDashboardQuery } from "~/schemas/dashboard";
import { ALL_ROLES, requireStaff, type RouteAccess } from "~/utils/auth.server";
import { parseFormat, streamDownload } from "~/utils/export-response.server";
import { getT } from "~/utils/i18n.server";
import { clientOf } from "~/utils/request.server";

export const access: RouteAccess = { loader: ALL_ROLES };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const url = new URL(request.url);
  const format = parseFormat(url.searchParams.get("format"));
  const { t, lng } = getT(request);
  const page = await loadDashboardPage(user, parseDashboardQuery(url), lng);
  await recordAudit(clientOf(request), { actor: user, action: "export.figures", entity: "survey", entityId: page.selected.survey, details: { ...page.selected, format } });
  return streamDownload(format, `hailong-figures-${page.selected.from}-${page.selected.to}`, (sink) => exportFigures(page.dashboard, t, sink));
}
