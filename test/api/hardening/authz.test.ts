import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountFor, manualAccountFor, CSV_HEADER, csvRow, describeReq, detachModeratorProfile, disclosureBody, makeBrand, makeKey, manifesto, MODERATOR_EMAIL, offlineWeb,
  quickCreator, quickSession, recordFor, reportAbout, revokeKey, send, unique, wellFormedProblem, type Req,
} from "./routes";

/**
 * The authorisation matrix: every write route (and the private reads) × every kind of caller,
 * each cell's status written out below. Each row builds its own world (creators, brands, keys,
 * a report) and never shares it with another row. A refused call must also change nothing (no
 * log entry, no row) and leak nothing (no one else's proof token, key or record).
 *
 * Sessions are written straight into D1 (routes.ts `quickSession`): the moderator is the user
 * whose email is in MODERATOR_EMAILS, and the sign-in link flow (five links per email per 15
 * minutes) could not serve one session per cell.
 *
 * Expected outcomes follow the services: no session → 401 (requireUser); someone else's
 * disclosure, account or report → 404 (existence does not leak); a signed-in user without a
 * creator profile acting on /me/* → 409 (create your profile first); not a member of the brand
 * → 404, anonymous → 401 (requireBrandMember); an API key managing keys or verifying the domain
 * → 403; not a moderator on /admin → 404 (requireModerator); a session write from another
 * site → 403 (CSRF); an unknown or revoked API key → 401 on every route.
 */

const IP_BASE = 208;
const TIMEOUT = 30_000;

const ACTORS = ["anonymous", "creatorA", "creatorB", "brandOwner", "otherBrand", "apiKey", "moderator", "crossSiteA", "revokedKey"] as const;
type Actor = (typeof ACTORS)[number];
type Row = readonly [name: string, request: (w: World) => Promise<Req>, expected: readonly [number, number, number, number, number, number, number, number, number]];

class Lazy<T> {
  private p?: Promise<T>;
  constructor(private readonly make: () => Promise<T>) {}
  get(): Promise<T> {
    return (this.p ??= this.make());
  }
  get started(): boolean {
    return this.p !== undefined;
  }
}

let pledgeBody: { version: number; sha256: string };

/** Everything a cell may need, built on first use: creator A and their records, creator B, brands X (names A's records) and Y, keys. */
class World {
  readonly domainX = `${unique("azx")}.example`;
  readonly A = new Lazy(() => quickCreator({ signed: true }));
  readonly B = new Lazy(() => quickCreator());
  readonly aDisclosure = new Lazy(async () => recordFor((await this.A.get()).cookie, this.domainX));
  readonly aAccount = new Lazy(async () => accountFor((await this.A.get()).cookie));
  readonly aManual = new Lazy(async () => manualAccountFor((await this.A.get()).cookie));
  readonly aReport = new Lazy(async () => reportAbout((await this.A.get()).handle));
  readonly xOwner = new Lazy(() => quickSession());
  readonly yOwner = new Lazy(() => quickSession());
  readonly X = new Lazy(async () => makeBrand({ verified: true, domain: this.domainX, owner: await this.xOwner.get() }));
  readonly Y = new Lazy(async () => makeBrand({ verified: true, owner: await this.yOwner.get() }));
  readonly keyX = new Lazy(async () => { const x = await this.X.get(); return makeKey(x.id, x.owner.cookie); });
  readonly spareKeyX = new Lazy(async () => { const x = await this.X.get(); return makeKey(x.id, x.owner.cookie); });
  readonly keyY = new Lazy(async () => { const y = await this.Y.get(); return makeKey(y.id, y.owner.cookie); });
  readonly revokedKeyX = new Lazy(async () => {
    const x = await this.X.get();
    const k = await makeKey(x.id, x.owner.cookie);
    await revokeKey(x.id, k.id, x.owner.cookie);
    return k;
  });
  readonly moderator = new Lazy(async () => {
    await detachModeratorProfile();
    return quickSession(MODERATOR_EMAIL);
  });

