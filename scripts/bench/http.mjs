// Measurements against a running `wrangler dev`: per-endpoint D1 cost, latency and throughput
// (autocannon), workerd CPU per request, inclusion proofs, the sequencer's rate, page weight.
import autocannon from "autocannon";
import { request as httpRequest } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startWrangler, ROOT, OFFLINE_ENV, GENERATED_CONFIG } from "../lib/local.mjs";
import { cpuSeconds, freePort, gz, log, sleep, stopGroup, trackGroup, workerdPids } from "./lib.mjs";

/**
 * dist/ is shared with other people's builds: while one runs, dist/server/wrangler.json is briefly
 * missing. Wait for it (up to two minutes) rather than fail.
 */
export function waitForBuild() {
  const file = resolve(ROOT, GENERATED_CONFIG);
  for (let i = 0; i < 240 && !existsSync(file); i++) {
    if (i === 0) log(`waiting for ${GENERATED_CONFIG} (a build is running)`);
    spawnSync("sleep", ["0.5"]);
  }
  if (!existsSync(file)) throw new Error(`${GENERATED_CONFIG} is missing: build first`);
}

/** Starts wrangler dev on a free loopback port for `persistTo`, runs fn, always stops it. */
export async function withServer(persistTo, fn) {
  waitForBuild();
  const port = await freePort();
  log(`starting wrangler dev on 127.0.0.1:${port} (persist ${persistTo}, BENCH_NO_RATE_LIMIT=1)`);
  const t0 = Date.now();
  const { base, child } = await startWrangler({ port, persistTo, vars: { BENCH_NO_RATE_LIMIT: "1" }, log: "ignore" });
  trackGroup(child.pid);
  try {
    // workerd may still be spawning its helpers: wait until /proc shows it.
    for (let i = 0; i < 50 && workerdPids(child.pid).length === 0; i++) await sleep(100);
    const pids = workerdPids(child.pid);
    log(`  ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; workerd pids ${pids.join(", ") || "(none found)"}`);
    return await fn({ base, pgid: child.pid });
  } finally {
    await stopGroup(child.pid);
    log("  wrangler dev stopped");
  }
}

// ---------------------------------------------------------------------------------------------
// What to ask: handles, account URLs, search words and log size, read from the seeded D1
// before the server starts.

export function sampleData(persistTo) {
  const accounts =
    "(SELECT COUNT(*) FROM accounts a WHERE a.creator_id = c.id) AS accounts, (SELECT COUNT(*) FROM accounts a WHERE a.creator_id = c.id AND a.status IN ('verified', 'lapsed')) AS visible";
  const [long, short, random, urls, counts, checkpoints] = d1All(
    [
      `SELECT c.handle, s.disclosures_total AS n, ${accounts} FROM creators c JOIN trust_stats s ON s.creator_id = c.id
        WHERE c.status = 'active' AND c.handle NOT LIKE 'bench%' ORDER BY s.disclosures_total DESC LIMIT 20`,
      `SELECT c.handle, COALESCE(s.disclosures_total, 0) AS n, ${accounts} FROM creators c LEFT JOIN trust_stats s ON s.creator_id = c.id
        WHERE c.status = 'active' AND c.handle NOT LIKE 'bench%' ORDER BY COALESCE(s.disclosures_total, 0) LIMIT 20`,
      `SELECT c.handle, c.country, c.niches, c.display_name, COALESCE(s.disclosures_total, 0) AS n, ${accounts} FROM creators c
        LEFT JOIN trust_stats s ON s.creator_id = c.id WHERE c.status = 'active' AND c.handle NOT LIKE 'bench%' ORDER BY random() LIMIT 300`,
      "SELECT url FROM accounts WHERE status = 'verified' ORDER BY random() LIMIT 100",
      `SELECT (SELECT COUNT(*) FROM creators) AS creators, (SELECT COUNT(*) FROM disclosures) AS disclosures,
        (SELECT COUNT(*) FROM log_entries) AS entries, (SELECT COALESCE(MAX(size), 0) FROM checkpoints) AS checkpointSize`,
      "SELECT size FROM checkpoints ORDER BY size",
    ],
    persistTo,
  );
  return { long, short, random, urls: urls.map((r) => r.url), counts: counts[0], checkpoints: checkpoints.map((r) => r.size) };
}

