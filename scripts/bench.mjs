// npm run bench [-- --quick] [-- --sizes small,large]: measures Candor and writes BENCHMARKS.md.
//
// 1. Builds the site and Worker (astro build), seeds each data size into .wrangler/bench-<size>
//    once (reused while its marker matches), starts `wrangler dev` on a free loopback port with
//    BENCH_NO_RATE_LIMIT=1, and measures every public endpoint: D1 round trips and rows read
//    (x-d1-* headers), p50/p99 latency and requests/second (autocannon, bounded in time and
//    count), and workerd CPU per request (/proc), each against the bare route GET /api/bare.
// 2. Inclusion proofs (stored hashes read, size), the real sequencer's rate, page weight.
// 3. In Node: checker throughput on one core, the pure integrate() rate.
// 4. The Worker bundle from `wrangler deploy --dry-run`.
// Servers run in their own process group and are stopped on every way out.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, resolve } from "node:path";
import { ROOT, OFFLINE_ENV, build, ensureDevVars, GENERATED_CONFIG } from "./lib/local.mjs";
import { dirSizes, log, machine, watchLoad, workerdPids } from "./bench/lib.mjs";
import { ensureSeed, noteBenchWrites, persistDir, SIZES } from "./bench/seed.mjs";
import { checkpointSize, cpuPerRequest, d1Cost, endpoints, idleCpu, pageWeight, probe, proofs, queryPlans, sampleData, sequencerRate, throughput, withServer } from "./bench/http.mjs";
import { renderReport } from "./bench/report.mjs";
import { topFunctions } from "./bench/cpuprofile.mjs";

// wrangler and tsx need this Node (>= 22.12) first on PATH, also when run without npm.
process.env.PATH = [resolve(ROOT, "node_modules/.bin"), dirname(process.execPath), process.env.PATH].join(delimiter);

const argv = process.argv.slice(2);
// --report-only: render BENCHMARKS.md again from the last run's raw figures (no measuring).
if (argv.includes("--report-only")) {
  const raw = JSON.parse(readFileSync(resolve(ROOT, ".wrangler/bench-results.json"), "utf8"));
  writeFileSync(resolve(ROOT, "BENCHMARKS.md"), renderReport(raw));
  console.log(`BENCHMARKS.md rendered from .wrangler/bench-results.json (run of ${raw.machine.date})`);
  process.exit(0);
}
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(`usage: npm run bench [-- --quick] [-- --sizes small,large] [-- --seed-only]

  --quick       small size only, short runs (a few minutes)
  --sizes LIST  data sizes to measure: small (1,000 creators / 10,000 disclosures),
                large (100,000 creators / 1,000,000 disclosures); default both (quick: small)
  --seed-only   build and seed the chosen sizes, then stop
  --report-only render BENCHMARKS.md again from .wrangler/bench-results.json

Writes BENCHMARKS.md, and the raw figures to .wrangler/bench-results.json.`);
  process.exit(0);
}
const quick = argv.includes("--quick");
const sizesArg = argv.includes("--sizes") ? argv[argv.indexOf("--sizes") + 1] : quick ? "small" : "small,large";
const sizes = sizesArg.split(",").map((s) => s.trim()).filter(Boolean);
for (const s of sizes) if (!SIZES[s]) throw new Error(`unknown size "${s}" (known: ${Object.keys(SIZES).join(", ")})`);

const P = quick
  ? { connections: 10, warmup: 1, duration: 3, maxRequests: 30_000, cpuRequests: 500, cpuTimeout: 30, checkerSeconds: 3, seqEntries: 50, seqConcurrency: 4, merkleSizes: "10000,1000000", d1Samples: 10, pairRounds: 3, pairSeconds: 3, pairCpuRequests: 200, pairCpuTimeout: 15 }
  : { connections: 10, warmup: 2, duration: 10, maxRequests: 200_000, cpuRequests: 1_500, cpuTimeout: 60, checkerSeconds: 10, seqEntries: 200, seqConcurrency: 4, merkleSizes: "10000,1000000", d1Samples: 20, pairRounds: 5, pairSeconds: 5, pairCpuRequests: 400, pairCpuTimeout: 30 };

