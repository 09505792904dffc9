import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeCreator, makeSigner, signIn } from "./factories";
import { searchSql } from "../../worker/services/search";

const base = {
  brand_name: "Stride", brand_domain: "stride.example", post_url: "https://instagram.com/p/abc", platform: "instagram", media: "image",
  relationship: "paid", jurisdictions: ["US"], posted_at: "2026-11-01T10:00:00Z", caption: "#ad shoes",
};

async function record(cookie: string, n: number, patch: Record<string, unknown> = {}) {
  const csv = ["brand_name,brand_domain,post_url,platform,media,relationship,jurisdictions,posted_at,caption,overlay,platform_tool,retouched,ai_generated",
    ...Array.from({ length: n }, (_, i) => `B${i},${patch.domain ?? "b.example"},https://x.example/${i},instagram,image,paid,US,2026-10-01T00:00:00Z,${patch.caption ?? "#ad shoes"},,false,false,false`)].join("\n");
  const res = await api("/api/v1/me/disclosures/import", { method: "POST", cookie, headers: { "content-type": "text/csv" }, body: csv });
  if (res.status !== 201) throw new Error(res.text);
}

describe("the trust profile", () => {
  it("has every section, and a null score below the minimum history", async () => {
    const s = await makeSigner();
    const p = (await api(`/api/v1/creators/${s.handle}`)).body;
    expect(Object.keys(p)).toEqual(expect.arrayContaining(["handle", "display_name", "bio", "country", "languages", "niches", "created_at", "pledge", "accounts", "disclosures", "reports", "score", "log", "updated_at"]));
    expect(p.score.value).toBeNull();
    expect(p.score.reason).toContain("Fewer than 5");
    expect(p.score.components.map((c: any) => c.name)).toContain("disclosure_quality");
  });

  it("scores once the history is long enough, traceably", async () => {
    const s = await makeSigner();
    await record(s.cookie, 6);
    const p = (await api(`/api/v1/creators/${s.handle}`)).body;
    expect(p.disclosures).toMatchObject({ total: 6, by_relationship: { paid: 6 }, by_verdict: { pass: 6, review: 0, fail: 0 } });
    expect(p.score.value).toBeGreaterThan(50);
    expect(p.score.confidence).toBe("low");
    expect(p.log.entries).toBe(7);
  });

  it("reads in one round trip and a bounded number of rows, whatever the history length", async () => {
    const small = await makeSigner();
    await record(small.cookie, 5);
    const big = await makeSigner();
    await record(big.cookie, 400);
    const a = await api(`/api/v1/creators/${small.handle}`);
    const b = await api(`/api/v1/creators/${big.handle}`);
    expect(a.headers.get("x-d1-round-trips")).toBe("1");
    expect(b.headers.get("x-d1-round-trips")).toBe("1");
    const rowsA = Number(a.headers.get("x-d1-rows-read"));
    const rowsB = Number(b.headers.get("x-d1-rows-read"));
    expect(rowsB).toBe(rowsA);
    expect(rowsB).toBeLessThanOrEqual(10);
  }, 30_000);

  it("answers 304 to a matching If-None-Match and 404 to an unknown handle", async () => {
    const s = await makeSigner();
    // Let the sequencer cover the new entry first: the profile names the checkpoint size.
    await env.SEQUENCER.get(env.SEQUENCER.idFromName("log")).integrate();
    const a = await api(`/api/v1/creators/${s.handle}`);
    expect(a.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(a.headers.get("cache-control")).toContain("max-age");
    expect((await api(`/api/v1/creators/${s.handle}`, { headers: { "if-none-match": a.headers.get("etag")! } })).status).toBe(304);
    expectProblem(await api("/api/v1/creators/no_such_creator"), 404);
  });
});

describe("search and look-up", () => {
  it("finds by text and filters, paginates with a cursor", async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeSigner({ bio: `${tag} trail running`, country: "CH", niches: ["trail"] }));
    const all = await api(`/api/v1/creators?q=${tag}&country=CH&niche=trail&pledged=true&sort=name&limit=2`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    const next = await api(`/api/v1/creators?q=${tag}&country=CH&niche=trail&pledged=true&sort=name&limit=2&cursor=${all.body.next_cursor}`);
    expect([...all.body.items, ...next.body.items].map((i: any) => i.handle).sort()).toEqual(made.map((m) => m.handle).sort());
    expect(next.body.next_cursor).toBeNull();
  });

  it.each([
    ["limit=0"], ["limit=101"], ["sort=popularity"], ["platform=myspace"], ["country=XX"], ["pledged=maybe"], ["cursor=%%%"], ["min_score=500"],
  ])("refuses %s with a 400", async (qs) => {
    expectProblem(await api(`/api/v1/creators?${qs}`), 400);
  });

  it("uses an index for every filter (EXPLAIN QUERY PLAN)", async () => {
    const cases = [{ country: "FR" }, { niche: "trail" }, { platform: "github" }, { q: "trail" }, { pledged: true, sort: "signed_at" as const }, { min_score: 50 }];
    for (const c of cases) {
      const { sql, params } = searchSql({ sort: "score", limit: 20, ...c });
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
      const details = plan.results.map((r) => r.detail).join(" | ");
      expect(details, JSON.stringify(c)).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|VIRTUAL TABLE|PRIMARY KEY/);
      expect(details, JSON.stringify(c)).not.toMatch(/SCAN (c|creators)\b(?! USING)/);
    }
  });

  it.each(["score", "signed_at", "name"] as const)("walks an index for the %s order, with no temporary sort", async (sort) => {
    const { sql, params } = searchSql({ sort, limit: 20 });
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(" | ")).not.toMatch(/TEMP B-TREE/);
  });

  it("looks up handles and account URLs in order, in one round trip", async () => {
    const a = await makeSigner();
    const items = [a.handle, "nobody_at_all", `@${a.handle.toUpperCase()}`, "https://github.com/unknown-person"];
    const res = await api("/api/v1/creators/lookup", { method: "POST", json: { items } });
    expect(res.body.results.map((r: any) => r.found)).toEqual([true, false, true, false]);
    expect(res.body.results[0]).toMatchObject({ input: a.handle, handle: a.handle, pledge_status: "signed" });
    expect(res.headers.get("x-d1-round-trips")).toBe("1");
    expectProblem(await api("/api/v1/creators/lookup", { method: "POST", json: { items: Array.from({ length: 101 }, (_, i) => `h${i}`) } }), 400);
  });
});

