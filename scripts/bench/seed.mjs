// Seeds each benchmark size into its own persist dir (.wrangler/bench-<size>) once, and reuses it
// while a marker file records the same seed options.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROOT, OFFLINE_ENV, migrate } from "../lib/local.mjs";
import { log, sleep } from "./lib.mjs";

export const SIZES = {
  small: { creators: 1_000, disclosures: 10_000 },
  large: { creators: 100_000, disclosures: 1_000_000 },
};

export const persistDir = (size) => `.wrangler/bench-${size}`;
const MARKER = ".bench-seed.json";

/** Seeds `size` unless its marker shows the same options; returns the marker. */
export async function ensureSeed(size) {
  const opts = SIZES[size];
  const dir = persistDir(size);
  const markerPath = resolve(ROOT, dir, MARKER);
  if (existsSync(markerPath)) {
    const m = JSON.parse(readFileSync(markerPath, "utf8"));
    if (m.creators === opts.creators && m.disclosures === opts.disclosures) {
      log(`${size}: reusing the seed in ${dir} (seeded ${m.seeded_at}, took ${Math.round(m.seconds)} s)`);
      migrate(dir, { quiet: true }); // new migrations since, if any; a no-op otherwise
      return { ...m, reused: true };
    }
    log(`${size}: marker options differ (${JSON.stringify(m)}); reseeding`);
  }
  const seedScript = resolve(ROOT, "scripts/seed.ts");
  // The seed is being written by another engineer: wait for it (a few minutes at most).
  for (let i = 0; !existsSync(seedScript); i++) {
    if (i >= 20) throw new Error("scripts/seed.ts does not exist (waited 10 minutes)");
    log("scripts/seed.ts is not there yet; retrying in 30 s");
    await sleep(30_000);
  }
  const args = ["--import", "tsx", "scripts/seed.ts", "--creators", String(opts.creators), "--disclosures", String(opts.disclosures), "--persist-to", dir, "--reset"];
  log(`${size}: seeding ${opts.creators.toLocaleString("en-US")} creators / ${opts.disclosures.toLocaleString("en-US")} disclosures into ${dir}`);
  log(`  node ${args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...OFFLINE_ENV } });
  if (r.status !== 0) throw new Error(`the seed failed for ${size} (exit ${r.status}${r.signal ? `, ${r.signal}` : ""}); see its output above`);
  const marker = { ...opts, seeded_at: new Date().toISOString(), seconds: (Date.now() - t0) / 1000, command: `node ${args.join(" ")}` };
  writeFileSync(markerPath, JSON.stringify(marker, null, 2) + "\n");
  log(`${size}: seeded in ${Math.round(marker.seconds)} s`);
  return { ...marker, reused: false };
}

/** Records on the marker what a benchmark run wrote into the seeded data (the sequencer test). */
export function noteBenchWrites(size, { creators, disclosures }) {
  const markerPath = resolve(ROOT, persistDir(size), MARKER);
  if (!existsSync(markerPath)) return;
  const m = JSON.parse(readFileSync(markerPath, "utf8"));
  m.bench_writes = { creators: (m.bench_writes?.creators ?? 0) + creators, disclosures: (m.bench_writes?.disclosures ?? 0) + disclosures };
  writeFileSync(markerPath, JSON.stringify(m, null, 2) + "\n");
}
