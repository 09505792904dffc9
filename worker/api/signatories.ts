import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import { listSignatories } from "../services/signatories";
import { problemSchemas } from "./schemas";

const route = createRoute({
  method: "get", path: "/signatories", tags: ["manifesto"], summary: "Creators with an active pledge, newest first",
  request: { query: z.object({ q: z.string().max(100).optional(), cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }) },
  responses: {
    200: { description: "A page of signatories", content: { "application/json": { schema: z.object({ items: z.array(z.object({ handle: z.string(), display_name: z.string(), country: z.string().nullable(), version: z.number(), signed_at: z.string() })), next_cursor: z.string().nullable() }) } } },
    ...problemSchemas(400),
  },
});

export const signatoryRoutes = newRouter().openapi(route, async (c) => cachedJson(c, await listSignatories(serviceCtx(c), c.req.valid("query")), 30) as never);
