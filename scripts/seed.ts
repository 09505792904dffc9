/**
 * npm run seed: fills the LOCAL D1 (the one `wrangler dev --persist-to .wrangler/state` uses)
 * with deterministic demo data, at any size.
 *
 *   node --import tsx scripts/seed.ts [--creators N] [--disclosures N] [--seed N] [--now ISO]
 *                                     [--reset] [--persist-to DIR]
 *
 * Same options, same rows: ids, texts, times, verdicts, log entries and checkpoints.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { importSigningKey, verifierKeyString } from "../worker/domain/log/checkpoint.ts";
import { appliedMigrations, D1Writer, dataTables, nonEmptyTables, resetTables } from "./seed/d1.ts";
import { generate, type LogKey } from "./seed/generate.ts";
import { loadManifesto } from "./seed/manifesto.ts";
import { DEFAULT_OPTIONS, type SeedOptions } from "./seed/plan.ts";

const ROOT = resolve(import.meta.dirname, "..");

const USAGE = `usage: npm run seed -- [options]

Fills the local D1 with deterministic demo data (creators, accounts, pledges, brands,
disclosures checked by the real checker, reports, and a signed, checkpointed log).

  --creators N      creators, each with a user account (default ${DEFAULT_OPTIONS.creators})
  --disclosures N   disclosure records in all, amendments included (default ${DEFAULT_OPTIONS.disclosures})
  --seed N          random seed; the same options give the same rows (default ${DEFAULT_OPTIONS.seed})
  --now ISO         the moment the data is "as of" (default ${DEFAULT_OPTIONS.now})
  --reset           delete every row of every table first (migrations stay applied)
  --persist-to DIR  wrangler's local state directory (default .wrangler/state)

Benchmarks: npm run seed -- --creators 100000 --disclosures 1000000 --persist-to .wrangler/bench-state`;

interface LocalLib {
  ensureDevVars(): boolean;
  migrate(persistTo: string, opts?: { quiet?: boolean }): void;
  build(opts?: { quiet?: boolean }): void;
  GENERATED_CONFIG: string;
}

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
  return Number(v);
}

/** Reads KEY="value" / KEY=value lines of a .dev.vars file. */
function parseDevVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith("#")) continue;
    let v = m[2]!;
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    out[m[1]!] = v;
  }
  return out;
}

/** LOG_ORIGIN from wrangler.toml's [vars]. */
function logOrigin(): string {
  const toml = readFileSync(resolve(ROOT, "wrangler.toml"), "utf8");
  return /^\s*LOG_ORIGIN\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "candor.localhost/log";
}

const started = performance.now();
const secs = () => ((performance.now() - started) / 1000).toFixed(1);
let lastLine = 0;
let lastPhase = "";
function progress(phase: string, done: number, total: number) {
  const now = performance.now();
  if (phase === lastPhase && done < total && now - lastLine < 1000) return;
  lastLine = now;
  lastPhase = phase;
  const pct = total ? Math.floor((100 * done) / total) : 100;
  process.stderr.write(`${phase} ${done}/${total} (${pct}%) ${secs()} s\n`);
}

