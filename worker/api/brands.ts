import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { createBrand, createKey, listKeys, myBrands, revokeKey, verifyBrandDomain } from "../services/brands";
import { actOnCollaboration, listCollaborations } from "../services/collaborations";
import { problemSchemas } from "./schemas";

const Brand = z
  .object({
    id: z.string(), name: z.string(), domain: z.string(), verified: z.boolean(), domain_verified_at: z.string().nullable(),
    checked_at: z.string().nullable(), failure: z.string().nullable(), created_at: z.string(), token: z.string().optional(),
    proof: z.object({ dns_txt: z.string(), well_known: z.string() }).optional(),
  })
  .openapi("Brand");
const BrandId = z.object({ id: z.string().max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });

const create = createRoute({ method: "post", path: "/brands", tags: ["brands"], summary: "Create a brand (you become its owner)", request: json(z.object({ name: z.string().trim().min(1).max(120), domain: z.string().trim().min(3).max(253) }).strict()), responses: { 201: ok("The brand with its domain proof token", Brand), ...problemSchemas(400, 401, 409) } });
const mine = createRoute({ method: "get", path: "/me/brands", tags: ["brands"], summary: "Brands you belong to", responses: { 200: ok("Brands", z.object({ items: z.array(Brand) })), ...problemSchemas(401) } });
const verify = createRoute({ method: "post", path: "/brands/{id}/verify", tags: ["brands"], summary: "Check the domain proof (DNS TXT or /.well-known/candor.txt) now", request: { params: BrandId }, responses: { 200: ok("The brand after the check", Brand), ...problemSchemas(401, 403, 404, 409) } });
const keys = createRoute({ method: "get", path: "/brands/{id}/keys", tags: ["brands"], summary: "The brand's API keys (never the secrets)", request: { params: BrandId }, responses: { 200: ok("Keys", z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), created_at: z.string(), last_used_at: z.string().nullable(), revoked_at: z.string().nullable() })) })), ...problemSchemas(401, 404) } });
const newKey = createRoute({ method: "post", path: "/brands/{id}/keys", tags: ["brands"], summary: "Create an API key (shown once)", request: { params: BrandId, ...json(z.object({ name: z.string().trim().min(1).max(80) }).strict()) }, responses: { 201: ok("The key, shown once", z.object({ id: z.string(), name: z.string(), prefix: z.string(), key: z.string(), created_at: z.string(), note: z.string() })), ...problemSchemas(400, 401, 403, 404) } });
const revoke = createRoute({ method: "delete", path: "/brands/{id}/keys/{key_id}", tags: ["brands"], summary: "Revoke an API key", request: { params: BrandId.extend({ key_id: z.string().max(64) }) }, responses: { 200: ok("Revoked", z.object({ id: z.string(), revoked_at: z.string().nullable() })), ...problemSchemas(401, 403, 404) } });
const collabs = createRoute({ method: "get", path: "/brands/{id}/collaborations", tags: ["brands"], summary: "Current records naming your verified domain", request: { params: BrandId, query: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }) }, responses: { 200: ok("A page", z.object({ items: z.array(z.record(z.string(), z.unknown())), next_cursor: z.string().nullable() })), ...problemSchemas(400, 401, 403, 404) } });
const CollabParams = BrandId.extend({ disclosure_id: z.string().max(64) });
const confirm = createRoute({ method: "post", path: "/brands/{id}/collaborations/{disclosure_id}/confirm", tags: ["brands"], summary: "Confirm a collaboration", request: { params: CollabParams }, responses: { 200: ok("The record", z.record(z.string(), z.unknown())), ...problemSchemas(401, 403, 404, 409) } });
const dispute = createRoute({ method: "post", path: "/brands/{id}/collaborations/{disclosure_id}/dispute", tags: ["brands"], summary: "Dispute a collaboration, with a public reason", request: { params: CollabParams, ...json(z.object({ reason: z.string().trim().min(1).max(500) }).strict()) }, responses: { 200: ok("The record", z.record(z.string(), z.unknown())), ...problemSchemas(400, 401, 403, 404, 409) } });

export const brandRoutes = newRouter()
  .openapi(create, async (c) => c.json((await createBrand(serviceCtx(c), c.req.valid("json"))) as z.infer<typeof Brand>, 201))
  .openapi(mine, async (c) => c.json((await myBrands(serviceCtx(c))) as { items: z.infer<typeof Brand>[] }, 200))
  .openapi(verify, async (c) => c.json((await verifyBrandDomain(serviceCtx(c), c.req.valid("param").id)) as z.infer<typeof Brand>, 200))
  .openapi(keys, async (c) => c.json(await listKeys(serviceCtx(c), c.req.valid("param").id), 200))
  .openapi(newKey, async (c) => c.json(await createKey(serviceCtx(c), c.req.valid("param").id, c.req.valid("json").name), 201))
  .openapi(revoke, async (c) => c.json(await revokeKey(serviceCtx(c), c.req.valid("param").id, c.req.valid("param").key_id), 200))
  .openapi(collabs, async (c) => c.json(await listCollaborations(serviceCtx(c), c.req.valid("param").id, c.req.valid("query")), 200))
  .openapi(confirm, async (c) => c.json(await actOnCollaboration(serviceCtx(c), c.req.valid("param").id, c.req.valid("param").disclosure_id, "confirmed"), 200))
  .openapi(dispute, async (c) => c.json(await actOnCollaboration(serviceCtx(c), c.req.valid("param").id, c.req.valid("param").disclosure_id, "disputed", c.req.valid("json").reason), 200));