/**
 * EXPLAIN QUERY PLAN, on this D1, of the SQL the Worker sends (taken from worker/services by
 * scripts/bench/plans.ts): a search as benchmarked, the directory's default listing, both
 * halves of a look-up, and a profile read. The access paths explain the rows read.
 */
export function queryPlans(persistTo, data) {
  const lit = (v) => (typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  const inline = (sql, params) => {
    let i = 0;
    return sql.replace(/\?/g, () => lit(params[i++]));
  };
  const words = data.random.flatMap((r) => {
    try {
      return JSON.parse(r.niches ?? "[]");
    } catch {
      return [];
    }
  });
  const country = data.random.find((r) => r.country)?.country ?? "FR";
  const urls = data.urls.slice(0, 20);
  const handles = data.random.slice(0, 70).map((r) => r.handle);
  const plansFor = (search) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/plans.ts", JSON.stringify({ search, urls: urls.length, handles: handles.length })], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...OFFLINE_ENV } });
    if (r.status !== 0) throw new Error(`scripts/bench/plans.ts exited ${r.status}: ${(r.stderr || r.stdout).slice(-400)}`);
    return JSON.parse(r.stdout.trim().split("\n").pop());
  };
  const searched = plansFor({ q: words[0] ?? "creator", country, sort: "score", limit: 20 });
  const directory = plansFor({ sort: "score", limit: 20 });
  const statements = {
    search: { label: `search (q=${words[0] ?? "creator"}, country=${country}, sort=score)`, sql: inline(searched.sql.search, searched.searchParams) },
    directory: { label: "directory, no filter (sort=score)", sql: inline(directory.sql.search, directory.searchParams) },
    lookupHandles: { label: `look-up, handles (${handles.length})`, sql: inline(searched.sql.lookupHandles, handles) },
    ...(searched.sql.lookupUrls ? { lookupUrls: { label: `look-up, account URLs (${urls.length})`, sql: inline(searched.sql.lookupUrls, urls) } } : {}),
    profileMain: { label: "profile, creator and stats", sql: inline(searched.sql.profileMain, [data.long[0]?.handle ?? "nobody"]) },
    ...(searched.sql.profileAccounts ? { profileAccounts: { label: "profile, linked accounts", sql: inline(searched.sql.profileAccounts, [data.long[0]?.handle ?? "nobody"]) } } : {}),
  };
  const keys = Object.keys(statements);
  const results = d1All(keys.map((k) => `EXPLAIN QUERY PLAN ${statements[k].sql}`), persistTo);
  return Object.fromEntries(keys.map((k, i) => [k, { label: statements[k].label, plan: results[i].map((r) => r.detail) }]));
}

/** Runs several SQL statements against the local D1 in one wrangler call; one result list each. */
function d1All(statements, persistTo) {
  const sql = statements.map((s) => s.replace(/\s+/g, " ").trim()).join("; ");
  waitForBuild();
  const r = spawnSync(resolve(ROOT, "node_modules/.bin/wrangler"), ["d1", "execute", "DB", "--local", "-c", GENERATED_CONFIG, "--persist-to", persistTo, "--json", "--command", sql], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...OFFLINE_ENV },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`wrangler d1 execute exited ${r.status}: ${(r.stderr || r.stdout).slice(-500)}`);
  return JSON.parse(r.stdout).map((x) => x.results ?? []);
}

/** The size in the latest signed checkpoint, from the API. */
export async function checkpointSize(base) {
  const r = await send(base, { path: "/api/v1/log/checkpoint" });
  if (r.status !== 200) return 0;
  return Number(r.body.toString("utf8").split("\n")[1]);
}

