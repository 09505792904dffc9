import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeCreator } from "./factories";

const base = {
  brand_name: "Stride", brand_domain: "stride.example", post_url: "https://instagram.com/p/abc", platform: "instagram",
  media: "image", relationship: "paid", jurisdictions: ["US"], posted_at: "2026-11-01T10:00:00Z",
  caption: "#ad Loving my new running shoes from @stride",
};
const logCount = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM log_entries").first<{ n: number }>())!.n;
const stats = async (id: string) => env.DB.prepare("SELECT * FROM trust_stats WHERE creator_id = ?").bind(id).first<any>();

describe("the checker endpoint", () => {
  it("answers the verdict with ruleset 2026.1 and applies defaults", async () => {
    const res = await api("/api/v1/check", { method: "POST", json: { text: "#ad new shoes", platform: "instagram", media: "image", relationship: "paid", jurisdictions: ["US", "UK"] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verdict: "pass", ruleset: "2026.1" });
    expect(res.body.labels[0]).toMatchObject({ text: "#ad", where: "text", class: "ad-word" });
  });

  it("lists each invalid field in one problem", async () => {
    const res = await api("/api/v1/check", { method: "POST", json: { text: "x".repeat(10_001), platform: "myspace", media: "image", relationship: "paid", jurisdictions: [] } });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(["jurisdictions", "platform", "text"]);
  });
});

describe("recording collaborations", () => {
  it("stores the record with the checker's verdict, a log entry and updated stats", async () => {
    const c = await makeCreator();
    const res = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ brand_name: "Stride", verdict: "pass", ruleset: "2026.1", supersedes: null });
    expect(res.body.findings[0]).toMatchObject({ rule: "US-OK", jurisdiction: "US" });
    const entry = await env.DB.prepare("SELECT kind, subject FROM log_entries WHERE idx = ?").bind(res.body.log_index).first<any>();
    expect(entry).toEqual({ kind: "disclosure.recorded", subject: c.id });
    const s = await stats(c.id);
    expect(s.disclosures_total).toBe(1);
    expect(JSON.parse(s.by_verdict)).toEqual({ pass: 1 });
    expect(JSON.parse(s.days_to_record)).toEqual({ [String(Math.floor((Date.now() - Date.parse(base.posted_at)) / 86400000))]: 1 });
  });

  it("replays a retry with the same Idempotency-Key and creates nothing", async () => {
    const c = await makeCreator();
    const headers = { "idempotency-key": "retry-1" };
    const a = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base, headers });
    const n = await logCount();
    const b = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base, headers });
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(await logCount()).toBe(n);
    const other = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_name: "Other" }, headers });
    expectProblem(other, 422);
  });

  it.each([
    ["unknown relationship", { relationship: "bribe" }, "relationship"],
    ["a non-http URL", { post_url: "javascript:alert(1)" }, "post_url"],
    ["empty jurisdictions", { jurisdictions: [] }, "jurisdictions"],
    ["a caption over the limit", { caption: "x".repeat(10_001) }, "caption"],
  ])("refuses %s and writes nothing", async (_name, patch, field) => {
    const c = await makeCreator();
    const n = await logCount();
    const res = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, ...patch } });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    expect(await logCount()).toBe(n);
  });

  it("refuses a post date in the future", async () => {
    const c = await makeCreator();
    const res = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, posted_at: "2099-01-01T00:00:00Z" } });
    expectProblem(res, 400);
    expect(res.body.detail).toContain("future");
  });

  it("needs a session", async () => {
    expectProblem(await api("/api/v1/me/disclosures", { method: "POST", json: base }), 401);
  });
});

describe("amendments", () => {
  it("creates a new record that supersedes the old one; both stay on the timeline", async () => {
    const c = await makeCreator();
    const first = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, caption: "Loving these shoes" } });
    expect(first.body.verdict).toBe("fail");
    const fixed = await api(`/api/v1/me/disclosures/${first.body.id}/amend`, { method: "POST", cookie: c.cookie, json: { caption: "#ad Loving these shoes", note: "Added the #ad label" } });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ supersedes: first.body.id, verdict: "pass", amend_note: "Added the #ad label" });
    const timeline = await api(`/api/v1/creators/${c.handle}/disclosures`);
    expect(timeline.body.items.map((i: any) => i.id)).toEqual([fixed.body.id, first.body.id]);
    expect(timeline.body.items[1].superseded_by).toBe(fixed.body.id);
    const s = await stats(c.id);
    expect(s.disclosures_total).toBe(1);
    expect(s.amended).toBe(1);
    expect(JSON.parse(s.by_verdict)).toEqual({ pass: 1, fail: 0 });
  });

  it("refuses to amend a superseded record, another creator's record, or without a note", async () => {
    const c = await makeCreator();
    const other = await makeCreator();
    const first = await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base });
    expectProblem(await api(`/api/v1/me/disclosures/${first.body.id}/amend`, { method: "POST", cookie: c.cookie, json: { caption: "x" } }), 400);
    expectProblem(await api(`/api/v1/me/disclosures/${first.body.id}/amend`, { method: "POST", cookie: other.cookie, json: { caption: "x", note: "mine now" } }), 404);
    await api(`/api/v1/me/disclosures/${first.body.id}/amend`, { method: "POST", cookie: c.cookie, json: { caption: "#ad x", note: "fix" } });
    expectProblem(await api(`/api/v1/me/disclosures/${first.body.id}/amend`, { method: "POST", cookie: c.cookie, json: { caption: "#ad y", note: "again" } }), 409);
  });
});

