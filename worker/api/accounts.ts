import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { linkAccount, manualQueue, myAccounts, removeAccount, reviewManualAccount, verifyNow } from "../services/accounts";
import { PLATFORMS } from "../verify/config";
import { problemSchemas } from "./schemas";

const Account = z
  .object({
    id: z.string(), platform: z.string(), url: z.string(), method: z.string(), status: z.enum(["pending", "verified", "failed", "lapsed", "removed"]),
    verified_at: z.string().nullable(), checked_at: z.string().nullable(), failure: z.string().nullable(), log_index: z.number().nullable(),
    token: z.string().optional(), proof: z.string().optional(), instructions: z.object({ en: z.string(), fr: z.string() }).nullable().optional(),
  })
  .openapi("Account");
const Id = z.object({ id: z.string().max(64) });

const link = createRoute({
  method: "post", path: "/me/accounts", tags: ["accounts"], summary: "Link an account: a pending proof with its token and instructions",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ platform: z.enum(PLATFORMS), url: z.string().trim().min(1).max(2048), evidence: z.string().trim().max(2000).nullable().optional() }).strict() } } } },
  responses: { 201: { description: "Pending account", content: { "application/json": { schema: Account } } }, ...problemSchemas(400, 401, 409) },
});
const list = createRoute({ method: "get", path: "/me/accounts", tags: ["accounts"], summary: "Your linked accounts", responses: { 200: { description: "Accounts", content: { "application/json": { schema: z.object({ items: z.array(Account) }) } } }, ...problemSchemas(401) } });
const verify = createRoute({ method: "post", path: "/me/accounts/{id}/verify", tags: ["accounts"], summary: "Run the proof check now", request: { params: Id }, responses: { 200: { description: "The account after the check", content: { "application/json": { schema: Account } } }, ...problemSchemas(401, 404) } });
const remove = createRoute({ method: "delete", path: "/me/accounts/{id}", tags: ["accounts"], summary: "Remove an account (a public fact in the log)", request: { params: Id }, responses: { 200: { description: "Removed", content: { "application/json": { schema: z.object({ id: z.string(), status: z.literal("removed") }) } } }, ...problemSchemas(401, 404) } });

const queue = createRoute({ method: "get", path: "/admin/accounts", tags: ["moderation"], summary: "Moderators: manual proofs (Instagram, TikTok, X) waiting for review, with their evidence", responses: { 200: { description: "Accounts", content: { "application/json": { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }, ...problemSchemas(404) } });
const review = createRoute({
  method: "post", path: "/admin/accounts/{id}/review", tags: ["moderation"], summary: "Moderators: verify or fail a manual proof from its evidence",
  request: { params: Id, body: { required: true, content: { "application/json": { schema: z.object({ decision: z.enum(["verified", "failed"]), reason: z.string().trim().min(1).max(1000) }).strict() } } } },
  responses: { 200: { description: "The account", content: { "application/json": { schema: Account } } }, ...problemSchemas(400, 403, 404) },
});

export const accountRoutes = newRouter()
  .openapi(link, async (c) => c.json((await linkAccount(serviceCtx(c), c.req.valid("json"))) as z.infer<typeof Account>, 201))
  .openapi(list, async (c) => c.json((await myAccounts(serviceCtx(c))) as { items: z.infer<typeof Account>[] }, 200))
  .openapi(verify, async (c) => c.json((await verifyNow(serviceCtx(c), c.req.valid("param").id)) as z.infer<typeof Account>, 200))
  .openapi(remove, async (c) => c.json(await removeAccount(serviceCtx(c), c.req.valid("param").id), 200))
  .openapi(queue, async (c) => c.json(await manualQueue(serviceCtx(c)), 200))
  .openapi(review, async (c) => {
    const body = c.req.valid("json");
    return c.json((await reviewManualAccount(serviceCtx(c), c.req.valid("param").id, body.decision, body.reason)) as z.infer<typeof Account>, 200);
  });
