import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { api } from "../helpers";
import { sha256Hex } from "../../../worker/domain/crypto";

/**
 * Shared fixtures and checks for the hardening suites (fuzzing, authorisation matrix).
 * Requests go through helpers.ts `api()` with client IPs from a range of their own, so these
 * files never share a per-IP rate-limit bucket with the other API test files.
 */

let ipN = 0;
/** A fresh client IP from 10.<base>.x.y; each hardening file passes its own base. */
export function ipFrom(base: number): string {
  const n = ipN++;
  return `10.${base + ((n >> 16) & 7)}.${(n >> 8) & 255}.${n & 255}`;
}

export interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Where the session/key comes from; merged into headers by `send`. */
  cookie?: string;
}

export type Res = Awaited<ReturnType<typeof api>>;

/** Sends a request as a client would, with its own IP and no redirect following. */
export async function send(req: Req, ipBase: number): Promise<Res> {
  const noBody = ["GET", "HEAD"].includes(req.method.toUpperCase());
  return api(req.path, {
    method: req.method,
    headers: req.headers,
    cookie: req.cookie,
    body: noBody ? undefined : (req.body as BodyInit | undefined),
    ip: ipFrom(ipBase),
    redirect: "manual",
  });
}

/** Shortens a request for an error message (bodies and headers can be huge). */
export function describeReq(req: Req): string {
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  const body = req.body === undefined ? "" : typeof req.body === "string" ? clip(req.body) : `<${req.body.byteLength} bytes>`;
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k, clip(v)]));
  return `${req.method} ${clip(req.path)} headers=${JSON.stringify(headers)}${req.cookie ? ` cookie=${clip(req.cookie)}` : ""} body=${JSON.stringify(body)}`;
}

/**
 * The robustness property: never a 5xx, and every error is an RFC 9457 problem whose
 * `status` equals the HTTP status, with type, title and detail.
 */
export function wellFormedProblem(res: Res): string | null {
  if (res.status >= 500) return `a ${res.status}: ${res.text.slice(0, 500)}`;
  if (res.status < 400) return null;
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) return `a ${res.status} with content-type ${type || "(none)"}: ${res.text.slice(0, 300)}`;
  const b = res.body;
  if (!b || typeof b !== "object") return `a ${res.status} whose body is not a JSON object: ${res.text.slice(0, 300)}`;
  for (const k of ["type", "title", "detail"]) {
    if (typeof b[k] !== "string" || b[k] === "") return `a ${res.status} problem without ${k}: ${res.text.slice(0, 300)}`;
  }
  if (b.status !== res.status) return `a ${res.status} problem whose status field is ${JSON.stringify(b.status)}`;
  return null;
}

export function assertWellFormed(req: Req, res: Res): void {
  const why = wellFormedProblem(res);
  if (why) throw new Error(`${describeReq(req)}\n  → ${why}`);
}

/** The outside web answers 404 to everything: proof checks fail fast and never hit the network. */
export function offlineWeb() {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("not found", { status: 404 }));
}

export const MODERATOR_EMAIL = "moderator@example.test";

let uniq = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(uniq++).toString(36)}`;

/** A valid collaboration record naming `domain`. */
export function disclosureBody(domain = "stride.example", extra: Record<string, unknown> = {}) {
  return {
    brand_name: "Stride", brand_domain: domain, post_url: `https://instagram.com/p/${unique("p")}`, platform: "instagram",
    media: "image", relationship: "paid", jurisdictions: ["US", "FR"], posted_at: "2026-01-15T10:00:00Z",
    caption: "#ad Loving my new running shoes from @stride", ...extra,
  };
}

export const CSV_HEADER = "brand_name,brand_domain,post_url,platform,media,relationship,jurisdictions,posted_at,caption,overlay,platform_tool,retouched,ai_generated";
export const csvRow = (domain = "stride.example") =>
  `Stride,${domain},https://instagram.com/p/${unique("csv")},instagram,image,paid,US;FR,2026-01-15T10:00:00Z,"#ad new shoes, thanks @stride",,false,false,false`;

/** Setup calls (fixtures) get client IPs of their own range too. */
const SETUP_IP_BASE = 216;
const setup = (path: string, init: Parameters<typeof api>[1] = {}) => api(path, { ...init, ip: ipFrom(SETUP_IP_BASE) });

