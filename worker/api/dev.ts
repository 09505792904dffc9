import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { readOutbox } from "../services/outbox";
import { problemSchemas } from "./schemas";

const outboxRoute = createRoute({
  method: "get", path: "/dev/outbox", tags: ["dev"], summary: "Development only: mail that would have been sent, newest first",
  responses: {
    200: { description: "The outbox", content: { "application/json": { schema: z.object({ items: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), links: z.array(z.string()), sent_at: z.string() })) }) } } },
    ...problemSchemas(404),
  },
});

export const devRoutes = newRouter().openapi(outboxRoute, async (c) => {
  c.header("cache-control", "no-store");
  return c.json(await readOutbox(serviceCtx(c)), 200);
});
