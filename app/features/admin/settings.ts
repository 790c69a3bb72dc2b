// The portal's settings as data: key, how it is typed in, its range, its default. The settings
// page, its validation and getSettings() all read this list, so a feature that needs a new
// setting adds one line here (and its label in the locales) and a migration row if it wants one
// in the table; until then getSettings() answers the default.
import * as z from "zod";

export interface NumberSettingDef {
  key: string;
  /** "percent": stored as a fraction (0.9), typed and shown as a percentage (90). */
  kind: "percent" | "int";
  min: number;
  max: number;
  default: number;
  /** Groups the page into sections; a translation key under staff.settings.groups. */
  group: SettingGroup;
}

/** A line of text (the report's agency names, place, signer). `min` and `max` bound its length. */
export interface TextSettingDef {
  key: string;
  kind: "text";
  min: number;
  max: number;
  default: string;
  group: SettingGroup;
}

export type SettingDef = NumberSettingDef | TextSettingDef;
type SettingGroup = "satisfaction" | "dialogue" | "feedback" | "privacy" | "report";

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
  // Who a person contacts about their data, named on the privacy notice (NĐ 13/2023 Art. 13).
  // Demo defaults: the Office replaces the phone and email with its own in the settings.
  {
    key: "privacy.contact_unit",
    kind: "text",
    min: 1,
    max: 200,
    default: "Văn phòng Sở Khoa học và Công nghệ tỉnh Tiền Giang",
    group: "privacy",
  },
  {
    key: "privacy.contact_address",
    kind: "text",
    min: 1,
    max: 300,
    default: "Số 8 đường 30/4, phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang",
    group: "privacy",
  },
  { key: "privacy.contact_phone", kind: "text", min: 0, max: 60, default: "0273 3 800 000", group: "privacy" },
  {
    key: "privacy.contact_email",
    kind: "text",
    min: 0,
    max: 120,
    default: "vanphong@demo.hailong.vn",
    group: "privacy",
  },
  // The report in the format of Nghị định 30/2020/NĐ-CP (docs/rules/report-document.md): who
  // issues it, under whom, where, who signs, and the symbol after "Số: …/BC-". Demo defaults.
  { key: "report.parent_agency", kind: "text", min: 1, max: 120, default: "UBND tỉnh Tiền Giang", group: "report" },
  {
    key: "report.agency",
    kind: "text",
    min: 1,
    max: 120,
    default: "Sở Khoa học và Công nghệ tỉnh Tiền Giang",
    group: "report",
  },
  { key: "report.symbol", kind: "text", min: 1, max: 30, default: "SKHCN", group: "report" },
  { key: "report.place", kind: "text", min: 1, max: 60, default: "Mỹ Tho", group: "report" },
  { key: "report.signer_title", kind: "text", min: 1, max: 120, default: "GIÁM ĐỐC", group: "report" },
  // Empty until the Office names the signer: the document then leaves the line for the clerk.
  { key: "report.signer_name", kind: "text", min: 0, max: 120, default: "", group: "report" },
  {
    key: "report.recipients",
    kind: "text",
    min: 1,
    max: 500,
    default: "UBND tỉnh (để báo cáo); Sở Nội vụ (để tổng hợp); Giám đốc, các Phó Giám đốc Sở; Lưu: VT, VP",
    group: "report",
  },
] as const satisfies readonly SettingDef[];

type Def = (typeof SETTING_DEFS)[number];
export type SettingKey = Def["key"];
export type TextSettingKey = Extract<Def, { kind: "text" }>["key"];
/** Every setting, typed: numbers, and strings for the text settings; what getSettings() returns. */
export type Settings = { [D in Def as D["key"]]: D extends { kind: "text" } ? string : number };

export const SETTING_GROUPS = ["satisfaction", "dialogue", "feedback", "privacy", "report"] as const;

/** Form field names cannot hold dots in a readable id, so "a.b_c" becomes "a__b_c". */
export const fieldName = (key: string) => key.replace(/\./g, "__");

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_DEFS.map((d) => [d.key, d.default])) as Settings;
}

/** What an agency's settings read before its Office saves them (docs/rules/agencies.md "Reports,
 * settings and holidays"): the document header names the agency itself and its parent, never the
 * demo department, and the demo contact details stay the default agency's (id 1) alone. */
export interface AgencyForSettings {
  id: number;
  code: string;
  nameVi: string;
  parentNameVi: string | null;
}

export function agencyDefaults(agency: AgencyForSettings): Settings {
  const base = defaultSettings();
  const own: Partial<Record<SettingKey, number | string>> = {
    "report.agency": agency.nameVi.slice(0, 120),
    "report.symbol": agency.code.replace(/-/g, "").toUpperCase().slice(0, 30),
    "privacy.contact_unit": `Văn phòng ${agency.nameVi}`.slice(0, 200),
  };
  if (agency.parentNameVi) own["report.parent_agency"] = agency.parentNameVi.slice(0, 120);
  // The demo department's address, phone and e-mail are not another agency's.
  if (agency.id !== 1)
    Object.assign(own, { "privacy.contact_address": "", "privacy.contact_phone": "", "privacy.contact_email": "" });
  return { ...base, ...own } as Settings;
}

/** What the form shows for a stored value: a percentage for fractions. */
export function toInput(def: SettingDef, value: number | string): string {
  return def.kind === "percent" && typeof value === "number" ? String(Math.round(value * 1000) / 10) : String(value);
}

/** Whether a stored value fits its setting (a hand-edited row of the wrong type keeps the default). */
export function fitsSetting(def: SettingDef, value: unknown): value is number | string {
  return def.kind === "text"
    ? typeof value === "string" && value.length <= def.max
    : typeof value === "number" && Number.isFinite(value);
}

function textField(def: TextSettingDef) {
  // One line: line breaks and other control characters become spaces, runs of spaces one.
  const base = z.string({ error: "staff.settings.errors.required" }).transform((s) =>
    s
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return base
    .refine((s) => s.length >= def.min, { error: "staff.settings.errors.required" })
    .refine((s) => s.length <= def.max, { error: "staff.settings.errors.tooLong" });
}

function numberField(def: NumberSettingDef) {
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
  .object(
    Object.fromEntries(
      SETTING_DEFS.map((d: SettingDef) => [fieldName(d.key), d.kind === "text" ? textField(d) : numberField(d)]),
    ),
  )
  .transform(
    (o) => Object.fromEntries(SETTING_DEFS.map((d) => [d.key, o[fieldName(d.key)] as number | string])) as Settings,
  );
