import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../errors";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import { amendDisclosure, listDisclosures, recordDisclosure } from "../services/disclosures";
import { amendInputSchema, disclosureInputSchema } from "../services/disclosure-input";
import { decodeUtf8, exportMine, importCsv } from "../services/disclosure-import";
import { creatorFeed } from "../services/feed";
import { problemSchemas } from "./schemas";
import { HandleParam } from "./creators";

const Disclosure = z
  .object({
    id: z.string(), brand_name: z.string(), brand_domain: z.string().nullable(), post_url: z.string(), platform: z.string(),
    media: z.string(), relationship: z.string(), jurisdictions: z.array(z.string()), posted_at: z.string(), recorded_at: z.string(),
    caption: z.string(), overlay: z.string().nullable(), platform_tool: z.boolean(), retouched: z.boolean(), ai_generated: z.boolean(),
    verdict: z.enum(["pass", "review", "fail"]), findings: z.unknown(), ruleset: z.string(), supersedes: z.string().nullable(),
    superseded_by: z.string().nullable(), amend_note: z.string().nullable(), brand_status: z.string(), brand_note: z.string().nullable(),
    log_index: z.number().nullable(),
  })
  .openapi("Disclosure");

const Page = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });

const record = createRoute({
  method: "post", path: "/me/disclosures", tags: ["disclosures"], summary: "Record a collaboration (checked at recording time)",
  request: {
    headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
    body: { required: true, content: { "application/json": { schema: disclosureInputSchema } } },
  },
  responses: {
    201: { description: "The stored record", content: { "application/json": { schema: Disclosure } } },
    200: { description: "A replay of an earlier request with the same Idempotency-Key", content: { "application/json": { schema: Disclosure } } },
    ...problemSchemas(400, 401, 409, 422),
  },
});
const amend = createRoute({
  method: "post", path: "/me/disclosures/{id}/amend", tags: ["disclosures"], summary: "Correct a record: a new record supersedes it",
  request: { params: z.object({ id: z.string().max(64) }), body: { required: true, content: { "application/json": { schema: amendInputSchema } } } },
  responses: { 201: { description: "The new record", content: { "application/json": { schema: Disclosure } } }, ...problemSchemas(400, 401, 404, 409) },
});
const importRoute = createRoute({
  method: "post", path: "/me/disclosures/import", tags: ["disclosures"],
  summary: "Import up to 5,000 records from CSV (all rows valid or nothing written)",
  request: { body: { required: true, content: { "text/csv": { schema: z.string() } } } },
  responses: { 201: { description: "Imported", content: { "application/json": { schema: z.object({ imported: z.number() }) } } }, ...problemSchemas(400, 401, 413, 415, 422) },
});
const exportRoute = createRoute({
  method: "get", path: "/me/disclosures/export", tags: ["disclosures"], summary: "Your whole history as CSV or JSON",
  request: { query: z.object({ format: z.enum(["csv", "json"]).default("json") }) },
  responses: { 200: { description: "The export" }, ...problemSchemas(400, 401) },
});
const list = createRoute({
  method: "get", path: "/creators/{handle}/disclosures", tags: ["creators"], summary: "A creator's disclosure timeline, newest first",
  request: { params: HandleParam, query: Page },
  responses: { 200: { description: "A page of records", content: { "application/json": { schema: z.object({ items: z.array(Disclosure), next_cursor: z.string().nullable() }) } } }, ...problemSchemas(400, 404) },
});

export const disclosureRoutes = newRouter()
  .openapi(record, async (c) => {
    const { record: r, replayed } = await recordDisclosure(serviceCtx(c), c.req.valid("json"), c.req.valid("header")["idempotency-key"]);
    if (replayed) c.header("idempotent-replayed", "true");
    return c.json(r as z.infer<typeof Disclosure>, replayed ? 200 : 201);
  })
  .openapi(amend, async (c) => c.json((await amendDisclosure(serviceCtx(c), c.req.valid("param").id, c.req.valid("json"))) as z.infer<typeof Disclosure>, 201))
  .openapi(importRoute, async (c) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^text\/csv\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the file as text/csv.");
    const text = decodeUtf8(await c.req.arrayBuffer());
    return c.json(await importCsv(serviceCtx(c), text), 201);
  })
  .openapi(exportRoute, async (c) => {
    const { format } = c.req.valid("query");
    const out = await exportMine(serviceCtx(c), format);
    return c.body(out.body, 200, { "content-type": out.contentType, "content-disposition": `attachment; filename="candor-disclosures.${format}"`, "cache-control": "no-store" });
  })
  .openapi(list, async (c) => cachedJson(c, await listDisclosures(serviceCtx(c), c.req.valid("param").handle, c.req.valid("query")), 30) as never);

/** The Atom feed lives outside /api: /@{handle}/feed.atom. */
export const feedRoutes = newRouter();
feedRoutes.get("/:at{@[^/]+}/feed.atom", async (c) => {
  const handle = c.req.param("at").slice(1);
  const xml = await creatorFeed(serviceCtx(c), handle, new URL(c.req.url).origin);
  return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" });
});
