import { completeSubtrees, consistencyProofRanges, hashOfRange, inclusionProofRanges, rangeAsNode } from "../domain/log/merkle";
import { toBase64 } from "../domain/log/base64";
import { AppError, notFound } from "../errors";
import type { ServiceCtx } from "./context";
import { creatorByHandle } from "./creators";
import { logKey } from "./log-keys";
import { readNodes, toBytes, type ReadCounter } from "./log-store";

export const MAX_ENTRIES = 1000;

export async function latestCheckpoint(ctx: Pick<ServiceCtx, "env">) {
  const row = await ctx.env.DB.prepare("SELECT size, root_hash, note, created_at FROM checkpoints ORDER BY size DESC LIMIT 1").first<{ size: number; root_hash: string; note: string; created_at: string }>();
  if (!row) throw new AppError("not_found", "The log has no checkpoint yet; the sequencer signs one within seconds of the first entry.");
  return row;
}

export async function checkpointAt(ctx: Pick<ServiceCtx, "env">, size: number) {
  const row = await ctx.env.DB.prepare("SELECT size, root_hash, note, created_at FROM checkpoints WHERE size = ?").bind(size).first<{ size: number; root_hash: string; note: string; created_at: string }>();
  if (!row) throw notFound(`A checkpoint of size ${size}`);
  return row;
}

export async function publicKey(ctx: Pick<ServiceCtx, "env">) {
  const key = await logKey(ctx.env);
  return { origin: key.origin, verifier_key: key.verifier };
}

/** Entries [start, end) with the exact bodies that were hashed. */
export async function entries(ctx: Pick<ServiceCtx, "env">, start: number, end: number) {
  if (end <= start) throw new AppError("bad_request", "end must be greater than start.", { fields: [{ field: "end", message: "must be > start" }] });
  if (end - start > MAX_ENTRIES) throw new AppError("bad_request", `At most ${MAX_ENTRIES} entries per request.`, { fields: [{ field: "end", message: `end - start must be ≤ ${MAX_ENTRIES}` }] });
  const { results } = await ctx.env.DB.prepare("SELECT idx, kind, subject, body, leaf_hash FROM log_entries WHERE idx >= ? AND idx < ? ORDER BY idx")
    .bind(start, end)
    .all<{ idx: number; kind: string; subject: string; body: string; leaf_hash: string }>();
  return { entries: results.map((r) => ({ index: r.idx, kind: r.kind, subject: r.subject, body: r.body, leaf_hash: r.leaf_hash })) };
}

async function treeSizeOrThrow(ctx: Pick<ServiceCtx, "env">, size: number, field: string) {
  if (size < 1) throw new AppError("bad_request", `${field} must be at least 1.`, { fields: [{ field, message: "must be ≥ 1" }] });
  const latest = await latestCheckpoint(ctx);
  if (size > latest.size) throw new AppError("bad_request", `${field} ${size} is beyond the tree (latest checkpoint size ${latest.size}).`, { fields: [{ field, message: `must be ≤ ${latest.size}` }] });
}

/**
 * Resolves each proof range to a hash: a complete subtree is one stored node; a right-edge
 * range of a checkpoint is one stored edge hash; anything else is folded from complete nodes.
 */
async function resolveRanges(ctx: Pick<ServiceCtx, "env">, size: number, ranges: Array<[number, number]>, counter: ReadCounter) {
  const d1 = ctx.env.DB;
  const direct = ranges.map(([s, e]) => rangeAsNode(s, e));
  const edgeStarts = ranges.filter((_, i) => !direct[i]).map(([s]) => s);
  const edges = new Map<number, Uint8Array>();
  if (edgeStarts.length) {
    const { results } = await d1.prepare(`SELECT start, hash FROM log_edges WHERE size = ? AND start IN (${edgeStarts.map(() => "?").join(",")})`).bind(size, ...edgeStarts).all<{ start: number; hash: unknown }>();
    for (const r of results) edges.set(r.start, toBytes(r.hash));
    counter.hashes += results.length;
  }
  const needed = ranges.flatMap(([s, e], i) => (direct[i] ? [direct[i]!] : edges.has(s) ? [] : completeSubtrees(s, e)));
  const nodes = await readNodes(d1, needed, counter);
  const get = (r: { level: number; index: number }) => {
    const h = nodes.get(`${r.level}:${r.index}`);
    if (!h) throw new AppError("internal", `Log node ${r.level}:${r.index} is missing.`);
    return h;
  };
  return Promise.all(ranges.map(async ([s, e], i) => (direct[i] ? get(direct[i]!) : edges.get(s) ?? (await hashOfRange(completeSubtrees(s, e).map(get))))));
}

export async function inclusionProof(ctx: Pick<ServiceCtx, "env">, index: number, size: number) {
  await treeSizeOrThrow(ctx, size, "size");
  if (index >= size) throw new AppError("bad_request", `index ${index} is beyond a tree of size ${size}.`, { fields: [{ field: "index", message: "must be < size" }] });
  const counter = { hashes: 0 };
  const hashes = await resolveRanges(ctx, size, inclusionProofRanges(index, size), counter);
  return { index, size, hashes: hashes.map(toBase64), hashes_read: counter.hashes };
}

export async function consistencyProof(ctx: Pick<ServiceCtx, "env">, from: number, to: number) {
  if (from > to) throw new AppError("bad_request", "from must not be greater than to.", { fields: [{ field: "from", message: "must be ≤ to" }] });
  await treeSizeOrThrow(ctx, to, "to");
  if (from < 1) throw new AppError("bad_request", "from must be at least 1.", { fields: [{ field: "from", message: "must be ≥ 1" }] });
  const counter = { hashes: 0 };
  const hashes = await resolveRanges(ctx, to, consistencyProofRanges(from, to), counter);
  return { from, to, hashes: hashes.map(toBase64), hashes_read: counter.hashes };
}

/** The indexes of a creator's entries, oldest first (bounded pages for long histories). */
export async function creatorLog(ctx: Pick<ServiceCtx, "env" | "db">, handle: string, after = -1, limit = 1000) {
  const c = await creatorByHandle(ctx, handle);
  const { results } = await ctx.env.DB.prepare("SELECT idx FROM log_entries WHERE subject = ? AND idx > ? ORDER BY idx LIMIT ?").bind(c.id, after, limit + 1).all<{ idx: number }>();
  const page = results.slice(0, limit).map((r) => r.idx);
  const latest = await ctx.env.DB.prepare("SELECT size FROM checkpoints ORDER BY size DESC LIMIT 1").first<{ size: number }>();
  return { handle: c.handle, subject: c.id, indexes: page, checkpoint_size: latest?.size ?? 0, next_after: results.length > limit ? page[page.length - 1]! : null };
}

/** The newest entries, for the log explorer. */
export async function recentEntries(ctx: Pick<ServiceCtx, "env">, limit = 20) {
  const { results } = await ctx.env.DB.prepare("SELECT idx, kind, subject, body, leaf_hash, created_at FROM log_entries ORDER BY idx DESC LIMIT ?").bind(limit).all<{ idx: number; kind: string; subject: string; body: string; leaf_hash: string; created_at: string }>();
  return results;
}