  async credentials(actor: Actor): Promise<Pick<Req, "cookie" | "headers">> {
    switch (actor) {
      case "anonymous": return { headers: {} };
      case "creatorA": return { cookie: (await this.A.get()).cookie, headers: {} };
      case "creatorB": return { cookie: (await this.B.get()).cookie, headers: {} };
      case "brandOwner": return { cookie: (await this.X.get()).owner.cookie, headers: {} };
      case "otherBrand": return { cookie: (await this.Y.get()).owner.cookie, headers: {} };
      case "apiKey": return { headers: { authorization: `Bearer ${(await this.keyX.get()).secret}` } };
      case "moderator": return { cookie: (await this.moderator.get()).cookie, headers: {} };
      case "crossSiteA": return { cookie: (await this.A.get()).cookie, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } };
      case "revokedKey": return { headers: { authorization: `Bearer ${(await this.revokedKeyX.get()).secret}` } };
    }
  }

  /** Secrets each only some actors may ever read, for the resources this world has built. */
  async secrets(): Promise<Array<{ value: string; readers: Actor[]; what: string }>> {
    const out: Array<{ value: string; readers: Actor[]; what: string }> = [];
    if (this.aAccount.started) out.push({ value: (await this.aAccount.get()).token, readers: ["creatorA", "crossSiteA"], what: "A's account proof token" });
    if (this.X.started) out.push({ value: (await this.X.get()).token, readers: ["brandOwner"], what: "brand X's domain proof token" });
    if (this.Y.started) out.push({ value: (await this.Y.get()).token, readers: ["otherBrand"], what: "brand Y's domain proof token" });
    for (const k of [this.keyX, this.spareKeyX, this.revokedKeyX]) if (k.started) out.push({ value: (await k.get()).secret, readers: [], what: "an API key secret" });
    return out;
  }

  /**
   * The state a refused call must leave as it was: every row of this world's users (profiles,
   * pledges, records, accounts, reports about them, brands, keys, sessions, log entries).
   * Scoped to the world so cells can run side by side.
   */
  async fingerprint(): Promise<string> {
    const users: string[] = [];
    for (const l of [this.A, this.B, this.xOwner, this.yOwner]) if (l.started) users.push((await l.get()).userId);
    const u = users.map(() => "?").join(",") || "NULL";
    const creators = `SELECT id FROM creators WHERE user_id IN (${u})`;
    const brands = `SELECT brand_id FROM brand_members WHERE user_id IN (${u})`;
    const q = (sql: string) => env.DB.prepare(sql).bind(...users);
    const results = await env.DB.batch([
      q(`SELECT id, handle, status, bio, display_name, pledge_status, updated_at FROM creators WHERE user_id IN (${u}) ORDER BY id`),
      q(`SELECT id, status FROM pledges WHERE creator_id IN (${creators}) ORDER BY id`),
      q(`SELECT id, superseded_by, brand_status, brand_note FROM disclosures WHERE creator_id IN (${creators}) ORDER BY id`),
      q(`SELECT id, status, checked_at FROM accounts WHERE creator_id IN (${creators}) ORDER BY id`),
      q(`SELECT id, status, decision, responded_at FROM reports WHERE creator_id IN (${creators}) ORDER BY id`),
      q(`SELECT id, domain_verified_at, checked_at, failure FROM brands WHERE id IN (${brands}) ORDER BY id`),
      q(`SELECT id, revoked_at FROM api_keys WHERE brand_id IN (${brands}) ORDER BY id`),
      q(`SELECT user_id, COUNT(*) n FROM sessions WHERE user_id IN (${u}) GROUP BY user_id ORDER BY user_id`),
      env.DB.prepare(`SELECT COUNT(*) n FROM log_entries WHERE subject IN (${creators}) OR subject IN (${brands})`).bind(...users, ...users),
    ]);
    return JSON.stringify(results.map((r) => r.results));
  }
}

