import type { AstroGlobal } from "astro";
import { langFromParam, localePath, t, type Dict, type Lang } from "../i18n";
import type { ServiceCtx } from "../../worker/services/context";
import { isModerator } from "../../worker/services/moderation";
import { pageCtx } from "./ctx";
import { td, type DashDict } from "./dashboard-i18n";

export interface DashPage {
  lang: Lang;
  d: Dict;
  b: DashDict;
  ctx: ServiceCtx;
  /** Whether to show the moderation link in the dashboard's sub-navigation. */
  moderator: boolean;
}

/**
 * What every dashboard page starts with: the language, the verbs' context and a session.
 * Answers a Response to return instead (404 for an unknown language, the sign-in page for a
 * visitor without a session). Private pages are never cached.
 */
export async function dashboardPage(Astro: AstroGlobal): Promise<DashPage | Response> {
  const lang = langFromParam(Astro.params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const ctx = await pageCtx(Astro);
  if (ctx.caller.kind !== "session") return Astro.redirect(localePath(lang, "/sign"), 303);
  Astro.response.headers.set("cache-control", "private, no-store");
  return { lang, d: t(lang), b: td(lang), ctx, moderator: isModerator(ctx) };
}

/**
 * The query parameters that report the outcome of the POST before the redirect (?done=…). A
 * POST that comes back with errors may carry them in its URL too: they are ignored then, so an
 * earlier success is not announced again next to a new error.
 */
export function flashParams(Astro: AstroGlobal): URLSearchParams {
  return Astro.request.method === "GET" ? Astro.url.searchParams : new URLSearchParams();
}

/** A page path in the reader's language with a query, for Post/Redirect/Get. */
export function pageUrl(lang: Lang, path: string, query: Record<string, string | null | undefined> = {}, hash = ""): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== "") q.set(k, v);
  const s = q.toString();
  return localePath(lang, path) + (s ? `?${s}` : "") + (hash ? `#${hash}` : "");
}
