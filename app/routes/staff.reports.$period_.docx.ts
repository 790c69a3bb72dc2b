// The report document of a period as a DOCX file (Nghị định 30/2020/NĐ-CP), to edit before signing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDocx } from "~/features/reports/report-docx";
import type { PeriodKind } from "~/features/reports/report-periods";
import { getReportDocument } from "~/features/reports/report-document.server";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: DEPARTMENT_ROLES };

const PERIOD_PARAM = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const m = PERIOD_PARAM.exec(params.period ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const { doc } = await getReportDocument(user, Number(m[1]), m[2] as PeriodKind, lng, t);
  const body = await reportDocx(doc);
  const name = t("reportDoc.fileName", { period: `${m[1]}-${m[2]}` });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(body.length),
      // Figures of a unit's staff or of a draft: not for shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