const started = Date.now();
const results = { mode: quick ? "quick" : "full", params: P, sizes, machine: machine(), datasets: {}, problems: [] };
log(`mode ${results.mode}, sizes ${sizes.join(", ")}; ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, wrangler ${results.machine.wrangler}`);

/** Runs a step; a failure is recorded for the report instead of ending the run. */
async function step(label, fn) {
  try {
    return await fn();
  } catch (e) {
    const msg = e?.message ?? String(e);
    log(`✗ ${label}: ${msg}`);
    results.problems.push({ step: label, error: msg });
    return null;
  }
}

// --- Build ---------------------------------------------------------------------------------
ensureDevVars();
log("building: npx astro build");
const t = Date.now();
try {
  build({ quiet: true });
  results.buildSeconds = (Date.now() - t) / 1000;
  log(`built in ${results.buildSeconds.toFixed(1)} s`);
} catch (e) {
  // dist/ is shared with other people's work in progress: measure the last good build if any.
  if (!existsSync(resolve(ROOT, GENERATED_CONFIG))) throw e;
  results.problems.push({ step: "build", error: `astro build failed (${e.message}); measured the existing dist/ instead` });
  log(`✗ build failed; measuring the existing dist/`);
}

// --seed-only: prepare the data sizes (e.g. the long 1,000,000-disclosure seed) and stop.
if (argv.includes("--seed-only")) {
  for (const size of sizes) await ensureSeed(size);
  log("seeds ready");
  process.exit(0);
}

