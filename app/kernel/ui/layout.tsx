import { Link, useLocation, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANG_PARAM, LANG_SWITCH_FIELD, withoutLangParam, type Lang } from "~/kernel/i18n/i18n";

/** The id of the form a page's language switch must carry along (a route's `handle.langForm`). */
function useLangForm(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const id = (matches[i].handle as { langForm?: string } | undefined)?.langForm;
    if (id) return id;
  }
  return undefined;
}

export function LanguageSwitch({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  const formId = useLangForm();
  const other: Lang = lang === "vi" ? "en" : "vi";
  if (formId) {
    // On a form page the switch is a submit button of that form (the `form` attribute), so the
    // typed answers travel with it and come back in the other language; no JavaScript needed.
    // The hidden button before it stays the form's default: Enter in a text box still sends.
    const q = new URLSearchParams(location.search);
    q.set(LANG_PARAM, other);
    return (
      <>
        <button type="submit" form={formId} className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("lang.defaultSend")}
        </button>
        <button
          type="submit"
          form={formId}
          formAction={`${location.pathname}?${q}`}
          formNoValidate
          name={LANG_SWITCH_FIELD}
          value={other}
          className="lang-switch"
          lang={other}
          aria-label={t("lang.switchKeepLabel")}
        >
          {t("lang.switchTo")}
        </button>
      </>
    );
  }
  const to = encodeURIComponent(withoutLangParam(location.pathname, location.search));
  // A plain link, so the switch works without JavaScript; /lang sets the cookie and comes back.
  return (
    <a
      className="lang-switch"
      href={`/lang/${other}?to=${to}`}
      hrefLang={other}
      lang={other}
      aria-label={t("lang.switchToLabel")}
    >
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
