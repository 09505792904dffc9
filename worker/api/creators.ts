import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { cachedJson } from "../http/cache";
import type { AppEnv } from "../http/types";
import { getProfile, type ReadCost } from "../services/profile";
import { lookupCreators, searchCreators, SORTS } from "../services/search";
import { badgeContent, badgeSvg } from "../domain/badge";
import { COUNTRIES } from "../domain/countries";
import { PLATFORMS } from "../verify/config";
import { problemSchemas } from "./schemas";

export const HandleParam = z.object({ handle: z.string().min(1).max(40) });

function withCost(c: Context<AppEnv>, cost: ReadCost) {
  c.header("x-d1-round-trips", String(cost.roundTrips));
  c.header("x-d1-rows-read", String(cost.rowsRead));
}

const Score = z.object({
  value: z.number().int().nullable(), confidence: z.enum(["none", "low", "medium", "high"]), reason: z.string().nullable(), version: z.string(),
  components: z.array(z.object({ name: z.string(), value: z.number(), weight: z.number(), explanation: z.string() })),
});
const TrustProfile = z
  .object({
    handle: z.string(), display_name: z.string(), bio: z.string(), country: z.string().nullable(), languages: z.array(z.string()), niches: z.array(z.string()),
    status: z.enum(["active", "suspended"]), created_at: z.string(),
    pledge: z.object({ status: z.enum(["none", "signed", "withdrawn", "revoked"]), version: z.number().nullable(), sha256: z.string().nullable(), signed_at: z.string().nullable(), log_index: z.number().nullable() }),
    accounts: z.array(z.object({ platform: z.string(), url: z.string(), method: z.string(), status: z.string(), verified_at: z.string().nullable(), checked_at: z.string().nullable(), log_index: z.number().nullable() })),
    disclosures: z.object({ total: z.number(), by_relationship: z.record(z.string(), z.number()), by_verdict: z.object({ pass: z.number(), review: z.number(), fail: z.number() }), brand_confirmed: z.number(), disputed: z.number(), amended: z.number(), median_days_to_record: z.number().nullable(), last_recorded_at: z.string().nullable() }),
    reports: z.object({ upheld_12m: z.number(), open: z.number(), median_response_hours: z.number().nullable() }),
    score: Score,
    log: z.object({ entries: z.number(), last_index: z.number().nullable(), checkpoint_size: z.number(), covered: z.boolean(), indexes_url: z.string() }),
    updated_at: z.string(),
  })
  .openapi("TrustProfile");
const Summary = z.object({ handle: z.string(), display_name: z.string(), country: z.string().nullable(), niches: z.array(z.string()), pledge_status: z.string(), score: z.number().nullable() }).openapi("CreatorSummary");

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");
const searchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  platform: z.enum(PLATFORMS).optional(),
  country: z.string().toUpperCase().refine((c) => COUNTRIES.has(c), "must be an ISO 3166-1 alpha-2 code").optional(),
  niche: z.string().trim().toLowerCase().max(30).optional(),
  pledged: booleanParam.optional(),
  min_score: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(SORTS).default("score"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const profileRoute = createRoute({
  method: "get", path: "/creators/{handle}", tags: ["creators"], summary: "A creator's public trust profile",
  request: { params: HandleParam },
  responses: { 200: { description: "The trust profile", content: { "application/json": { schema: TrustProfile } } }, ...problemSchemas(404, 429) },
});
const searchRoute = createRoute({
  method: "get", path: "/creators", tags: ["creators"], summary: "Search creators: full text and filters, cursor pagination",
  request: { query: searchQuery },
  responses: { 200: { description: "A page of creators", content: { "application/json": { schema: z.object({ items: z.array(Summary), next_cursor: z.string().nullable() }) } } }, ...problemSchemas(400, 429) },
});
const lookupRoute = createRoute({
  method: "post", path: "/creators/lookup", tags: ["creators"], summary: "Look up to 100 handles or account URLs, answered in order",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ items: z.array(z.string().trim().min(1).max(2048)).min(1).max(100, "at most 100 items") }).strict() } } } },
  responses: {
    200: { description: "One result per item, in order", content: { "application/json": { schema: z.object({ results: z.array(z.union([Summary.extend({ input: z.string(), found: z.literal(true), profile_url: z.string() }), z.object({ input: z.string(), found: z.literal(false) })])) }) } } },
    ...problemSchemas(400, 429),
  },
});
const badgeJsonRoute = createRoute({
  method: "get", path: "/creators/{handle}/badge.json", tags: ["badges"], summary: "shields.io endpoint badge",
  request: { params: HandleParam },
  responses: { 200: { description: "Endpoint JSON", content: { "application/json": { schema: z.object({ schemaVersion: z.literal(1), label: z.string(), message: z.string(), color: z.string() }) } } }, ...problemSchemas(404) },
});

export const creatorRoutes = newRouter()
  .openapi(profileRoute, async (c) => {
    const { profile, cost } = await getProfile(serviceCtx(c), c.req.valid("param").handle);
    withCost(c, cost);
    return cachedJson(c, profile, 30) as never;
  })
  .openapi(searchRoute, async (c) => {
    const { body, cost } = await searchCreators(serviceCtx(c), c.req.valid("query"));
    withCost(c, cost);
    return cachedJson(c, body, 30) as never;
  })
  .openapi(lookupRoute, async (c) => {
    const { body, cost } = await lookupCreators(serviceCtx(c), c.req.valid("json").items);
    withCost(c, cost);
    c.header("cache-control", "no-store");
    return c.json(body as never, 200);
  })
  .openapi(badgeJsonRoute, async (c) => {
    const { profile } = await getProfile(serviceCtx(c), c.req.valid("param").handle);
    return cachedJson(c, { schemaVersion: 1, ...badgeContent({ handle: profile.handle, pledgeStatus: profile.pledge.status, score: profile.score.value }) }, 300) as never;
  });

/** The SVG badge lives outside /api: /badge/{handle}.svg. */
export const badgeRoutes = newRouter();
badgeRoutes.get("/badge/:file{[^/]+\\.svg}", async (c) => {
  const handle = c.req.param("file").replace(/\.svg$/, "");
  const { profile } = await getProfile(serviceCtx(c), handle);
  const svg = badgeSvg({ handle: profile.handle, pledgeStatus: profile.pledge.status, score: profile.score.value });
  return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=300", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
});
