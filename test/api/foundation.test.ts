import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";

describe("foundation", () => {
  it("answers health with JSON after touching the database", async () => {
    const res = await api("/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, database: "ok" });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers an unknown API route with a problem+json 404", async () => {
    const res = await api("/api/v1/nope");
    expectProblem(res, 404);
    expect(res.body.detail).toContain("/api/v1/nope");
  });

  it("answers a malformed JSON body with a problem+json 400, not a 500", async () => {
    const res = await api("/api/v1/auth/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expectProblem(res, 400);
  });

  it("sets secure headers and rate limit headers on API answers", async () => {
    const res = await api("/api/v1/manifesto");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("ratelimit-policy")).toMatch(/q=\d+;w=\d+/);
    expect(res.headers.get("ratelimit")).toMatch(/r=\d+;t=\d+/);
  });

  it("serves the current manifesto with hashes of both canonical texts", async () => {
    const res = await api("/api/v1/manifesto");
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.sha256.fr).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.sha256.en).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.texts.en).toContain("Inspire rather than promote");
    const again = await api("/api/v1/manifesto", { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers an unknown manifesto version with a 404 problem", async () => {
    expectProblem(await api("/api/v1/manifesto/versions/99"), 404);
    expectProblem(await api("/api/v1/manifesto/versions/abc"), 400);
  });
});
