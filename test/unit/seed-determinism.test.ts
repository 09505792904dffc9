import { beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { checkDisclosure } from "../../worker/domain/disclosure/check.ts";
import { canonicalize } from "../../worker/domain/log/canonical-json.ts";
import { fromBase64, toBase64, toHex } from "../../worker/domain/log/base64.ts";
import { leafHash, rootFromLeafHashes } from "../../worker/domain/log/merkle.ts";
import { generateSigningKeySecret, importSigningKey, parseCheckpoint, verifierKeyString, verifyNote } from "../../worker/domain/log/checkpoint.ts";
import { newId, sha256Hex } from "../../worker/domain/crypto.ts";
import { checkHandle } from "../../worker/domain/handles.ts";
import { computeScore } from "../../worker/domain/score.ts";
import { generate, generateCreator, type LogKey, type Manifesto, type SeedSummary } from "../../scripts/seed/generate.ts";
import { loadManifesto } from "../../scripts/seed/manifesto.ts";
import { allocateCounts, makePlan, skeleton, type SeedOptions } from "../../scripts/seed/plan.ts";
import { rowObject, TABLES, type Row, type TableName } from "../../scripts/seed/tables.ts";

type Rows = Partial<Record<TableName, Row[]>>;

async function run(opts: SeedOptions, key: LogKey, manifesto: Manifesto): Promise<{ rows: Rows; summary: SeedSummary }> {
  const rows: Rows = {};
  const sink = {
    add(table: TableName, row: Row) {
      expect(row).toHaveLength(TABLES[table].length);
      (rows[table] ??= []).push(row);
    },
    async drain() {},
  };
  const summary = await generate(opts, sink, { manifesto, key });
  return { rows, summary };
}

const OPTS: SeedOptions = { creators: 30, disclosures: 260, seed: 7, now: "2026-11-20T12:00:00.000Z" };
const enc = new TextEncoder();

let key: LogKey;
let manifesto: Manifesto;
let a: { rows: Rows; summary: SeedSummary };
const objects = (t: TableName) => (a.rows[t] ?? []).map((r) => rowObject(t, r));
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
interface Entry {
  idx: number;
  kind: string;
  subject: string;
  created_at: string;
  body: { v: number; kind: string; subject: string; at: string; data: Record<string, unknown> };
}
const entryObjects = (): Entry[] =>
  objects("log_entries").map((e) => ({
    idx: e.idx as number, kind: e.kind as string, subject: e.subject as string, created_at: e.created_at as string, body: JSON.parse(e.body as string),
  }));

beforeAll(async () => {
  key = { origin: "candor.localhost/log", ...(await importSigningKey(await generateSigningKeySecret())) };
  manifesto = await loadManifesto(resolve(import.meta.dirname, "../.."));
  a = await run(OPTS, key, manifesto);
});

describe("seed generation", () => {
  it("is deterministic: same options, same rows (ids, texts, times, log, checkpoints)", async () => {
    const b = await run(OPTS, key, manifesto);
    expect(b.rows).toEqual(a.rows);
    const c = await run({ ...OPTS, seed: 8 }, key, manifesto);
    expect(c.rows.creators).not.toEqual(a.rows.creators);
  });

  it("writes exactly the requested sizes", () => {
    expect(a.rows.creators).toHaveLength(OPTS.creators);
    expect(a.rows.disclosures).toHaveLength(OPTS.disclosures);
    expect(a.rows.trust_stats).toHaveLength(OPTS.creators);
    expect(a.rows.users!.length).toBe(OPTS.creators + 1 + a.rows.brands!.length);
    expect(a.rows.manifesto_versions).toEqual([[1, manifesto.publishedAt, manifesto.textFr, manifesto.textEn, manifesto.sha256Fr, manifesto.sha256En]]);
  });

  it("allocates disclosures Zipf-like and exactly, even at benchmark size", () => {
    const counts = allocateCounts({ ...OPTS, creators: 100_000, disclosures: 1_000_000 });
    expect(counts.reduce((s, n) => s + n, 0)).toBe(1_000_000);
    const max = Math.max(...counts);
    expect(max).toBeGreaterThan(200);
    expect(max).toBeLessThanOrEqual(5000);
  });

  it("uses valid, unique handles and ids shaped like newId", () => {
    const handles = objects("creators").map((c) => c.handle as string);
    expect(new Set(handles).size).toBe(handles.length);
    for (const h of handles) expect(checkHandle(h)).toEqual({ ok: true, handle: h });
    const shape = /^[a-z]+_[0-9a-z]{21}$/;
    expect(newId("dc")).toMatch(shape);
    for (const t of ["creators", "disclosures", "accounts", "pledges", "reports", "brands", "users"] as const) {
      for (const r of objects(t)) expect(r.id).toMatch(shape);
    }
  });

  it("stores, for every disclosure, exactly what checkDisclosure says of its input", () => {
    for (const d of objects("disclosures")) {
      const out = checkDisclosure({
        text: d.caption as string, overlay: d.overlay as string | null, platform: d.platform as never, media: d.media as never,
        relationship: d.relationship as never, jurisdictions: json(d.jurisdictions), platform_tool: d.platform_tool === 1,
        retouched: d.retouched === 1, ai_generated: d.ai_generated === 1, brand: d.brand_name as string,
      });
      expect(d.verdict).toBe(out.verdict);
      expect(json(d.findings)).toEqual(out.findings);
      expect(d.ruleset).toBe(out.ruleset);
      expect(Date.parse(d.posted_at as string)).toBeLessThanOrEqual(Date.parse(d.recorded_at as string));
    }
    const verdicts = new Set(objects("disclosures").map((d) => d.verdict));
    expect(verdicts).toEqual(new Set(["pass", "review", "fail"]));
  });

  it("writes a gapless, time-ordered log of canonical bodies whose leaf hashes match", async () => {
    const entries = objects("log_entries").sort((x, y) => (x.idx as number) - (y.idx as number));
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    let last = "";
    for (const e of entries) {
      const body = e.body as string;
      const parsed = JSON.parse(body);
      expect(canonicalize(parsed)).toBe(body);
      expect(e.leaf_hash).toBe(toBase64(await leafHash(enc.encode(body))));
      expect(parsed).toMatchObject({ v: 1, kind: e.kind, subject: e.subject, at: e.created_at });
      expect(parsed.at >= last).toBe(true);
      last = parsed.at;
    }
  });

  it("points every log_index at the entry of its own fact", async () => {
    const byIdx = new Map(entryObjects().map((e) => [e.idx, e]));
    const at = (i: unknown) => byIdx.get(i as number)!;
    for (const d of objects("disclosures")) {
      const e = at(d.log_index);
      expect(e.kind).toBe(d.supersedes ? "disclosure.amended" : "disclosure.recorded");
      expect(e.subject).toBe(d.creator_id);
      expect(e.body.data).toMatchObject({
        disclosure: d.id, supersedes: d.supersedes, verdict: d.verdict, post_url: d.post_url, posted_at: d.posted_at,
        jurisdictions: json(d.jurisdictions), caption_sha256: await sha256Hex(d.caption as string),
      });
      expect(e.body.at).toBe(d.recorded_at);
    }
    for (const p of objects("pledges")) {
      expect(at(p.log_index).kind).toBe("pledge.signed");
      expect(at(p.log_index).body.data).toMatchObject({ pledge: p.id, sha256: p.sha256, lang: p.lang });
    }
    const pledges = new Map(objects("pledges").map((p) => [p.creator_id, p]));
    for (const c of objects("creators")) {
      if (c.pledge_status === "none") {
        expect(c.pledge_log_index).toBeNull();
        continue;
      }
      const e = at(c.pledge_log_index);
      expect(e.kind).toBe(`pledge.${c.pledge_status}`);
      if (c.pledge_status !== "revoked") expect(e.body.data.pledge).toBe(pledges.get(c.id)!.id);
      expect(pledges.get(c.id)!.status).toBe(c.pledge_status === "signed" ? "active" : c.pledge_status);
      expect([manifesto.sha256Fr, manifesto.sha256En]).toContain(c.pledge_sha256);
    }
    for (const acc of objects("accounts")) {
      if (acc.status === "pending" || acc.status === "failed") expect(acc.log_index).toBeNull();
      else expect(at(acc.log_index)).toMatchObject({ kind: acc.status === "lapsed" ? "account.lapsed" : "account.verified", body: { data: { account: acc.id, url: acc.url } } });
    }
    for (const r of objects("reports")) {
      // Only the decision writes the report's log_index (respondToReport logs but does not point).
      if (r.status === "upheld" || r.status === "dismissed") expect(at(r.log_index).body.data).toMatchObject({ report: r.id, decision: r.status, decision_reason: r.decision_reason });
      else expect(r.log_index).toBeNull();
      if (r.responded_at) expect(["disclosed", "amended", "disputed"]).toContain(r.response_action);
    }
    for (const d of objects("disclosures").filter((x) => x.brand_status !== "none")) {
      const e = [...byIdx.values()].find((x) => x.kind === `collaboration.${d.brand_status}` && x.body.data.disclosure === d.id)!;
      expect(e.body).toMatchObject({ at: d.brand_acted_at, data: { domain: d.brand_domain, reason: d.brand_note } });
      expect(d.superseded_by).toBeNull();
    }
    for (const e of byIdx.values()) {
      if (e.kind === "brand.verified") expect(objects("brands").some((b) => b.id === e.subject && b.domain_verified_at === e.body.at)).toBe(true);
    }
  });

  it("keeps trust stats, counters and scores consistent with the rows", () => {
    const entries = objects("log_entries");
    const disclosures = objects("disclosures");
    const pledges = objects("pledges");
    const creators = new Map(objects("creators").map((c) => [c.id, c]));
    let total = 0;
    for (const s of objects("trust_stats")) {
      const mine = disclosures.filter((d) => d.creator_id === s.creator_id);
      const current = mine.filter((d) => d.superseded_by === null);
      const originals = mine.filter((d) => d.supersedes === null);
      const sum = (h: unknown) => Object.values(json(h) as Record<string, number>).reduce((x, y) => x + y, 0);
      expect(s.disclosures_total).toBe(current.length);
      expect(sum(s.by_verdict)).toBe(s.disclosures_total);
      expect(sum(s.by_relationship)).toBe(s.disclosures_total);
      expect(sum(s.days_to_record)).toBe(originals.length);
      expect(s.amended).toBe(mine.length - originals.length);
      for (const v of ["pass", "review", "fail"]) expect(json(s.by_verdict)[v] ?? 0).toBe(current.filter((d) => d.verdict === v).length);
      expect(s.brand_confirmed).toBe(mine.filter((d) => d.brand_status === "confirmed").length);
      expect(s.brand_disputed).toBe(mine.filter((d) => d.brand_status === "disputed").length);
      expect(s.accounts_verified).toBe(objects("accounts").filter((x) => x.creator_id === s.creator_id && x.status === "verified").length);
      const reps = objects("reports").filter((r) => r.creator_id === s.creator_id);
      expect(s.reports_open).toBe(reps.filter((r) => r.status === "open" || r.status === "responded").length);
      expect(json(s.reports_upheld)).toEqual(reps.filter((r) => r.status === "upheld").map((r) => r.decided_at).sort());
      const own = entries.filter((e) => e.subject === s.creator_id).map((e) => e.idx as number);
      expect(s.log_count).toBe(own.length);
      expect(s.last_log_index).toBe(own.length ? Math.max(...own) : null);
      const c = creators.get(s.creator_id)!;
      const score = computeScore({
        stats: {
          total: s.disclosures_total as number, byRelationship: json(s.by_relationship), byVerdict: json(s.by_verdict),
          brandConfirmed: s.brand_confirmed as number, brandDisputed: s.brand_disputed as number, amended: s.amended as number,
          daysToRecord: json(s.days_to_record), accountsVerified: s.accounts_verified as number, reportsUpheld: json(s.reports_upheld),
          reportsOpen: s.reports_open as number,
        },
        pledge: { status: c.pledge_status as string, version: c.pledge_version as number | null },
        currentManifesto: 1,
        suspended: c.status === "suspended",
        now: new Date(OPTS.now),
      });
      expect(c.score).toBe(score.value);
      total += current.length;
    }
    expect(total + disclosures.filter((d) => d.superseded_by !== null).length).toBe(OPTS.disclosures);
    const active = pledges.filter((p) => p.status === "active").length;
    expect(a.rows.counters).toEqual([["active_pledges", active]]);
    expect([...creators.values()].filter((c) => c.pledge_status === "signed").length).toBe(active);
    expect(active / OPTS.creators).toBeGreaterThan(0.5);
  });

  it("keeps causality: facts follow what they depend on, and nothing happens after `now`", () => {
    const now = OPTS.now;
    const creators = new Map(objects("creators").map((c) => [c.id, c]));
    const entries = entryObjects();
    for (const e of entries) expect(e.body.at < now).toBe(true);
    for (const d of objects("disclosures")) {
      const c = creators.get(d.creator_id)!;
      expect(d.recorded_at as string > (c.created_at as string)).toBe(true);
      if (d.brand_acted_at) expect(d.brand_acted_at as string > (d.recorded_at as string)).toBe(true);
    }
    for (const s of entries.filter((e) => e.kind === "creator.suspended")) {
      const mine = entries.filter((e) => e.subject === s.subject && (e.kind.startsWith("disclosure.") || e.kind === "pledge.signed"));
      for (const e of mine) expect(e.idx as number).toBeLessThan(s.idx as number);
      expect(creators.get(s.subject)!.status).toBe("suspended");
    }
    for (const p of objects("pledges")) expect(p.signed_at as string >= "2026-11-01T00:00:00.000Z").toBe(true);
  });

  it("follows the moderation policy: the third upheld report in 12 months revokes the pledge; suspensions stop activity", async () => {
    // Rare facts need a bigger population; plan it, then generate only the creators concerned.
    const plan = makePlan({ creators: 20_000, disclosures: 200_000, seed: 4, now: OPTS.now });
    const revoked: number[] = [];
    const suspended: number[] = [];
    for (let i = 0; i < 20_000 && (revoked.length < 3 || suspended.length < 3); i++) {
      const sk = skeleton(plan, i);
      if (sk.pledge?.revokedAt != null && revoked.length < 3) revoked.push(i);
      else if (sk.suspendedAt !== null && suspended.length < 3) suspended.push(i);
    }
    expect(revoked.length).toBeGreaterThan(0);
    expect(suspended.length).toBe(3);
    const leaves = new Uint8Array(plan.totalEntries * 32);
    for (const i of [...revoked, ...suspended]) {
      const res = await generateCreator(plan, i, leaves, manifesto);
      const get = (t: TableName) => res.out.filter(([table]) => table === t).map(([t2, r]) => rowObject(t2, r));
      const entries: Entry[] = get("log_entries").map((e) => ({
        idx: e.idx as number, kind: e.kind as string, subject: e.subject as string, created_at: e.created_at as string, body: JSON.parse(e.body as string),
      }));
      const creator = get("creators")[0]!;
      if (revoked.includes(i)) {
        const pledge = get("pledges")[0]!;
        const revoke = entries.find((e) => e.kind === "pledge.revoked")!;
        const upheldEntry = entries.find((e) => e.idx === revoke.idx - 1)!;
        expect(upheldEntry.kind).toBe("report.upheld");
        expect(upheldEntry.body.at).toBe(revoke.body.at);
        expect(pledge).toMatchObject({ status: "revoked", ended_at: revoke.body.at, end_reason: "upheld reports" });
        expect(creator).toMatchObject({ pledge_status: "revoked", pledge_log_index: revoke.idx });
        expect(revoke.body.data.reason).toMatch(/^[3-9] upheld reports in 12 months \(policy: 3\)$/);
        const upheld = get("reports").filter((r) => r.status === "upheld" && (r.decided_at as string) <= revoke.body.at);
        expect(upheld.length).toBeGreaterThanOrEqual(3);
      } else {
        const at = entries.find((e) => e.kind === "creator.suspended")!.body.at;
        expect(creator).toMatchObject({ status: "suspended", score: null });
        for (const e of entries.filter((x) => x.kind.startsWith("disclosure.") || x.kind === "pledge.signed")) expect(e.body.at < at).toBe(true);
      }
    }
  }, 30_000);

  it("builds the tree the sequencer would, with signed, consistent checkpoints", async () => {
    const entries = objects("log_entries").sort((x, y) => (x.idx as number) - (y.idx as number));
    const leaves = entries.map((e) => fromBase64(e.leaf_hash as string));
    const vkey = await verifierKeyString(key.origin, key.publicKeyRaw);
    const checkpoints = objects("checkpoints");
    expect(checkpoints.length).toBeGreaterThan(3);
    expect(checkpoints.at(-1)!.size).toBe(entries.length);
    for (const cp of checkpoints) {
      const { body } = await verifyNote(cp.note as string, vkey);
      const parsed = parseCheckpoint(body);
      expect(parsed.origin).toBe(key.origin);
      expect(parsed.size).toBe(cp.size);
      const root = await rootFromLeafHashes(leaves.slice(0, cp.size as number));
      expect(toBase64(parsed.root)).toBe(toBase64(root));
      expect(cp.root_hash).toBe(toBase64(root));
    }
    // Every leaf is stored as a level-0 node, and the top node of a power-of-two prefix is its root.
    const nodes = new Map(objects("log_nodes").map((n) => [`${n.level}:${n.idx}`, n.hash as string]));
    leaves.forEach((l, i) => expect(nodes.get(`0:${i}`)).toBe(toHex(l)));
    const level = Math.floor(Math.log2(leaves.length));
    expect(nodes.get(`${level}:0`)).toBe(toHex(await rootFromLeafHashes(leaves.slice(0, 2 ** level))));
    expect(a.summary.root).toBe(checkpoints.at(-1)!.root_hash);
  });
});
