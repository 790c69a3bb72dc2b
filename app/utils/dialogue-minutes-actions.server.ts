// The forms of the staff minutes page, each parsed and handed to one minutes function.
import { addFollowup, publishMinutes, saveMinutes, updateFollowup, uploadScan } from "~/models/dialogue-minutes.server";
import { formValues, parseForm } from "~/lib/forms";
import { followupSchema, followupUpdateSchema, minutesSchema } from "~/schemas/dialogue-staff";
import type { StaffUser } from "./auth.server";

export interface MinutesOutcome {
  ok: boolean;
  form: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function runMinutesAction(c: { request: Request; user: StaffUser }, sessionId: number, fd: FormData): Promise<MinutesOutcome> {
  const intent = String(fd.get("intent") ?? "");
  switch (intent) {
    case "save": {
      const p = parseForm(minutesSchema, fd);
      if (!p.ok) return { ok: false, form: "save", errors: p.errors, values: formValues(fd) };
      const d = p.data;
      if (d.opened_at && d.closed_at && d.closed_at <= d.opened_at) return { ok: false, form: "save", errors: { closed_at: "dialogue.errors.endsBeforeStart" }, values: Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)])) };
      await saveMinutes(c, sessionId, { openedAt: d.opened_at, closedAt: d.closed_at, officials: d.officials, summary: d.summary, chairConclusion: d.chair_conclusion });
      return { ok: true, form: "save" };
    }
    case "followup_add": {
      const p = parseForm(followupSchema, fd);
      if (!p.ok) return { ok: false, form: "followup_add", errors: p.errors, values: formValues(fd) };
      const res = await addFollowup(c, sessionId, { action: p.data.action, unitId: p.data.unit_id, dueDate: p.data.due_date, questionId: p.data.question_id });
      return res.ok ? { ok: true, form: "followup_add" } : { ok: false, form: "followup_add", errors: { question_id: res.error } };
    }
    case "followup_update": {
      const p = parseForm(followupUpdateSchema, fd);
      if (!p.ok) return { ok: false, form: `followup-${fd.get("id")}`, errors: p.errors, values: formValues(fd) };
      const ok = await updateFollowup(c, sessionId, p.data.id, { status: p.data.status, result: p.data.result });
      return ok ? { ok: true, form: "followup_update" } : { ok: false, form: `followup-${p.data.id}`, errors: { _form: "dialogue.errors.invalid" } };
    }
    case "scan": {
      const file = fd.get("scan");
      if (!file || typeof file === "string" || file.size === 0) return { ok: false, form: "scan", errors: { scan: "dialogue.errors.scanEmpty" } };
      const res = await uploadScan(c, sessionId, new Uint8Array(await file.arrayBuffer()), file.name);
      return res.ok ? { ok: true, form: "scan" } : { ok: false, form: "scan", errors: { scan: res.error } };
    }
    case "publish": {
      const res = await publishMinutes(c, sessionId);
      return res.ok ? { ok: true, form: "publish" } : { ok: false, form: "publish", errors: res.errors };
    }
    default:
      return { ok: false, form: "unknown", errors: { _form: "dialogue.errors.invalid" } };
  }
}
