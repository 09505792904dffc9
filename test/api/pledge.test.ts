import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeCreator, makeSigner, signIn } from "./factories";

describe("creator profiles", () => {
  it("creates a profile and returns it from /me", async () => {
    const c = await makeCreator({ bio: "Trail runner" });
    const me = await api("/api/v1/me", { cookie: c.cookie });
    expect(me.body.creator).toMatchObject({ handle: c.handle, bio: "Trail runner", country: "FR" });
  });

  it.each([
    ["ab", "3 to 30"],
    ["has-dash", "a-z, 0-9"],
    ["admin", "reserved"],
    ["API", "reserved"],
  ])("refuses the handle %s", async (handle, why) => {
    const { cookie } = await signIn();
    const res = await api("/api/v1/me/creator", { method: "POST", cookie, json: { handle, display_name: "X" } });
    expectProblem(res, 400);
    expect(res.body.detail).toContain(why);
  });

  it("refuses a taken handle, case-insensitively", async () => {
    const a = await makeCreator();
    const { cookie } = await signIn();
    const res = await api("/api/v1/me/creator", { method: "POST", cookie, json: { handle: a.handle.toUpperCase(), display_name: "X" } });
    expectProblem(res, 409);
  });

  it("refuses an oversized bio and an unknown country, naming the fields", async () => {
    const { cookie } = await signIn();
    const res = await api("/api/v1/me/creator", { method: "POST", cookie, json: { handle: "okhandle1", display_name: "X", bio: "x".repeat(501), country: "ZZ" } });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(["bio", "country"]);
  });

  it("keeps markup in names as text", async () => {
    const c = await makeCreator({ display_name: "<script>alert(1)</script>" });
    const p = await api(`/api/v1/creators/${c.handle}`);
    expect(p.body.display_name).toBe("<script>alert(1)</script>");
  });

  it("answers 401 to an unauthenticated write and lets nobody else edit a profile", async () => {
    expectProblem(await api("/api/v1/me/creator", { method: "PATCH", json: { bio: "x" } }), 401);
    const a = await makeCreator();
    const b = await makeCreator();
    await api("/api/v1/me/creator", { method: "PATCH", cookie: b.cookie, json: { bio: "mine" } });
    expect((await api(`/api/v1/creators/${a.handle}`)).body.bio).toBe("");
  });

  it("refuses a cross-site write carried by the cookie", async () => {
    const c = await makeCreator();
    const res = await api("/api/v1/me/creator", { method: "PATCH", cookie: c.cookie, json: { bio: "x" }, headers: { origin: "https://evil.example" } });
    expectProblem(res, 403);
  });
});

describe("the pledge", () => {
  it("signs with either language's hash, logs it and counts the signature", async () => {
    const before = (await api("/api/v1/manifesto")).body.signatures;
    const s = await makeSigner();
    expect(s.receipt).toMatchObject({ version: 1, lang: "en", status: "active" });
    expect(typeof s.receipt.log_index).toBe("number");
    const entry = await env.DB.prepare("SELECT kind, subject, body FROM log_entries WHERE idx = ?").bind(s.receipt.log_index).first<any>();
    expect(entry.kind).toBe("pledge.signed");
    expect(entry.subject).toBe(s.id);
    expect((await api("/api/v1/manifesto")).body.signatures).toBe(before + 1);
    const profile = await api(`/api/v1/creators/${s.handle}`);
    expect(profile.body.pledge).toMatchObject({ status: "signed", version: 1, log_index: s.receipt.log_index });
  });

  it("refuses a wrong hash, an unknown version and signing twice, changing nothing", async () => {
    const c = await makeCreator();
    const m = (await api("/api/v1/manifesto")).body;
    const count = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM log_entries").first<{ n: number }>())!.n;
    const n0 = await count();
    const wrong = await api("/api/v1/me/pledge", { method: "POST", cookie: c.cookie, json: { version: 1, sha256: "0".repeat(64) } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail).toContain("sha256");
    expect((await api("/api/v1/me/pledge", { method: "POST", cookie: c.cookie, json: { version: 9, sha256: m.sha256.fr } })).status).toBe(422);
    expect((await api("/api/v1/me/pledge", { method: "POST", cookie: c.cookie, json: { version: 1, sha256: m.sha256.fr } })).status).toBe(201);
    expectProblem(await api("/api/v1/me/pledge", { method: "POST", cookie: c.cookie, json: { version: 1, sha256: m.sha256.fr } }), 409);
    expect(await count()).toBe(n0 + 1);
  });

  it("withdraws with a public reason, and refuses to withdraw twice", async () => {
    const s = await makeSigner();
    const res = await api("/api/v1/me/pledge", { method: "DELETE", cookie: s.cookie, json: { reason: "Taking a break" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "withdrawn", reason: "Taking a break" });
    expect((await api(`/api/v1/creators/${s.handle}`)).body.pledge.status).toBe("withdrawn");
    expectProblem(await api("/api/v1/me/pledge", { method: "DELETE", cookie: s.cookie }), 409);
  });

  it("needs a session to sign; another user's session withdraws only their own", async () => {
    expectProblem(await api("/api/v1/me/pledge", { method: "POST", json: { version: 1, sha256: "a".repeat(64) } }), 401);
    const a = await makeSigner();
    const b = await makeCreator();
    expectProblem(await api("/api/v1/me/pledge", { method: "DELETE", cookie: b.cookie }), 409);
    expect((await api(`/api/v1/creators/${a.handle}`)).body.pledge.status).toBe("signed");
  });

  it("lists signatories newest first, searchable", async () => {
    const s = await makeSigner({ bio: "Zygomatic unicycle reviews" });
    const list = await api("/api/v1/signatories?limit=5");
    expect(list.body.items[0].handle).toBe(s.handle);
    const found = await api("/api/v1/signatories?q=zygomatic");
    expect(found.body.items.map((i: any) => i.handle)).toEqual([s.handle]);
    expectProblem(await api("/api/v1/signatories?cursor=garbage"), 400);
  });
});
