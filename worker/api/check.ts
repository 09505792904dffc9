import { createRoute, z } from "@hono/zod-openapi";
import { checkDisclosure } from "../domain/disclosure/check";
import { checkInputSchema, checkOutputSchema } from "../domain/disclosure/types";
import { newRouter } from "../http/router";
import { problemSchemas } from "./schemas";

const route = createRoute({
  method: "post", path: "/check", tags: ["checker"],
  summary: "Check a caption against the disclosure rules (ruleset 2026.1); no account needed",
  request: { body: { required: true, content: { "application/json": { schema: checkInputSchema } } } },
  responses: { 200: { description: "The verdict, findings and labels", content: { "application/json": { schema: checkOutputSchema } } }, ...problemSchemas(400, 429) },
});

export const checkRoutes = newRouter().openapi(route, (c) => {
  c.header("cache-control", "no-store");
  return c.json(checkDisclosure(c.req.valid("json")) as z.infer<typeof checkOutputSchema>, 200);
});