function jsonReq(method: string, path: string, body: unknown, cookie?: string): Req {
  return { method, path, cookie, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
const bare = (method: string, path: string): Req => ({ method, path });

// ---------------------------------------------------------------------------------------------
// The matrix. Columns, in order:
//   anonymous | creatorA (owns the records) | creatorB | brandOwner (verified brand X, named by A's records)
//   | otherBrand (owner of verified brand Y) | apiKey (brand X's key) | moderator | crossSiteA (A's cookie,
//   Origin: https://evil.example) | revokedKey (a revoked key of brand X)

const WRITES: readonly Row[] = [
  //                                                                                                                                            anon   A    B   owner other key  mod  xsite revoked
  ["POST /auth/email", async () => jsonReq("POST", "/api/v1/auth/email", { email: `${unique("m")}@example.test` }),                              [202, 202, 202, 202, 202, 202, 202, 403, 401]],
  ["POST /auth/logout", async () => bare("POST", "/api/v1/auth/logout"),                                                                          [204, 204, 204, 204, 204, 204, 204, 403, 401]],
  ["POST /me/creator", async () => jsonReq("POST", "/api/v1/me/creator", { handle: unique("new_"), display_name: "New" }),                       [401, 409, 409, 201, 201, 401, 201, 403, 401]],
  ["PATCH /me/creator", async () => jsonReq("PATCH", "/api/v1/me/creator", { bio: "Edited" }),                                                   [401, 200, 200, 409, 409, 401, 409, 403, 401]],
  ["POST /me/pledge", async () => jsonReq("POST", "/api/v1/me/pledge", pledgeBody),                                                              [401, 409, 201, 409, 409, 401, 409, 403, 401]],
  ["DELETE /me/pledge", async () => jsonReq("DELETE", "/api/v1/me/pledge", { reason: "Stepping back" }),                                         [401, 200, 409, 409, 409, 401, 409, 403, 401]],
  ["POST /me/disclosures", async (w) => jsonReq("POST", "/api/v1/me/disclosures", disclosureBody(w.domainX)),                                    [401, 201, 201, 409, 409, 401, 409, 403, 401]],
  ["POST /me/disclosures/{A's}/amend", async (w) => jsonReq("POST", `/api/v1/me/disclosures/${(await w.aDisclosure.get()).id}/amend`, { note: "Fixed", caption: "#ad fixed" }),
                                                                                                                                                 [401, 201, 404, 409, 409, 401, 409, 403, 401]],
  ["POST /me/disclosures/import", async (w) => ({ method: "POST", path: "/api/v1/me/disclosures/import", headers: { "content-type": "text/csv" }, body: `${CSV_HEADER}\n${csvRow(w.domainX)}\n` }),
                                                                                                                                                 [401, 201, 201, 409, 409, 401, 409, 403, 401]],
  ["POST /me/accounts", async () => jsonReq("POST", "/api/v1/me/accounts", { platform: "github", url: `https://github.com/${unique("gh")}` }),   [401, 201, 201, 409, 409, 401, 409, 403, 401]],
  ["POST /me/accounts/{A's}/verify", async (w) => bare("POST", `/api/v1/me/accounts/${(await w.aAccount.get()).id}/verify`),                  [401, 200, 404, 409, 409, 401, 409, 403, 401]],
  ["DELETE /me/accounts/{A's}", async (w) => bare("DELETE", `/api/v1/me/accounts/${(await w.aAccount.get()).id}`),                            [401, 200, 404, 409, 409, 401, 409, 403, 401]],
  ["POST /brands", async () => jsonReq("POST", "/api/v1/brands", { name: "New brand", domain: `${unique("nb")}.example` }),                      [401, 201, 201, 201, 201, 401, 201, 403, 401]],
  ["POST /brands/{X}/verify", async (w) => bare("POST", `/api/v1/brands/${(await w.X.get()).id}/verify`),                                       [401, 404, 404, 200, 404, 403, 404, 403, 401]],
  ["POST /brands/{X}/keys", async (w) => jsonReq("POST", `/api/v1/brands/${(await w.X.get()).id}/keys`, { name: "CI" }),                         [401, 404, 404, 201, 404, 403, 404, 403, 401]],
  ["DELETE /brands/{X}/keys/{X's}", async (w) => bare("DELETE", `/api/v1/brands/${(await w.X.get()).id}/keys/${(await w.spareKeyX.get()).id}`), [401, 404, 404, 200, 404, 403, 404, 403, 401]],
  ["DELETE /brands/{X}/keys/{Y's}", async (w) => bare("DELETE", `/api/v1/brands/${(await w.X.get()).id}/keys/${(await w.keyY.get()).id}`),      [401, 404, 404, 404, 404, 403, 404, 403, 401]],
  ["POST /brands/{X}/collaborations/{A's}/confirm", async (w) => bare("POST", `/api/v1/brands/${(await w.X.get()).id}/collaborations/${(await w.aDisclosure.get()).id}/confirm`),
                                                                                                                                                 [401, 404, 404, 200, 404, 200, 404, 403, 401]],
  ["POST /brands/{X}/collaborations/{A's}/dispute", async (w) => jsonReq("POST", `/api/v1/brands/${(await w.X.get()).id}/collaborations/${(await w.aDisclosure.get()).id}/dispute`, { reason: "Never worked together." }),
                                                                                                                                                 [401, 404, 404, 200, 404, 200, 404, 403, 401]],
  ["POST /brands/{Y}/collaborations/{A's}/confirm", async (w) => bare("POST", `/api/v1/brands/${(await w.Y.get()).id}/collaborations/${(await w.aDisclosure.get()).id}/confirm`),
                                                                                                                                                 [401, 404, 404, 404, 404, 404, 404, 403, 401]],
  ["POST /check", async () => jsonReq("POST", "/api/v1/check", { text: "#ad shoes", platform: "instagram", media: "image", relationship: "paid", jurisdictions: ["US"] }),
                                                                                                                                                 [200, 200, 200, 200, 200, 200, 200, 403, 401]],
  ["POST /creators/lookup", async (w) => jsonReq("POST", "/api/v1/creators/lookup", { items: [(await w.A.get()).handle] }),                      [200, 200, 200, 200, 200, 200, 200, 403, 401]],
  // A creator reporting their own post: the code takes it (201). It should not (403, like a moderator deciding a
  // report about themselves): a creator could file reports on themselves and answer them at once, to pull down the
  // public "median response time" of their profile.
  ["POST /reports (about A)", async (w) => jsonReq("POST", "/api/v1/reports", { handle: (await w.A.get()).handle, post_url: `https://instagram.com/p/${unique("rr")}`, reason: "undisclosed", evidence: "No label." }),
                                                                                                                                                 [201, 403, 201, 201, 201, 201, 201, 403, 401]],
  ["POST /me/reports/{about A}/respond", async (w) => jsonReq("POST", `/api/v1/me/reports/${(await w.aReport.get()).id}/respond`, { action: "disclosed", note: "Label added." }),
                                                                                                                                                 [401, 200, 404, 404, 404, 401, 404, 403, 401]],
  ["POST /admin/reports/{about A}/decide", async (w) => jsonReq("POST", `/api/v1/admin/reports/${(await w.aReport.get()).id}/decide`, { decision: "upheld", reason: "No label on the post." }),
                                                                                                                                                 [404, 404, 404, 404, 404, 404, 200, 403, 401]],
  ["POST /admin/accounts/{A's manual}/review", async (w) => jsonReq("POST", `/api/v1/admin/accounts/${(await w.aManual.get()).id}/review`, { decision: "verified", reason: "The bio shows the token." }),
                                                                                                                                                 [404, 404, 404, 404, 404, 404, 200, 403, 401]],
  ["POST /admin/creators/{A}/suspend", async (w) => jsonReq("POST", `/api/v1/admin/creators/${(await w.A.get()).handle}/suspend`, { reason: "Bought followers." }),
                                                                                                                                                 [404, 404, 404, 404, 404, 404, 200, 403, 401]],
];

/** Private reads: who may see what (GETs are not CSRF-checked; browsers keep the answer from other sites). */
const READS: readonly Row[] = [
  //                                                                                                                                            anon   A    B   owner other key  mod  xsite revoked
  ["GET /me", async () => bare("GET", "/api/v1/me"),                                                                                             [401, 200, 200, 200, 200, 401, 200, 200, 401]],
  ["GET /me/accounts", async (w) => (await w.aAccount.get(), bare("GET", "/api/v1/me/accounts")),                                              [401, 200, 200, 409, 409, 401, 409, 200, 401]],
  ["GET /me/reports", async (w) => (await w.aReport.get(), bare("GET", "/api/v1/me/reports")),                                                 [401, 200, 200, 409, 409, 401, 409, 200, 401]],
  ["GET /me/disclosures/export", async (w) => (await w.aDisclosure.get(), bare("GET", "/api/v1/me/disclosures/export?format=csv")),           [401, 200, 200, 409, 409, 401, 409, 200, 401]],
  ["GET /me/brands", async (w) => (await w.X.get(), bare("GET", "/api/v1/me/brands")),                                                         [401, 200, 200, 200, 200, 401, 200, 200, 401]],
  ["GET /brands/{X}/keys", async (w) => bare("GET", `/api/v1/brands/${(await w.X.get()).id}/keys`),                                             [401, 404, 404, 200, 404, 200, 404, 404, 401]],
  ["GET /brands/{X}/collaborations", async (w) => (await w.aDisclosure.get(), bare("GET", `/api/v1/brands/${(await w.X.get()).id}/collaborations`)),
                                                                                                                                                 [401, 404, 404, 200, 404, 200, 404, 404, 401]],
  ["GET /admin/reports", async (w) => (await w.aReport.get(), bare("GET", "/api/v1/admin/reports?status=open")),                              [404, 404, 404, 404, 404, 404, 200, 404, 401]],
];

/** What each cell's response must not contain besides its status: someone else's private data. */
const PRIVATE_IDS: Record<string, (w: World) => Promise<{ value: string; readers: Actor[] }[]>> = {
  "GET /me/accounts": async (w) => [{ value: (await w.aAccount.get()).id, readers: ["creatorA", "crossSiteA"] }],
  "GET /me/reports": async (w) => [{ value: (await w.aReport.get()).id, readers: ["creatorA", "crossSiteA"] }],
  "GET /me/disclosures/export": async (w) => [{ value: (await w.aDisclosure.get()).id, readers: ["creatorA", "crossSiteA"] }],
  "GET /me/brands": async (w) => [{ value: (await w.X.get()).id, readers: ["brandOwner"] }],
  "GET /admin/reports": async (w) => [{ value: (await w.aReport.get()).id, readers: ["moderator"] }],
};

// ---------------------------------------------------------------------------------------------

let restoreFetch: () => void = () => {};
beforeAll(async () => {
  const spy = offlineWeb();
  restoreFetch = () => spy.mockRestore();
  const m = await manifesto();
  pledgeBody = { version: m.version, sha256: m.sha };
}, TIMEOUT);
afterAll(() => restoreFetch());

async function runCell(w: World, row: Row, actor: Actor) {
  const [name, build, expected] = row;
  const want = expected[ACTORS.indexOf(actor)]!;
  const req = { ...(await build(w)) };
  const cred = await w.credentials(actor);
  req.cookie = cred.cookie;
  req.headers = { ...req.headers, ...cred.headers };
  const before = await w.fingerprint();
  const res = await send(req, IP_BASE);
  const where = `${actor} on ${name}: ${describeReq(req)}\n  → ${res.status} ${res.text.slice(0, 300)}`;

  expect(res.status, where).toBe(want);
  expect(wellFormedProblem(res), where).toBeNull();
  if (res.status >= 400) expect(await w.fingerprint(), `a refused call changed state: ${where}`).toBe(before);
  for (const s of await w.secrets()) {
    if (!s.readers.includes(actor)) expect(res.text.includes(s.value), `${s.what} leaked to ${actor}: ${where}`).toBe(false);
  }
  for (const p of (await PRIVATE_IDS[name]?.(w)) ?? []) {
    if (!p.readers.includes(actor)) expect(res.text.includes(p.value), `another user's record leaked to ${actor}: ${where}`).toBe(false);
  }
}

/**
 * One world per row. Refusals run first (a refusal changes nothing, which each cell checks),
 * then the successes, which on these rows do not affect one another; rows where two callers
 * may succeed on the same record (sign-out, confirm, dispute) give each success its own world.
 */
const FRESH_SUCCESS = new Set(["POST /auth/logout", "POST /brands/{X}/collaborations/{A's}/confirm", "POST /brands/{X}/collaborations/{A's}/dispute"]);

function matrix(title: string, rows: readonly Row[]) {
  describe.each(rows.map((row) => ({ name: row[0], row })))(`${title} $name`, ({ row }) => {
    const cases = ACTORS.map((a) => [a, row[2][ACTORS.indexOf(a)]!] as const).sort((x, y) => Number(x[1] < 400) - Number(y[1] < 400));
    let shared: World | undefined;
    it.each(cases)("%s → %i", async (actor, want) => {
      const w = FRESH_SUCCESS.has(row[0]) && want < 400 ? new World() : (shared ??= new World());
      await runCell(w, row, actor);
    }, TIMEOUT);
  });
}

matrix("writes:", WRITES);
matrix("private reads:", READS);

describe("existence does not leak", () => {
  const ID = /(?<=\/)(dc|ac|rp|br|key)_[a-z0-9]+/g;
  const withIds = WRITES.concat(READS).filter((r) => /\{(A's|X's|Y's|about A|X|Y)\}/.test(r[0]));

  /** A caller may know its own brand exists; every other id in the path is someone else's. */
  async function ownIds(w: World, actor: Actor): Promise<string[]> {
    if ((actor === "brandOwner" || actor === "apiKey") && w.X.started) return [(await w.X.get()).id];
    if (actor === "otherBrand" && w.Y.started) return [(await w.Y.get()).id];
    return [];
  }

  it.each(withIds.map((row) => ({ name: row[0], row })))("refuses $name on someone else's record exactly as on one that does not exist", async ({ row }) => {
    const w = new World();
    const diffs: string[] = [];
    for (const actor of ACTORS) {
      if (row[2][ACTORS.indexOf(actor)]! < 400) continue;
      const real = { ...(await row[1](w)) };
      const cred = await w.credentials(actor);
      const base = { ...real, cookie: cred.cookie, headers: { ...real.headers, ...cred.headers } };
      const mine = await ownIds(w, actor);
      const strip = (r: Awaited<ReturnType<typeof send>>) =>
        JSON.stringify({ status: r.status, code: r.body?.code, title: r.body?.title, detail: String(r.body?.detail ?? "").replace(ID, "<id>"), errors: r.body?.errors });
      const answer = strip(await send(base, IP_BASE));
      for (const id of base.path.match(ID) ?? []) {
        if (mine.includes(id)) continue;
        const missing = strip(await send({ ...base, path: base.path.replace(id, `${id.split("_")[0]}_0000000000000000000000`) }, IP_BASE));
        if (missing !== answer) diffs.push(`${actor}, ${id}: exists ${answer} vs missing ${missing}`);
      }
    }
    expect(diffs, diffs.join("\n")).toEqual([]);
  }, TIMEOUT);
});

describe("the matrix itself", () => {
  it("covers every write route of the API", async () => {
    const doc = (await send({ method: "GET", path: "/api/v1/openapi.json" }, IP_BASE)).body as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => ["post", "patch", "put", "delete"].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, "")}`));
    const normalise = (s: string) => s.replace(/\s*\(.*\)$/, "").replace(/\{[^}]*\}/g, "{}");
    const covered = new Set(WRITES.map((r) => normalise(r[0])));
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.map(normalise).filter((w) => !covered.has(w)).sort()).toEqual([]);
  }, TIMEOUT);
});
