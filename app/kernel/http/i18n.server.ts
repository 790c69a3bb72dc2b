import i18next, { type TFunction } from "i18next";
import { i18nOptions, isLang, LANG_PARAM, pickLanguage, type Lang } from "~/kernel/i18n/i18n";

export function getLang(request: Request): Lang {
  return langOf(
    new URL(request.url).searchParams.get(LANG_PARAM),
    request.headers.get("Cookie"),
    request.headers.get("Accept-Language"),
  );
}

/** getLang's rule on plain values: `asked` is the address's ?lng=, then the cookie, then the
 * browser's languages. A form's own language switch posts its answers to the page with ?lng= (the
 * cookie it sets counts from the next request only): that page is answered in the new language. */
export function langOf(asked: string | null, cookie: string | null, acceptLanguage: string | null): Lang {
  if (isLang(asked)) return asked;
  return pickLanguage(cookie, acceptLanguage);
}

/** A fresh i18next instance per request: a shared one would leak one reader's language into another's page. */
export function createI18n(lng: Lang) {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(lng));
  return instance;
}

// Loaders and actions only translate: one instance per language serves them all (its language
// is set at creation and nothing here ever changes it). Creating one per request cost ~1 ms of
// CPU on every submission. The page render still gets a fresh instance (createI18n).
const translators = new Map<Lang, TFunction>();

export function getT(request: Request): { t: TFunction; lng: Lang } {
  const lng = getLang(request);
  let t = translators.get(lng);
  if (!t) {
    t = createI18n(lng).t;
    translators.set(lng, t);
  }
  return { t, lng };
}
