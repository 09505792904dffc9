import { and, desc, eq, sql } from "drizzle-orm";
import { disclosures, idempotencyKeys } from "../../db/schema";
import { checkDisclosure } from "../domain/disclosure/check";
import { RULESET } from "../domain/disclosure/types";
import { daysBucket } from "../domain/stats";
import { newId, sha256Hex } from "../domain/crypto";
import { decodeCursor, encodeCursor } from "../domain/cursor";
import { normalizeDomain } from "../verify/domain";
import { AppError, notFound } from "../errors";
import { runBatch, type BatchStmt } from "./batch";
import type { ServiceCtx } from "./context";
import { creatorByHandle, requireMyCreator } from "./creators";
import type { DisclosureInput } from "./disclosure-input";
import { appendStatements, kickSequencer, LAST_LOG_INDEX, prepareEntry } from "./log-append";
import { statsUpdate } from "./stats";

type Row = typeof disclosures.$inferSelect;

/** The public shape of a record. */
export function disclosureView(r: Row) {
  return {
    id: r.id,
    brand_name: r.brandName,
    brand_domain: r.brandDomain,
    post_url: r.postUrl,
    platform: r.platform,
    media: r.media,
    relationship: r.relationship,
    jurisdictions: r.jurisdictions,
    posted_at: r.postedAt,
    recorded_at: r.recordedAt,
    caption: r.caption,
    overlay: r.overlay,
    platform_tool: r.platformTool,
    retouched: r.retouched,
    ai_generated: r.aiGenerated,
    verdict: r.verdict,
    findings: r.findings,
    ruleset: r.ruleset,
    supersedes: r.supersedes,
    superseded_by: r.supersededBy,
    amend_note: r.amendNote,
    brand_status: r.brandStatus,
    brand_note: r.brandNote,
    log_index: r.logIndex,
  };
}
export type DisclosureView = ReturnType<typeof disclosureView>;

interface Prepared {
  row: typeof disclosures.$inferInsert;
  stmts: BatchStmt[];
  verdict: string;
}

/** Runs the checker and builds the row plus its log entry statements (no I/O but hashing). */
async function prepareRecord(ctx: ServiceCtx, creator: { id: string; handle: string }, input: DisclosureInput, extra: { supersedes?: string; note?: string } = {}): Promise<Prepared> {
  if (Date.parse(input.posted_at) > ctx.now.getTime() + 60_000) {
    throw new AppError("validation_failed", "posted_at is in the future.", { fields: [{ field: "posted_at", message: "must not be in the future" }] });
  }
  const result = checkDisclosure({
    text: input.caption, overlay: input.overlay ?? null, platform: input.platform, media: input.media,
    relationship: input.relationship, jurisdictions: input.jurisdictions, platform_tool: input.platform_tool ?? false,
    retouched: input.retouched ?? false, ai_generated: input.ai_generated ?? false, brand: input.brand_name,
  });
  const id = newId("dc", ctx.now.getTime());
  const recordedAt = ctx.now.toISOString();
  const postedAt = new Date(input.posted_at).toISOString();
  const brandDomain = input.brand_domain ? normalizeDomain(input.brand_domain) : null;
  const entry = await prepareEntry(ctx, extra.supersedes ? "disclosure.amended" : "disclosure.recorded", creator.id, {
    handle: creator.handle, disclosure: id, supersedes: extra.supersedes ?? null, note: extra.note ?? null,
    brand_name: input.brand_name, brand_domain: brandDomain, post_url: input.post_url, platform: input.platform,
    media: input.media, relationship: input.relationship, jurisdictions: input.jurisdictions, posted_at: postedAt,
    caption_sha256: await sha256Hex(input.caption), overlay_sha256: input.overlay ? await sha256Hex(input.overlay) : null,
    verdict: result.verdict, ruleset: RULESET,
  });
  const row: typeof disclosures.$inferInsert = {
    id, creatorId: creator.id, brandName: input.brand_name, brandDomain, postUrl: input.post_url,
    platform: input.platform, media: input.media, relationship: input.relationship, jurisdictions: input.jurisdictions,
    postedAt, recordedAt, caption: input.caption, overlay: input.overlay ?? null, platformTool: input.platform_tool ?? false,
    retouched: input.retouched ?? false, aiGenerated: input.ai_generated ?? false, verdict: result.verdict,
    findings: result.findings, ruleset: RULESET, supersedes: extra.supersedes ?? null, amendNote: extra.note ?? null,
    logIndex: sql`${LAST_LOG_INDEX}` as unknown as number,
  };
  return { row, stmts: [...appendStatements(entry), ctx.db.insert(disclosures).values(row)], verdict: result.verdict };
}

async function loadOwn(ctx: ServiceCtx, id: string) {
  return ctx.db.select().from(disclosures).where(eq(disclosures.id, id)).get();
}

/**
 * Records a collaboration. With an Idempotency-Key, a retry with the same body returns the
 * first record and creates nothing; the same key with another body is refused.
 */
