import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertWellFormed, CSV_HEADER, csvRow, describeReq, disclosureBody, makeBrand, makeCreatorWithHistory, makeKey, manifesto,
  offlineWeb, MODERATOR_EMAIL, quickSession, send, unique, wellFormedProblem, type Req,
} from "./routes";
import {
  b64url, GARBAGE_AUTH, GARBAGE_COOKIES, jsonPayload, MALFORMED_PERCENT_COOKIES, NASTY_STRINGS, oddHeaders, type Payload, query, qv, segment, wellFormed,
} from "./arbitraries";

/**
 * Property-based fuzzing of every write route and every parameterised read: random and
 * adversarial bodies, content types, headers, path segments and query strings, sent
 * anonymously and with real credentials. The property: never a 5xx, and every error is an
 * RFC 9457 problem whose `status` is the HTTP status.
 *
 * The seed is fixed so a failure reproduces; change SEED locally to explore other inputs.
 */

const IP_BASE = 200;
const SEED = 20261101;
const RUNS = 25;
const TIMEOUT = 120_000;

type ActorName = "anon" | "creator" | "owner" | "key" | "moderator";

interface Fixtures {
  creator: Awaited<ReturnType<typeof makeCreatorWithHistory>>;
  brand: Awaited<ReturnType<typeof makeBrand>>;
  key: { id: string; secret: string };
  key2: { id: string; secret: string };
  moderatorCookie: string;
  manifesto: { version: number; sha: string };
  logSize: number;
  /** Real next_cursor values from the directory and the signatories list. */
  cursors: { score: string; signed_at: string; name: string; signatories: string };
}

interface Credentials {
  cookie?: string;
  headers: Record<string, string>;
}

function credentialsOf(f: Fixtures, a: ActorName): Credentials {
  if (a === "creator") return { cookie: f.creator.cookie, headers: {} };
  if (a === "owner") return { cookie: f.brand.owner.cookie, headers: {} };
  if (a === "moderator") return { cookie: f.moderatorCookie, headers: {} };
  if (a === "key") return { headers: { authorization: `Bearer ${f.key.secret}` } };
  return { headers: {} };
}

/** Credentials for one of the route's actors, sometimes replaced or joined by garbage. */
function credentials(f: Fixtures, actors: ActorName[]): fc.Arbitrary<Credentials> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...actors).map((a) => credentialsOf(f, a)) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_COOKIES).map((cookie) => ({ cookie, headers: {} })) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_COOKIES).map((c) => ({ cookie: `${c}; ${f.creator.cookie}`, headers: {} })) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_AUTH).map((authorization) => ({ cookie: f.creator.cookie, headers: { authorization } })) },
  );
}

// ---------------------------------------------------------------------------------------------
// The routes under test. Each gives the shape of its requests; the harness adds actors and headers.

interface Shape {
  method: string;
  path: string;
  payload?: Payload;
}

interface FuzzRoute {
  name: string;
  /** Changes the fixtures' state (signs out, suspends, supersedes…): gets fixtures of its own. */
  fresh?: boolean;
  actors: ActorName[];
  shape: (f: Fixtures) => fc.Arbitrary<Shape>;
  /** Known-hostile requests always tried first, as the creator's session unless said otherwise. */
  examples?: (f: Fixtures) => Array<Shape & { actor?: ActorName }>;
}

const post = (path: string, payload: Payload): Shape => ({ method: "POST", path, payload });
const json = (v: unknown): Payload => ({ body: JSON.stringify(v), contentType: "application/json" });
const withPayload = (method: string, path: fc.Arbitrary<string> | string, valid: Record<string, unknown>) =>
  fc.tuple(typeof path === "string" ? fc.constant(path) : path, jsonPayload(valid)).map(([p, payload]): Shape => ({ method, path: p, payload }));
