import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers";
import { makeCreator, makeSigner } from "./factories";
import { fromBase64 } from "../../worker/domain/log/base64";
import { leafHash, verifyConsistency, verifyInclusion } from "../../worker/domain/log/merkle";
import { parseCheckpoint, verifyNote } from "../../worker/domain/log/checkpoint";

const integrate = () => env.SEQUENCER.get(env.SEQUENCER.idFromName("log")).integrate();
const base = {
  brand_name: "Stride", post_url: "https://instagram.com/p/abc", platform: "instagram", media: "image",
  relationship: "paid", jurisdictions: ["US"], posted_at: "2026-11-01T10:00:00Z", caption: "#ad shoes",
};

async function checkpoint() {
  const key = (await api("/api/v1/log/key")).body.verifier_key as string;
  const note = (await api("/api/v1/log/checkpoint")).text;
  const { body } = await verifyNote(note, key);
  return parseCheckpoint(body);
}

describe("the transparency log", () => {
  it("signs a checkpoint whose inclusion proofs verify for every entry", async () => {
    const s = await makeSigner();
    for (let i = 0; i < 4; i++) await api("/api/v1/me/disclosures", { method: "POST", cookie: s.cookie, json: base });
    await integrate();
    const cp = await checkpoint();
    expect(cp.size).toBeGreaterThanOrEqual(5);
    const mine = await api(`/api/v1/creators/${s.handle}/log`);
    expect(mine.body.indexes).toHaveLength(5);
    for (const index of mine.body.indexes) {
      const e = (await api(`/api/v1/log/entries?start=${index}&end=${index + 1}`)).body.entries[0];
      const leaf = await leafHash(new TextEncoder().encode(e.body));
      expect(Buffer.from(leaf).toString("base64")).toBe(e.leaf_hash);
      const proof = await api(`/api/v1/log/proof/inclusion?index=${index}&size=${cp.size}`);
      expect(Number(proof.headers.get("x-hashes-read"))).toBeLessThanOrEqual(Math.ceil(Math.log2(cp.size)) + 2);
      expect(await verifyInclusion(leaf, index, cp.size, proof.body.hashes.map(fromBase64), cp.root)).toBe(true);
    }
  });

  it("keeps every checkpoint consistent with the previous one", async () => {
    const c = await makeSigner();
    await integrate();
    const a = await checkpoint();
    await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base });
    await api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: base });
    await integrate();
    const b = await checkpoint();
    const proof = await api(`/api/v1/log/proof/consistency?from=${a.size}&to=${b.size}`);
    expect(await verifyConsistency(a.size, b.size, proof.body.hashes.map(fromBase64), a.root, b.root)).toBe(true);
    const old = await api(`/api/v1/log/checkpoints/${a.size}`);
    expect(old.headers.get("cache-control")).toContain("immutable");
  });

  it("has no gap or duplicate after 200 concurrent writes, and every checkpoint is consistent", async () => {
    const creators = await Promise.all(Array.from({ length: 10 }, () => makeCreator()));
    await integrate();
    const before = await checkpoint();
    const writes = creators.flatMap((c) => Array.from({ length: 20 }, (_, i) => api("/api/v1/me/disclosures", { method: "POST", cookie: c.cookie, json: { ...base, brand_name: `B${i}` } })));
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 201)).toBe(true);
    await integrate();
    const { results: idx } = await env.DB.prepare("SELECT idx FROM log_entries ORDER BY idx").all<{ idx: number }>();
    expect(idx.map((r) => r.idx)).toEqual(idx.map((_, i) => i));
    const logIndexes = new Set(results.map((r) => r.body.log_index));
    expect(logIndexes.size).toBe(200);
    const { results: cps } = await env.DB.prepare("SELECT size, root_hash FROM checkpoints WHERE size >= ? ORDER BY size").bind(before.size).all<{ size: number; root_hash: string }>();
    for (let i = 1; i < cps.length; i++) {
      const [p, q] = [cps[i - 1]!, cps[i]!];
      const proof = await api(`/api/v1/log/proof/consistency?from=${p.size}&to=${q.size}`);
      expect(await verifyConsistency(p.size, q.size, proof.body.hashes.map(fromBase64), fromBase64(p.root_hash), fromBase64(q.root_hash))).toBe(true);
    }
  }, 60_000);

  it.each([
    ["/api/v1/log/proof/inclusion?index=999999&size=999999", "beyond"],
    ["/api/v1/log/proof/inclusion?index=0&size=0", "at least 1"],
    ["/api/v1/log/proof/consistency?from=5&to=2", "greater"],
    ["/api/v1/log/entries?start=0&end=5000", "At most"],
    ["/api/v1/log/entries?start=abc&end=2", "invalid"],
    ["/api/v1/log/proof/inclusion?index=-1&size=2", "invalid"],
  ])("answers %s with a 400 problem", async (path, words) => {
    await makeSigner();
    await integrate();
    const res = await api(path);
    expectProblem(res, 400);
    expect(res.body.detail).toContain(words);
  });
});