// ---------------------------------------------------------------------------------------------
// Request generators.

let seed = 0x2545f491;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const cycle = (items) => {
  let i = 0;
  return () => items[i++ % items.length];
};
const JSON_HEADERS = { "content-type": "application/json" };

const WORDS = "morning routine with my favourite serum honestly could not be happier texture scent lasts all day running shoes trail weekend recipe kitchen travel hotel beach review unboxing tested three weeks before after result link bio code discount".split(" ");
const LABELS = ["#ad", "Ad |", "sponsored by Stride", "#paidpartnership", "#gifted", "affiliate link", "Publicité", "collaboration commerciale", "#sp", "merci", "#StridePartner"];

/** A 2,000-character caption with a label at the start, middle, end, in a hashtag run, or none. */
export function caption2000(i) {
  let filler = "";
  while (filler.length < 2100) filler += pick(WORDS) + (rand() < 0.08 ? " #travel" : "") + " ";
  const label = pick(LABELS);
  const place = i % 5;
  let text = filler;
  if (place === 0) text = `${label} ${filler}`;
  if (place === 1) text = `${filler.slice(0, 1000)}${label} ${filler.slice(1000)}`;
  if (place === 2) text = `${filler.slice(0, 2000 - label.length - 1)} ${label}`;
  if (place === 3) text = `${filler.slice(0, 1950)} #food #glow #travel ${label.startsWith("#") ? label : "#ad"} #vegan`;
  return text.slice(0, 2000).padEnd(2000, ".");
}

/** The public endpoints, each with a generator of varied requests. */
export function endpoints(data, { checkpointSize }) {
  const handles = [...data.long.map((r) => r.handle), ...data.random.map((r) => r.handle)];
  const mixed = () => {
    const out = [];
    for (let i = 0; i < 400; i++) out.push(i % 4 === 0 ? pick(data.long).handle : pick(handles));
    return out;
  };
  const countries = [...new Set(data.random.map((r) => r.country).filter(Boolean))];
  const words = [];
  for (const r of data.random) {
    try {
      for (const n of JSON.parse(r.niches ?? "[]")) words.push(n);
    } catch {}
    const w = String(r.display_name ?? "").split(/\s+/)[0];
    if (w && /^[\p{L}]{3,}$/u.test(w)) words.push(w);
  }
  const searchPaths = [];
  for (let i = 0; i < 200; i++) {
    const q = words.length ? pick(words) : "creator";
    const country = countries.length ? pick(countries) : "FR";
    searchPaths.push(`/api/v1/creators?q=${encodeURIComponent(q)}&country=${country}&sort=score`);
  }
  const lookupBodies = [];
  for (let b = 0; b < 30; b++) {
    const items = [];
    for (let i = 0; i < 100; i++) {
      const r = rand();
      if (r < 0.7 || !data.urls.length) items.push(pick(handles));
      else if (r < 0.9) items.push(pick(data.urls));
      else items.push(`nobody_${Math.floor(rand() * 1e9)}`);
    }
    lookupBodies.push(JSON.stringify({ items }));
  }
  const checkBodies = Array.from({ length: 100 }, (_, i) =>
    JSON.stringify({
      text: caption2000(i),
      platform: pick(["instagram", "tiktok", "youtube", "x", "blog"]),
      media: pick(["text", "image", "video", "reel"]),
      relationship: pick(["paid", "gifted", "affiliate", "ambassador"]),
      jurisdictions: pick([["US"], ["UK"], ["FR"], ["US", "UK", "FR"]]),
      brand: "Stride",
    }),
  );
  const proofPaths = Array.from({ length: 300 }, () => `/api/v1/log/proof/inclusion?index=${Math.floor(rand() * checkpointSize)}&size=${checkpointSize}`);
  const get = (paths) => {
    const next = cycle(paths);
    return () => ({ method: "GET", path: next() });
  };
  const post = (path, bodies) => {
    const next = cycle(bodies);
    return () => ({ method: "POST", path, headers: JSON_HEADERS, body: next() });
  };
  return [
    { id: "bare", name: "GET /api/bare (baseline)", gen: get(["/api/bare"]) },
    { id: "profile", name: "GET /api/v1/creators/{handle}", gen: get(mixed().map((h) => `/api/v1/creators/${h}`)), cost: true },
    { id: "search", name: "GET /api/v1/creators?q=…&country=…&sort=score", gen: get(searchPaths), cost: true },
    { id: "lookup", name: "POST /api/v1/creators/lookup (100 items)", gen: post("/api/v1/creators/lookup", lookupBodies), cost: true, bodies: lookupBodies },
    { id: "timeline", name: "GET /api/v1/creators/{handle}/disclosures", gen: get(mixed().map((h) => `/api/v1/creators/${h}/disclosures`)) },
    { id: "manifesto", name: "GET /api/v1/manifesto", gen: get(["/api/v1/manifesto"]) },
    { id: "proof", name: "GET /api/v1/log/proof/inclusion", gen: get(checkpointSize ? proofPaths : ["/api/v1/log/proof/inclusion?index=0&size=1"]) },
    { id: "checkpoint", name: "GET /api/v1/log/checkpoint", gen: get(["/api/v1/log/checkpoint"]) },
    { id: "check", name: "POST /api/v1/check (2,000-char caption)", gen: post("/api/v1/check", checkBodies) },
    { id: "badge", name: "GET /badge/{handle}.svg", gen: get(mixed().map((h) => `/badge/${h}.svg`)) },
    { id: "page-home", name: "page /", gen: get(["/"]) },
    { id: "page-profile", name: "page /@handle", gen: get(mixed().map((h) => `/@${h}`)) },
    { id: "page-directory", name: "page /creators", gen: get(["/creators"]) },
  ];
}

