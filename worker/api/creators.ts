import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import { getProfile } from "../services/profile";
import { problemSchemas } from "./schemas";

export const HandleParam = z.object({ handle: z.string().min(1).max(40) });

const profileRoute = createRoute({
  method: "get", path: "/creators/{handle}", tags: ["creators"], summary: "A creator's public trust profile",
  request: { params: HandleParam },
  responses: { 200: { description: "The trust profile", content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("TrustProfile") } } }, ...problemSchemas(404) },
});

export const creatorRoutes = newRouter().openapi(profileRoute, async (c) => cachedJson(c, await getProfile(serviceCtx(c), c.req.valid("param").handle), 30) as never);
