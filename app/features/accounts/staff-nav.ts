// The staff area's navigation as data: each entry names the roles that may use it, so the
// menu shows a person only what their role allows. Each feature adds its own line.
import { safeReturnPath } from "~/kernel/i18n/i18n";
import type { Role } from "../../../db/tables/staff";

export interface StaffNavItem {
  to: string;
  /** Translation key. */
  label: string;
  roles: readonly Role[];
}

export const staffNav: StaffNavItem[] = [
  // The daily work first, then the catalogue, then administration.
  { to: "/staff", label: "staffNav.dashboard", roles: ["admin", "office", "unit", "viewer"] },
  { to: "/staff/reports", label: "staffNav.reports", roles: ["admin", "office", "unit", "viewer"] },
  { to: "/staff/province", label: "province.nav", roles: ["admin", "office", "viewer", "province"] },
  { to: "/staff/comments", label: "staffNav.comments", roles: ["admin", "office", "unit", "viewer"] },
  { to: "/staff/surveys", label: "survey.nav.surveys", roles: ["admin", "office"] },
  { to: "/staff/paper", label: "survey.nav.paper", roles: ["admin", "office", "unit"] },
  { to: "/staff/coverage", label: "survey.nav.coverage", roles: ["admin", "office", "unit"] },
  { to: "/staff/late-dossiers", label: "tt01.nav", roles: ["admin", "office", "unit"] },
  { to: "/staff/feedback", label: "feedback.nav.staff", roles: ["admin", "office", "unit"] },
  { to: "/staff/dialogues", label: "dialogue.staffNav", roles: ["admin", "office", "unit", "viewer"] },
  { to: "/staff/privacy", label: "privacy.nav.requests", roles: ["admin", "office"] },
  { to: "/staff/procedures", label: "staffNav.procedures", roles: ["admin", "office", "unit"] },
  { to: "/staff/users", label: "staffNav.users", roles: ["admin"] },
  { to: "/staff/agencies", label: "agencies.nav", roles: ["admin"] },
  { to: "/staff/units", label: "staffNav.units", roles: ["admin"] },
  { to: "/staff/settings", label: "staffNav.settings", roles: ["admin"] },
  { to: "/staff/holidays", label: "staffNav.holidays", roles: ["admin"] },
  { to: "/staff/audit", label: "staffNav.audit", roles: ["admin"] },
  { to: "/staff/privacy/retention", label: "privacy.nav.retention", roles: ["admin"] },
  { to: "/staff/audit?action=pii.", label: "privacy.nav.access", roles: ["admin"] },
  { to: "/staff/password", label: "staffNav.password", roles: ["admin", "office", "unit", "viewer", "province"] },
];

export function navFor(role: Role): StaffNavItem[] {
  return staffNav.filter((item) => item.roles.includes(role));
}

/** Where to go after signing in: only pages of the staff area (never back to sign-in or
 * sign-out, never another site); anything else goes to the overview. */
export function staffReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/staff") || raw.startsWith("//") || raw.includes("\\")) return "/staff";
  // Parsed and percent-encoded first: a Location header holds bytes only ("/staff/Ā" made the
  // redirect throw after the password was accepted), and "/staff/../x" is checked as "/x".
  const to = safeReturnPath(raw, "/staff");
  const path = to.split(/[?#]/)[0];
  if (path !== "/staff" && !path.startsWith("/staff/")) return "/staff";
  if (path.startsWith("/staff/login") || path.startsWith("/staff/logout")) return "/staff";
  return to;
}
