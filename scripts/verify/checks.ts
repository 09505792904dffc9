/** Pure checks on what the server sent: entries, proofs, and the creator's index list. */
import { bytesEqual, canonicalize, fromBase64, leafHash } from "../../worker/domain/log/index.ts";

export type Entry = { index: number; kind: string; subject: string; body: string; leaf_hash: string };

/** Reads `{handle, indexes}`; returns the distinct indexes in ascending order. */
export function parseCreatorLog(data: unknown): number[] {
  const indexes = (data as { indexes?: unknown } | null)?.indexes;
  if (!Array.isArray(indexes) || !indexes.every((i) => Number.isSafeInteger(i) && (i as number) >= 0)) {
    throw new Error("creator log response has no valid `indexes` array");
  }
  return [...new Set(indexes as number[])].sort((a, b) => a - b);
}

/** Groups sorted indexes into contiguous [start, end) runs of at most `max` entries. */
export function contiguousBatches(sorted: readonly number[], max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i && last[1] - last[0] < max) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/** Reads `{entries: [...]}` into a map by index, ignoring malformed items (reported as missing). */
export function parseEntries(data: unknown): Map<number, Entry> {
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new Error("entries response has no `entries` array");
  const out = new Map<number, Entry>();
  for (const e of entries as Array<Partial<Entry>>) {
    if (
      e !== null &&
      typeof e === "object" &&
      Number.isSafeInteger(e.index) &&
      typeof e.body === "string" &&
      typeof e.leaf_hash === "string"
    ) {
      out.set(e.index!, { index: e.index!, kind: String(e.kind ?? ""), subject: String(e.subject ?? ""), body: e.body, leaf_hash: e.leaf_hash });
    }
  }
  return out;
}

/**
 * Checks that an entry's body is canonical JSON, that its leaf hash is SHA-256(0x00 || body),
 * and that the kind shown beside it is the one inside it. Returns the recomputed leaf hash.
 */
export async function checkEntry(entry: Entry): Promise<Uint8Array> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.body);
  } catch {
    throw new Error("body is not JSON");
  }
  if (canonicalize(parsed) !== entry.body) throw new Error("body is not canonical JSON (RFC 8785)");
  const leaf = await leafHash(new TextEncoder().encode(entry.body));
  let claimed: Uint8Array;
  try {
    claimed = fromBase64(entry.leaf_hash);
  } catch {
    throw new Error("leaf_hash is not base64");
  }
  if (!bytesEqual(leaf, claimed)) throw new Error("leaf_hash does not match the body");
  const inner = (parsed as { kind?: unknown } | null)?.kind;
  if (typeof inner === "string" && inner !== entry.kind) throw new Error(`kind "${entry.kind}" differs from the body's "${inner}"`);
  return leaf;
}

/** Reads a proof response, checking it answers the question asked. */
export function parseProof(data: unknown, expect: Record<string, number>): Uint8Array[] {
  const obj = (data ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(expect)) {
    if (obj[k] !== v) throw new Error(`proof is for ${k}=${String(obj[k])}, asked ${v}`);
  }
  if (!Array.isArray(obj.hashes) || !obj.hashes.every((h) => typeof h === "string")) throw new Error("proof has no `hashes` array");
  return (obj.hashes as string[]).map((h) => {
    const bytes = fromBase64(h);
    if (bytes.length !== 32) throw new Error("proof hash is not 32 bytes");
    return bytes;
  });
}
