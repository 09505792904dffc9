/**
 * The RFC 6962 / RFC 9162 Merkle tree over log entries: hashing, proofs planned as leaf
 * ranges (so storage reads only the hashes a proof needs), proof verification, and the
 * incremental integrator the sequencer runs.
 *
 * Vocabulary: MTH(D[a:b]) is the RFC 9162 tree hash of leaves a..b-1. A node (level, index)
 * is the complete subtree covering leaves [index * 2^level, (index + 1) * 2^level).
 */
import { bytesEqual, concatBytes } from "./base64.ts";

/** A complete subtree: covers leaves [index * 2^level, (index + 1) * 2^level). */
export type NodeRef = { level: number; index: number };
/** A complete subtree with its hash. */
export type TreeNode = NodeRef & { hash: Uint8Array };
/** A half-open leaf range [start, end). */
export type LeafRange = [start: number, end: number];

/** SHA-256 of the empty string: the root of the empty tree. */
export const EMPTY_ROOT: Uint8Array = Uint8Array.from([
  0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
  0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
]);

const HASH_SIZE = 32;

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

/** RFC 6962 leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entryBytes: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(Uint8Array.of(0), entryBytes));
}

/** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(Uint8Array.of(1), left, right));
}

// Plain arithmetic rather than bitwise operators: JS bitwise ops truncate to 32 bits, and
// every size here stays exact up to 2^53.

function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer`);
}

/** The largest power of two strictly below n (n >= 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && splitPoint(n + 1) === n;
}

/** MTH(D[n]) over leaf hashes, straight from the RFC 9162 section 2.1.1 definition. */
export async function rootFromLeafHashes(hashes: readonly Uint8Array[]): Promise<Uint8Array> {
  if (hashes.length === 0) return EMPTY_ROOT.slice();
  if (hashes.length === 1) return hashes[0]!;
  const k = splitPoint(hashes.length);
  const [left, right] = await Promise.all([
    rootFromLeafHashes(hashes.slice(0, k)),
    rootFromLeafHashes(hashes.slice(k)),
  ]);
  return nodeHash(left, right);
}

/**
 * RFC 9162 section 2.1.3.1 PATH(index, D[size]) as leaf ranges: element i of the proof is
 * MTH(D[start:end]) of range i. Each range is either one complete subtree or a range ending
 * at `size` (the tree's right edge).
 */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertSize(index, "index");
  assertSize(size, "size");
  if (index >= size) throw new RangeError(`index ${index} is outside a tree of size ${size}`);
  const out: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      out.push([start + k, end]);
      end = start + k;
    } else {
      out.push([start, start + k]);
      start += k;
    }
  }
  return out.reverse(); // the recursion emits the leaf's sibling last; the proof lists it first
}

/**
 * RFC 9162 section 2.1.4.1 PROOF(from, D[to]) as leaf ranges (SUBPROOF elements in proof
 * order). Empty when from is 0 or from equals to.
 */
export function consistencyProofRanges(from: number, to: number): LeafRange[] {
  assertSize(from, "from");
  assertSize(to, "to");
  if (from > to) throw new RangeError(`from ${from} is beyond to ${to}`);
  if (from === 0 || from === to) return [];
  const out: LeafRange[] = [];
  let start = 0;
  let end = to;
  let m = from; // the old size relative to `start`
  let complete = true; // SUBPROOF's b: is the old tree's root this very subtree?
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      out.push([start + k, end]);
      end = start + k;
    } else {
      out.push([start, start + k]);
      start += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) out.push([start, end]);
  return out.reverse();
}

/** Decomposes [start, end) into aligned complete subtrees, left to right. */
export function completeSubtrees(start: number, end: number): NodeRef[] {
  assertSize(start, "start");
  assertSize(end, "end");
  if (start > end) throw new RangeError(`range [${start}, ${end}) is reversed`);
  const out: NodeRef[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    let level = 0;
    // Grow while the block stays aligned at `at` and fits before `end`.
    while (at % (size * 2) === 0 && at + size * 2 <= end) {
      size *= 2;
      level++;
    }
    out.push({ level, index: at / size });
    at += size;
  }
  return out;
}

/**
 * The single complete subtree that is exactly [start, end), or null when the range is not one
 * (for proofs, such a range ends at the tree's right edge).
 */
export function rangeAsNode(start: number, end: number): NodeRef | null {
  const parts = completeSubtrees(start, end);
  return parts.length === 1 ? parts[0]! : null;
}

