import { completeSubtrees, type TreeNode } from "../domain/log/merkle";

/** D1 returns blobs as ArrayBuffer or number[] depending on the path; normalise. */
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  throw new Error("unexpected blob value");
}

export interface ReadCounter {
  hashes: number;
}

/** Reads complete-subtree nodes by (level, idx) in one query; counts stored hashes read. */
export async function readNodes(d1: D1Database, refs: Array<{ level: number; index: number }>, counter?: ReadCounter): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  // 2 parameters per node; proofs need at most ~2·log2(n) nodes, well under 100.
  for (let i = 0; i < refs.length; i += 45) {
    const chunk = refs.slice(i, i + 45);
    if (!chunk.length) continue;
    const where = chunk.map(() => "(level = ? AND idx = ?)").join(" OR ");
    const { results } = await d1.prepare(`SELECT level, idx, hash FROM log_nodes WHERE ${where}`).bind(...chunk.flatMap((r) => [r.level, r.index])).all<{ level: number; idx: number; hash: unknown }>();
    for (const r of results) out.set(`${r.level}:${r.idx}`, toBytes(r.hash));
    if (counter) counter.hashes += results.length;
  }
  return out;
}

/** The frontier (complete subtrees of [0, size)) with hashes. */
export async function readFrontier(d1: D1Database, size: number): Promise<TreeNode[]> {
  const refs = completeSubtrees(0, size);
  const nodes = await readNodes(d1, refs);
  return refs.map((r) => {
    const hash = nodes.get(`${r.level}:${r.index}`);
    if (!hash) throw new Error(`log node ${r.level}:${r.index} is missing`);
    return { ...r, hash };
  });
}