export async function recordDisclosure(ctx: ServiceCtx, input: DisclosureInput, idempotencyKey?: string): Promise<{ record: DisclosureView; replayed: boolean }> {
  const me = await requireMyCreator(ctx);
  const scope = `disclosure:${me.id}`;
  const requestHash = await sha256Hex(JSON.stringify(input));
  if (idempotencyKey) {
    const prior = await ctx.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, idempotencyKey))).get();
    if (prior) return replay(ctx, prior, requestHash);
  }
  const p = await prepareRecord(ctx, me, input);
  const stats = statsUpdate(me.id, {
    total: 1, byRelationship: { [input.relationship]: 1 }, byVerdict: { [p.verdict]: 1 },
    daysToRecord: { [daysBucket(p.row.postedAt, p.row.recordedAt)]: 1 }, lastRecordedAt: p.row.recordedAt,
  }, ctx.now.toISOString());
  const idem = idempotencyKey
    ? [ctx.db.insert(idempotencyKeys).values({ scope, key: idempotencyKey, requestHash, status: 201, response: p.row.id })]
    : [];
  try {
    await runBatch(ctx.env.DB, [...p.stmts, stats, ...idem]);
  } catch (e) {
    // A concurrent retry with the same key won the race: answer with its record.
    if (idempotencyKey && /UNIQUE|PRIMARY KEY/i.test(String(e))) {
      const prior = await ctx.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, idempotencyKey))).get();
      if (prior) return replay(ctx, prior, requestHash);
    }
    throw e;
  }
  kickSequencer(ctx, me.id);
  return { record: disclosureView((await loadOwn(ctx, p.row.id))!), replayed: false };
}

async function replay(ctx: ServiceCtx, prior: typeof idempotencyKeys.$inferSelect, requestHash: string) {
  if (prior.requestHash !== requestHash) {
    throw new AppError("unprocessable", "This Idempotency-Key was already used with a different body; use a new key for a new record.");
  }
  const row = await loadOwn(ctx, prior.response);
  if (!row) throw new AppError("internal", "The record of this Idempotency-Key is missing.");
  return { record: disclosureView(row), replayed: true };
}

/** Corrects a record: a new record supersedes the old one, which stays public. */
export async function amendDisclosure(ctx: ServiceCtx, id: string, patch: Partial<DisclosureInput> & { note: string }) {
  const me = await requireMyCreator(ctx);
  const old = await loadOwn(ctx, id);
  // Another creator's record answers 404, so existence does not leak.
  if (!old || old.creatorId !== me.id) throw notFound("That disclosure");
  if (old.supersededBy) throw new AppError("conflict", `This record was already corrected by ${old.supersededBy}; amend the newest one.`);
  const { note, ...fields } = patch;
  const merged: DisclosureInput = {
    brand_name: fields.brand_name ?? old.brandName, brand_domain: fields.brand_domain !== undefined ? fields.brand_domain : old.brandDomain,
    post_url: fields.post_url ?? old.postUrl, platform: (fields.platform ?? old.platform) as DisclosureInput["platform"],
    media: (fields.media ?? old.media) as DisclosureInput["media"], relationship: (fields.relationship ?? old.relationship) as DisclosureInput["relationship"],
    jurisdictions: (fields.jurisdictions ?? old.jurisdictions) as DisclosureInput["jurisdictions"], posted_at: fields.posted_at ?? old.postedAt,
    caption: fields.caption ?? old.caption, overlay: fields.overlay !== undefined ? fields.overlay : old.overlay,
    platform_tool: fields.platform_tool ?? old.platformTool, retouched: fields.retouched ?? old.retouched, ai_generated: fields.ai_generated ?? old.aiGenerated,
  };
  const p = await prepareRecord(ctx, me, merged, { supersedes: old.id, note });
  const rel = merged.relationship;
  const stats = statsUpdate(me.id, {
    amended: 1,
    byRelationship: rel === old.relationship ? {} : { [old.relationship]: -1, [rel]: 1 },
    byVerdict: p.verdict === old.verdict ? {} : { [old.verdict]: -1, [p.verdict]: 1 },
  }, ctx.now.toISOString());
  try {
    await runBatch(ctx.env.DB, [
      ...p.stmts,
      ctx.db.update(disclosures).set({ supersededBy: p.row.id }).where(eq(disclosures.id, old.id)),
      stats,
    ]);
  } catch (e) {
    if (/UNIQUE/i.test(String(e))) throw new AppError("conflict", "This record was corrected at the same moment; amend the newest one.");
    throw e;
  }
  kickSequencer(ctx, me.id);
  return disclosureView((await loadOwn(ctx, p.row.id))!);
}

/** A creator's timeline, newest first, every record including corrected ones. */
export async function listDisclosures(ctx: Pick<ServiceCtx, "db">, handle: string, opts: { cursor?: string; limit: number }) {
  const creator = await creatorByHandle(ctx, handle);
  return listForCreator(ctx, creator.id, opts);
}

export async function listForCreator(ctx: Pick<ServiceCtx, "db">, creatorId: string, opts: { cursor?: string; limit: number }) {
  const after = opts.cursor ? decodeCursor(opts.cursor, ["string", "string"]) : null;
  const rows = await ctx.db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.creatorId, creatorId), after ? sql`(${disclosures.recordedAt}, ${disclosures.id}) < (${after[0]}, ${after[1]})` : undefined))
    .orderBy(desc(disclosures.recordedAt), desc(disclosures.id))
    .limit(opts.limit + 1)
    .all();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { items: page.map(disclosureView), next_cursor: rows.length > opts.limit && last ? encodeCursor([last.recordedAt, last.id]) : null };
}

export { prepareRecord };
