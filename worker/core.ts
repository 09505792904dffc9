import { app } from "./app";
import { runCron } from "./services/cron";
export { LogSequencer } from "./services/log-sequencer";

/** The Worker without the site: the API, the sequencer and the cron. Tests run this entry. */
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runCron(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
