import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import { getManifesto, listManifestoVersions } from "../services/manifesto";
import { problemSchemas } from "./schemas";

const Manifesto = z
  .object({
    version: z.number().int(),
    published_at: z.string(),
    current: z.boolean(),
    texts: z.object({ fr: z.string(), en: z.string() }),
    sha256: z.object({ fr: z.string(), en: z.string() }),
    signatures: z.number().int(),
  })
  .openapi("Manifesto");

const current = createRoute({
  method: "get",
  path: "/manifesto",
  tags: ["manifesto"],
  summary: "The current manifesto: texts, SHA-256 of each canonical text, signature count",
  responses: { 200: { description: "The current version", content: { "application/json": { schema: Manifesto } } } },
});

const byVersion = createRoute({
  method: "get",
  path: "/manifesto/versions/{v}",
  tags: ["manifesto"],
  summary: "Any published version",
  request: { params: z.object({ v: z.coerce.number().int().min(1).max(10_000) }) },
  responses: {
    200: { description: "That version", content: { "application/json": { schema: Manifesto } } },
    ...problemSchemas(400, 404),
  },
});

const versions = createRoute({
  method: "get",
  path: "/manifesto/versions",
  tags: ["manifesto"],
  summary: "Every published version with its hashes",
  responses: {
    200: {
      description: "Versions, oldest first",
      content: { "application/json": { schema: z.object({ items: z.array(z.object({ version: z.number(), published_at: z.string(), sha256_fr: z.string(), sha256_en: z.string() })) }) } },
    },
  },
});

export const manifestoRoutes = newRouter()
  .openapi(current, async (c) => cachedJson(c, await getManifesto(serviceCtx(c)), 60) as never)
  .openapi(versions, async (c) => c.json({ items: await listManifestoVersions(serviceCtx(c)) }, 200))
  .openapi(byVersion, async (c) => cachedJson(c, await getManifesto(serviceCtx(c), c.req.valid("param").v), 60) as never);
