import { en } from "./en";
import { fr, type Dict } from "./fr";

export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];
export type { Dict };

const DICTS: Record<Lang, Dict> = { fr, en };

/** The dictionary of a language. */
export function t(lang: Lang): Dict {
  return DICTS[lang];
}

/**
 * Every page lives under `pages/[...lang]/`: the rest param is undefined for French (at `/`)
 * and "en" for English. Anything else is not a language, so the page answers 404.
 */
export function langFromParam(param: string | undefined): Lang | null {
  if (param === undefined || param === "") return "fr";
  return param === "en" ? "en" : null;
}

/** The same page path in a language: `/manifesto` → `/en/manifesto`; home is `/` or `/en/`. */
export function localePath(lang: Lang, path: string): string {
  if (lang === "fr") return path;
  return path === "/" ? "/en/" : `/en${path}`;
}

/** Splits a URL path into its language and the language-neutral page path. */
export function splitPath(pathname: string): { lang: Lang; path: string } {
  if (pathname === "/en" || pathname === "/en/") return { lang: "en", path: "/" };
  if (pathname.startsWith("/en/")) return { lang: "en", path: pathname.slice(3) };
  return { lang: "fr", path: pathname || "/" };
}

export const otherLang = (lang: Lang): Lang => (lang === "fr" ? "en" : "fr");

/** A date and time in the reader's language, always in UTC so every reader sees the same. */
export function formatDate(lang: Lang, iso: string | null | undefined, withTime = false): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }
    : { dateStyle: "long", timeZone: "UTC" };
  return new Intl.DateTimeFormat(t(lang).dateLocale, opts).format(d) + (withTime ? " UTC" : "");
}

/** A country or language name from its code, falling back to the code itself. */
export function displayName(lang: Lang, type: "region" | "language", code: string): string {
  try {
    return new Intl.DisplayNames([t(lang).dateLocale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}
