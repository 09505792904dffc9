import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { signIn } from "./factories";

describe("email sign-in", () => {
  it("answers the same for a known and an unknown email, and puts a link in the dev outbox", async () => {
    const a = await api("/api/v1/auth/email", { method: "POST", json: { email: "Known@Example.test" } });
    const b = await api("/api/v1/auth/email", { method: "POST", json: { email: "nobody@example.test" } });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    const outbox = await api("/api/v1/dev/outbox");
    expect(outbox.body.items[0]).toMatchObject({ to: "nobody@example.test" });
    expect(outbox.body.items[0].links[0]).toMatch(/\/api\/v1\/auth\/callback\?token=/);
    expect(outbox.body.items[1].to).toBe("known@example.test");
  });

  it("stores link tokens and session ids hashed, never in clear", async () => {
    const { cookie } = await signIn("hash@example.test");
    const token = cookie.split("=")[1]!;
    const s = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE id_hash = ?").bind(token).first<{ n: number }>();
    expect(s!.n).toBe(0);
    const links = await env.DB.prepare("SELECT token_hash FROM login_tokens").all<{ token_hash: string }>();
    for (const l of links.results) expect(l.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("opens a session once; a reused link is refused with 410", async () => {
    await api("/api/v1/auth/email", { method: "POST", json: { email: "once@example.test" } });
    const outbox = await api("/api/v1/dev/outbox");
    const link = new URL(outbox.body.items[0].links[0]);
    const first = await api(link.pathname + link.search, { redirect: "manual" });
    expect(first.status).toBe(303);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(first.headers.get("location")).toBe("/dashboard");
    expectProblem(await api(link.pathname + link.search, { redirect: "manual" }), 410);
  });

  it("refuses an expired link", async () => {
    await api("/api/v1/auth/email", { method: "POST", json: { email: "late@example.test" } });
    await env.DB.prepare("UPDATE login_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email = 'late@example.test'").run();
    const outbox = await api("/api/v1/dev/outbox");
    const link = new URL(outbox.body.items[0].links[0]);
    expectProblem(await api(link.pathname + link.search, { redirect: "manual" }), 410);
  });

  it("never redirects off-site after sign-in", async () => {
    await api("/api/v1/auth/email", { method: "POST", json: { email: "next@example.test", next: "//evil.example/x" } });
    const outbox = await api("/api/v1/dev/outbox");
    const link = new URL(outbox.body.items[0].links[0]);
    const res = await api(link.pathname + link.search, { redirect: "manual" });
    expect(res.headers.get("location")).toBe("/dashboard");
  });

  it("rejects a malformed email with a field error", async () => {
    const res = await api("/api/v1/auth/email", { method: "POST", json: { email: "not-an-email" } });
    expectProblem(res, 400);
    expect(res.body.errors[0].field).toBe("email");
  });

  it("limits sign-in links per email", async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await api("/api/v1/auth/email", { method: "POST", json: { email: "flood@example.test" } })).status;
    expect(last).toBe(429);
  });

  it("signs out and the cookie stops working", async () => {
    const { cookie } = await signIn();
    expect((await api("/api/v1/me", { cookie })).status).toBe(200);
    expect((await api("/api/v1/auth/logout", { method: "POST", cookie })).status).toBe(204);
    expectProblem(await api("/api/v1/me", { cookie }), 401);
  });
});