const get = (path: fc.Arbitrary<string>) => path.map((p): Shape => ({ method: "GET", path: p }));
const noBody = (method: string, path: fc.Arbitrary<string>) =>
  fc.tuple(path, fc.option(jsonPayload({}), { freq: 3 })).map(([p, payload]): Shape => ({ method, path: p, ...(payload ? { payload } : {}) }));
const handles = (f: Fixtures) => [f.creator.handle, f.creator.handle.toUpperCase(), `@${f.creator.handle}`, "nobody_here", "ab"];
const uintish = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: max + 1 }).map(String) },
    { weight: 2, arbitrary: qv(["-1", "1.5", " 1", "1e3", "0x1", "9007199254740992", "9007199254740993", "1e20", ""]) },
  );
const sizeSeg = (max: number) => segment(["0", "1", String(max), String(max + 1), "1.5", "-1", "1e3", "9007199254740991", "9007199254740993"]);
/** Cursors of the right shape for each list (values that name no real row). */
const CURSOR_SHAPES = ['["2026-01-01T00:00:00.000Z","dc_zzz"]', '[0,50,"cr_zzz"]', '[1,null,"cr_zzz"]', '[0,"Creator","cr_zzz"]', '[0,"2026-01-01T00:00:00.000Z","cr_zzz"]'].map(b64url);
const cursors = fc.oneof(
  qv(["", "abc"]),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }).map((a) => b64url(JSON.stringify(a))),
  fc.constantFrom('[0,1e400,"x"]', '[0,-1e400,"x"]', '[1,null,"x"]', '[0,5,"x"]', '[0,-0,""]', '["a","b"]', '["\\u0000","\\ud800"]', '[0,"x","y"]', '[0,null,"z"]', '[null,null,null]', '["9999","zzz"]', "[]", "{}", '"x"', '["2026-01-01T00:00:00.000Z","dc_zzz"]', '["9999-01-01T00:00:00.000Z","zzz"]', '[0,50,"cr_zzz"]', '[1,null,"cr_zzz"]', '[0,"Creator","cr_zzz"]', '[0,"2026-01-01T00:00:00.000Z","cr_zzz"]', '[1,null,"~"]').map(b64url),
);

