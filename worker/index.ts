import { handle } from "@astrojs/cloudflare/handler";
import core from "./core";
import { withPageHeaders } from "./http/page-headers";
export { LogSequencer } from "./core";

/** Paths answered by the Hono app; everything else is rendered by Astro. */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname.startsWith("/badge/") || /^\/@[^/]+\/feed\.atom$/.test(pathname);
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (isApiPath(pathname)) return core.fetch(request, env, ctx);
    return withPageHeaders(await handle(request, env, ctx));
  },
  scheduled: core.scheduled,
} satisfies ExportedHandler<Env>;
