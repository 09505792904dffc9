// The auditor's verifier against a real `wrangler dev`: it passes on an honest log, and catches
// a disclosure row edited, an entry deleted, or two entries reordered directly in D1, naming
// the entry each time.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");
const persistTo = inject("persistTo");
const ROOT = resolve(import.meta.dirname, "../..");
const NODE = resolve(ROOT, "node_modules/.bin/node");
const WRANGLER = resolve(ROOT, "node_modules/.bin/wrangler");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function sql(command: string): any[] {
  const r = spawnSync(WRANGLER, ["d1", "execute", "DB", "--local", "-c", "dist/server/wrangler.json", "--persist-to", persistTo, "--json", "--command", command], { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return JSON.parse(r.stdout)[0]?.results ?? [];
}

const state = mkdtempSync(join(tmpdir(), "candor-verify-"));
function verify(handle: string) {
  const r = spawnSync(NODE, ["scripts/verify.ts", base, handle, "--state", state], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function signIn(email: string): Promise<string> {
  await fetch(`${base}/api/v1/auth/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
  const outbox = (await (await fetch(`${base}/api/v1/dev/outbox`)).json()) as { items: Array<{ to: string; links: string[] }> };
  const res = await fetch(outbox.items.find((m) => m.to === email)!.links[0]!, { redirect: "manual" });
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("candor_session="))!;
}

async function post(cookie: string, path: string, body: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as any;
}

const handle = `audit_${Date.now().toString(36)}`;
let entries: number[] = [];

beforeAll(async () => {
  const cookie = await signIn(`${handle}@example.test`);
  await post(cookie, "/me/creator", { handle, display_name: "Audited" });
  const m = (await (await fetch(`${base}/api/v1/manifesto`)).json()) as any;
  await post(cookie, "/me/pledge", { version: m.version, sha256: m.sha256.fr });
  for (const brand of ["Alpha", "Beta", "Gamma"]) {
    await post(cookie, "/me/disclosures", { brand_name: brand, post_url: "https://example.com/p", platform: "instagram", media: "image", relationship: "paid", jurisdictions: ["US"], posted_at: "2026-11-01T00:00:00Z", caption: `#ad ${brand}` });
  }
  const log = (await (await fetch(`${base}/api/v1/creators/${handle}/log`)).json()) as any;
  entries = log.indexes;
  // Wait until the sequencer's checkpoint covers every entry.
  for (let i = 0; i < 100; i++) {
    const note = await (await fetch(`${base}/api/v1/log/checkpoint`)).text();
    if (Number(note.split("\n")[1]) > Math.max(...entries)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);

describe("npm run verify", () => {
  it("verifies an honest history", () => {
    const r = verify(handle);
    expect(r.out).toContain("verdict: OK");
    expect(r.code).toBe(0);
    expect(entries).toHaveLength(4);
  });

  it("catches a disclosure row edited in the database, naming its entry", () => {
    const [row] = sql(`SELECT id, log_index, caption FROM disclosures WHERE brand_name = 'Beta' AND creator_id = (SELECT id FROM creators WHERE handle = '${handle}')`);
    sql(`UPDATE disclosures SET caption = 'no label at all' WHERE id = '${row.id}'`);
    try {
      const r = verify(handle);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(new RegExp(`FAIL #${row.log_index} .*caption`));
    } finally {
      sql(`UPDATE disclosures SET caption = '${row.caption}' WHERE id = '${row.id}'`);
    }
  });

  it("catches two entries reordered, naming them", () => {
    const [a, b] = [entries[1]!, entries[2]!];
    const rows = sql(`SELECT idx, body, leaf_hash FROM log_entries WHERE idx IN (${a}, ${b}) ORDER BY idx`);
    const swap = (x: any, y: any) => sql(`UPDATE log_entries SET body = '${y.body.replace(/'/g, "''")}', leaf_hash = '${y.leaf_hash}' WHERE idx = ${x.idx}`);
    swap(rows[0], rows[1]);
    swap(rows[1], rows[0]);
    try {
      const r = verify(handle);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(new RegExp(`FAIL #${a}\\b`));
      expect(r.out).toMatch(new RegExp(`FAIL #${b}\\b`));
    } finally {
      swap(rows[0], rows[0]);
      swap(rows[1], rows[1]);
    }
  });

  it("catches an entry deleted from the log, naming it", () => {
    const k = entries[3]!;
    const [row] = sql(`SELECT * FROM log_entries WHERE idx = ${k}`);
    sql(`DELETE FROM log_entries WHERE idx = ${k}`);
    try {
      const r = verify(handle);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`#${k}`);
      expect(r.out).toMatch(/missing/);
    } finally {
      sql(`INSERT INTO log_entries (idx, kind, subject, body, leaf_hash, created_at) VALUES (${row.idx}, '${row.kind}', '${row.subject}', '${row.body.replace(/'/g, "''")}', '${row.leaf_hash}', '${row.created_at}')`);
    }
    expect(verify(handle).code).toBe(0);
  });
});
