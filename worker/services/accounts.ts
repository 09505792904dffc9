import { and, eq, ne } from "drizzle-orm";
import { accounts, creators } from "../../db/schema";
import { requireModerator } from "./moderation";
import { newId, randomToken } from "../domain/crypto";
import { instructionsFor, isManualPlatform, isPlatform, makeVerifyDeps, parseAccountUrl, verifyAccount, type Platform, type ProofResult } from "../verify/adapters/index";
import { verifyConfigFromEnv } from "../verify/config";
import { AppError, notFound } from "../errors";
import { runBatch, type BatchStmt } from "./batch";
import type { ServiceCtx } from "./context";
import { requireMyCreator } from "./creators";
import { appendStatements, kickSequencer, LAST_LOG_INDEX, prepareEntry, type LogKind } from "./log-append";
import { statsUpdate } from "./stats";
import { sql } from "drizzle-orm";

type Row = typeof accounts.$inferSelect;
export const MAX_ACCOUNTS = 12;

export function profileUrl(env: Env, handle: string): string {
  return `${env.PUBLIC_ORIGIN.replace(/\/$/, "")}/@${handle}`;
}

/** The owner's view: includes the proof token and instructions. */
export function accountView(r: Row, env?: Env, handle?: string) {
  const base = {
    id: r.id, platform: r.platform, url: r.url, method: r.method, status: r.status,
    verified_at: r.verifiedAt, checked_at: r.checkedAt, failure: r.failure, log_index: r.logIndex,
  };
  if (!env || !handle) return base;
  return {
    ...base,
    token: r.token,
    proof: `candor-verify:${r.token}`,
    instructions: isPlatform(r.platform) ? instructionsFor(r.platform, { token: r.token, profileUrl: profileUrl(env, handle) }) : null,
  };
}

/** Links an account: a pending proof with a token and the instructions for its platform. */
export async function linkAccount(ctx: ServiceCtx, input: { platform: string; url: string; evidence?: string | null }) {
  const me = await requireMyCreator(ctx);
  if (!isPlatform(input.platform)) throw new AppError("validation_failed", `“${input.platform}” is not a supported platform.`, { fields: [{ field: "platform", message: "unsupported platform" }] });
  const config = verifyConfigFromEnv(ctx.env);
  const parsed = parseAccountUrl(input.platform, input.url, config);
  if (!parsed.ok) throw new AppError("validation_failed", parsed.problem, { fields: [{ field: "url", message: parsed.problem }] });
  const mine = await ctx.db.select().from(accounts).where(and(eq(accounts.creatorId, me.id), ne(accounts.status, "removed"))).all();
  if (mine.some((a) => a.url === parsed.normalizedUrl)) throw new AppError("conflict", "This account is already linked to your profile.");
  if (mine.length >= MAX_ACCOUNTS) throw new AppError("conflict", `At most ${MAX_ACCOUNTS} linked accounts.`);
  const taken = await ctx.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.url, parsed.normalizedUrl), eq(accounts.status, "verified"))).get();
  if (taken) throw new AppError("conflict", "This account is already verified by another Candor profile.");
  const row = {
    id: newId("ac", ctx.now.getTime()), creatorId: me.id, platform: input.platform, url: parsed.normalizedUrl,
    username: parsed.username, method: isManualPlatform(input.platform as Platform) ? "manual" : "pending",
    token: randomToken(12).replace(/[^A-Za-z0-9]/g, "x"), status: "pending" as const, evidence: input.evidence ?? null,
  };
  await ctx.db.insert(accounts).values(row);
  return accountView((await ctx.db.select().from(accounts).where(eq(accounts.id, row.id)).get())!, ctx.env, me.handle);
}

export async function myAccounts(ctx: ServiceCtx) {
  const me = await requireMyCreator(ctx);
  const rows = await ctx.db.select().from(accounts).where(and(eq(accounts.creatorId, me.id), ne(accounts.status, "removed"))).all();
  return { items: rows.map((r) => accountView(r, ctx.env, me.handle)) };
}

async function ownAccount(ctx: ServiceCtx, id: string) {
  const me = await requireMyCreator(ctx);
  const row = await ctx.db.select().from(accounts).where(eq(accounts.id, id)).get();
  // Someone else's account answers 404: existence does not leak.
  if (!row || row.creatorId !== me.id || row.status === "removed") throw notFound("That account");
  return { me, row };
}

/** What a check result does to an account: new fields, the log entry kind, the counter move. */
export function transition(row: Row, result: ProofResult, nowIso: string): { set: Partial<Row>; kind: LogKind | null; verifiedDelta: number } {
  if (result.ok) {
    const set = { status: "verified" as const, method: result.method, checkedAt: nowIso, failCount: 0, failure: null, verifiedAt: row.status === "verified" ? row.verifiedAt : nowIso };
    if (row.status === "verified") return { set, kind: null, verifiedDelta: 0 };
    return { set, kind: row.status === "lapsed" ? "account.restored" : "account.verified", verifiedDelta: 1 };
  }
  const failCount = row.failCount + 1;
  if (row.status === "verified") {
    // A verified proof lapses only after failing twice in a row (a site can be down once).
    if (failCount >= 2) return { set: { status: "lapsed", checkedAt: nowIso, failCount, failure: result.failure }, kind: "account.lapsed", verifiedDelta: -1 };
    return { set: { checkedAt: nowIso, failCount, failure: result.failure }, kind: null, verifiedDelta: 0 };
  }
  if (row.status === "lapsed") return { set: { checkedAt: nowIso, failCount, failure: result.failure }, kind: null, verifiedDelta: 0 };
  return { set: { status: "failed", checkedAt: nowIso, failCount, failure: result.failure }, kind: null, verifiedDelta: 0 };
}

