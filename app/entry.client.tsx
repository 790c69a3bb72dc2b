import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { DEFAULT_LANG, i18nOptions, isLang } from "~/kernel/i18n/i18n";

// The server wrote the reader's language into <html lang>; the browser uses the same one.
const lang = document.documentElement.lang;
void i18next.init(i18nOptions(isLang(lang) ? lang : DEFAULT_LANG));

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18next}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
});