/**
 * True when MTH(D[start:end]) is a node of some RFC 9162 tree, which is when `start` is a
 * multiple of the smallest power of two >= end - start. Every range a proof plan returns is.
 */
export function isTreeRange(start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0) return false;
  const span = n === 1 ? 1 : splitPoint(n) * 2; // smallest power of two >= n
  return start % span === 0;
}

/**
 * MTH of a range from the hashes of its completeSubtrees(start, end), folded right to left.
 * Correct only for tree-shaped ranges (isTreeRange): there the complete subtrees come in
 * strictly decreasing sizes, so the first is MTH's left half at every step of the split. That
 * holds for every range in a proof plan; for an arbitrary range such as [1, 4) it does not.
 */
export async function hashOfRange(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  if (parts.length === 0) throw new RangeError("hashOfRange: empty range");
  let acc = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) acc = await nodeHash(parts[i]!, acc);
  return acc;
}

function isHash(h: unknown): h is Uint8Array {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

/** RFC 9162 section 2.1.3.2: does `proof` place `leaf` at `index` in the tree `root` of `size`? */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** RFC 9162 section 2.1.4.2: is the tree `newRoot` of size `to` an append-only extension of `oldRoot`? */
export async function verifyConsistency(
  from: number,
  to: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (from === to) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (from === 0) return proof.length === 0 && bytesEqual(oldRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [oldRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
}

/** Result of integrating a batch of leaves. */
export type Integration = {
  /** Every node completed by this batch, leaves (level 0) included, in completion order. */
  nodes: TreeNode[];
  /** completeSubtrees(0, size) with hashes: the only state the next batch needs. */
  frontier: TreeNode[];
  size: number;
  /** MTH of all `size` leaves. */
  root: Uint8Array;
};

/**
 * Appends leaf hashes to a tree known by its frontier (the complete subtrees of [0, size),
 * left to right) and returns the nodes to persist, the new frontier, size and root.
 */
export async function integrate(
  frontier: readonly TreeNode[],
  size: number,
  newLeafHashes: readonly Uint8Array[],
): Promise<Integration> {
  assertSize(size, "size");
  const expected = completeSubtrees(0, size);
  if (
    expected.length !== frontier.length ||
    expected.some((e, i) => e.level !== frontier[i]!.level || e.index !== frontier[i]!.index)
  ) {
    throw new Error(`integrate: frontier does not match a tree of size ${size}`);
  }
  if (!frontier.every((n) => isHash(n.hash)) || !newLeafHashes.every(isHash)) {
    throw new Error("integrate: hashes must be 32 bytes");
  }
  const stack: TreeNode[] = frontier.map((n) => ({ ...n }));
  const nodes: TreeNode[] = [];
  let n = size;
  for (const hash of newLeafHashes) {
    let node: TreeNode = { level: 0, index: n, hash };
    nodes.push(node);
    // Merge while the top of the stack is the left sibling of the node just completed.
    while (stack.length > 0 && stack[stack.length - 1]!.level === node.level) {
      const left = stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: await nodeHash(left.hash, node.hash) };
      nodes.push(node);
    }
    stack.push(node);
    n++;
  }
  const root = stack.length === 0 ? EMPTY_ROOT.slice() : await hashOfRange(stack.map((s) => s.hash));
  return { nodes, frontier: stack, size: n, root };
}

/**
 * The hashes of the right-edge ranges of a tree, from its frontier: for each frontier position
 * j >= 1 with at least two subtrees after it, MTH(D[start_j:size]). Together with the complete
 * nodes these are every hash a proof ending at `size` can ask for; a checkpoint can store them
 * so that each proof element is a single read.
 */
export async function rightEdgeHashes(frontier: readonly TreeNode[]): Promise<Array<{ start: number; end: number; hash: Uint8Array }>> {
  const out: Array<{ start: number; end: number; hash: Uint8Array }> = [];
  if (frontier.length < 3) return out;
  const last = frontier[frontier.length - 1]!;
  const end = (last.index + 1) * 2 ** last.level;
  let acc = last.hash;
  for (let j = frontier.length - 2; j >= 1; j--) {
    const node = frontier[j]!;
    acc = await nodeHash(node.hash, acc);
    out.push({ start: node.index * 2 ** node.level, end, hash: acc });
  }
  return out.reverse();
}