// ---------------------------------------------------------------------------------------------

/**
 * One HTTP request on a fresh connection (node:http, no keep-alive pool): fetch's pooled sockets
 * can be stale after a load run, and undici does not retry a POST on a closed socket.
 */
function request(base, { method = "GET", path, headers = {}, body }) {
  const u = new URL(path, base);
  const payload = body === undefined || body === null ? null : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = httpRequest(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent: false, headers: { ...headers, ...(payload ? { "content-length": payload.length } : {}) }, timeout: 60_000 },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) for (const one of [v].flat()) h.append(k, String(one));
          resolve({ status: res.statusCode, headers: h, body: Buffer.concat(chunks), ms: performance.now() - t0 });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A request, retried a few times if the connection fails (wrangler dev reloads when dist/ is rebuilt). */
async function send(base, req) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request(base, req);
    } catch (e) {
      if (attempt >= 4) throw new Error(`${req.method ?? "GET"} ${req.path}: ${e.code ?? e.message}`);
      await sleep(500 * (attempt + 1));
    }
  }
}
const json = (r) => JSON.parse(r.body.toString("utf8"));

/** D1 round trips and rows read, from the x-d1-* headers of `n` sample requests. */
export async function d1Cost(base, gen, n = 20) {
  const samples = [];
  const statuses = {};
  for (let i = 0; i < n; i++) {
    const req = gen();
    const r = await send(base, req);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const rt = r.headers.get("x-d1-round-trips");
    const rows = r.headers.get("x-d1-rows-read");
    if (rt !== null && rows !== null) samples.push({ path: req.path, roundTrips: Number(rt), rowsRead: Number(rows) });
  }
  if (!samples.length) return { reported: false, statuses };
  const rows = samples.map((s) => s.rowsRead).sort((a, b) => a - b);
  const rts = samples.map((s) => s.roundTrips);
  return {
    reported: true,
    statuses,
    samples: samples.length,
    roundTrips: { min: Math.min(...rts), max: Math.max(...rts) },
    rowsRead: { min: rows[0], median: rows[Math.floor(rows.length / 2)], max: rows[rows.length - 1], mean: rows.reduce((a, b) => a + b, 0) / rows.length },
    each: samples,
  };
}

