import { env } from "cloudflare:workers";
import { api } from "./helpers";

let n = 0;

/** Signs in through the real email-link flow and returns the session cookie. */
export async function signIn(email = `user${Date.now()}${n++}@example.test`): Promise<{ cookie: string; email: string }> {
  const sent = await api("/api/v1/auth/email", { method: "POST", json: { email } });
  if (sent.status !== 202) throw new Error(`sign-in request failed: ${sent.status} ${sent.text}`);
  const row = await env.DB.prepare("SELECT links FROM outbox WHERE \"to\" = ? ORDER BY id DESC LIMIT 1").bind(email.toLowerCase()).first<{ links: string }>();
  const link = JSON.parse(row!.links)[0] as string;
  const u = new URL(link);
  const res = await api(u.pathname + u.search, { redirect: "manual" });
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  if (!cookie.startsWith("candor_session=")) throw new Error(`no session cookie: ${res.status} ${res.text}`);
  return { cookie, email };
}

/** A signed-in user with a creator profile. */
export async function makeCreator(overrides: Record<string, unknown> = {}) {
  const session = await signIn();
  const handle = (overrides.handle as string) ?? `c_${Date.now().toString(36)}${n++}`;
  const res = await api("/api/v1/me/creator", { method: "POST", cookie: session.cookie, json: { handle, display_name: `Creator ${handle}`, country: "FR", languages: ["fr"], niches: ["running"], ...overrides } });
  if (res.status !== 201) throw new Error(`creator creation failed: ${res.status} ${res.text}`);
  return { ...session, handle: res.body.handle as string, id: res.body.id as string };
}

/** A creator who signed the current manifesto. */
export async function makeSigner(overrides: Record<string, unknown> = {}) {
  const c = await makeCreator(overrides);
  const m = await api("/api/v1/manifesto");
  const res = await api("/api/v1/me/pledge", { method: "POST", cookie: c.cookie, json: { version: m.body.version, sha256: m.body.sha256.en } });
  if (res.status !== 201) throw new Error(`sign failed: ${res.status} ${res.text}`);
  return { ...c, receipt: res.body };
}