const ROUTES: FuzzRoute[] = [
  {
    name: "POST /api/v1/auth/email",
    actors: ["anon", "creator"],
    shape: () => withPayload("POST", "/api/v1/auth/email", { email: `${unique("fz")}@example.test`, next: "/dashboard", lang: "en" }),
    examples: () => [post("/api/v1/auth/email", json({ email: "a@b.example", next: "//evil.example/%0d%0a" }))],
  },
  {
    name: "GET /api/v1/auth/callback",
    actors: ["anon", "creator"],
    shape: () => get(query({ token: ["x".repeat(10), "a".repeat(43)], next: ["/dashboard", "/@someone?tab=x"] }, { token: qv(["t".repeat(9), "t".repeat(201)]), next: qv(["//evil.example", "/\\evil.example", "https://evil.example", "/%0d%0aSet-Cookie:x=1", "/a".repeat(101)]) }).map((q) => `/api/v1/auth/callback${q}`)),
  },
  {
    name: "POST /api/v1/auth/logout",
    fresh: true,
    actors: ["anon", "creator"],
    shape: () => noBody("POST", fc.constant("/api/v1/auth/logout")),
  },
  {
    name: "POST /api/v1/me/creator",
    actors: ["anon", "creator", "owner", "key"],
    shape: () => withPayload("POST", "/api/v1/me/creator", { handle: unique("fz_"), display_name: "Fuzz", bio: "b", country: "FR", languages: ["fr"], niches: ["running", "trail"] }),
    examples: () => [{ ...post("/api/v1/me/creator", json({ handle: unique("fzn_"), display_name: "Dup niches", niches: ["running", "Running"] })), actor: "owner" }],
  },
  {
    name: "PATCH /api/v1/me/creator",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: () => withPayload("PATCH", "/api/v1/me/creator", { display_name: "Fuzzed", bio: "bio", country: "DE", languages: ["en"], niches: ["cooking", "tech"] }),
    examples: () => [{ method: "PATCH", path: "/api/v1/me/creator", payload: json({ niches: ["running", "running"] }) }, { method: "PATCH", path: "/api/v1/me/creator", payload: json({ niches: ["Trail", " trail "] }) }],
  },
  {
    name: "POST /api/v1/me/pledge",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => withPayload("POST", "/api/v1/me/pledge", { version: f.manifesto.version, sha256: f.manifesto.sha, statement: "I will." }),
  },
  {
    name: "DELETE /api/v1/me/pledge",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: () => fc.oneof(withPayload("DELETE", "/api/v1/me/pledge", { reason: "Changing my mind" }), fc.constant({ method: "DELETE", path: "/api/v1/me/pledge" })),
  },
  {
    name: "POST /api/v1/me/disclosures",
    actors: ["anon", "creator", "owner", "key"],
    shape: () => withPayload("POST", "/api/v1/me/disclosures", { ...disclosureBody(), overlay: "Paid partnership", platform_tool: true, retouched: false, ai_generated: false }),
    examples: () => [
      post("/api/v1/me/disclosures", json(disclosureBody("stride.example", { posted_at: "0001-01-01T00:00:00Z" }))),
      post("/api/v1/me/disclosures", json(disclosureBody("stride.example", { brand_domain: "" }))),
      post("/api/v1/me/disclosures", json(disclosureBody("stride.example", { caption: "\uD800 #ad", brand_name: "\u0000" }))),
    ],
  },
  {
    name: "POST /api/v1/me/disclosures/{id}/amend",
    fresh: true,
    actors: ["anon", "creator", "owner"],
    shape: (f) => withPayload("POST", segment([f.creator.disclosureId, "dc_nope"]).map((id) => `/api/v1/me/disclosures/${id}/amend`), { note: "Fixed the label", caption: "#ad better", jurisdictions: ["UK"], brand_domain: null }),
    examples: (f) => [post(`/api/v1/me/disclosures/${f.creator.disclosureId}/amend`, json({ note: "x", posted_at: "2999-01-01T00:00:00Z" }))],
  },
  {
    name: "POST /api/v1/me/disclosures/import",
    actors: ["anon", "creator", "owner"],
    shape: () => {
      const field = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: "binary", maxLength: 30 }).map(wellFormed), fc.constantFrom("true", "yes", "__proto__", "constructor", "US;FR", "2026-01-01T00:00:00Z"));
      const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const fuzzRow = fc.array(field, { minLength: 10, maxLength: 15 }).map((fs) => fs.map(quote).join(","));
      const csv = fc.oneof(
        { weight: 2, arbitrary: fc.constant(`${CSV_HEADER}\n${csvRow()}\n`) },
        { weight: 4, arbitrary: fc.array(fc.oneof(fuzzRow, fc.constant(csvRow())), { minLength: 1, maxLength: 8 }).map((rows) => [CSV_HEADER, ...rows].join("\r\n")) },
        { weight: 1, arbitrary: fc.constantFrom("", CSV_HEADER, `\uFEFF${CSV_HEADER}\n${csvRow()}`, `${CSV_HEADER}\n"unterminated`, `${CSV_HEADER}\na"b,c`, "a,b,c\n1,2,3", `${CSV_HEADER.toUpperCase()}\n${csvRow()}`) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 400 }) },
        { weight: 1, arbitrary: fc.integer({ min: 5_001, max: 5_200 }).map((n) => `${CSV_HEADER}\n${"x\n".repeat(n)}`) },
      );
      const type = fc.oneof({ weight: 6, arbitrary: fc.constant("text/csv") }, { weight: 2, arbitrary: fc.constantFrom("text/csv; charset=utf-8", "TEXT/CSV", "text/csvx", "application/json", "text/plain", "") });
      return fc.oneof(
        { weight: 6, arbitrary: fc.tuple(csv, type).map(([body, contentType]) => post("/api/v1/me/disclosures/import", { body, contentType })) },
        { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((body) => post("/api/v1/me/disclosures/import", { body, contentType: "text/csv" })) },
        { weight: 1, arbitrary: fc.constant(post("/api/v1/me/disclosures/import", { body: new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x2c]), contentType: "text/csv" })) },
      );
    },
  },
  {
    name: "GET /api/v1/me/disclosures/export",
    actors: ["anon", "creator", "owner"],
    shape: () => get(query({ format: ["csv", "json"] }, { format: qv(["CSV", "xml", "json "]) }).map((q) => `/api/v1/me/disclosures/export${q}`)),
  },
  {
    name: "POST /api/v1/me/accounts",
    actors: ["anon", "creator", "owner"],
    shape: () => withPayload("POST", "/api/v1/me/accounts", { platform: "website", url: `https://${unique("site")}.example/`, evidence: "See my bio" }),
    examples: () => [post("/api/v1/me/accounts", json({ platform: "mastodon", url: "https://[::1]/@x" })), post("/api/v1/me/accounts", json({ platform: "github", url: "https://github.com/%ZZ" }))],
  },
  {
    name: "POST /api/v1/me/accounts/{id}/verify",
    fresh: true,
    actors: ["anon", "creator", "owner"],
    shape: (f) => noBody("POST", segment([f.creator.accountId, "ac_nope"]).map((id) => `/api/v1/me/accounts/${id}/verify`)),
  },
  {
    name: "DELETE /api/v1/me/accounts/{id}",
    fresh: true,
    actors: ["anon", "creator", "owner"],
    shape: (f) => noBody("DELETE", segment([f.creator.accountId, "ac_nope"]).map((id) => `/api/v1/me/accounts/${id}`)),
  },
  {
    name: "POST /api/v1/brands",
    actors: ["anon", "creator", "owner", "key"],
    shape: () => withPayload("POST", "/api/v1/brands", { name: "Fuzz brand", domain: `${unique("fzb")}.example` }),
    examples: () => [post("/api/v1/brands", json({ name: "x", domain: "ÉXAMPLE.例え.テスト" })), post("/api/v1/brands", json({ name: "x", domain: "a.b:99999999999" }))],
  },
  {
    name: "POST /api/v1/brands/{id}/verify",
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => noBody("POST", segment([f.brand.id, "br_nope"]).map((id) => `/api/v1/brands/${id}/verify`)),
  },
  {
    name: "GET /api/v1/brands/{id}/keys",
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => get(segment([f.brand.id]).map((id) => `/api/v1/brands/${id}/keys`)),
  },
  {
    name: "POST /api/v1/brands/{id}/keys",
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => withPayload("POST", segment([f.brand.id, "br_nope"]).map((id) => `/api/v1/brands/${id}/keys`), { name: "CI key" }),
  },
  {
    name: "DELETE /api/v1/brands/{id}/keys/{key_id}",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => noBody("DELETE", fc.tuple(segment([f.brand.id]), segment([f.key2.id, "key_nope"])).map(([b, k]) => `/api/v1/brands/${b}/keys/${k}`)),
  },
  {
    name: "GET /api/v1/brands/{id}/collaborations",
    actors: ["anon", "owner", "key"],
    shape: (f) => get(fc.tuple(segment([f.brand.id]), query({ cursor: CURSOR_SHAPES, limit: ["1", "20", "100"] }, { cursor: cursors, limit: qv(["0", "101", "-1", "1.5"]) })).map(([b, q]) => `/api/v1/brands/${b}/collaborations${q}`)),
  },
  {
    name: "POST /api/v1/brands/{id}/collaborations/{disclosure_id}/confirm",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => noBody("POST", fc.tuple(segment([f.brand.id]), segment([f.creator.disclosureId])).map(([b, d]) => `/api/v1/brands/${b}/collaborations/${d}/confirm`)),
  },
  {
    name: "POST /api/v1/brands/{id}/collaborations/{disclosure_id}/dispute",
    fresh: true,
    actors: ["anon", "creator", "owner", "key"],
    shape: (f) => withPayload("POST", fc.tuple(segment([f.brand.id]), segment([f.creator.disclosureId])).map(([b, d]) => `/api/v1/brands/${b}/collaborations/${d}/dispute`), { reason: "We never worked together." }),
  },
  {
    name: "POST /api/v1/reports",
    actors: ["anon", "creator", "key"],
    shape: (f) => withPayload("POST", "/api/v1/reports", { handle: f.creator.handle, post_url: `https://instagram.com/p/${unique("fzr")}`, reason: "undisclosed", evidence: "No label.", contact: "reader@example.test" }),
  },
  {
    name: "POST /api/v1/me/reports/{id}/respond",
    fresh: true,
    actors: ["anon", "creator", "owner"],
    shape: (f) => withPayload("POST", segment([f.creator.reportId, "rp_nope"]).map((id) => `/api/v1/me/reports/${id}/respond`), { action: "disclosed", note: "Label added." }),
  },
  {
    name: "GET /api/v1/admin/reports",
    actors: ["anon", "creator", "moderator"],
    shape: () => get(query({ status: ["open", "responded", "pending", "upheld", "dismissed"] }, { status: qv(["all", "OPEN", "__proto__"]) }).map((q) => `/api/v1/admin/reports${q}`)),
  },
  {
    name: "POST /api/v1/admin/reports/{id}/decide",
    fresh: true,
    actors: ["anon", "creator", "moderator", "moderator", "moderator"],
    shape: (f) => withPayload("POST", segment([f.creator.reportId, "rp_nope"]).map((id) => `/api/v1/admin/reports/${id}/decide`), { decision: "dismissed", reason: "Labelled in the video." }),
  },
  {
    name: "POST /api/v1/admin/creators/{handle}/suspend",
    fresh: true,
    actors: ["anon", "creator", "moderator", "moderator", "moderator"],
    shape: (f) => withPayload("POST", segment(handles(f)).map((h) => `/api/v1/admin/creators/${h}/suspend`), { reason: "Bought followers." }),
  },
  {
    name: "POST /api/v1/check",
    actors: ["anon", "key"],
    shape: () => withPayload("POST", "/api/v1/check", { text: "#ad new shoes", overlay: "Paid partnership", platform: "instagram", media: "reel", relationship: "paid", jurisdictions: ["US", "UK", "FR"], platform_tool: true, retouched: true, ai_generated: true, brand: "Stride" }),
    examples: () => [post("/api/v1/check", json({ text: "#".repeat(10_000), platform: "x", media: "text", relationship: "affiliate", jurisdictions: ["FR"] })), post("/api/v1/check", json({ text: "\uD800#ad", overlay: "\u0000", platform: "tiktok", media: "live", relationship: "none", jurisdictions: ["US"], brand: "" }))],
  },
  {
    name: "GET /api/v1/creators (search)",
    actors: ["anon", "key"],
    shape: (f) => {
      const filters = query(
        { q: ["running", "cre", "creator", "é"], platform: ["website", "github", "mastodon"], country: ["FR", "fr", "US"], niche: ["running", "Running"], pledged: ["true", "false"], min_score: ["0", "50", "100"], sort: ["score", "signed_at", "name"], limit: ["1", "20", "100"] },
        { q: qv(["\"", "*", "a OR b", "NEAR(a b)", "x".repeat(101)]), platform: qv(["myspace", "WEBSITE"]), country: qv(["XX", "__proto__", "fra"]), niche: qv(["x".repeat(31)]), pledged: qv(["1", "yes", "TRUE"]), min_score: qv(["101", "-1", "1.5"]), sort: qv(["id", "score;drop"]), limit: qv(["0", "101"]) },
      );
      // A cursor only means something with the sort it came from.
      const paged = fc.constantFrom("score", "signed_at", "name").chain((sort) => query({ sort: [sort], cursor: [f.cursors[sort as "score"]], limit: ["1", "5"] }, { cursor: cursors }, ["sort", "cursor"]));
      return get(fc.oneof({ weight: 3, arbitrary: filters }, { weight: 2, arbitrary: paged }).map((q) => `/api/v1/creators${q}`));
    },
    examples: () => ["score", "signed_at", "name"].flatMap((sort) => ['[0,1e400,"x"]', '[0,-1e400,"x"]', '[0,"\\ud800","x"]', '[1,null,"\\u0000"]'].map((c) => ({ method: "GET", path: `/api/v1/creators?sort=${sort}&cursor=${b64url(c)}` }))),
  },
  {
    name: "GET /api/v1/creators/{handle}",
    actors: ["anon", "key"],
    shape: (f) => get(segment(handles(f)).map((h) => `/api/v1/creators/${h}`)),
  },
  {
    name: "GET /api/v1/creators/{handle}/disclosures",
    actors: ["anon", "key"],
    shape: (f) => get(fc.tuple(segment(handles(f)), query({ cursor: CURSOR_SHAPES, limit: ["1", "20", "100"] }, { cursor: cursors })).map(([h, q]) => `/api/v1/creators/${h}/disclosures${q}`)),
  },
  {
    name: "GET /api/v1/creators/{handle}/log",
    actors: ["anon", "key"],
    shape: (f) => get(fc.tuple(segment(handles(f)), query({ after: ["-1", "0", "1", String(f.logSize)], limit: ["1", "1000"] }, { after: uintish(f.logSize), limit: qv(["0", "1001", "1e3"]) })).map(([h, q]) => `/api/v1/creators/${h}/log${q}`)),
    examples: (f) => ["1e20", "-1", "9007199254740993", "1e308"].map((after) => ({ method: "GET", path: `/api/v1/creators/${f.creator.handle}/log?after=${after}` })),
  },
  {
    name: "GET /api/v1/creators/{handle}/reports",
    actors: ["anon"],
    shape: (f) => get(segment(handles(f)).map((h) => `/api/v1/creators/${h}/reports`)),
  },
  {
    name: "GET /api/v1/creators/{handle}/badge.json",
    actors: ["anon"],
    shape: (f) => get(segment(handles(f)).map((h) => `/api/v1/creators/${h}/badge.json`)),
  },
  {
    name: "GET /badge/{handle}.svg",
    actors: ["anon"],
    shape: (f) => get(segment(handles(f)).map((h) => `/badge/${h}.svg`)),
  },
  {
    name: "GET /@{handle}/feed.atom",
    actors: ["anon"],
    shape: (f) => get(segment(handles(f)).map((h) => `/@${h}/feed.atom`)),
  },
  {
    name: "POST /api/v1/creators/lookup",
    actors: ["anon", "key"],
    shape: (f) => withPayload("POST", "/api/v1/creators/lookup", { items: [f.creator.handle, `@${f.creator.handle}`, "https://github.com/someone", `http://localhost:8787/@${f.creator.handle}`, "nobody"] }),
    examples: () => [post("/api/v1/creators/lookup", json({ items: ["http://[/@abcd"] })), post("/api/v1/creators/lookup", json({ items: ["https://x.example:99999/@abcd"] })), post("/api/v1/creators/lookup", json({ items: Array.from({ length: 100 }, (_, i) => `https://site${i}.example/`) }))],
  },
  {
    name: "GET /api/v1/log/entries",
    actors: ["anon"],
    shape: (f) => get(query({ start: ["0", "1", String(Math.max(0, f.logSize - 1))], end: ["1", "2", String(f.logSize), String(f.logSize + 1)] }, { start: uintish(f.logSize), end: uintish(f.logSize + 2) }, ["start", "end"]).map((q) => `/api/v1/log/entries${q}`)),
  },
  {
    name: "GET /api/v1/log/proof/inclusion",
    actors: ["anon"],
    shape: (f) => get(query({ index: ["0", "1", String(Math.max(0, f.logSize - 1))], size: ["1", "2", String(f.logSize)] }, { index: uintish(f.logSize), size: uintish(f.logSize) }, ["index", "size"]).map((q) => `/api/v1/log/proof/inclusion${q}`)),
  },
  {
    name: "GET /api/v1/log/proof/consistency",
    actors: ["anon"],
    shape: (f) => get(query({ from: ["1", "2", String(Math.max(1, f.logSize - 1))], to: ["2", String(f.logSize)] }, { from: uintish(f.logSize), to: uintish(f.logSize) }, ["from", "to"]).map((q) => `/api/v1/log/proof/consistency${q}`)),
  },
  {
    name: "GET /api/v1/log/checkpoints/{size}",
    actors: ["anon"],
    shape: (f) => get(sizeSeg(f.logSize).map((s) => `/api/v1/log/checkpoints/${s}`)),
  },
  {
    name: "GET /api/v1/manifesto/versions/{v}",
    actors: ["anon"],
    shape: () => get(segment(["1", "2", "0", "10000", "10001", "1.0", "01", " 1"]).map((v) => `/api/v1/manifesto/versions/${v}`)),
  },
  {
    name: "GET /api/v1/signatories",
    actors: ["anon"],
    shape: (f) => get(query({ q: ["cre", "running", "creator c"], cursor: [f.cursors.signatories, ...CURSOR_SHAPES], limit: ["1", "50", "100"] }, { q: qv(["\"", "*", "a OR b", "NEAR("]), cursor: cursors }).map((q) => `/api/v1/signatories${q}`)),
  },
];

