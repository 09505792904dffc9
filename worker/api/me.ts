import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { createCreator, getMe, updateCreator } from "../services/creators";
import { signPledge, withdrawPledge } from "../services/pledges";
import { createProfileSchema, updateProfileSchema } from "../services/profile-input";
import { problemSchemas } from "./schemas";

export const CreatorSchema = z
  .object({
    id: z.string(), handle: z.string(), display_name: z.string(), bio: z.string(), country: z.string().nullable(),
    languages: z.array(z.string()), niches: z.array(z.string()), status: z.string(), created_at: z.string(), updated_at: z.string(),
  })
  .openapi("CreatorProfile");

const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

const getMeRoute = createRoute({
  method: "get", path: "/me", tags: ["me"], summary: "The signed-in user and their creator profile",
  responses: {
    200: { description: "You", content: { "application/json": { schema: z.object({ user: z.object({ id: z.string(), email: z.string(), created_at: z.string().nullable() }), creator: CreatorSchema.nullable() }) } } },
    ...problemSchemas(401),
  },
});
const createRoute_ = createRoute({
  method: "post", path: "/me/creator", tags: ["me"], summary: "Create your creator profile",
  request: json(createProfileSchema),
  responses: { 201: { description: "Created", content: { "application/json": { schema: CreatorSchema } } }, ...problemSchemas(400, 401, 409) },
});
const patchRoute = createRoute({
  method: "patch", path: "/me/creator", tags: ["me"], summary: "Edit your creator profile",
  request: json(updateProfileSchema),
  responses: { 200: { description: "Updated", content: { "application/json": { schema: CreatorSchema } } }, ...problemSchemas(400, 401, 409) },
});
const Receipt = z.object({ id: z.string(), handle: z.string(), status: z.string(), version: z.number(), sha256: z.string(), lang: z.string(), statement: z.string().nullable(), signed_at: z.string(), log_index: z.number().nullable() }).openapi("PledgeReceipt");
const signRoute = createRoute({
  method: "post", path: "/me/pledge", tags: ["pledge"], summary: "Sign a manifesto version (hash of the text you read)",
  request: json(z.object({ version: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters"), statement: z.string().trim().max(500).nullable().optional() }).strict()),
  responses: { 201: { description: "Signed: the receipt", content: { "application/json": { schema: Receipt } } }, ...problemSchemas(400, 401, 409) },
});
const withdrawRoute = createRoute({
  method: "delete", path: "/me/pledge", tags: ["pledge"], summary: "Withdraw your pledge (the reason is public)",
  request: { body: { required: false, content: { "application/json": { schema: z.object({ reason: z.string().trim().max(500).nullable().optional() }).strict() } } } },
  responses: { 200: { description: "Withdrawn", content: { "application/json": { schema: z.object({ status: z.literal("withdrawn"), version: z.number(), withdrawn_at: z.string(), reason: z.string().nullable() }) } } }, ...problemSchemas(400, 401, 409) },
});

export const meRoutes = newRouter()
  .openapi(getMeRoute, async (c) => c.json(await getMe(serviceCtx(c)), 200))
  .openapi(createRoute_, async (c) => c.json(await createCreator(serviceCtx(c), c.req.valid("json")), 201))
  .openapi(patchRoute, async (c) => c.json(await updateCreator(serviceCtx(c), c.req.valid("json")), 200))
  .openapi(signRoute, async (c) => c.json(await signPledge(serviceCtx(c), c.req.valid("json")), 201))
  .openapi(withdrawRoute, async (c) => {
    const hasBody = (c.req.header("content-length") ?? "0") !== "0" && c.req.header("content-type")?.includes("json");
    const reason = hasBody ? c.req.valid("json").reason : null;
    return c.json(await withdrawPledge(serviceCtx(c), reason), 200);
  });
