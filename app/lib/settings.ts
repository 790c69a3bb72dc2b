// The portal's settings as data: key, how it is typed in, its range, its default. The settings
// page, its validation and getSettings() all read this list, so a feature that needs a new
// setting adds one line here (and its label in the locales) and a migration row if it wants one
// in the table; until then getSettings() answers the default.
import * as z from "zod";

export interface SettingDef {
  key: string;
  /** "percent": stored as a fraction (0.9), typed and shown as a percentage (90). */
  kind: "percent" | "int";
  min: number;
  max: number;
  default: number;
  /** Groups the page into sections; a translation key under staff.settings.groups. */
  group: "satisfaction" | "dialogue" | "feedback" | "privacy";
}

export const SETTING_DEFS = [
  { key: "satisfaction.target", kind: "percent", min: 50, max: 100, default: 0.9, group: "satisfaction" },
  { key: "satisfaction.suppression_threshold", kind: "int", min: 1, max: 50, default: 5, group: "satisfaction" },
  { key: "dialogue.notice_days", kind: "int", min: 1, max: 60, default: 7, group: "dialogue" },
  { key: "feedback.days.refuse", kind: "int", min: 1, max: 60, default: 2, group: "feedback" },
  { key: "feedback.days.request_info", kind: "int", min: 1, max: 60, default: 5, group: "feedback" },
  { key: "feedback.days.transfer", kind: "int", min: 1, max: 60, default: 5, group: "feedback" },
  { key: "feedback.days.answer", kind: "int", min: 1, max: 60, default: 15, group: "feedback" },
  { key: "feedback.days.publish", kind: "int", min: 1, max: 60, default: 2, group: "feedback" },
  { key: "feedback.due_soon_days", kind: "int", min: 1, max: 30, default: 2, group: "feedback" },
  { key: "privacy.retention_months", kind: "int", min: 1, max: 120, default: 12, group: "privacy" },
] as const satisfies readonly SettingDef[];

export type SettingKey = (typeof SETTING_DEFS)[number]["key"];
/** Every setting, typed; what getSettings() returns. */
export type Settings = Record<SettingKey, number>;

export const SETTING_GROUPS = ["satisfaction", "dialogue", "feedback", "privacy"] as const;

/** Form field names cannot hold dots in a readable id, so "a.b_c" becomes "a__b_c". */
export const fieldName = (key: string) => key.replace(/\./g, "__");

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_DEFS.map((d) => [d.key, d.default])) as Settings;
}

/** What the form shows for a stored value: a percentage for fractions. */
export function toInput(def: SettingDef, value: number): string {
  return def.kind === "percent" ? String(Math.round(value * 1000) / 10) : String(value);
}

function numberField(def: SettingDef) {
  const base = z
    .string({ error: "staff.settings.errors.required" })
    .trim()
    .min(1, { error: "staff.settings.errors.required" })
    // People here write decimals with a comma ("90,5").
    .transform((s) => Number(s.replace(",", ".")))
    .pipe(
      z
        .number({ error: "staff.settings.errors.number" })
        .refine((n) => Number.isFinite(n), { error: "staff.settings.errors.number" })
        .refine((n) => def.kind === "percent" || Number.isInteger(n), { error: "staff.settings.errors.whole" })
        .refine((n) => n >= def.min && n <= def.max, { error: "staff.settings.errors.range" }),
    );
  // Stored as a fraction with at most three decimals, so 90.5 % is 0.905 and not 0.9050000001.
  return def.kind === "percent" ? base.transform((n) => Math.round(n * 10) / 1000) : base;
}

/** The settings form's schema: field names from fieldName(), values as stored. */
export const settingsFormSchema = z
  .object(Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), numberField(d)])))
  .transform((o) => Object.fromEntries(SETTING_DEFS.map((d) => [d.key, o[fieldName(d.key)] as number])) as Settings);