/** Applies a transition in one batch with its log entry and counters. */
export async function applyTransition(ctx: Pick<ServiceCtx, "env" | "db" | "now" | "defer">, row: Row, handle: string, t: ReturnType<typeof transition>) {
  const stmts: BatchStmt[] = [];
  const set = { ...t.set } as Partial<Row>;
  if (t.kind) {
    const entry = await prepareEntry(ctx, t.kind, row.creatorId, { handle, account: row.id, platform: row.platform, url: row.url, method: t.set.method ?? row.method });
    stmts.push(...appendStatements(entry));
    (set as Record<string, unknown>).logIndex = sql`${LAST_LOG_INDEX}`;
  }
  stmts.push(ctx.db.update(accounts).set(set).where(eq(accounts.id, row.id)));
  if (t.verifiedDelta) stmts.push(statsUpdate(row.creatorId, { accountsVerified: t.verifiedDelta }, ctx.now.toISOString()));
  await runBatch(ctx.env.DB, stmts);
  if (t.kind) kickSequencer(ctx, row.creatorId);
}

/** Runs the proof check now and records the outcome. */
export async function verifyNow(ctx: ServiceCtx, id: string, fetchImpl?: typeof fetch) {
  const { me, row } = await ownAccount(ctx, id);
  if (row.method === "manual") {
    return accountView(row, ctx.env, me.handle);
  }
  const deps = makeVerifyDeps(verifyConfigFromEnv(ctx.env), fetchImpl);
  const result = await verifyAccount({ platform: row.platform as Platform, url: row.url, handle: me.handle, token: row.token, profileUrl: profileUrl(ctx.env, me.handle) }, deps);
  const t = transition(row, result, ctx.now.toISOString());
  // A manual "verify now" of a failing verified proof counts like a cron check.
  await applyTransition(ctx, row, me.handle, t);
  return accountView((await ctx.db.select().from(accounts).where(eq(accounts.id, id)).get())!, ctx.env, me.handle);
}

/** Removes an account: a public fact in the log, never an erase. */
export async function removeAccount(ctx: ServiceCtx, id: string) {
  const { me, row } = await ownAccount(ctx, id);
  const entry = await prepareEntry(ctx, "account.removed", me.id, { handle: me.handle, account: row.id, platform: row.platform, url: row.url });
  await runBatch(ctx.env.DB, [
    ...appendStatements(entry),
    ctx.db.update(accounts).set({ status: "removed", checkedAt: ctx.now.toISOString(), logIndex: sql`${LAST_LOG_INDEX}` as unknown as number }).where(eq(accounts.id, row.id)),
    ...(row.status === "verified" ? [statsUpdate(me.id, { accountsVerified: -1 }, ctx.now.toISOString())] : []),
  ]);
  kickSequencer(ctx, me.id);
  return { id: row.id, status: "removed" as const };
}

/** Moderators: manual-proof accounts waiting for review, with the evidence the creator gave. */
export async function manualQueue(ctx: ServiceCtx) {
  requireModerator(ctx);
  const rows = await ctx.db
    .select({ a: accounts, handle: creators.handle })
    .from(accounts)
    .innerJoin(creators, eq(creators.id, accounts.creatorId))
    .where(and(eq(accounts.method, "manual"), eq(accounts.status, "pending")))
    .limit(200)
    .all();
  return { items: rows.map(({ a, handle }) => ({ ...accountView(a), handle, evidence: a.evidence })) };
}

/** Moderators: decide a manual proof from its evidence; a verification is logged like any other. */
export async function reviewManualAccount(ctx: ServiceCtx, id: string, decision: "verified" | "failed", reason: string) {
  requireModerator(ctx);
  const row = await ctx.db.select().from(accounts).where(eq(accounts.id, id)).get();
  if (!row || row.method !== "manual" || row.status === "removed") throw notFound("That manual account");
  const owner = (await ctx.db.select().from(creators).where(eq(creators.id, row.creatorId)).get())!;
  if (ctx.caller.userId === owner.userId) throw new AppError("forbidden", "You cannot review your own account.");
  const result: ProofResult = decision === "verified" ? { ok: true, method: "manual" } : { ok: false, method: "manual", failure: reason };
  await applyTransition(ctx, row, owner.handle, transition(row, result, ctx.now.toISOString()));
  return accountView((await ctx.db.select().from(accounts).where(eq(accounts.id, id)).get())!);
}