// ---------------------------------------------------------------------------------------------

let moderatorCookie = "";
let restoreFetch: () => void = () => {};

beforeAll(async () => {
  const spy = offlineWeb();
  restoreFetch = () => spy.mockRestore();
  moderatorCookie = (await quickSession(MODERATOR_EMAIL)).cookie;
}, TIMEOUT);
afterAll(() => restoreFetch());

/** Fixtures for a route: shared, or fresh for routes whose fuzzing changes them (a suspension, a sign-out). */
async function fixtures(): Promise<Fixtures> {
  const brand = await makeBrand({ verified: true });
  const creator = await makeCreatorWithHistory(brand.domain);
  const [key, key2] = [await makeKey(brand.id, brand.owner.cookie), await makeKey(brand.id, brand.owner.cookie)];
  const cp = await send({ method: "GET", path: "/api/v1/log/checkpoint" }, IP_BASE);
  const logSize = cp.status === 200 ? Number(cp.text.split("\n")[1]) || 0 : 0;
  const next = async (path: string) => ((await send({ method: "GET", path }, IP_BASE)).body?.next_cursor as string | null) ?? CURSOR_SHAPES[1]!;
  const cursors = {
    score: await next("/api/v1/creators?limit=1&sort=score"), signed_at: await next("/api/v1/creators?limit=1&sort=signed_at"),
    name: await next("/api/v1/creators?limit=1&sort=name"), signatories: await next("/api/v1/signatories?limit=1"),
  };
  return { creator, brand, key, key2, moderatorCookie, manifesto: await manifesto(), logSize, cursors };
}

