import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeSigner, signIn } from "./factories";

const report = (handle: string, extra: Record<string, unknown> = {}, ip?: string) =>
  api("/api/v1/reports", { method: "POST", ip, json: { handle, post_url: "https://instagram.com/p/xyz", reason: "undisclosed", evidence: "No #ad anywhere", contact: "Reader@Example.test", ...extra } });
const moderator = () => signIn("moderator@example.test");

describe("reports", () => {
  it("takes a report without an account and never stores or shows the contact in clear", async () => {
    const s = await makeSigner();
    const res = await report(s.handle);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("open");
    const row = await env.DB.prepare("SELECT * FROM reports WHERE id = ?").bind(res.body.id).first<any>();
    expect(JSON.stringify(row)).not.toContain("reader@example.test");
    expect(JSON.stringify(row).toLowerCase()).not.toContain("reader@");
    expect((await api(`/api/v1/creators/${s.handle}`)).body.reports.open).toBe(1);
  });

  it.each([
    [{ handle: "nobody_here_x" }, 404],
    [{ post_url: "ftp://x" }, 400],
    [{ evidence: "" }, 400],
    [{ reason: "spite" }, 400],
    [{ evidence: "x".repeat(2001) }, 400],
  ])("refuses %j", async (extra, status) => {
    const s = await makeSigner();
    expectProblem(await report(s.handle, extra), status);
  });

  it("refuses a duplicate report of the same post by the same reporter", async () => {
    const s = await makeSigner();
    expect((await report(s.handle, {}, "10.77.0.1")).status).toBe(201);
    expectProblem(await report(s.handle, {}, "10.77.0.1"), 409);
  });

  it("lets the creator answer, measuring the response time", async () => {
    const s = await makeSigner();
    const r = await report(s.handle);
    const list = await api("/api/v1/me/reports", { cookie: s.cookie });
    expect(list.body.items[0].id).toBe(r.body.id);
    const ans = await api(`/api/v1/me/reports/${r.body.id}/respond`, { method: "POST", cookie: s.cookie, json: { action: "amended", note: "Added #ad" } });
    expect(ans.body.response).toMatchObject({ action: "amended", note: "Added #ad" });
    expect((await api(`/api/v1/creators/${s.handle}`)).body.reports.median_response_hours).toBe(0);
    const other = await makeSigner();
    expectProblem(await api(`/api/v1/me/reports/${r.body.id}/respond`, { method: "POST", cookie: other.cookie, json: { action: "disputed", note: "no" } }), 404);
  });
});

describe("moderation", () => {
  it("hides the queue from non-moderators with a 404", async () => {
    const s = await makeSigner();
    expectProblem(await api("/api/v1/admin/reports", { cookie: s.cookie }), 404);
    expectProblem(await api("/api/v1/admin/reports"), 404);
  });

  it("upholds with a public reason, logs the decision without the reporter, and revokes the pledge at the policy's count", async () => {
    const s = await makeSigner();
    const mod = await moderator();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await report(s.handle, { post_url: `https://instagram.com/p/${i}` })).body.id);
    const q = await api("/api/v1/admin/reports?status=open", { cookie: mod.cookie });
    expect(q.body.items.map((i: any) => i.id)).toEqual(expect.arrayContaining(ids));
    let last;
    for (const id of ids) last = await api(`/api/v1/admin/reports/${id}/decide`, { method: "POST", cookie: mod.cookie, json: { decision: "upheld", reason: "The post had no label." } });
    expect(last!.body).toMatchObject({ status: "upheld", pledge_revoked: true });
    const p = (await api(`/api/v1/creators/${s.handle}`)).body;
    expect(p.reports.upheld_12m).toBe(3);
    expect(p.pledge.status).toBe("revoked");
    const entries = await env.DB.prepare("SELECT kind, body FROM log_entries WHERE subject = ? ORDER BY idx").bind(s.id).all<{ kind: string; body: string }>();
    expect(entries.results.map((e) => e.kind)).toEqual(["pledge.signed", "report.upheld", "report.upheld", "report.upheld", "pledge.revoked"]);
    for (const e of entries.results) expect(e.body).not.toMatch(/reader|reporter|10\.9\./i);
    const pub = await api(`/api/v1/creators/${s.handle}/reports`);
    expect(pub.body.items).toHaveLength(3);
    expect(pub.body.items[0].decision.reason).toBe("The post had no label.");
    expectProblem(await api(`/api/v1/admin/reports/${ids[0]}/decide`, { method: "POST", cookie: mod.cookie, json: { decision: "dismissed", reason: "x" } }), 409);
  });

  it("does not let a moderator decide a report about themselves", async () => {
    const mod = await moderator();
    const me = await api("/api/v1/me", { cookie: mod.cookie });
    if (!me.body.creator) await api("/api/v1/me/creator", { method: "POST", cookie: mod.cookie, json: { handle: "the_moderator", display_name: "Mod" } });
    const handle = (await api("/api/v1/me", { cookie: mod.cookie })).body.creator.handle;
    const r = await report(handle);
    expectProblem(await api(`/api/v1/admin/reports/${r.body.id}/decide`, { method: "POST", cookie: mod.cookie, json: { decision: "dismissed", reason: "mine" } }), 403);
  });

  it("suspends a creator in public and withholds the score", async () => {
    const s = await makeSigner();
    const mod = await moderator();
    const res = await api(`/api/v1/admin/creators/${s.handle}/suspend`, { method: "POST", cookie: mod.cookie, json: { reason: "Bought followers" } });
    expect(res.body.status).toBe("suspended");
    const p = (await api(`/api/v1/creators/${s.handle}`)).body;
    expect(p.status).toBe("suspended");
    expect(p.score.reason).toContain("suspended");
    expectProblem(await api(`/api/v1/admin/creators/${s.handle}/suspend`, { method: "POST", cookie: s.cookie, json: { reason: "x" } }), 404);
  });
});