async function expectCreated(what: string, res: Res) {
  if (res.status !== 201) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function manifesto(): Promise<{ version: number; sha: string }> {
  const m = await setup("/api/v1/manifesto");
  return { version: m.body.version, sha: m.body.sha256.en };
}

/**
 * A session for `email` written straight into D1 (the user is created if new). The sign-in
 * flow has its own tests; going around it keeps fixtures cheap and clear of its limits (five
 * links per email per 15 minutes, ten requests per IP per minute), so a suite can act as the
 * moderator as often as it needs.
 */
export async function quickSession(email = `${unique("u")}@example.test`): Promise<{ cookie: string; email: string; userId: string }> {
  const existing = await env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(email).first<{ id: string }>();
  const userId = existing?.id ?? unique("usr_q");
  const token = `${crypto.randomUUID()}${unique("")}`.replace(/-/g, "");
  const expires = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  await env.DB.batch([
    env.DB.prepare("INSERT OR IGNORE INTO users (id, email) VALUES (?, ?)").bind(userId, email),
    env.DB.prepare("INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, ?)").bind(await sha256Hex(token), userId, expires),
  ]);
  return { cookie: `candor_session=${token}`, email, userId };
}

/** A signed-in user with a creator profile made through the API, optionally a signer of the current manifesto. */
export async function quickCreator(opts: { signed?: boolean } = {}) {
  const s = await quickSession();
  const handle = unique("hc_");
  const c = await expectCreated("creator", await setup("/api/v1/me/creator", { method: "POST", cookie: s.cookie, json: { handle, display_name: `Creator ${handle}` } }));
  if (opts.signed) {
    const m = await manifesto();
    await expectCreated("pledge", await setup("/api/v1/me/pledge", { method: "POST", cookie: s.cookie, json: { version: m.version, sha256: m.sha } }));
  }
  return { ...s, handle: c.handle as string, id: c.id as string };
}

/** One disclosure naming `domain`, recorded by `cookie`'s creator. */
export async function recordFor(cookie: string, domain: string): Promise<{ id: string }> {
  return expectCreated("disclosure", await setup("/api/v1/me/disclosures", { method: "POST", cookie, json: disclosureBody(domain) }));
}

/** A pending GitHub account linked by `cookie`'s creator (the owner's view, with its proof token). */
export async function accountFor(cookie: string): Promise<{ id: string; token: string }> {
  return expectCreated("account", await setup("/api/v1/me/accounts", { method: "POST", cookie, json: { platform: "github", url: `https://github.com/${unique("gh")}` } }));
}

/** A pending manual-proof (Instagram) account, which only a moderator can decide. */
export async function manualAccountFor(cookie: string): Promise<{ id: string; token: string }> {
  return expectCreated("account", await setup("/api/v1/me/accounts", { method: "POST", cookie, json: { platform: "instagram", url: `https://www.instagram.com/${unique("ig")}/`, evidence: "Screenshot of the bio." } }));
}

/** An anonymous report about `handle`. */
export async function reportAbout(handle: string): Promise<{ id: string }> {
  return expectCreated("report", await setup("/api/v1/reports", { method: "POST", json: { handle, post_url: `https://instagram.com/p/${unique("r")}`, reason: "undisclosed", evidence: "No label on the post." } }));
}

/** A signer with one disclosure naming `domain`, one pending account and one open report about them. */
export async function makeCreatorWithHistory(domain = "stride.example") {
  const c = await quickCreator({ signed: true });
  const [d, a, r] = [await recordFor(c.cookie, domain), await accountFor(c.cookie), await reportAbout(c.handle)];
  return { ...c, disclosureId: d.id, accountId: a.id, accountToken: a.token, reportId: r.id };
}

/** A brand owned by a fresh signed-in user (or `owner`); verified directly in D1 unless told not to. */
export async function makeBrand(opts: { verified?: boolean; owner?: { cookie: string; email: string }; domain?: string } = {}) {
  const owner = opts.owner ?? (await quickSession());
  const domain = opts.domain ?? `${unique("brand")}.example`;
  const b = await expectCreated("brand", await setup("/api/v1/brands", { method: "POST", cookie: owner.cookie, json: { name: `Brand ${domain}`, domain } }));
  if (opts.verified !== false) {
    await env.DB.prepare("UPDATE brands SET domain_verified_at = ? WHERE id = ?").bind(new Date().toISOString(), b.id).run();
  }
  return { owner, id: b.id as string, domain: b.domain as string, token: b.token as string };
}

/** An API key of a brand, created through the API by a member. */
export async function makeKey(brandId: string, memberCookie: string) {
  const k = await expectCreated("key", await setup(`/api/v1/brands/${brandId}/keys`, { method: "POST", cookie: memberCookie, json: { name: unique("key") } }));
  return { id: k.id as string, secret: k.key as string };
}

/** Revokes a key as a member; the key then answers 401 everywhere. */
export async function revokeKey(brandId: string, keyId: string, memberCookie: string) {
  const r = await setup(`/api/v1/brands/${brandId}/keys/${keyId}`, { method: "DELETE", cookie: memberCookie });
  if (r.status !== 200) throw new Error(`revoke failed: ${r.status} ${r.text}`);
}

/**
 * Gives the moderator's creator profile (if any) to a throwaway user, so the moderator is again
 * a signed-in user without a profile. Lets every matrix cell start from the same state.
 */
export async function detachModeratorProfile() {
  const mod = await env.DB.prepare("SELECT id FROM users WHERE email = ?").bind(MODERATOR_EMAIL).first<{ id: string }>();
  if (!mod) return;
  const parked = unique("usr_parked_");
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, email) VALUES (?, ?)").bind(parked, `${parked}@example.test`),
    env.DB.prepare("UPDATE creators SET user_id = ? WHERE user_id = ?").bind(parked, mod.id),
  ]);
}

export const logCount = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM log_entries").first<{ n: number }>())!.n;
