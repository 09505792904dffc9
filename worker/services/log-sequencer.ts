import { DurableObject } from "cloudflare:workers";
import { formatCheckpoint, signNote } from "../domain/log/checkpoint";
import { fromBase64, toBase64, bytesEqual } from "../domain/log/base64";
import { integrate, leafHash, rightEdgeHashes } from "../domain/log/merkle";
import { logKey } from "./log-keys";
import { readFrontier } from "./log-store";

const BATCH = 1000;

/**
 * The one writer of the Merkle tree: a Durable Object, so integration is single-threaded by
 * construction. Each run folds new log entries into the tree, stores the completed nodes and
 * the right-edge hashes, and signs a checkpoint, all in one D1 batch per chunk.
 */
export class LogSequencer extends DurableObject<Env> {
  private running: Promise<number> | null = null;

  /** Integrates every pending entry; concurrent calls share the run in progress. */
  async integrate(): Promise<number> {
    if (this.running) {
      await this.running;
    }
    this.running = this.ctx.blockConcurrencyWhile(() => this.runAll()).finally(() => (this.running = null));
    return this.running;
  }

  private async runAll(): Promise<number> {
    let size = await this.step();
    for (let last = -1; size !== last; ) {
      last = size;
      size = await this.step();
    }
    return size;
  }

  /** One chunk: returns the tree size after it. */
  private async step(): Promise<number> {
    const db = this.env.DB;
    const latest = await db.prepare("SELECT size, root_hash FROM checkpoints ORDER BY size DESC LIMIT 1").first<{ size: number; root_hash: string }>();
    const size = latest?.size ?? 0;
    const { results: leaves } = await db
      .prepare("SELECT idx, body, leaf_hash FROM log_entries WHERE idx >= ? ORDER BY idx LIMIT ?")
      .bind(size, BATCH)
      .all<{ idx: number; body: string; leaf_hash: string }>();
    if (latest && leaves.length === 0) return size;
    const hashes: Uint8Array[] = [];
    for (const [i, leaf] of leaves.entries()) {
      if (leaf.idx !== size + i) throw new Error(`log gap: expected entry ${size + i}, found ${leaf.idx}`);
      // The writer's leaf hash must be the hash of the stored body: never sign what we cannot recompute.
      const h = await leafHash(new TextEncoder().encode(leaf.body));
      if (!bytesEqual(h, fromBase64(leaf.leaf_hash))) throw new Error(`log entry ${leaf.idx}: leaf hash does not match its body`);
      hashes.push(h);
    }
    const frontier = await readFrontier(db, size);
    const result = await integrate(frontier, size, hashes);
    const key = await logKey(this.env);
    const note = await signNote(formatCheckpoint({ origin: key.origin, size: result.size, root: result.root }), key.origin, key.privateKey, key.publicKeyRaw);
    const edges = await rightEdgeHashes(result.frontier);
    const stmts: D1PreparedStatement[] = [];
    for (let i = 0; i < result.nodes.length; i += 33) {
      const chunk = result.nodes.slice(i, i + 33);
      stmts.push(db.prepare(`INSERT OR IGNORE INTO log_nodes (level, idx, hash) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`).bind(...chunk.flatMap((n) => [n.level, n.index, n.hash])));
    }
    for (let i = 0; i < edges.length; i += 33) {
      const chunk = edges.slice(i, i + 33);
      stmts.push(db.prepare(`INSERT OR IGNORE INTO log_edges (size, start, hash) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`).bind(...chunk.flatMap((e) => [result.size, e.start, e.hash])));
    }
    // INSERT (not OR IGNORE): a second checkpoint for the same size would be a fork; fail loudly.
    stmts.push(db.prepare("INSERT INTO checkpoints (size, root_hash, note) VALUES (?, ?, ?)").bind(result.size, toBase64(result.root), note));
    await db.batch(stmts);
    return result.size;
  }
}