let shared: Promise<Fixtures> | undefined;
const sharedFixtures = () => (shared ??= fixtures());

function toReq(shape: Shape, cred: Credentials, odd: Record<string, string>): Req {
  const headers: Record<string, string> = { ...cred.headers, ...odd };
  if (shape.payload?.contentType) headers["content-type"] = shape.payload.contentType;
  return { method: shape.method, path: shape.path, headers, cookie: cred.cookie, body: shape.payload?.body };
}

describe("fuzzing: never a 5xx, every error a problem+json", () => {
  it.each(ROUTES)("$name", async (route) => {
    const f = route.fresh ? await fixtures() : await sharedFixtures();
    const failures: string[] = [];

    for (const ex of route.examples?.(f) ?? []) {
      const actor = ex.actor ?? "creator";
      const req = toReq(ex, credentialsOf(f, actor), {});
      const why = wellFormedProblem(await send(req, IP_BASE));
      if (why) failures.push(`example ${describeReq(req)}\n  → ${why}`);
    }

    const arb = fc.tuple(route.shape(f), credentials(f, route.actors), oddHeaders).map(([shape, cred, odd]) => toReq(shape, cred, odd));
    const result = await fc.check(
      fc.asyncProperty(arb, async (req) => {
        assertWellFormed(req, await send(req, IP_BASE));
      }),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: 40_000 },
    );
    if (result.failed) {
      const err = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      failures.push(`fast-check (seed ${result.seed}, path ${result.counterexamplePath}) after ${result.numRuns} runs, shrunk ${result.numShrinks}×:\n  ${err}`);
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, TIMEOUT);

  it("treats a session cookie with malformed percent-encoding as no session, on every route", async () => {
    const f = await sharedFixtures();
    const failures: string[] = [];
    for (const route of ROUTES) {
      const shape = fc.sample(route.shape(f), { numRuns: 1, seed: SEED })[0]!;
      for (const cookie of MALFORMED_PERCENT_COOKIES) {
        const req = toReq(shape, { cookie, headers: {} }, {});
        const why = wellFormedProblem(await send(req, IP_BASE));
        if (why) failures.push(`${route.name} with Cookie: ${cookie} → ${why.slice(0, 60)}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, TIMEOUT);

  it("answers any method on any path under /api, /badge and /@ with a well-formed response", async () => {
    const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "get", "PROPFIND");
    const path = fc
      .tuple(fc.constantFrom("/api/v1/", "/api/", "/api/v1/creators/", "/api/v1/me/", "/api/v1/brands/", "/api/v1/log/", "/badge/", "/@", "/api/v1/admin/"), fc.array(segment(["x", "1", "me", "creators"]), { minLength: 0, maxLength: 4 }))
      .map(([prefix, segs]) => prefix + segs.join("/"));
    const result = await fc.check(
      fc.asyncProperty(method, path, oddHeaders, async (m, p, odd) => {
        const req: Req = { method: m, path: p, headers: odd, body: ["GET", "HEAD"].includes(m.toUpperCase()) ? undefined : "{}" };
        const res = await send(req, IP_BASE);
        if (m === "HEAD") {
          if (res.status >= 500) throw new Error(`${describeReq(req)} → ${res.status}`);
          return;
        }
        assertWellFormed(req, res);
      }),
      { numRuns: 60, seed: SEED },
    );
    expect(result.failed, result.failed ? String(result.errorInstance) : "").toBe(false);
  }, TIMEOUT);

  it("refuses a body over 2 MB with a 413 problem, signed in or not", async () => {
    const c = await quickSession();
    const big = JSON.stringify({ text: "x".repeat(2 * 1024 * 1024 + 10) });
    for (const cookie of [undefined, c.cookie]) {
      const req: Req = { method: "POST", path: "/api/v1/check", headers: { "content-type": "application/json" }, cookie, body: big };
      const res = await send(req, IP_BASE);
      assertWellFormed(req, res);
      expect(res.status).toBe(413);
    }
  }, TIMEOUT);
});

describe("findings of the fuzzer that are not 5xx", () => {
  it("creates a profile whose niches differ only by case or spaces, or names the niches field, rather than calling a free handle taken", async () => {
    const s = await quickSession();
    const handle = unique("dupn_");
    const req: Req = { method: "POST", path: "/api/v1/me/creator", cookie: s.cookie, headers: { "content-type": "application/json" }, body: JSON.stringify({ handle, display_name: "Dup", niches: ["running", "Running"] }) };
    const res = await send(req, IP_BASE);
    assertWellFormed(req, res);
    expect([201, 400], `${res.status} ${res.text}`).toContain(res.status);
    if (res.status === 400) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain("niches");
  }, TIMEOUT);
});
