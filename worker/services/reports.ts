import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { creators, pledges, reports } from "../../db/schema";
import { newId, saltedHash } from "../domain/crypto";
import { hoursBucket, upheldWithin12Months } from "../domain/stats";
import { AppError, notFound } from "../errors";
import { runBatch, type BatchStmt } from "./batch";
import type { ServiceCtx } from "./context";
import { creatorByHandle, myCreator } from "./creators";
import { appendStatements, kickSequencer, LAST_LOG_INDEX, prepareEntry } from "./log-append";
import { bumpSignatures } from "./manifesto";
import { REVOKE_AFTER_UPHELD, requireModerator } from "./moderation";
import { hitCounter } from "./rate-counter";
import { statsUpdate } from "./stats";

export const REASONS = ["undisclosed", "misleading_label", "fake_engagement", "other"] as const;
type Row = typeof reports.$inferSelect;

/** What anyone may see of a report: never the reporter or their contact. */
export function reportView(r: Row, handle?: string) {
  return {
    id: r.id, ...(handle ? { handle } : {}), post_url: r.postUrl, reason: r.reason, evidence: r.evidence, status: r.status,
    created_at: r.createdAt, response: r.respondedAt ? { action: r.responseAction, note: r.responseNote, responded_at: r.respondedAt } : null,
    decision: r.decidedAt ? { decision: r.decision, reason: r.decisionReason, decided_at: r.decidedAt } : null, log_index: r.logIndex,
  };
}

/** Anyone reports a post. The reporter is kept only as a keyed hash, to refuse duplicates. */
export async function createReport(ctx: ServiceCtx, input: { handle: string; post_url: string; reason: (typeof REASONS)[number]; evidence: string; contact?: string | null }, clientIp: string) {
  const creator = await creatorByHandle(ctx, input.handle);
  if (ctx.caller.kind === "session" && ctx.caller.userId === creator.userId) {
    throw new AppError("forbidden", "You cannot report your own posts; correct the record instead.");
  }
  const secret = ctx.env.SESSION_SECRET ?? "dev";
  await hitCounter(ctx, `report:${await saltedHash(secret, clientIp)}`, 20, 3600, "reports from this address");
  const reporter = ctx.caller.kind === "session" ? `user:${ctx.caller.userId}` : `ip:${clientIp}`;
  const row = {
    id: newId("rp", ctx.now.getTime()), creatorId: creator.id, postUrl: input.post_url, reason: input.reason, evidence: input.evidence,
    reporterHash: await saltedHash(secret, reporter), contactHash: input.contact ? await saltedHash(secret, input.contact.trim().toLowerCase()) : null,
    createdAt: ctx.now.toISOString(),
  };
  try {
    await runBatch(ctx.env.DB, [ctx.db.insert(reports).values(row), statsUpdate(creator.id, { reportsOpen: 1 }, ctx.now.toISOString())]);
  } catch (e) {
    if (/UNIQUE/i.test(String(e))) throw new AppError("conflict", "You already reported this post; a moderator will look at it.");
    throw e;
  }
  return { id: row.id, status: "open" as const };
}

/** The creator's reports awaiting or holding an answer, newest first. */
export async function myReports(ctx: ServiceCtx) {
  const me = await myCreator(ctx);
  if (!me) throw new AppError("conflict", "Create your creator profile first.");
  const rows = await ctx.db.select().from(reports).where(eq(reports.creatorId, me.id)).orderBy(desc(reports.createdAt)).limit(100).all();
  return { items: rows.map((r) => reportView(r)) };
}

/** The creator answers a report; the time to answer is measured and shown on the profile. */
export async function respondToReport(ctx: ServiceCtx, id: string, input: { action: "disclosed" | "amended" | "disputed"; note: string }) {
  const me = await myCreator(ctx);
  const r = await ctx.db.select().from(reports).where(eq(reports.id, id)).get();
  if (!me || !r || r.creatorId !== me.id) throw notFound("That report");
  if (r.status !== "open") throw new AppError("conflict", r.status === "responded" ? "You already answered this report." : "This report was already decided.");
  const entry = await prepareEntry(ctx, "report.answered", me.id, { handle: me.handle, report: r.id, post_url: r.postUrl, reason: r.reason, action: input.action, note: input.note });
  await runBatch(ctx.env.DB, [
    ...appendStatements(entry),
    ctx.db.update(reports).set({ status: "responded", responseAction: input.action, responseNote: input.note, respondedAt: ctx.now.toISOString() }).where(eq(reports.id, r.id)),
    statsUpdate(me.id, { responseHours: { [hoursBucket(r.createdAt, ctx.now.toISOString())]: 1 } }, ctx.now.toISOString()),
  ]);
  kickSequencer(ctx, me.id);
  return reportView((await ctx.db.select().from(reports).where(eq(reports.id, id)).get())!);
}

