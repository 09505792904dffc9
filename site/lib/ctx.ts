import { env } from "cloudflare:workers";
import type { AstroGlobal } from "astro";
import { makeDb } from "../../worker/db";
import { resolveCaller } from "../../worker/services/caller";
import type { ServiceCtx } from "../../worker/services/context";

/**
 * The verbs' context for a page: pages call service verbs directly, never the API over HTTP.
 * An invalid API key header on a page request is ignored (pages are for browsers).
 */
export async function pageCtx(Astro: AstroGlobal): Promise<ServiceCtx> {
  const db = makeDb(env.DB);
  const now = new Date();
  const headers = new Headers(Astro.request.headers);
  headers.delete("authorization");
  const caller = await resolveCaller(db, headers, now);
  const waitUntil = (Astro.locals as { cfContext?: ExecutionContext }).cfContext?.waitUntil?.bind((Astro.locals as { cfContext?: ExecutionContext }).cfContext);
  return { env, db, now, caller, defer: (p) => (waitUntil ? waitUntil(p) : void p.catch(() => {})) };
}
