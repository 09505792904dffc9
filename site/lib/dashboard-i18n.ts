import { dashEn } from "../i18n/dashboard-en";
import { dashFr, type DashDict } from "../i18n/dashboard-fr";
import type { Lang } from "../i18n";

export type { DashDict };

/** The dashboards' dictionary of a language (a namespace apart from the shared t()). */
export function td(lang: Lang): DashDict {
  return lang === "fr" ? dashFr : dashEn;
}
