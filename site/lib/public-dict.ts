import type { Lang } from "../i18n";
import { publicEn } from "../i18n/public-en";
import { publicFr, type PublicDict } from "../i18n/public-fr";

/** The public pages' dictionary of a language (kept apart from the shell's fr.ts/en.ts). */
export function pt(lang: Lang): PublicDict {
  return lang === "en" ? publicEn : publicFr;
}

/** A value's name in a table of names, falling back to the value itself. */
export const nameOf = (names: Record<string, string>, value: string): string => names[value] ?? value;
