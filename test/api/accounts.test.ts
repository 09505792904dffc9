import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeCreator, signIn } from "./factories";
import { recheckProofs } from "../../worker/services/accounts-recheck";

/** Plays the outside web: a map from URL to page body (everything else is a 404). */
function fakeWeb(pages: Record<string, string>) {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = pages[url];
    return body === undefined ? new Response("not found", { status: 404 }) : new Response(body, { headers: { "content-type": "text/html" } });
  });
}
afterEach(() => vi.restoreAllMocks());

const stats = async (id: string) => env.DB.prepare("SELECT accounts_verified FROM trust_stats WHERE creator_id = ?").bind(id).first<{ accounts_verified: number }>();

describe("linked accounts", () => {
  it("links a website, verifies it by rel=me, logs it and counts it", async () => {
    const c = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json: { platform: "website", url: "https://alice.example/" } });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ status: "pending", platform: "website" });
    expect(linked.body.instructions.en).toContain("candor-verify:");
    fakeWeb({ "https://alice.example/": `<html><head><link rel="me" href="http://localhost:8787/@${c.handle}"></head></html>` });
    const v = await api(`/api/v1/me/accounts/${linked.body.id}/verify`, { method: "POST", cookie: c.cookie });
    expect(v.body).toMatchObject({ status: "verified", method: "rel-me", failure: null });
    expect(v.body.verified_at).toBeTruthy();
    const entry = await env.DB.prepare("SELECT kind FROM log_entries WHERE idx = ?").bind(v.body.log_index).first<any>();
    expect(entry.kind).toBe("account.verified");
    expect((await stats(c.id))!.accounts_verified).toBe(1);
  });

  it("fails with a readable reason when the proof is missing or names another creator", async () => {
    const c = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json: { platform: "website", url: "https://bob.example/" } });
    fakeWeb({ "https://bob.example/": `<a rel="me" href="http://localhost:8787/@someone_else">me</a>` });
    const v = await api(`/api/v1/me/accounts/${linked.body.id}/verify`, { method: "POST", cookie: c.cookie });
    expect(v.body.status).toBe("failed");
    expect(v.body.failure).toContain("someone_else");
  });

  it("lapses a verified proof after two failed re-checks and restores it when it passes again", async () => {
    const c = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json: { platform: "website", url: "https://carol.example/" } });
    const page = { "https://carol.example/": `candor-verify:${linked.body.token}` };
    fakeWeb(page);
    await api(`/api/v1/me/accounts/${linked.body.id}/verify`, { method: "POST", cookie: c.cookie });
    await env.DB.prepare("UPDATE accounts SET checked_at = '2000-01-01' WHERE id = ?").bind(linked.body.id).run();
    vi.restoreAllMocks();
    fakeWeb({});
    const status = async () => (await env.DB.prepare("SELECT status FROM accounts WHERE id = ?").bind(linked.body.id).first<{ status: string }>())!.status;
    await recheckProofs(env, new Date());
    expect(await status()).toBe("verified");
    await env.DB.prepare("UPDATE accounts SET checked_at = '2000-01-01' WHERE id = ?").bind(linked.body.id).run();
    await recheckProofs(env, new Date());
    expect(await status()).toBe("lapsed");
    expect((await stats(c.id))!.accounts_verified).toBe(0);
    vi.restoreAllMocks();
    fakeWeb(page);
    await env.DB.prepare("UPDATE accounts SET checked_at = '2000-01-01' WHERE id = ?").bind(linked.body.id).run();
    await recheckProofs(env, new Date());
    expect(await status()).toBe("verified");
    const kinds = await env.DB.prepare("SELECT kind FROM log_entries WHERE subject = ? ORDER BY idx").bind(c.id).all<{ kind: string }>();
    expect(kinds.results.map((k) => k.kind)).toEqual(["account.verified", "account.lapsed", "account.restored"]);
  });

  it("removes an account as a public fact", async () => {
    const c = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json: { platform: "github", url: "https://github.com/someone" } });
    const del = await api(`/api/v1/me/accounts/${linked.body.id}`, { method: "DELETE", cookie: c.cookie });
    expect(del.body).toEqual({ id: linked.body.id, status: "removed" });
    const row = await env.DB.prepare("SELECT status FROM accounts WHERE id = ?").bind(linked.body.id).first<any>();
    expect(row.status).toBe("removed");
    expect((await api("/api/v1/me/accounts", { cookie: c.cookie })).body.items).toHaveLength(0);
  });

  it("marks login-walled platforms as manual review, decided by a moderator from the evidence", async () => {
    const c = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json: { platform: "instagram", url: "https://www.instagram.com/someone/", evidence: "Screenshot of my bio: candor-verify token" } });
    expect(linked.body.method).toBe("manual");
    expectProblem(await api("/api/v1/admin/accounts", { cookie: c.cookie }), 404);
    const mod = await signIn("moderator@example.test");
    const queue = await api("/api/v1/admin/accounts", { cookie: mod.cookie });
    expect(queue.body.items.find((a: any) => a.id === linked.body.id)).toMatchObject({ handle: c.handle, evidence: "Screenshot of my bio: candor-verify token" });
    const v = await api(`/api/v1/admin/accounts/${linked.body.id}/review`, { method: "POST", cookie: mod.cookie, json: { decision: "verified", reason: "Bio shows the token" } });
    expect(v.body).toMatchObject({ status: "verified", method: "manual" });
    expect((await stats(c.id))!.accounts_verified).toBe(1);
  });

  it.each([
    [{ platform: "myspace", url: "https://myspace.com/x" }, 400],
    [{ platform: "github", url: "https://gitlab.com/x" }, 400],
    [{ platform: "website", url: "ftp://x.example" }, 400],
  ])("refuses %j", async (json, status) => {
    const c = await makeCreator();
    expectProblem(await api("/api/v1/me/accounts", { method: "POST", cookie: c.cookie, json }), status);
  });

  it("refuses a duplicate and hides other creators' accounts", async () => {
    const a = await makeCreator();
    const b = await makeCreator();
    const linked = await api("/api/v1/me/accounts", { method: "POST", cookie: a.cookie, json: { platform: "github", url: "https://github.com/dup" } });
    expectProblem(await api("/api/v1/me/accounts", { method: "POST", cookie: a.cookie, json: { platform: "github", url: "https://github.com/dup" } }), 409);
    expectProblem(await api(`/api/v1/me/accounts/${linked.body.id}/verify`, { method: "POST", cookie: b.cookie }), 404);
    expectProblem(await api(`/api/v1/me/accounts/${linked.body.id}`, { method: "DELETE", cookie: b.cookie }), 404);
    expectProblem(await api(`/api/v1/me/accounts/${linked.body.id}/verify`, { method: "POST" }), 401);
  });
});

describe("brands", () => {
  it("creates a brand, verifies its domain over DNS-over-HTTPS and refuses a second claim", async () => {
    const owner = await signIn();
    const b = await api("/api/v1/brands", { method: "POST", cookie: owner.cookie, json: { name: "Stride", domain: "https://Stride-Test.example/shop" } });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ domain: "stride-test.example", verified: false });
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes("dns") && url.includes("stride-test.example")) return Response.json({ Status: 0, Answer: [{ type: 16, data: `"candor-verify=${b.body.token}"` }] });
      return new Response("no", { status: 404 });
    });
    const v = await api(`/api/v1/brands/${b.body.id}/verify`, { method: "POST", cookie: owner.cookie });
    expect(v.body).toMatchObject({ verified: true });
    const other = await signIn();
    expectProblem(await api("/api/v1/brands", { method: "POST", cookie: other.cookie, json: { name: "Fake", domain: "stride-test.example" } }), 409);
    expectProblem(await api(`/api/v1/brands/${b.body.id}/verify`, { method: "POST", cookie: other.cookie }), 404);
  });
});
