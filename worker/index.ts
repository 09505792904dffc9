import { handle } from "@astrojs/cloudflare/handler";
import { app } from "./app";
export { LogSequencer } from "./services/log-sequencer";
import { runCron } from "./services/cron";

/** Paths answered by the Hono app; everything else is rendered by Astro. */
export function isApiPath(pathname: string): boolean {
  return (
    pathname.startsWith("/api/") ||
    pathname.startsWith("/badge/") ||
    /^\/@[^/]+\/feed\.atom$/.test(pathname)
  );
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (isApiPath(pathname)) return app.fetch(request, env, ctx);
    return handle(request, env, ctx);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runCron(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
