// One audit row as a sentence a person reads ("Nguyễn Văn A đã xuất phiếu trả lời quý III/2026"),
// from its action, entity and details. Pure: the texts come in (the locale's auditLog block), so
// it is unit-tested in both languages without i18next. An action with no sentence of its own
// falls back to a generic one naming the action code, so nothing recorded is ever hidden.
import type { Translation } from "~/locales/vi";

export type AuditStrings = Translation["auditLog"];

export interface AuditRowInput {
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  entity: string | null;
  entityId: string | null;
  details: unknown;
}

/** The key of an action's sentence: "export.responses" → "export_responses" (i18next reads "." as nesting). */
export const sentenceKey = (action: string) => action.replace(/\./g, "_");

const PERIOD = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? "—");

const day = (s: unknown) => {
  const m = typeof s === "string" ? DAY.exec(s) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
};

/** "2026-Q3" → "quý III/2026" / "Q3/2026"; else the window's dates; else "—". */
export function periodPhrase(period: unknown, from: unknown, to: unknown, s: AuditStrings): string {
  const m = typeof period === "string" ? PERIOD.exec(period) : null;
  if (m) return fill(s.period, { kind: s.periodKinds[m[2] as keyof AuditStrings["periodKinds"]], year: m[1] });
  const a = day(from);
  const b = day(to);
  return a && b ? fill(s.range, { from: a, to: b }) : "—";
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function countOf(d: Record<string, unknown>): string | undefined {
  for (const k of ["rows", "failures", "sessionsEnded"]) if (typeof d[k] === "number") return String(d[k]);
  if (Array.isArray(d.ids)) return String(d.ids.length);
  return undefined;
}

export function auditSentence(row: AuditRowInput, s: AuditStrings): string {
  const d = record(row.details);
  const params: Record<string, string> = {
    actor: row.actorName || row.actorEmail || s.someone,
    action: row.action,
    entity: row.entity ?? "",
    id: row.entityId ?? "—",
    period: periodPhrase(
      d.period ?? (row.entityId && PERIOD.test(row.entityId) ? row.entityId : undefined),
      d.from ?? d.start,
      d.to ?? d.end,
      s,
    ),
  };
  const account = d.account ?? d.email;
  if (typeof account === "string") params.account = account;
  const count = countOf(d);
  if (count !== undefined) params.count = count;
  if (typeof d.version === "number" || typeof d.version === "string") params.version = String(d.version);
  const template = (s.actions as Record<string, string>)[sentenceKey(row.action)];
  if (template) return fill(template, params);
  const generic = fill(s.generic, params);
  return row.entity ? generic + fill(s.onEntity, params) : generic;
}
