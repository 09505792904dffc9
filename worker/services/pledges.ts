import { and, desc, eq, sql } from "drizzle-orm";
import { creators, manifestoVersions, pledges } from "../../db/schema";
import { newId } from "../domain/crypto";
import { AppError } from "../errors";
import type { ServiceCtx } from "./context";
import { runBatch } from "./batch";
import { requireMyCreator, touchStats } from "./creators";
import { appendStatements, kickSequencer, LAST_LOG_INDEX, prepareEntry } from "./log-append";
import { bumpSignatures, ensureManifestoVersions } from "./manifesto";

export interface PledgeView {
  status: "signed" | "withdrawn" | "revoked" | "none";
  version: number | null;
  sha256: string | null;
  signed_at: string | null;
  log_index: number | null;
}

export function pledgeView(row: typeof creators.$inferSelect): PledgeView {
  return {
    status: row.pledgeStatus,
    version: row.pledgeVersion,
    sha256: row.pledgeSha256,
    signed_at: row.pledgeSignedAt,
    log_index: row.pledgeLogIndex,
  };
}

async function activePledge(ctx: ServiceCtx, creatorId: string) {
  return ctx.db.select().from(pledges).where(and(eq(pledges.creatorId, creatorId), eq(pledges.status, "active"))).get();
}

/**
 * Signs a manifesto version. The hash must be that of the text the signer read (French or
 * English); a newer version replaces the active pledge, which stays in history.
 */
export async function signPledge(ctx: ServiceCtx, input: { version: number; sha256: string; statement?: string | null }) {
  const me = await requireMyCreator(ctx);
  if (me.status === "suspended") throw new AppError("forbidden", "A suspended creator cannot sign the manifesto.");
  await ensureManifestoVersions(ctx);
  const version = await ctx.db.select().from(manifestoVersions).where(eq(manifestoVersions.version, input.version)).get();
  if (!version) throw new AppError("unprocessable", `Manifesto version ${input.version} does not exist.`, { fields: [{ field: "version", message: "unknown version" }] });
  const sha = input.sha256.toLowerCase();
  const lang = sha === version.sha256Fr ? "fr" : sha === version.sha256En ? "en" : null;
  if (!lang) {
    throw new AppError("unprocessable", `The sha256 does not match version ${input.version}'s French or English text; reload the manifesto and sign what you read.`, {
      fields: [{ field: "sha256", message: "does not match the text of this version" }],
    });
  }
  const current = await activePledge(ctx, me.id);
  if (current && current.version >= input.version) {
    throw new AppError("conflict", `You already signed version ${current.version}; withdraw it first to sign again.`);
  }
  const id = newId("pl", ctx.now.getTime());
  const now = ctx.now.toISOString();
  const entry = await prepareEntry(ctx, "pledge.signed", me.id, {
    handle: me.handle, pledge: id, version: input.version, sha256: sha, lang, statement: input.statement ?? null,
    replaces: current?.id ?? null,
  });
  await runBatch(ctx.env.DB, [
    ...(current ? [ctx.db.update(pledges).set({ status: "replaced", endedAt: now }).where(eq(pledges.id, current.id))] : []),
    ...appendStatements(entry),
    ctx.db.insert(pledges).values({
      id, creatorId: me.id, version: input.version, sha256: sha, lang, statement: input.statement ?? null,
      status: "active", signedAt: now, logIndex: sql`${LAST_LOG_INDEX}` as unknown as number,
    }),
    ctx.db.update(creators).set({
      pledgeStatus: "signed", pledgeVersion: input.version, pledgeSha256: sha, pledgeSignedAt: now,
      pledgeLogIndex: sql`${LAST_LOG_INDEX}` as unknown as number, updatedAt: now,
    }).where(eq(creators.id, me.id)),
    ...(current ? [] : [bumpSignatures(1)]),
    touchStats(ctx, me.id),
  ]);
  kickSequencer(ctx, me.id);
  return receipt(ctx, id);
}

/** Withdraws the active pledge; the reason is public. */
export async function withdrawPledge(ctx: ServiceCtx, reason?: string | null) {
  const me = await requireMyCreator(ctx);
  const current = await activePledge(ctx, me.id);
  if (!current) throw new AppError("conflict", "You have no active pledge to withdraw.");
  const now = ctx.now.toISOString();
  const entry = await prepareEntry(ctx, "pledge.withdrawn", me.id, { handle: me.handle, pledge: current.id, version: current.version, reason: reason ?? null });
  await runBatch(ctx.env.DB, [
    ...appendStatements(entry),
    ctx.db.update(pledges).set({ status: "withdrawn", endedAt: now, endReason: reason ?? null }).where(eq(pledges.id, current.id)),
    ctx.db.update(creators).set({ pledgeStatus: "withdrawn", pledgeLogIndex: sql`${LAST_LOG_INDEX}` as unknown as number, updatedAt: now }).where(eq(creators.id, me.id)),
    bumpSignatures(-1),
    touchStats(ctx, me.id),
  ]);
  kickSequencer(ctx, me.id);
  return { status: "withdrawn" as const, version: current.version, withdrawn_at: now, reason: reason ?? null };
}

/** The receipt shown after signing: version, hash, time, log index. */
export async function receipt(ctx: Pick<ServiceCtx, "db">, pledgeId: string) {
  const found = await ctx.db.select({ p: pledges, handle: creators.handle }).from(pledges).innerJoin(creators, eq(creators.id, pledges.creatorId)).where(eq(pledges.id, pledgeId)).get();
  if (!found) throw new AppError("not_found", "That pledge was not found.");
  const row = found.p;
  return {
    id: row.id, handle: found.handle, status: row.status, version: row.version, sha256: row.sha256, lang: row.lang,
    statement: row.statement, signed_at: row.signedAt, log_index: row.logIndex,
  };
}

/** A creator's pledge history, newest first. */
export async function pledgeHistory(ctx: Pick<ServiceCtx, "db">, creatorId: string) {
  const rows = await ctx.db.select().from(pledges).where(eq(pledges.creatorId, creatorId)).orderBy(desc(pledges.signedAt)).limit(20).all();
  return rows.map((r) => ({
    version: r.version, status: r.status, sha256: r.sha256, lang: r.lang, statement: r.statement,
    signed_at: r.signedAt, ended_at: r.endedAt, reason: r.endReason, log_index: r.logIndex,
  }));
}
