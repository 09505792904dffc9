import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["meta"],
  summary: "Liveness and database check",
  responses: {
    200: {
      description: "The Worker and its database answer",
      content: { "application/json": { schema: z.object({ ok: z.boolean(), database: z.string(), time: z.string() }) } },
    },
  },
});

export const healthRoutes = newRouter().openapi(route, async (c) => {
  await c.env.DB.prepare("SELECT 1").first();
  c.header("cache-control", "no-store");
  return c.json({ ok: true, database: "ok", time: new Date().toISOString() }, 200);
});
