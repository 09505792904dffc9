import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { clientIp } from "../http/rate-limit";
import { cachedJson } from "../http/cache";
import { createReport, decideReport, myReports, reportQueue, REASONS, respondToReport, suspendCreator, upheldReports } from "../services/reports";
import { creatorByHandle } from "../services/creators";
import { problemSchemas } from "./schemas";
import { httpUrl } from "../services/disclosure-input";
import { HandleParam } from "./creators";

const Report = z.record(z.string(), z.unknown()).openapi("Report");
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const ok = (d: string, schema: z.ZodType) => ({ description: d, content: { "application/json": { schema } } });
const Id = z.object({ id: z.string().max(64) });

const create = createRoute({ method: "post", path: "/reports", tags: ["reports"], summary: "Report a post (no account needed; your contact is never shown)", request: json(z.object({ handle: z.string().trim().min(1).max(40), post_url: httpUrl, reason: z.enum(REASONS), evidence: z.string().trim().min(1, "describe what you saw").max(2000), contact: z.string().trim().max(254).nullable().optional() }).strict()), responses: { 201: ok("Received", z.object({ id: z.string(), status: z.literal("open") })), ...problemSchemas(400, 404, 409, 429) } });
const mine = createRoute({ method: "get", path: "/me/reports", tags: ["reports"], summary: "Reports about you", responses: { 200: ok("Reports", z.object({ items: z.array(Report) })), ...problemSchemas(401) } });
const respond = createRoute({ method: "post", path: "/me/reports/{id}/respond", tags: ["reports"], summary: "Answer a report about you", request: { params: Id, ...json(z.object({ action: z.enum(["disclosed", "amended", "disputed"]), note: z.string().trim().min(1).max(1000) }).strict()) }, responses: { 200: ok("The report", Report), ...problemSchemas(400, 401, 404, 409) } });
const queue = createRoute({ method: "get", path: "/admin/reports", tags: ["moderation"], summary: "Moderators: the report queue", request: { query: z.object({ status: z.enum(["open", "responded", "pending", "upheld", "dismissed"]).default("pending") }) }, responses: { 200: ok("Reports", z.object({ items: z.array(Report) })), ...problemSchemas(400, 404) } });
const decide = createRoute({ method: "post", path: "/admin/reports/{id}/decide", tags: ["moderation"], summary: "Moderators: uphold or dismiss, with a public reason", request: { params: Id, ...json(z.object({ decision: z.enum(["upheld", "dismissed"]), reason: z.string().trim().min(1).max(1000) }).strict()) }, responses: { 200: ok("The decided report", Report), ...problemSchemas(400, 403, 404, 409) } });
const suspend = createRoute({ method: "post", path: "/admin/creators/{handle}/suspend", tags: ["moderation"], summary: "Moderators: suspend a creator, in public", request: { params: HandleParam, ...json(z.object({ reason: z.string().trim().min(1).max(1000) }).strict()) }, responses: { 200: ok("Suspended", z.object({ handle: z.string(), status: z.literal("suspended"), reason: z.string() })), ...problemSchemas(400, 403, 404, 409) } });
const publicList = createRoute({ method: "get", path: "/creators/{handle}/reports", tags: ["reports"], summary: "Upheld reports of the last 12 months, with decisions", request: { params: HandleParam }, responses: { 200: ok("Reports", z.object({ items: z.array(Report) })), ...problemSchemas(404) } });

export const reportRoutes = newRouter()
  .openapi(create, async (c) => c.json(await createReport(serviceCtx(c), c.req.valid("json"), clientIp(c.req.raw.headers)), 201))
  .openapi(mine, async (c) => c.json(await myReports(serviceCtx(c)), 200))
  .openapi(respond, async (c) => c.json(await respondToReport(serviceCtx(c), c.req.valid("param").id, c.req.valid("json")), 200))
  .openapi(queue, async (c) => c.json(await reportQueue(serviceCtx(c), c.req.valid("query").status), 200))
  .openapi(decide, async (c) => c.json(await decideReport(serviceCtx(c), c.req.valid("param").id, c.req.valid("json")), 200))
  .openapi(suspend, async (c) => c.json(await suspendCreator(serviceCtx(c), c.req.valid("param").handle, c.req.valid("json").reason), 200))
  .openapi(publicList, async (c) => {
    const ctx = serviceCtx(c);
    const creator = await creatorByHandle(ctx, c.req.valid("param").handle);
    return cachedJson(c, { items: await upheldReports(ctx, creator.id) }, 60) as never;
  });
