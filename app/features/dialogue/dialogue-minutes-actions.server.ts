// The forms of the staff minutes page, each parsed and handed to one minutes function.
import { addFollowup, updateFollowup } from "~/features/dialogue/dialogue-followups.server";
import { publishMinutes, saveMinutes } from "~/features/dialogue/dialogue-minutes.server";
import { uploadScan } from "~/features/dialogue/dialogue-minutes-scan.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { followupSchema, followupUpdateSchema, minutesSchema } from "~/features/dialogue/dialogue-staff.schema";
import type { StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import type { UploadedFile } from "~/kernel/http/upload.server";

export interface MinutesOutcome {
  ok: boolean;
  form: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** The session is gone: the page answers 404. */
  notFound?: true;
}

/** A posted form of the page, read by the route: its text fields and the signed scan, if sent. */
export interface MinutesForm {
  intent: string;
  fields: Record<string, string>;
  scan: UploadedFile | null;
}

export async function runMinutesAction(
  c: { client: Client; user: StaffUser },
  sessionId: number,
  form: MinutesForm,
): Promise<MinutesOutcome> {
  const { intent, fields } = form;
  switch (intent) {
    case "save": {
      const p = parseForm(minutesSchema, fields);
      if (!p.ok) return { ok: false, form: "save", errors: p.errors, values: formValues(fields) };
      const d = p.data;
      if (d.opened_at && d.closed_at && d.closed_at <= d.opened_at)
        return {
          ok: false,
          form: "save",
          errors: { closed_at: "dialogue.errors.endsBeforeStart" },
          values: { ...fields },
        };
      await saveMinutes(c, sessionId, {
        openedAt: d.opened_at,
        closedAt: d.closed_at,
        officials: d.officials,
        summary: d.summary,
        chairConclusion: d.chair_conclusion,
      });
      return { ok: true, form: "save" };
    }
    case "followup_add": {
      const p = parseForm(followupSchema, fields);
      if (!p.ok) return { ok: false, form: "followup_add", errors: p.errors, values: formValues(fields) };
      const res = await addFollowup(c, sessionId, {
        action: p.data.action,
        unitId: p.data.unit_id,
        dueDate: p.data.due_date,
        questionId: p.data.question_id,
      });
      return res.ok
        ? { ok: true, form: "followup_add" }
        : {
            ok: false,
            form: "followup_add",
            errors: { [res.error === "dialogue.errors.unitRequired" ? "unit_id" : "question_id"]: res.error },
          };
    }
    case "followup_update": {
      const p = parseForm(followupUpdateSchema, fields);
      if (!p.ok)
        return { ok: false, form: `followup-${fields.id ?? null}`, errors: p.errors, values: formValues(fields) };
      const ok = await updateFollowup(c, sessionId, p.data.id, { status: p.data.status, result: p.data.result });
      return ok
        ? { ok: true, form: "followup_update" }
        : { ok: false, form: `followup-${p.data.id}`, errors: { _form: "dialogue.errors.invalid" } };
    }
    case "scan": {
      const file = form.scan;
      if (!file || file.bytes.length === 0)
        return { ok: false, form: "scan", errors: { scan: "dialogue.errors.scanEmpty" } };
      const res = await uploadScan(c, sessionId, file.bytes, file.filename);
      return res.ok ? { ok: true, form: "scan" } : { ok: false, form: "scan", errors: { scan: res.error } };
    }
    case "publish": {
      const res = await publishMinutes(c, sessionId);
      if (!res.ok && "noSession" in res) return { ok: false, form: "publish", notFound: true };
      return res.ok ? { ok: true, form: "publish" } : { ok: false, form: "publish", errors: res.errors };
    }
    default:
      return { ok: false, form: "unknown", errors: { _form: "dialogue.errors.invalid" } };
  }
}
