import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { apiKeys, brandMembers, brands } from "../../db/schema";
import { newId, randomToken, sha256Hex } from "../domain/crypto";
import { makeVerifyDeps } from "../verify/adapters/index";
import { verifyConfigFromEnv } from "../verify/config";
import { normalizeDomain, verifyDomain } from "../verify/domain";
import { AppError, notFound } from "../errors";
import { runBatch } from "./batch";
import { requireUser } from "./caller";
import type { ServiceCtx } from "./context";
import { appendStatements, kickSequencer, prepareEntry } from "./log-append";

type Brand = typeof brands.$inferSelect;

export function brandView(b: Brand, withToken = false) {
  return {
    id: b.id, name: b.name, domain: b.domain, verified: !!b.domainVerifiedAt, domain_verified_at: b.domainVerifiedAt,
    checked_at: b.checkedAt, failure: b.failure, created_at: b.createdAt,
    ...(withToken ? { token: b.token, proof: { dns_txt: `candor-verify=${b.token}`, well_known: `https://${b.domain}/.well-known/candor.txt containing ${b.token}` } } : {}),
  };
}

/** Creates a brand; the signed-in user becomes its owner. */
export async function createBrand(ctx: ServiceCtx, input: { name: string; domain: string }) {
  const { userId } = requireUser(ctx.caller);
  const domain = normalizeDomain(input.domain);
  if (!domain) throw new AppError("validation_failed", "The domain must be a domain name like example.com.", { fields: [{ field: "domain", message: "not a domain name" }] });
  const claimed = await ctx.db.select({ id: brands.id }).from(brands).where(and(eq(brands.domain, domain), isNotNull(brands.domainVerifiedAt))).get();
  if (claimed) throw new AppError("conflict", `The domain ${domain} is already claimed by a verified brand.`);
  const id = newId("br", ctx.now.getTime());
  await runBatch(ctx.env.DB, [
    ctx.db.insert(brands).values({ id, name: input.name, domain, token: randomToken(16).replace(/[^A-Za-z0-9]/g, "x") }),
    ctx.db.insert(brandMembers).values({ brandId: id, userId, role: "owner" }),
  ]);
  return brandView((await ctx.db.select().from(brands).where(eq(brands.id, id)).get())!, true);
}

/** The brand if the caller is a member (session) or holds one of its keys; else 404. */
export async function requireBrandMember(ctx: ServiceCtx, brandId: string): Promise<Brand> {
  const b = await ctx.db.select().from(brands).where(eq(brands.id, brandId)).get();
  const c = ctx.caller;
  if (b && c.kind === "key" && c.brandId === b.id) return b;
  if (b && c.kind === "session") {
    const m = await ctx.db.select().from(brandMembers).where(and(eq(brandMembers.brandId, b.id), eq(brandMembers.userId, c.userId!))).get();
    if (m) return b;
  }
  if (c.kind === "anonymous") throw new AppError("unauthorized", "Sign in or use the brand's API key.");
  throw notFound("That brand");
}

export async function myBrands(ctx: ServiceCtx) {
  const { userId } = requireUser(ctx.caller);
  const rows = await ctx.db.select({ b: brands }).from(brandMembers).innerJoin(brands, eq(brands.id, brandMembers.brandId)).where(eq(brandMembers.userId, userId)).all();
  return { items: rows.map((r) => brandView(r.b, true)) };
}

/** Checks the brand's DNS TXT or /.well-known/candor.txt proof now. */
export async function verifyBrandDomain(ctx: ServiceCtx, brandId: string, fetchImpl?: typeof fetch) {
  const b = await requireBrandMember(ctx, brandId);
  if (ctx.caller.kind !== "session") throw new AppError("forbidden", "Domain verification is done by a signed-in member.");
  const claimed = await ctx.db.select({ id: brands.id }).from(brands).where(and(eq(brands.domain, b.domain), isNotNull(brands.domainVerifiedAt))).get();
  if (claimed && claimed.id !== b.id) throw new AppError("conflict", `The domain ${b.domain} is already claimed by a verified brand.`);
  const result = await verifyDomain({ domain: b.domain, token: b.token }, makeVerifyDeps(verifyConfigFromEnv(ctx.env), fetchImpl));
  const now = ctx.now.toISOString();
  if (!result.ok) {
    await ctx.db.update(brands).set({ checkedAt: now, failure: result.failure }).where(eq(brands.id, b.id));
  } else if (!b.domainVerifiedAt) {
    const entry = await prepareEntry(ctx, "brand.verified", b.id, { brand: b.id, name: b.name, domain: b.domain, method: result.method });
    await runBatch(ctx.env.DB, [...appendStatements(entry), ctx.db.update(brands).set({ domainVerifiedAt: now, checkedAt: now, failure: null }).where(eq(brands.id, b.id))]);
    kickSequencer(ctx);
  } else {
    await ctx.db.update(brands).set({ checkedAt: now, failure: null }).where(eq(brands.id, b.id));
  }
  return brandView((await ctx.db.select().from(brands).where(eq(brands.id, b.id)).get())!, true);
}

/** Creates an API key: the secret is shown once; only its SHA-256 is stored. */
export async function createKey(ctx: ServiceCtx, brandId: string, name: string) {
  const b = await requireBrandMember(ctx, brandId);
  if (ctx.caller.kind !== "session") throw new AppError("forbidden", "API keys are managed by signed-in members.");
  const prefix = randomToken(6).replace(/[^A-Za-z0-9]/g, "x").slice(0, 8);
  const secret = `cnd_${prefix}_${randomToken(24).replace(/[^A-Za-z0-9]/g, "x")}`;
  const id = newId("key", ctx.now.getTime());
  await ctx.db.insert(apiKeys).values({ id, brandId: b.id, name, prefix: `cnd_${prefix}`, keyHash: await sha256Hex(secret) });
  return { id, name, prefix: `cnd_${prefix}`, key: secret, created_at: ctx.now.toISOString(), note: "Copy this key now: it is shown only once." };
}

export async function listKeys(ctx: ServiceCtx, brandId: string) {
  const b = await requireBrandMember(ctx, brandId);
  const rows = await ctx.db.select().from(apiKeys).where(eq(apiKeys.brandId, b.id)).orderBy(desc(apiKeys.createdAt)).all();
  return { items: rows.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, created_at: k.createdAt, last_used_at: k.lastUsedAt, revoked_at: k.revokedAt })) };
}

export async function revokeKey(ctx: ServiceCtx, brandId: string, keyId: string) {
  const b = await requireBrandMember(ctx, brandId);
  if (ctx.caller.kind !== "session") throw new AppError("forbidden", "API keys are managed by signed-in members.");
  const k = await ctx.db.update(apiKeys).set({ revokedAt: ctx.now.toISOString() }).where(and(eq(apiKeys.id, keyId), eq(apiKeys.brandId, b.id), isNull(apiKeys.revokedAt))).returning().get();
  if (!k) throw notFound("That active key");
  return { id: k.id, revoked_at: k.revokedAt };
}