/** The moderation queue. */
export async function reportQueue(ctx: ServiceCtx, status: "open" | "responded" | "upheld" | "dismissed" | "pending") {
  requireModerator(ctx);
  const statuses = status === "pending" ? ["open", "responded"] : [status];
  const rows = await ctx.db
    .select({ r: reports, handle: creators.handle })
    .from(reports)
    .innerJoin(creators, eq(creators.id, reports.creatorId))
    .where(inArray(reports.status, statuses as Row["status"][]))
    .orderBy(reports.createdAt)
    .limit(200)
    .all();
  return { items: rows.map(({ r, handle }) => reportView(r, handle)) };
}

/**
 * A moderator decides, with a public reason. Upholding counts against the creator; the
 * REVOKE_AFTER_UPHELD-th upheld report within 12 months revokes the pledge. All logged.
 */
export async function decideReport(ctx: ServiceCtx, id: string, input: { decision: "upheld" | "dismissed"; reason: string }) {
  requireModerator(ctx);
  const r = await ctx.db.select().from(reports).where(eq(reports.id, id)).get();
  if (!r) throw notFound("That report");
  const subject = (await ctx.db.select().from(creators).where(eq(creators.id, r.creatorId)).get())!;
  if (ctx.caller.userId === subject.userId) throw new AppError("forbidden", "You cannot decide a report about yourself.");
  if (r.status === "upheld" || r.status === "dismissed") throw new AppError("conflict", "This report was already decided.");
  const nowIso = ctx.now.toISOString();
  const entry = await prepareEntry(ctx, input.decision === "upheld" ? "report.upheld" : "report.dismissed", subject.id, {
    handle: subject.handle, report: r.id, post_url: r.postUrl, reason: r.reason, decision: input.decision, decision_reason: input.reason,
  });
  const stmts: BatchStmt[] = [
    ...appendStatements(entry),
    ctx.db.update(reports).set({ status: input.decision, decision: input.decision, decisionReason: input.reason, decidedAt: nowIso, logIndex: sql`${LAST_LOG_INDEX}` as unknown as number }).where(eq(reports.id, r.id)),
    statsUpdate(subject.id, { reportsOpen: -1, ...(input.decision === "upheld" ? { reportUpheldAt: nowIso } : {}) }, nowIso),
  ];
  let revoked = false;
  if (input.decision === "upheld" && subject.pledgeStatus === "signed") {
    const stats = await ctx.env.DB.prepare("SELECT reports_upheld FROM trust_stats WHERE creator_id = ?").bind(subject.id).first<{ reports_upheld: string }>();
    const upheld = upheldWithin12Months(JSON.parse(stats?.reports_upheld ?? "[]"), ctx.now) + 1;
    if (upheld >= REVOKE_AFTER_UPHELD) {
      revoked = true;
      const revokeEntry = await prepareEntry(ctx, "pledge.revoked", subject.id, { handle: subject.handle, version: subject.pledgeVersion, reason: `${upheld} upheld reports in 12 months (policy: ${REVOKE_AFTER_UPHELD})` });
      stmts.push(
        ...appendStatements(revokeEntry),
        ctx.db.update(pledges).set({ status: "revoked", endedAt: nowIso, endReason: "upheld reports" }).where(and(eq(pledges.creatorId, subject.id), eq(pledges.status, "active"))),
        ctx.db.update(creators).set({ pledgeStatus: "revoked", pledgeLogIndex: sql`${LAST_LOG_INDEX}` as unknown as number, updatedAt: nowIso }).where(eq(creators.id, subject.id)),
        bumpSignatures(-1),
      );
    }
  }
  await runBatch(ctx.env.DB, stmts);
  kickSequencer(ctx, subject.id);
  return { ...reportView((await ctx.db.select().from(reports).where(eq(reports.id, id)).get())!, subject.handle), pledge_revoked: revoked };
}

/** Suspends a creator, in public: their score is withheld and they cannot sign. */
export async function suspendCreator(ctx: ServiceCtx, handle: string, reason: string) {
  requireModerator(ctx);
  const c = await creatorByHandle(ctx, handle);
  if (ctx.caller.userId === c.userId) throw new AppError("forbidden", "You cannot suspend yourself.");
  if (c.status === "suspended") throw new AppError("conflict", `@${c.handle} is already suspended.`);
  const entry = await prepareEntry(ctx, "creator.suspended", c.id, { handle: c.handle, reason });
  await runBatch(ctx.env.DB, [...appendStatements(entry), ctx.db.update(creators).set({ status: "suspended", updatedAt: ctx.now.toISOString() }).where(eq(creators.id, c.id))]);
  kickSequencer(ctx, c.id);
  return { handle: c.handle, status: "suspended" as const, reason };
}

/** Upheld reports of the last 12 months, with their decisions, for the public profile. */
export async function upheldReports(ctx: Pick<ServiceCtx, "db" | "now">, creatorId: string) {
  const since = new Date(ctx.now.getTime() - 365 * 86_400_000).toISOString();
  const rows = await ctx.db.select().from(reports).where(and(eq(reports.creatorId, creatorId), eq(reports.status, "upheld"), gte(reports.decidedAt, since))).orderBy(desc(reports.decidedAt)).limit(20).all();
  return rows.map((r) => reportView(r));
}
