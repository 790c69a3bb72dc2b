// Language choice, shared by server and browser. Pure: no cookies or requests are read here.
import en from "~/locales/en/index";
import vi from "~/locales/vi/index";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "vi";
export const LANG_COOKIE = "lng";
/** The query parameter a form's language switch posts to (app/kernel/ui/layout.tsx). */
export const LANG_PARAM = "lng";
/** The submit button's name that asks to re-render a form in the other language. */
export const LANG_SWITCH_FIELD = "_lang";

/** The Set-Cookie value that remembers a reader's language for a year. */
export function langCookie(lng: Lang): string {
  return `${LANG_COOKIE}=${lng}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** The path and query without the one-request language parameter (the switcher's return address). */
export function withoutLangParam(pathname: string, search: string): string {
  const q = new URLSearchParams(search);
  q.delete(LANG_PARAM);
  const rest = q.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export function i18nOptions(lng: Lang) {
  return {
    lng,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    resources,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  };
}

function cookieLang(cookieHeader: string | null): Lang | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [k, v] = part.trim().split("=");
    if (k === LANG_COOKIE && isLang(v)) return v;
  }
  return null;
}

function acceptLang(header: string | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.tag).find(isLang) ?? null;
}

/** The reader's language: the switcher's cookie, then the browser's Accept-Language, then Vietnamese. */
export function pickLanguage(cookieHeader: string | null, acceptLanguage: string | null): Lang {
  return cookieLang(cookieHeader) ?? acceptLang(acceptLanguage) ?? DEFAULT_LANG;
}

/** Only same-site paths are allowed as a return address, so the switcher is no open redirect. */
export function safeReturnPath(to: string | null | undefined, fallback = "/"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Parsed and serialised again: the result is percent-encoded (a Location header holds bytes
  // only; "/Ā" made redirect() throw, a 500 found by the fuzz test), and whatever the URL parser
  // makes of tabs, dots and backslashes is checked once more for a way off the site.
  let u: URL;
  try {
    u = new URL(to, "http://same.invalid");
  } catch {
    return fallback;
  }
  const path = u.pathname + u.search + u.hash;
  if (u.host !== "same.invalid" || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
