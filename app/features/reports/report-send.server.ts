// Sending a period's report: the snapshot and its audit entry.
import type { PeriodKind } from "~/features/reports/report-periods";
import type { StaffUser } from "~/features/accounts/auth.server";
import { recordAudit } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { getPeriod } from "./report-period.server";
import { sendReport } from "./report-snapshot.server";

export async function sendPeriodReport(client: Client, user: StaffUser, year: number, kind: PeriodKind) {
  const period = await getPeriod(user.agencyId, year, kind);
  const snap = await sendReport(user.agencyId, period.id, user.id);
  if (snap) {
    await recordAudit(client, {
      agencyId: user.agencyId,
      actor: user,
      action: "report_period.send",
      entity: "report_period",
      entityId: period.id,
      details: { period: `${year}-${kind}`, start: snap.start, end: snap.end, readThrough: snap.readThrough },
    });
  }
  return snap;
}
