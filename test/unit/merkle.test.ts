import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EMPTY_ROOT,
  completeSubtrees,
  consistencyProofRanges,
  fromHex,
  hashOfRange,
  inclusionProofRanges,
  integrate,
  isTreeRange,
  leafHash,
  nodeHash,
  rangeAsNode,
  rightEdgeHashes,
  rootFromLeafHashes,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type LeafRange,
  type TreeNode,
} from "../../worker/domain/log/index.ts";

// RFC 6962 reference data as published with the Certificate Transparency and
// transparency-dev/merkle test suites: eight leaves and the root after each append.
const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(fromHex);
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
// Leaf indexes are 0-based here (the Go vectors count from 1).
const CT_INCLUSION: Array<{ index: number; size: number; proof: string[] }> = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  { index: 2, size: 3, proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
  {
    index: 1,
    size: 5,
    proof: [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];
const CT_CONSISTENCY: Array<{ from: number; to: number; proof: string[] }> = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    from: 2,
    to: 5,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
  {
    from: 6,
    to: 7,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];

/** A naive reference tree: MTH of any range straight from the definition, memoized. */
function referenceTree(leaves: Uint8Array[]) {
  const memo = new Map<string, Promise<Uint8Array>>();
  const mth = (start: number, end: number): Promise<Uint8Array> => {
    const key = `${start}:${end}`;
    let h = memo.get(key);
    if (!h) {
      h = rootFromLeafHashes(leaves.slice(start, end));
      memo.set(key, h);
    }
    return h;
  };
  const hashes = (ranges: LeafRange[]) => Promise.all(ranges.map(([s, e]) => mth(s, e)));
  return { mth, hashes };
}

const flip = (h: Uint8Array, bit = 0): Uint8Array => {
  const c = h.slice();
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
};

async function syntheticLeaves(n: number): Promise<Uint8Array[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`))));
}

const MAX = 70;
const SLOW = { timeout: 120_000 };

describe("RFC 6962 hashing", () => {
  it("hashes leaves and nodes with the 0x00 / 0x01 prefixes", async () => {
    expect(toHex(await leafHash(new Uint8Array()))).toBe(CT_ROOTS[1]);
    const [a, b] = await Promise.all(CT_LEAVES.slice(0, 2).map(leafHash));
    expect(toHex(await nodeHash(a!, b!))).toBe(CT_ROOTS[2]);
  });

  it("matches the published roots for every size 0..8", async () => {
    expect(toHex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
    const leaves = await Promise.all(CT_LEAVES.map(leafHash));
    for (let n = 0; n <= 8; n++) expect(toHex(await rootFromLeafHashes(leaves.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n]);
  });
});

describe("proof ranges against the published vectors", () => {
  it("plans the published inclusion proofs, and they verify", async () => {
    const leaves = await Promise.all(CT_LEAVES.map(leafHash));
    const ref = referenceTree(leaves);
    for (const v of CT_INCLUSION) {
      const proof = await ref.hashes(inclusionProofRanges(v.index, v.size));
      expect(proof.map(toHex), `inclusion ${v.index}/${v.size}`).toEqual(v.proof);
      const root = fromHex(CT_ROOTS[v.size]!);
      expect(await verifyInclusion(leaves[v.index]!, v.index, v.size, v.proof.map(fromHex), root)).toBe(true);
    }
  });

  it("plans the published consistency proofs, and they verify", async () => {
    const leaves = await Promise.all(CT_LEAVES.map(leafHash));
    const ref = referenceTree(leaves);
    for (const v of CT_CONSISTENCY) {
      const proof = await ref.hashes(consistencyProofRanges(v.from, v.to));
      expect(proof.map(toHex), `consistency ${v.from}->${v.to}`).toEqual(v.proof);
      const ok = await verifyConsistency(v.from, v.to, v.proof.map(fromHex), fromHex(CT_ROOTS[v.from]!), fromHex(CT_ROOTS[v.to]!));
      expect(ok).toBe(true);
    }
  });
});

describe(`inclusion proofs for every index of every size up to ${MAX}`, () => {
  it("verify, and every tampering is rejected", SLOW, async () => {
    const leaves = await syntheticLeaves(MAX);
    const ref = referenceTree(leaves);
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const root = await ref.mth(0, n);
      // Checks run concurrently per size: WebCrypto digests are asynchronous.
      const checks: Array<Promise<[string, boolean, boolean]>> = [];
      const check = (why: string, want: boolean, ...args: Parameters<typeof verifyInclusion>) =>
        checks.push(verifyInclusion(...args).then((got) => [why, got, want]));
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i]!;
        const proof = await ref.hashes(inclusionProofRanges(i, n));
        check(`${i}/${n}`, true, leaf, i, n, proof, root);
        check(`leaf ${i}/${n}`, false, flip(leaf), i, n, proof, root);
        check(`root ${i}/${n}`, false, leaf, i, n, proof, flip(root, 255));
        check(`size * 2 ${i}/${n}`, false, leaf, i, n * 2, proof, root);
        check(`trailing root ${i}/${n}`, false, leaf, i, n, [...proof, root], root);
        check(`preceding root ${i}/${n}`, false, leaf, i, n, [root, ...proof], root);
        if (n > 1) {
          check(`index ${i}/${n}`, false, leaf, (i + 1) % n, n, proof, root);
          check(`truncated ${i}/${n}`, false, leaf, i, n, proof.slice(0, -1), root);
        }
        // One flipped element per proof, rotating through positions across indexes.
        if (proof.length > 0) {
          const k = i % proof.length;
          check(`proof[${k}] ${i}/${n}`, false, leaf, i, n, proof.map((h, j) => (j === k ? flip(h, 3) : h)), root);
        }
        checked++;
      }
      for (const [why, got, want] of await Promise.all(checks)) expect(got, why).toBe(want);
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it("rejects out-of-range indexes and short hashes", async () => {
    const leaves = await syntheticLeaves(8);
    const root = await rootFromLeafHashes(leaves);
    const proof = await referenceTree(leaves).hashes(inclusionProofRanges(5, 8));
    expect(await verifyInclusion(leaves[5]!, 8, 8, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[5]!, -1, 8, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[5]!, 0, 0, [], EMPTY_ROOT)).toBe(false);
    expect(await verifyInclusion(leaves[5]!.slice(1), 5, 8, proof, root)).toBe(false);
    expect(await verifyInclusion(leaves[5]!, 5, 8, [proof[0]!.slice(1), ...proof.slice(1)], root)).toBe(false);
    expect(() => inclusionProofRanges(8, 8)).toThrow(RangeError);
  });
});

describe(`consistency proofs for every pair of sizes up to ${MAX}`, () => {
  it("verify, and every tampering is rejected", SLOW, async () => {
    const leaves = await syntheticLeaves(MAX);
    const ref = referenceTree(leaves);
    const roots = await Promise.all(Array.from({ length: MAX + 1 }, (_, n) => ref.mth(0, n)));
    let checked = 0;
    for (let to = 0; to <= MAX; to++) {
      const checks: Array<Promise<[string, boolean, boolean]>> = [];
      const check = (why: string, want: boolean, ...args: Parameters<typeof verifyConsistency>) =>
        checks.push(verifyConsistency(...args).then((got) => [why, got, want]));
      for (let from = 0; from <= to; from++) {
        const r1 = roots[from]!;
        const r2 = roots[to]!;
        const proof = await ref.hashes(consistencyProofRanges(from, to));
        const at = `${from}->${to}`;
        check(at, true, from, to, proof, r1, r2);
        checked++;
        if (from === 0 || from === to) {
          expect(proof).toEqual([]);
          continue;
        }
        check(`swapped roots ${at}`, false, from, to, proof, r2, r1);
        check(`old root ${at}`, false, from, to, proof, flip(r1), r2);
        check(`new root ${at}`, false, from, to, proof, r1, flip(r2));
        check(`empty proof ${at}`, false, from, to, [], r1, r2);
        check(`truncated ${at}`, false, from, to, proof.slice(0, -1), r1, r2);
        check(`trailing root ${at}`, false, from, to, [...proof, r2], r1, r2);
        check(`preceding proof[0] ${at}`, false, from, to, [proof[0]!, ...proof], r1, r2);
        check(`from - 1 ${at}`, false, from - 1, to, proof, r1, r2);
        check(`from + 1 ${at}`, false, from + 1, to, proof, r1, r2);
        check(`to * 2 ${at}`, false, from, to * 2, proof, r1, r2);
        const k = from % proof.length;
        check(`proof[${k}] ${at}`, false, from, to, proof.map((h, j) => (j === k ? flip(h, 4) : h)), r1, r2);
      }
      for (const [why, got, want] of await Promise.all(checks)) expect(got, why).toBe(want);
    }
    expect(checked).toBe(((MAX + 1) * (MAX + 2)) / 2);
  });

  it("handles the degenerate cases as RFC 9162 and transparency-dev do", async () => {
    const leaves = await syntheticLeaves(5);
    const r4 = await rootFromLeafHashes(leaves.slice(0, 4));
    const r5 = await rootFromLeafHashes(leaves);
    expect(await verifyConsistency(4, 4, [], r4, r4)).toBe(true);
    expect(await verifyConsistency(4, 4, [], r4, r5)).toBe(false); // same size, different root: a fork
    expect(await verifyConsistency(4, 4, [EMPTY_ROOT], r4, r4)).toBe(false);
    expect(await verifyConsistency(0, 5, [], EMPTY_ROOT, r5)).toBe(true);
    expect(await verifyConsistency(0, 5, [], r4, r5)).toBe(false);
    expect(await verifyConsistency(0, 5, [EMPTY_ROOT], EMPTY_ROOT, r5)).toBe(false);
    expect(await verifyConsistency(5, 4, [], r5, r4)).toBe(false); // rollback
    expect(() => consistencyProofRanges(5, 4)).toThrow(RangeError);
  });
});

describe("proof ranges map onto stored hashes", () => {
  it("every range is one complete subtree or ends at the tree size, and folds to its MTH", async () => {
    const leaves = await syntheticLeaves(MAX);
    const ref = referenceTree(leaves);
    const seen = new Set<string>();
    for (let n = 1; n <= MAX; n++) {
      const plans = [
        ...Array.from({ length: n }, (_, i) => inclusionProofRanges(i, n)),
        ...Array.from({ length: n + 1 }, (_, m) => consistencyProofRanges(m, n)),
      ];
      for (const [s, e] of plans.flat()) {
        expect(rangeAsNode(s, e) !== null || e === n, `[${s},${e}) in size ${n}`).toBe(true);
        expect(isTreeRange(s, e)).toBe(true);
        if (seen.has(`${s}:${e}`)) continue;
        seen.add(`${s}:${e}`);
        const parts = await Promise.all(
          completeSubtrees(s, e).map(({ level, index }) => ref.mth(index * 2 ** level, (index + 1) * 2 ** level)),
        );
        expect(toHex(await hashOfRange(parts)), `fold of [${s},${e})`).toBe(toHex(await ref.mth(s, e)));
      }
    }
  });

  it("the right-to-left fold is only MTH for tree-shaped ranges", async () => {
    // [1, 4) decomposes as [1,2) + [2,4), but MTH(D[1:4]) splits as [1,3) + [3,4).
    const leaves = await syntheticLeaves(4);
    const ref = referenceTree(leaves);
    expect(isTreeRange(1, 4)).toBe(false);
    expect(completeSubtrees(1, 4)).toEqual([
      { level: 0, index: 1 },
      { level: 1, index: 1 },
    ]);
    const folded = await hashOfRange([leaves[1]!, await ref.mth(2, 4)]);
    expect(toHex(folded)).not.toBe(toHex(await ref.mth(1, 4)));
  });

  it("decomposes ranges into aligned complete subtrees, left to right", () => {
    expect(completeSubtrees(0, 0)).toEqual([]);
    expect(completeSubtrees(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(completeSubtrees(3, 17)).toEqual([
      { level: 0, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 1 },
      { level: 0, index: 16 },
    ]);
    for (let s = 0; s < 40; s++) {
      for (let e = s; e < 40; e++) {
        let at = s;
        for (const { level, index } of completeSubtrees(s, e)) {
          expect(index * 2 ** level).toBe(at);
          at += 2 ** level;
        }
        expect(at).toBe(e);
      }
    }
    expect(completeSubtrees(2 ** 40, 2 ** 41 + 1)).toEqual([
      { level: 40, index: 1 },
      { level: 0, index: 2 ** 41 },
    ]);
  });

  it("with the right-edge hashes of a checkpoint, each proof element is one stored read", async () => {
    const leaves = await syntheticLeaves(MAX);
    const ref = referenceTree(leaves);
    for (let n = 1; n <= MAX; n++) {
      const frontier: TreeNode[] = await Promise.all(
        completeSubtrees(0, n).map(async (node) => ({
          ...node,
          hash: await ref.mth(node.index * 2 ** node.level, (node.index + 1) * 2 ** node.level),
        })),
      );
      const edges = new Map((await rightEdgeHashes(frontier)).map((e) => [`${e.start}:${e.end}`, toHex(e.hash)]));
      expect(edges.size).toBe(Math.max(0, frontier.length - 2));
      const ranges = [
        ...Array.from({ length: n }, (_, i) => inclusionProofRanges(i, n)),
        ...Array.from({ length: n }, (_, m) => consistencyProofRanges(m, n)),
      ].flat();
      for (const [s, e] of ranges) {
        if (rangeAsNode(s, e)) continue;
        expect(edges.get(`${s}:${e}`), `edge [${s},${e}) of ${n}`).toBe(toHex(await ref.mth(s, e)));
      }
      for (let i = 0; i < n; i++) expect(inclusionProofRanges(i, n).length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
    }
  });
});

describe("integrate", () => {
  it("builds the tree from an empty frontier", async () => {
    const leaves = await Promise.all(CT_LEAVES.map(leafHash));
    const empty = await integrate([], 0, []);
    expect(empty).toMatchObject({ nodes: [], frontier: [], size: 0 });
    expect(toHex(empty.root)).toBe(CT_ROOTS[0]);
    const all = await integrate([], 0, leaves);
    expect(toHex(all.root)).toBe(CT_ROOTS[8]);
    expect(all.nodes).toHaveLength(15);
    expect(all.frontier.map(({ level, index }) => ({ level, index }))).toEqual([{ level: 3, index: 0 }]);
  });

  it("in random batches, matches the reference root and stores every node a range needs", async () => {
    const leaves = await syntheticLeaves(MAX);
    const ref = referenceTree(leaves);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }), async (batches) => {
        const stored = new Map<string, Uint8Array>();
        let state = { frontier: [] as TreeNode[], size: 0 };
        for (const b of batches) {
          const batch = leaves.slice(state.size, Math.min(MAX, state.size + b));
          const out = await integrate(state.frontier, state.size, batch);
          for (const node of out.nodes) {
            const key = `${node.level}:${node.index}`;
            expect(stored.has(key), `node ${key} completed twice`).toBe(false);
            stored.set(key, node.hash);
          }
          expect(out.size).toBe(state.size + batch.length);
          expect(toHex(out.root)).toBe(toHex(await ref.mth(0, out.size)));
          expect(out.frontier.map(({ level, index }) => ({ level, index }))).toEqual(completeSubtrees(0, out.size));
          state = out;
        }
        const n = state.size;
        // Exactly the complete subtrees of [0, n), and enough to answer any proof.
        let expected = 0;
        for (let w = 1; w <= n; w *= 2) expected += Math.floor(n / w);
        expect(stored.size).toBe(expected);
        for (let m = 1; m <= n; m++) {
          const ranges = [...inclusionProofRanges(m - 1, m), ...consistencyProofRanges(m - 1, m)];
          for (const [s, e] of ranges) {
            const parts = completeSubtrees(s, e).map(({ level, index }) => stored.get(`${level}:${index}`));
            expect(parts.every(Boolean), `nodes for [${s},${e})`).toBe(true);
            expect(toHex(await hashOfRange(parts as Uint8Array[]))).toBe(toHex(await ref.mth(s, e)));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("refuses a frontier that does not match the size", async () => {
    const leaves = await syntheticLeaves(3);
    const { frontier } = await integrate([], 0, leaves);
    await expect(integrate(frontier, 2, [])).rejects.toThrow(/frontier/);
    await expect(integrate(frontier.slice(1), 3, [])).rejects.toThrow(/frontier/);
    await expect(integrate(frontier, 3, [new Uint8Array(31)])).rejects.toThrow(/32 bytes/);
  });
});
