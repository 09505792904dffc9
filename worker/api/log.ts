import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import { checkpointAt, consistencyProof, creatorLog, entries, inclusionProof, latestCheckpoint, publicKey } from "../services/log";
import { problemSchemas } from "./schemas";
import { HandleParam } from "./creators";

const uint = z.coerce.number({ error: "must be a number" }).int("must be an integer").min(0, "must be ≥ 0").max(Number.MAX_SAFE_INTEGER);
const text = { "text/plain": { schema: z.string() } };

const checkpoint = createRoute({ method: "get", path: "/log/checkpoint", tags: ["log"], summary: "The latest signed checkpoint (C2SP signed note)", responses: { 200: { description: "The note", content: text }, ...problemSchemas(404) } });
const checkpointBySize = createRoute({ method: "get", path: "/log/checkpoints/{size}", tags: ["log"], summary: "A past checkpoint (immutable)", request: { params: z.object({ size: uint }) }, responses: { 200: { description: "The note", content: text }, ...problemSchemas(400, 404) } });
const key = createRoute({ method: "get", path: "/log/key", tags: ["log"], summary: "The log's origin and note verifier key", responses: { 200: { description: "Key", content: { "application/json": { schema: z.object({ origin: z.string(), verifier_key: z.string() }) } } } } });
const Entry = z.object({ index: z.number(), kind: z.string(), subject: z.string(), body: z.string(), leaf_hash: z.string() }).openapi("LogEntry");
const entriesRoute = createRoute({ method: "get", path: "/log/entries", tags: ["log"], summary: "Entries [start, end), at most 1,000, with the exact canonical bodies hashed", request: { query: z.object({ start: uint, end: uint }) }, responses: { 200: { description: "Entries", content: { "application/json": { schema: z.object({ entries: z.array(Entry) }) } } }, ...problemSchemas(400) } });
const inclusion = createRoute({ method: "get", path: "/log/proof/inclusion", tags: ["log"], summary: "RFC 6962 inclusion proof of entry `index` in the tree of `size`", request: { query: z.object({ index: uint, size: uint }) }, responses: { 200: { description: "Proof", content: { "application/json": { schema: z.object({ index: z.number(), size: z.number(), hashes: z.array(z.string()) }) } } }, ...problemSchemas(400) } });
const consistency = createRoute({ method: "get", path: "/log/proof/consistency", tags: ["log"], summary: "RFC 6962 consistency proof between tree sizes `from` and `to`", request: { query: z.object({ from: uint, to: uint }) }, responses: { 200: { description: "Proof", content: { "application/json": { schema: z.object({ from: z.number(), to: z.number(), hashes: z.array(z.string()) }) } } }, ...problemSchemas(400) } });
const creator = createRoute({ method: "get", path: "/creators/{handle}/log", tags: ["log"], summary: "Indexes of a creator's log entries, oldest first", request: { params: HandleParam, query: z.object({ after: z.coerce.number().int().min(-1).default(-1), limit: z.coerce.number().int().min(1).max(1000).default(1000) }) }, responses: { 200: { description: "Indexes", content: { "application/json": { schema: z.object({ handle: z.string(), subject: z.string(), indexes: z.array(z.number()), checkpoint_size: z.number(), next_after: z.number().nullable() }) } } }, ...problemSchemas(400, 404) } });

export const logRoutes = newRouter()
  .openapi(checkpoint, async (c) => {
    const cp = await latestCheckpoint(serviceCtx(c));
    return c.text(cp.note, 200, { "cache-control": "no-cache" });
  })
  .openapi(checkpointBySize, async (c) => {
    const cp = await checkpointAt(serviceCtx(c), c.req.valid("param").size);
    return c.text(cp.note, 200, { "cache-control": "public, max-age=31536000, immutable" });
  })
  .openapi(key, async (c) => c.json(await publicKey(serviceCtx(c)), 200, { "cache-control": "public, max-age=3600" }))
  .openapi(entriesRoute, async (c) => {
    const { start, end } = c.req.valid("query");
    const body = await entries(serviceCtx(c), start, end);
    // A full range is immutable; a range running past the end may still grow.
    return cachedJson(c, body, 10, body.entries.length === end - start) as never;
  })
  .openapi(inclusion, async (c) => {
    const { index, size } = c.req.valid("query");
    const { hashes_read, ...proof } = await inclusionProof(serviceCtx(c), index, size);
    c.header("x-hashes-read", String(hashes_read));
    return cachedJson(c, proof, 0, true) as never;
  })
  .openapi(consistency, async (c) => {
    const { from, to } = c.req.valid("query");
    const { hashes_read, ...proof } = await consistencyProof(serviceCtx(c), from, to);
    c.header("x-hashes-read", String(hashes_read));
    return cachedJson(c, proof, 0, true) as never;
  })
  .openapi(creator, async (c) => {
    const q = c.req.valid("query");
    return cachedJson(c, await creatorLog(serviceCtx(c), c.req.valid("param").handle, q.after, q.limit), 10) as never;
  });