// --- Node-only figures first: they need no server --------------------------------------------
const nodeBin = process.execPath;
const runJson = (args, opts = {}) => {
  const r = spawnSync(opts.cmd ?? nodeBin, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...OFFLINE_ENV }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${[opts.cmd ?? "node", ...args].join(" ")} exited ${r.status}: ${(r.stderr || r.stdout).slice(-800)}`);
  return r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
};

results.checker = await step("checker throughput", () => {
  log(`checker: ${P.checkerSeconds} s of 2,000-character captions on one core`);
  const taskset = spawnSync("taskset", ["--version"]).status === 0;
  const args = ["--import", "tsx", "scripts/bench/checker.ts", "--seconds", String(P.checkerSeconds)];
  const [r] = taskset ? runJson(["-c", "0", nodeBin, ...args], { cmd: "taskset" }) : runJson(args);
  log(`  ${Math.round(r.perCpuSecond).toLocaleString("en-US")} captions per CPU-second (${Math.round(r.perSecond).toLocaleString("en-US")}/s wall clock)`);
  // A short profiled run: where the checker's time goes (the timed loop only).
  const profFile = resolve(ROOT, ".wrangler/bench-checker.cpuprofile");
  rmSync(profFile, { force: true });
  const prof = spawnSync(nodeBin, ["--import", "tsx", "scripts/bench/checker.ts", "--seconds", "2", "--profile", profFile], { cwd: ROOT, encoding: "utf8" });
  const profile = prof.status === 0 && existsSync(profFile) ? topFunctions(profFile, 8) : null;
  return { ...r, pinned: taskset, profile };
});

results.merkle = await step("integrate() rate", () => {
  log(`integrate(): ${P.merkleSizes} leaf hashes in Node`);
  const rows = runJson(["--import", "tsx", "scripts/bench/merkle.ts", "--sizes", P.merkleSizes]);
  for (const r of rows) log(`  ${r.leaves.toLocaleString("en-US")} leaves: ${Math.round(r.perSecond).toLocaleString("en-US")} entries/s (${Math.round(r.perCpuSecond).toLocaleString("en-US")} per CPU-second)`);
  return rows;
});

results.bundle = await step("bundle size", () => {
  log(`bundle: npx wrangler deploy --dry-run -c ${GENERATED_CONFIG} --outdir dist/dry-run`);
  const out = resolve(ROOT, "dist/dry-run");
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(resolve(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "-c", GENERATED_CONFIG, "--outdir", "dist/dry-run"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...OFFLINE_ENV } });
  if (r.status !== 0) throw new Error(`wrangler deploy --dry-run exited ${r.status}: ${(r.stderr || r.stdout).slice(-800)}`);
  const files = dirSizes(out);
  const m = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(r.stdout + r.stderr);
  const sum = (k, f = () => true) => files.filter(f).reduce((s, x) => s + x[k], 0);
  const isMap = (x) => x.path.endsWith(".map");
  const res = {
    files: files.length,
    bytes: sum("bytes", (x) => !isMap(x)),
    gzip: sum("gzip", (x) => !isMap(x)),
    mapBytes: sum("bytes", isMap),
    wranglerTotalKiB: m ? Number(m[1]) : null,
    wranglerGzipKiB: m ? Number(m[2]) : null,
    largest: files.filter((x) => !isMap(x)).sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
  log(`  ${(res.bytes / 1024).toFixed(0)} KiB, ${(res.gzip / 1024).toFixed(0)} KiB gzipped (wrangler: ${res.wranglerTotalKiB} / ${res.wranglerGzipKiB} KiB)`);
  return res;
});

// --- Each data size under wrangler dev -------------------------------------------------------
for (const size of sizes) {
  const ds = { size, target: SIZES[size], persistTo: persistDir(size) };
  results.datasets[size] = ds;
  ds.seed = await step(`${size}: seed`, () => ensureSeed(size));
  if (!ds.seed) continue;
  ds.data = await step(`${size}: sample handles`, () => {
    log(`${size}: sampling handles, account URLs and search words from the D1`);
    const d = sampleData(ds.persistTo);
    log(`  ${d.counts.creators} creators, ${d.counts.disclosures} disclosures, ${d.counts.entries} log entries, checkpoint ${d.counts.checkpointSize}; longest history ${d.long[0]?.n ?? "n/a"}`);
    return d;
  });
  if (!ds.data) continue;
  ds.counts = ds.data.counts;
  ds.plans = await step(`${size}: query plans`, () => queryPlans(ds.persistTo, ds.data));

  await step(`${size}: wrangler dev`, () =>
    withServer(ds.persistTo, async ({ base, pgid }) => {
      // The log's real size, from the server (the seed may have left it integrating).
      ds.checkpointSize = await checkpointSize(base);
      const eps = endpoints(ds.data, { checkpointSize: ds.checkpointSize });
      ds.idle = await idleCpu(pgid, 2);
      ds.loadBefore = loadavg();
      const load = watchLoad(pgid);
      ds.endpoints = [];
      // wrangler dev reloads the Worker when dist/ is rebuilt (dist/ is shared with other work):
      // note which measurements ran on a reloaded Worker.
      let pids = workerdPids(pgid).join();
      ds.reloads = [];
      for (const ep of eps) {
        const row = { id: ep.id, name: ep.name };
        ds.endpoints.push(row);
        if (workerdPids(pgid).join() !== pids) {
          pids = workerdPids(pgid).join();
          ds.reloads.push({ before: ep.id, at: new Date().toISOString() });
          row.afterReload = true;
          log(`  the Worker was reloaded (dist/ rebuilt) before ${ep.id}`);
        }
        await step(`${size}: ${ep.name}`, () => measureEndpoint(base, pgid, ep, row));
        if (row.cpu?.attempts > 1) ds.reloads.push({ during: ep.id, at: new Date().toISOString() });
        log(
          `  p50 ${row.tp?.p50} ms, p99 ${row.tp?.p99} ms, ${Math.round(row.tp?.rps ?? 0)} req/s, non-2xx ${row.tp?.non2xx}, errors ${row.tp?.errors}; ` +
            `CPU ${row.cpu?.cpuMsPerRequest?.toFixed(3)} ms/req${row.d1?.reported ? `; D1 ${row.d1.roundTrips.max} rt, ${row.d1.rowsRead.max} rows max` : ""}`,
        );
      }
      // The bare route again at the end: the reference is the mean of both runs.
      const bare = eps.find((e) => e.id === "bare");
      ds.bareEnd = await step(`${size}: bare route again`, async () => ({
        tp: await throughput(base, bare, P),
        cpu: await cpuPerRequest(base, pgid, bare, { requests: P.cpuRequests, connections: P.connections, timeoutSeconds: P.cpuTimeout }),
      }));
      ds.load = load();
      ds.loadAfter = loadavg();
      log(`${size}: bare route again: ${Math.round(ds.bareEnd?.tp?.rps ?? 0)} req/s, CPU ${ds.bareEnd?.cpu?.cpuMsPerRequest?.toFixed(3)} ms/req; other processes used ${ds.load?.othersCores?.toFixed(2)} cores meanwhile`);

      // The goals' ratios again, in short paired rounds (the bare route next to the endpoint,
      // order alternating): on a shared machine the load drifts between runs minutes apart.
      ds.paired = await step(`${size}: paired rounds`, () => pairedRounds(base, pgid, eps));

      // Profile reads split by history length (the goal compares long histories at both sizes),
      // with each creator's number of linked accounts, to see what the rows read follow.
      const profileGen = (list) => {
        let i = 0;
        return () => ({ method: "GET", path: `/api/v1/creators/${list[i++ % list.length].handle}` });
      };
      ds.profileLong = await d1Cost(base, profileGen(ds.data.long), Math.min(P.d1Samples, ds.data.long.length || 1));
      ds.profileShort = ds.data.short.length ? await d1Cost(base, profileGen(ds.data.short), Math.min(P.d1Samples, ds.data.short.length)) : null;
      ds.longest = ds.data.long[0] ?? null;
      const known = new Map([...ds.data.long, ...ds.data.short, ...ds.data.random].map((r) => [r.handle, r]));
      ds.profileRows = [ds.endpoints.find((e) => e.id === "profile")?.d1, ds.profileLong, ds.profileShort]
        .flatMap((d) => d?.each ?? [])
        .map((x) => {
          const h = known.get(decodeURIComponent(x.path.split("/").pop()));
          return { handle: h?.handle, disclosures: h?.n, accounts: h?.accounts, visible: h?.visible, rowsRead: x.rowsRead, roundTrips: x.roundTrips };
        });

      // Inclusion proofs: at the latest checkpoint, at the stored checkpoint nearest the round
      // size (10,000 or 1,000,000), and at exactly the round size (any size ≤ the latest may be asked).
      ds.proofs = [];
      const round = size === "small" ? 10_000 : 1_000_000;
      const nearest = ds.data.checkpoints.filter((n) => n <= ds.checkpointSize).sort((a, b) => Math.abs(a - round) - Math.abs(b - round))[0];
      const asked = [
        { n: ds.checkpointSize, kind: "latest checkpoint" },
        { n: nearest, kind: `checkpoint nearest ${round.toLocaleString("en-US")}` },
        { n: round, kind: ds.data.checkpoints.includes(round) ? "checkpoint" : "not a checkpoint size" },
      ];
      const done = new Set();
      for (const { n, kind } of asked) {
        if (!n || done.has(n)) continue;
        done.add(n);
        if (n > ds.checkpointSize) {
          ds.proofs.push({ size: n, kind, skipped: `the log has only ${ds.checkpointSize} checkpointed entries` });
          continue;
        }
        const p = await step(`${size}: proofs at ${n}`, () => proofs(base, n, 30));
        if (p) {
          p.kind = kind;
          ds.proofs.push(p);
          log(`${size}: inclusion proofs at n=${n} (${kind}): hashes read ≤ ${p.hashesRead?.max} (goal ${p.goal}), ${p.proofHashes?.max} hashes, ${p.responseBytes?.max} bytes`);
        }
      }

      // Page weight.
      ds.pages = [];
      const pagePaths = [
        ["home", "/"],
        ["profile (longest history)", ds.data.long[0] && `/@${ds.data.long[0].handle}`],
        ["profile (shortest history)", ds.data.short[0] && `/@${ds.data.short[0].handle}`],
        ["directory", "/creators"],
      ].filter(([, p]) => p);
      for (const [kind, p] of pagePaths) {
        const w = await step(`${size}: page weight ${p}`, () => pageWeight(base, p));
        if (w) {
          w.kind = kind;
          ds.pages.push(w);
          log(`${size}: page ${p} → ${w.status}, ${(w.total.gzip / 1024).toFixed(1)} KB gzipped, JS files ${w.js.files}, inline scripts ${w.inlineScripts}`);
        }
      }

      // The real sequencer, last: it writes to the seeded D1.
      ds.sequencer = await step(`${size}: sequencer`, async () => {
        log(`${size}: sequencer: appending ${P.seqEntries} disclosures through the API`);
        const r = await sequencerRate(base, { entries: P.seqEntries, concurrency: P.seqConcurrency });
        noteBenchWrites(size, { creators: 1, disclosures: r.error ? 0 : r.entries });
        if (r.error) throw new Error(r.error);
        log(`  ${r.entries} entries checkpointed in ${r.coveredSeconds.toFixed(2)} s (${r.perSecond.toFixed(1)}/s), lag after the last write ${Math.round(r.lagAfterLastWriteMs)} ms`);
        return r;
      });
    }),
  );
}

/** Paired rounds for the goals' ratios: profile req/s, search and look-up CPU, each next to the bare route. */
async function pairedRounds(base, pgid, eps) {
  const get = (id) => eps.find((e) => e.id === id);
  const ratio2 = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "n/a");
  const tp = (id) => throughput(base, get(id), { connections: P.connections, duration: P.pairSeconds, maxRequests: P.maxRequests, warmup: 0 }).then((r) => r.rps);
  const cpu = (id) => cpuPerRequest(base, pgid, get(id), { requests: P.pairCpuRequests, connections: P.connections, timeoutSeconds: P.pairCpuTimeout }).then((r) => r.cpuMsPerRequest);
  const rounds = [];
  for (let i = 0; i < P.pairRounds; i++) {
    const r = {};
    const order = i % 2 ? ["profile", "bare"] : ["bare", "profile"];
    for (const id of order) r[`${id}Rps`] = await tp(id);
    for (const id of i % 2 ? ["search", "lookup", "bare"] : ["bare", "search", "lookup"]) r[`${id}Cpu`] = await cpu(id);
    rounds.push(r);
    log(`  paired round ${i + 1}/${P.pairRounds}: profile ${ratio2(r.profileRps, r.bareRps)} of bare req/s; CPU search ${ratio2(r.searchCpu, r.bareCpu)}, look-up ${ratio2(r.lookupCpu, r.bareCpu)} of bare`);
  }
  const median = (list) => {
    const v = list.filter(Number.isFinite).sort((a, b) => a - b);
    if (!v.length) return null;
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const ratios = (a, b) => rounds.map((r) => (r[a] && r[b] ? r[a] / r[b] : null));
  return {
    rounds,
    profileRps: { median: median(ratios("profileRps", "bareRps")), each: ratios("profileRps", "bareRps") },
    searchCpu: { median: median(ratios("searchCpu", "bareCpu")), each: ratios("searchCpu", "bareCpu") },
    lookupCpu: { median: median(ratios("lookupCpu", "bareCpu")), each: ratios("lookupCpu", "bareCpu") },
  };
}
/** One endpoint: status, D1 cost, latency and throughput, CPU per request. */
async function measureEndpoint(base, pgid, ep, row) {
  row.probe = await probe(base, ep);
  log(`${ep.name} → ${row.probe.status}`);
  // Routes that do not report their D1 cost: one request confirms the headers are absent.
  const c = await d1Cost(base, ep.gen, ep.cost ? P.d1Samples : 1);
  row.d1 = c.reported && !ep.cost ? await d1Cost(base, ep.gen, P.d1Samples) : c;
  row.tp = await throughput(base, ep, P);
  row.cpu = await cpuPerRequest(base, pgid, ep, { requests: P.cpuRequests, connections: P.connections, timeoutSeconds: P.cpuTimeout });
}

results.seconds = (Date.now() - started) / 1000;
mkdirSync(resolve(ROOT, ".wrangler"), { recursive: true });
writeFileSync(resolve(ROOT, ".wrangler/bench-results.json"), JSON.stringify(results, null, 2));
writeFileSync(resolve(ROOT, "BENCHMARKS.md"), renderReport(results));
log(`wrote BENCHMARKS.md (raw figures in .wrangler/bench-results.json) in ${Math.round(results.seconds)} s`);
if (results.problems.length) log(`${results.problems.length} step(s) could not be measured; see BENCHMARKS.md`);
process.exit(0);