describe("badges and the OpenAPI document", () => {
  it("serves an escaped SVG badge and a shields.io endpoint", async () => {
    const s = await makeSigner();
    const svg = await api(`/badge/${s.handle}.svg`);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(svg.text).toContain(`<title>candor @${s.handle}: pledge signed</title>`);
    const json = await api(`/api/v1/creators/${s.handle}/badge.json`);
    expect(json.body).toEqual({ schemaVersion: 1, label: `candor @${s.handle}`, message: "pledge signed", color: "blue" });
    expectProblem(await api("/badge/nobody_here.svg"), 404);
  });

  it("documents every route in OpenAPI 3.1", async () => {
    const doc = (await api("/api/v1/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const p of ["/api/v1/creators/{handle}", "/api/v1/creators", "/api/v1/creators/lookup", "/api/v1/check", "/api/v1/log/proof/inclusion", "/api/v1/me/pledge", "/api/v1/me/disclosures"]) {
      expect(doc.paths[p], p).toBeTruthy();
    }
  });
});

describe("API keys and limits", () => {
  it("authenticates a brand key, records its use, and refuses a revoked or unknown key with 401", async () => {
    const owner = await signIn();
    const brand = await api("/api/v1/brands", { method: "POST", cookie: owner.cookie, json: { name: "Keys Co", domain: "keys.example" } });
    const key = await api(`/api/v1/brands/${brand.body.id}/keys`, { method: "POST", cookie: owner.cookie, json: { name: "ci" } });
    expect(key.body.key).toMatch(/^cnd_/);
    const stored = await env.DB.prepare("SELECT key_hash FROM api_keys WHERE id = ?").bind(key.body.id).first<{ key_hash: string }>();
    expect(stored!.key_hash).not.toContain(key.body.key);
    const auth = { authorization: `Bearer ${key.body.key}` };
    const res = await api("/api/v1/manifesto", { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-policy")).toContain('"key"');
    await api(`/api/v1/brands/${brand.body.id}/keys/${key.body.id}`, { method: "DELETE", cookie: owner.cookie });
    expectProblem(await api("/api/v1/manifesto", { headers: auth }), 401);
    expectProblem(await api("/api/v1/manifesto", { headers: { authorization: "Bearer cnd_nope_nope" } }), 401);
  });

  it("answers 429 with Retry-After past the anonymous limit", async () => {
    let last: Awaited<ReturnType<typeof api>> | undefined;
    for (let i = 0; i < 130; i++) {
      last = await api("/api/v1/health", { ip: "10.200.0.1" });
      if (last.status === 429) break;
    }
    expectProblem(last!, 429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("brand confirmations", () => {
  it("lets a verified brand confirm or dispute only records naming its domain", async () => {
    const c = await makeCreator();
    const rec = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_domain: "confirm.example" } });
    const elsewhere = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_domain: "other.example" } });
    const owner = await signIn();
    const b = await api("/api/v1/brands", { method: "POST", cookie: owner.cookie, json: { name: "Confirm", domain: "confirm.example" } });
    expectProblem(await api(`/api/v1/brands/${b.body.id}/collaborations/${rec.body.id}/confirm`, { method: "POST", cookie: owner.cookie }), 403);
    await env.DB.prepare("UPDATE brands SET domain_verified_at = ? WHERE id = ?").bind(new Date().toISOString(), b.body.id).run();
    const list = await api(`/api/v1/brands/${b.body.id}/collaborations`, { cookie: owner.cookie });
    expect(list.body.items.map((i: any) => i.id)).toEqual([rec.body.id]);
    const ok = await api(`/api/v1/brands/${b.body.id}/collaborations/${rec.body.id}/confirm`, { method: "POST", cookie: owner.cookie });
    expect(ok.body.brand_status).toBe("confirmed");
    expectProblem(await api(`/api/v1/brands/${b.body.id}/collaborations/${elsewhere.body.id}/confirm`, { method: "POST", cookie: owner.cookie }), 404);
    const d = await api(`/api/v1/brands/${b.body.id}/collaborations/${rec.body.id}/dispute`, { method: "POST", cookie: owner.cookie, json: { reason: "We never paid for this post" } });
    expect(d.body).toMatchObject({ brand_status: "disputed", brand_note: "We never paid for this post" });
    const p = (await api(`/api/v1/creators/${c.handle}`)).body;
    expect(p.disclosures).toMatchObject({ brand_confirmed: 0, disputed: 1 });
  });
});

describe("look-up query plans", () => {
  it("drives the account-URL look-up from the url index, not a scan", async () => {
    const { lookupByUrlSql } = await import("../../worker/services/search");
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${lookupByUrlSql(2)}`).bind("https://github.com/a", "https://github.com/b").all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail).join(" | ");
    expect(details).toMatch(/accounts_url_idx/);
    expect(details).not.toMatch(/SCAN c\b/);
  });
});