const HEADER = "brand_name,brand_domain,post_url,platform,media,relationship,jurisdictions,posted_at,caption,overlay,platform_tool,retouched,ai_generated";
const csvRow = (i: number) => `Brand ${i},brand${i}.example,https://example.com/p/${i},instagram,image,paid,US;UK,2026-10-0${(i % 9) + 1}T10:00:00Z,"#ad post ${i}, with ""quotes""",,false,false,false`;

describe("CSV import and export", () => {
  it("imports every valid row, then exports them", async () => {
    const c = await makeCreator();
    const csv = [HEADER, ...Array.from({ length: 120 }, (_, i) => csvRow(i))].join("\n");
    const res = await api("/api/v1/me/disclosures/import", { method: "POST", cookie: c.cookie, headers: { "content-type": "text/csv" }, body: csv });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ imported: 120 });
    expect((await stats(c.id)).disclosures_total).toBe(120);
    const exp = await api("/api/v1/me/disclosures/export?format=csv", { cookie: c.cookie });
    expect(exp.text.split("\r\n")[0]).toContain(HEADER);
    expect(exp.text).toContain('"#ad post 3, with ""quotes"""');
    const json = await api("/api/v1/me/disclosures/export?format=json", { cookie: c.cookie });
    expect(json.body.items).toHaveLength(120);
  });

  it("lists each bad row with its line and writes nothing", async () => {
    const c = await makeCreator();
    const n = await logCount();
    const csv = [HEADER, csvRow(1), csvRow(2).replace("instagram", "myspace"), csvRow(3).replace("https://", "ftp://")].join("\n");
    const res = await api("/api/v1/me/disclosures/import", { method: "POST", cookie: c.cookie, headers: { "content-type": "text/csv" }, body: csv });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: any) => e.field)).toEqual(["line 3: platform", "line 4: post_url"]);
    expect(await logCount()).toBe(n);
  });

  it("refuses a wrong header, bad encoding and too many rows", async () => {
    const c = await makeCreator();
    const post = (body: BodyInit) => api("/api/v1/me/disclosures/import", { method: "POST", cookie: c.cookie, headers: { "content-type": "text/csv" }, body });
    expectProblem(await post("brand,url\nx,y"), 422);
    expectProblem(await post(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xc3])), 422);
    expectProblem(await post([HEADER, ...Array.from({ length: 5001 }, (_, i) => csvRow(i))].join("\n")), 413);
  });
});

describe("public timeline and feed", () => {
  it("paginates newest first with a cursor", async () => {
    const c = await makeCreator();
    for (let i = 0; i < 3; i++) await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_name: `B${i}` } });
    const p1 = await api(`/api/v1/creators/${c.handle}/disclosures?limit=2`);
    expect(p1.body.items.map((i: any) => i.brand_name)).toEqual(["B2", "B1"]);
    const p2 = await api(`/api/v1/creators/${c.handle}/disclosures?limit=2&cursor=${p1.body.next_cursor}`);
    expect(p2.body.items.map((i: any) => i.brand_name)).toEqual(["B0"]);
    expect(p2.body.next_cursor).toBeNull();
    expectProblem(await api(`/api/v1/creators/${c.handle}/disclosures?limit=0`), 400);
    expectProblem(await api(`/api/v1/creators/nobody_here/disclosures`), 404);
  });

  it("serves an Atom feed with markup escaped", async () => {
    const c = await makeCreator();
    await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_name: "<b>Evil</b> & Co", caption: "#ad <script>x</script>" } });
    const res = await api(`/@${c.handle}/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    expect(res.text).toContain("&lt;b&gt;Evil&lt;/b&gt; &amp; Co");
    expect(res.text).not.toContain("<script>");
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  });
});
