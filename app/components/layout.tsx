import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n";

export function LanguageSwitch({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other: Lang = lang === "vi" ? "en" : "vi";
  const to = encodeURIComponent(location.pathname + location.search);
  // A plain link, so the switch works without JavaScript; /lang sets the cookie and comes back.
  return (
    <a className="lang-switch" href={`/lang/${other}?to=${to}`} hrefLang={other} lang={other} aria-label={t("lang.switchToLabel")}>
      {t("lang.switchTo")}
    </a>
  );
}

export function SiteHeader({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__name">{t("app.name")}</span>
          <span className="brand__dept">{t("app.department")}</span>
        </Link>
        <LanguageSwitch lang={lang} />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("app.footer")}</p>
      <p>
        <a href="/privacy">{t("privacy.footerLink")}</a>
      </p>
    </footer>
  );
}