const wrap = (gen) => () => {
  const r = gen();
  return { method: r.method, path: r.path, body: r.body, headers: r.headers ?? {} };
};

function cannon(base, gen, { connections, duration, maxRequests, onResponse }) {
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections,
        duration,
        maxOverallRequests: maxRequests,
        timeout: 30,
        requests: [{ setupRequest: (req) => ({ ...req, ...gen() }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    if (onResponse) inst.on("response", onResponse);
  });
}

/** Warm-up, then a run bounded by time and count: latency percentiles and requests/second. */
export async function throughput(base, ep, { connections, duration, maxRequests, warmup }) {
  if (warmup) await cannon(base, wrap(ep.gen), { connections, duration: warmup, maxRequests: Math.max(connections, Math.round(maxRequests / 10)) });
  let count = 0;
  let first = 0;
  let last = 0;
  const res = await cannon(base, wrap(ep.gen), {
    connections,
    duration,
    maxRequests,
    onResponse: () => {
      const t = performance.now();
      if (!count) first = t;
      last = t;
      count++;
    },
  });
  // Requests/second between the first and last response: autocannon's own average is over
  // one-second samples and counts the idle tail once a count bound is reached.
  const rps = count > 1 && last > first ? (count - 1) / ((last - first) / 1000) : null;
  return {
    requests: count,
    seconds: (last - first) / 1000,
    rps,
    p50: res.latency.p50,
    p99: res.latency.p99,
    mean: res.latency.average,
    errors: res.errors,
    timeouts: res.timeouts,
    non2xx: res.non2xx,
    statusCodes: Object.fromEntries(Object.entries(res.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

/** workerd CPU time (utime + stime) over a fixed number of requests, divided by the count. */
export async function cpuPerRequest(base, pgid, ep, { requests, connections, timeoutSeconds }) {
  // If wrangler restarts workerd during the run (it reloads when dist/ changes), the sample is
  // void: the pid set differs before and after. Retry up to twice.
  for (let attempt = 0; attempt < 3; attempt++) {
    const pids = workerdPids(pgid);
    if (!pids.length) return { error: "no workerd process found in the wrangler process group", cpuMsPerRequest: null };
    // A short pause so the previous run's tail is not counted here.
    await sleep(300);
    let count = 0;
    const before = cpuSeconds(pids);
    const t0 = performance.now();
    await cannon(base, wrap(ep.gen), { connections, duration: timeoutSeconds, maxRequests: requests, onResponse: () => count++ });
    const after = cpuSeconds(pids);
    const wall = (performance.now() - t0) / 1000;
    if (workerdPids(pgid).join() !== pids.join() || after < before) {
      log(`  workerd restarted during the CPU run of ${ep.id}; measuring again`);
      continue;
    }
    return { requests: count, cpuSeconds: after - before, wallSeconds: wall, cpuMsPerRequest: count ? ((after - before) * 1000) / count : null, pids, attempts: attempt + 1 };
  }
  return { error: "workerd restarted during every attempt", cpuMsPerRequest: null };
}

/** workerd CPU while idle (sequencer, timers): what a CPU figure includes without requests. */
export async function idleCpu(pgid, seconds = 3) {
  const pids = workerdPids(pgid);
  const before = cpuSeconds(pids);
  await sleep(seconds * 1000);
  const after = cpuSeconds(pids);
  if (workerdPids(pgid).join() !== pids.join() || after < before) return { cpuSecondsPerSecond: null, seconds, note: "workerd restarted" };
  return { cpuSecondsPerSecond: (after - before) / seconds, seconds };
}

/** One request of each endpoint: its status, so a failing route is reported, not timed blindly. */
export async function probe(base, ep) {
  const r = await send(base, ep.gen());
  return { status: r.status, bytes: r.body.length, contentType: r.headers.get("content-type"), detail: r.status >= 400 ? r.body.toString("utf8").slice(0, 300) : undefined };
}

// ---------------------------------------------------------------------------------------------
// The log: stored hashes read per inclusion proof, and proof size.

export async function proofs(base, size, n = 20) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const index = i === 0 ? 0 : i === 1 ? size - 1 : Math.floor(rand() * size);
    const r = await send(base, { method: "GET", path: `/api/v1/log/proof/inclusion?index=${index}&size=${size}` });
    if (r.status !== 200) {
      out.push({ index, status: r.status, detail: r.body.toString("utf8").slice(0, 200) });
      continue;
    }
    const body = json(r);
    out.push({ index, status: 200, hashesRead: Number(r.headers.get("x-hashes-read") ?? NaN), proofHashes: body.hashes.length, responseBytes: r.body.length, ms: r.ms });
  }
  const ok = out.filter((o) => o.status === 200);
  const goal = Math.ceil(Math.log2(size)) + 2;
  const maxRead = ok.length ? Math.max(...ok.map((o) => o.hashesRead)) : null;
  return {
    size,
    requests: out.length,
    ok: ok.length,
    goal,
    hashesRead: ok.length ? { min: Math.min(...ok.map((o) => o.hashesRead)), max: maxRead, mean: ok.reduce((s, o) => s + o.hashesRead, 0) / ok.length } : null,
    proofHashes: ok.length ? { min: Math.min(...ok.map((o) => o.proofHashes)), max: Math.max(...ok.map((o) => o.proofHashes)) } : null,
    rawProofBytes: ok.length ? Math.max(...ok.map((o) => o.proofHashes)) * 32 : null,
    responseBytes: ok.length ? { min: Math.min(...ok.map((o) => o.responseBytes)), max: Math.max(...ok.map((o) => o.responseBytes)) } : null,
    met: maxRead === null ? null : maxRead <= goal,
    failures: out.filter((o) => o.status !== 200).slice(0, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// The real sequencer: append N entries through the API, time until a checkpoint covers them.

export async function signIn(base) {
  const email = `bench-${Date.now()}@example.test`;
  const sent = await send(base, { method: "POST", path: "/api/v1/auth/email", headers: JSON_HEADERS, body: JSON.stringify({ email }) });
  if (sent.status !== 202) throw new Error(`sign-in request: ${sent.status} ${sent.body}`);
  const outbox = json(await send(base, { path: "/api/v1/dev/outbox" }));
  const mail = outbox.items.find((m) => m.to === email.toLowerCase());
  if (!mail?.links?.length) throw new Error("no sign-in link in the dev outbox");
  const link = new URL(mail.links[0]);
  const res = await send(base, { path: link.pathname + link.search });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie.startsWith("candor_session=")) throw new Error(`no session cookie from the sign-in link (${res.status})`);
  return cookie;
}

export async function sequencerRate(base, { entries, concurrency }) {
  const cookie = await signIn(base);
  const headers = { ...JSON_HEADERS, cookie };
  const handle = `bench_${Date.now().toString(36)}`;
  const made = await send(base, { method: "POST", path: "/api/v1/me/creator", headers, body: JSON.stringify({ handle, display_name: "Benchmark writer", country: "FR", languages: ["fr"], niches: ["benchmark"] }) });
  if (made.status !== 201) throw new Error(`creator creation: ${made.status} ${made.body}`);
  // Let the creation's own entry (if any) be integrated first.
  await sleep(1500);
  const startSize = await checkpointSize(base);
  const body = (i) =>
    JSON.stringify({
      brand_name: "Stride", brand_domain: "stride.example", post_url: `https://instagram.com/p/bench${Date.now()}${i}`, platform: "instagram",
      media: "image", relationship: "paid", jurisdictions: ["US"], posted_at: "2026-01-15T10:00:00Z", caption: `#ad Benchmark entry ${i}`,
    });
  let next = 0;
  let maxIndex = -1;
  const failures = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < entries) {
        const i = next++;
        const r = await send(base, { method: "POST", path: "/api/v1/me/disclosures", headers: { ...headers, "idempotency-key": `bench-${handle}-${i}` }, body: body(i) });
        let j = null;
        try {
          j = json(r);
        } catch {}
        if (r.status !== 201 || typeof j?.log_index !== "number") failures.push(`${r.status} ${JSON.stringify(j)?.slice(0, 200)}`);
        else maxIndex = Math.max(maxIndex, j.log_index);
      }
    }),
  );
  const tAppended = performance.now();
  if (failures.length) return { error: `${failures.length} of ${entries} writes failed, e.g. ${failures[0]}` };
  const target = maxIndex + 1;
  let size = startSize;
  const deadline = Date.now() + 60_000;
  while (size < target && Date.now() < deadline) {
    await sleep(20);
    size = await checkpointSize(base);
  }
  const tCovered = performance.now();
  if (size < target) return { error: `no checkpoint covered entry ${maxIndex} within 60 s (latest size ${size})`, startSize, target };
  const seconds = (tCovered - t0) / 1000;
  return {
    entries,
    concurrency,
    startSize,
    endSize: size,
    appendSeconds: (tAppended - t0) / 1000,
    coveredSeconds: seconds,
    lagAfterLastWriteMs: tCovered - tAppended,
    perSecond: entries / seconds,
    handle,
  };
}

// ---------------------------------------------------------------------------------------------
// Page weight: the page and every same-origin stylesheet, script and image it references.

export async function pageWeight(base, path) {
  const page = await send(base, { method: "GET", path });
  const html = page.body.toString("utf8");
  const out = { path, status: page.status, html: { bytes: page.body.length, gzip: gz(page.body) }, css: { bytes: 0, gzip: 0, files: 0 }, js: { bytes: 0, gzip: 0, files: 0 }, img: { bytes: 0, gzip: 0, files: 0 }, missing: [] };
  const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(1).find((v) => v !== undefined);
  const refs = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) refs.push(["css", href]);
    else if (rel.includes("modulepreload") || (rel.includes("preload") && attr(tag, "as") === "script")) refs.push(["js", href]);
  }
  let inlineScripts = 0;
  let inlineScriptBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = (attr(m[1], "type") ?? "").toLowerCase();
    if (type === "application/ld+json" || type === "application/json") continue;
    const src = attr(m[1], "src");
    if (src) refs.push(["js", src]);
    else {
      inlineScripts++;
      inlineScriptBytes += Buffer.byteLength(m[2]);
    }
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) refs.push(["img", src]);
  }
  const seen = new Set();
  const origin = new URL(base).origin;
  for (const [kind, ref] of refs) {
    const u = new URL(ref.replace(/&amp;/g, "&"), base + path);
    if (u.origin !== origin || seen.has(u.href)) continue;
    seen.add(u.href);
    const r = await send(base, { method: "GET", path: u.pathname + u.search });
    if (r.status !== 200) {
      out.missing.push(`${u.pathname} (${r.status})`);
      continue;
    }
    out[kind].bytes += r.body.length;
    out[kind].gzip += gz(r.body);
    out[kind].files++;
  }
  out.inlineStyleBytes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  out.inlineScripts = inlineScripts;
  out.inlineScriptBytes = inlineScriptBytes;
  out.total = { bytes: out.html.bytes + out.css.bytes + out.js.bytes + out.img.bytes, gzip: out.html.gzip + out.css.gzip + out.js.gzip + out.img.gzip };
  out.noJs = out.js.files === 0 && inlineScripts === 0;
  return out;
}
