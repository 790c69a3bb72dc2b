// Raw anonymous responses of the dashboard's current filter, as CSV or XLSX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/kernel/audit.server";
import { loadExportFilter } from "~/features/reports/dashboard-page.server";
import { exportResponses } from "~/features/reports/export.server";
import { parseDashboardQuery } from "~/features/reports/dashboard.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { parseFormat, streamDownload } from "~/kernel/http/export-response.server";
import { clientOf } from "~/kernel/http/request.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t } = getT(request);
  const url = new URL(request.url);
  const format = parseFormat(url.searchParams.get("format"));
  const query = parseDashboardQuery(url.searchParams);
  const filter = await loadExportFilter(user, query);
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: user,
    action: "export.responses",
    entity: "survey",
    entityId: filter.surveyId,
    // The period named for the audit log's sentence ("… xuất phiếu trả lời quý III/2026").
    details: { ...filter, period: query.period ?? null, format },
  });
  return streamDownload(
    format,
    `hailong-responses-${filter.from}-${filter.to}`,
    (sink) => exportResponses(filter, t, sink),
    request.signal,
  );
}
