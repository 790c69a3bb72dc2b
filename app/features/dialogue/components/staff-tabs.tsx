// The sub-pages of one session in the staff area, shown to the roles that may open them.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../db/tables/staff";

const TABS: { path: string; label: string; roles: Role[] }[] = [
  { path: "", label: "dialogue.staff.tabs.overview", roles: ["admin", "office", "unit", "viewer"] },
  { path: "/questions", label: "dialogue.staff.tabs.questions", roles: ["admin", "office", "unit", "viewer"] },
  { path: "/checkin", label: "dialogue.staff.tabs.checkin", roles: ["admin", "office"] },
  { path: "/minutes", label: "dialogue.staff.tabs.minutes", roles: ["admin", "office"] },
];

export function StaffTabs({ sessionId, role, title }: { sessionId: number; role: Role; title: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/staff/dialogues/${sessionId}`;
  return (
    <>
      <p className="no-print">
        <Link to="/staff/dialogues">{t("dialogue.staff.backToList")}</Link>
      </p>
      <p className="muted">{title}</p>
      <nav aria-label={t("dialogue.staff.tabs.label")} className="no-print">
        <ul className="tabs">
          {TABS.filter((tab) => tab.roles.includes(role)).map((tab) => (
            <li key={tab.path}>
              <Link to={base + tab.path} aria-current={pathname === base + tab.path ? "page" : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