async function openDb(configPath: string, persistTo: string) {
  return getPlatformProxy<{ DB: D1Database }>({ configPath, persist: { path: resolve(persistTo, "v3") }, envFiles: [], remoteBindings: false });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      creators: { type: "string" },
      disclosures: { type: "string" },
      seed: { type: "string" },
      now: { type: "string" },
      reset: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const opts: SeedOptions = {
    creators: int("creators", values.creators, DEFAULT_OPTIONS.creators),
    disclosures: int("disclosures", values.disclosures, DEFAULT_OPTIONS.disclosures),
    seed: int("seed", values.seed, DEFAULT_OPTIONS.seed),
    now: values.now ?? DEFAULT_OPTIONS.now,
  };
  const persistTo = resolve(values["persist-to"] ?? ".wrangler/state");

  // The shared local-run helpers are plain .mjs; load them untyped.
  const local = (await import(new URL("./lib/local.mjs", import.meta.url).href)) as LocalLib;
  if (local.ensureDevVars()) process.stderr.write("Generated .dev.vars (development log signing key and session secret).\n");
  const vars = parseDevVars(readFileSync(resolve(ROOT, ".dev.vars"), "utf8"));
  if (!vars.LOG_SIGNING_KEY) throw new Error("LOG_SIGNING_KEY is missing from .dev.vars");
  const origin = logOrigin();
  const signing = await importSigningKey(vars.LOG_SIGNING_KEY);
  const key: LogKey = { origin, ...signing };

  // A minimal config naming the same D1 database (same id) as wrangler.toml.
  mkdirSync(resolve(ROOT, ".wrangler"), { recursive: true });
  const configPath = resolve(ROOT, ".wrangler/seed-config.json");
  writeFileSync(configPath, JSON.stringify({
    name: "candor-seed",
    compatibility_date: "2026-11-01",
    d1_databases: [{ binding: "DB", database_name: "candor", database_id: "00000000-0000-0000-0000-000000000000", migrations_dir: resolve(ROOT, "db/migrations") }],
  }, null, 2));

  let proxy = await openDb(configPath, persistTo);
  const wanted = readdirSync(resolve(ROOT, "db/migrations")).filter((f) => f.endsWith(".sql")).sort();
  const applied = await appliedMigrations(proxy.env.DB);
  const missing = wanted.filter((m) => !(applied ?? []).includes(m));
  if (missing.length) {
    process.stderr.write(`Applying ${missing.length} migration(s) to ${persistTo}…\n`);
    await proxy.dispose();
    if (!existsSync(resolve(ROOT, local.GENERATED_CONFIG))) {
      process.stderr.write("Building first (the migrations run against dist/server/wrangler.json)…\n");
      local.build({ quiet: true });
    }
    local.migrate(persistTo, { quiet: true });
    proxy = await openDb(configPath, persistTo);
  }
  const db = proxy.env.DB;
  try {
    const tables = await dataTables(db);
    // The Worker registers the manifesto by itself on first read, and sign-in leaves mail,
    // tokens, sessions and rate counters: none of that is data the seed could collide with.
    const ephemeral = new Set(["manifesto_versions", "outbox", "login_tokens", "sessions", "rate_counters", "idempotency_keys"]);
    const full = (await nonEmptyTables(db, tables)).filter((t) => !ephemeral.has(t));
    if (full.length && !values.reset) {
      process.stderr.write(
        `Refusing to seed: the local D1 in ${persistTo} already has data (${full.join(", ")}).\n` +
          `Run again with --reset to delete every row first, or choose another --persist-to directory.\n`,
      );
      return 1;
    }
    if (values.reset) {
      process.stderr.write(`Deleting every row of ${tables.length} tables…\n`);
      let shown = 0;
      await resetTables(db, tables, (t, n) => {
        if (performance.now() - shown < 1000) return;
        shown = performance.now();
        process.stderr.write(`reset ${t}: ${n} rows deleted ${secs()} s\n`);
      });
    }

    process.stderr.write(`Seeding ${opts.creators} creators and ${opts.disclosures} disclosures (seed ${opts.seed}, as of ${opts.now}) into ${persistTo}\n`);
    const writer = new D1Writer(db);
    const manifesto = await loadManifesto(ROOT);
    const summary = await generate(opts, writer, { manifesto, key, progress });
    await writer.finish();
    const genDone = secs();

    const check = await db.prepare(
      "SELECT (SELECT COUNT(*) FROM creators) AS creators, (SELECT COUNT(*) FROM disclosures) AS disclosures, (SELECT COUNT(*) FROM log_entries) AS entries, (SELECT MAX(size) FROM checkpoints) AS checkpoint",
    ).first<{ creators: number; disclosures: number; entries: number; checkpoint: number }>();
    if (!check || check.creators !== opts.creators || check.disclosures !== opts.disclosures || check.entries !== summary.entries || check.checkpoint !== summary.entries) {
      throw new Error(`after seeding, the database holds ${JSON.stringify(check)}; expected ${opts.creators} creators, ${opts.disclosures} disclosures, ${summary.entries} entries`);
    }
    const rows = Object.entries(writer.written).map(([t, n]) => `${t} ${n}`).join(", ");
    console.log(`Seeded ${persistTo} in ${genDone} s (${writer.statements} statements in ${writer.batches} batches).`);
    console.log(`  rows: ${rows}`);
    console.log(`  log: ${summary.entries} entries, ${summary.checkpoints.length} signed checkpoints, root ${summary.root}`);
    console.log(`  verifier key: ${await verifierKeyString(origin, key.publicKeyRaw)}`);
    console.log(`  active pledges: ${summary.activePledges}; try @${summary.sampleHandles.slice(0, 3).join(", @")}`);
    return 0;
  } finally {
    await proxy.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
