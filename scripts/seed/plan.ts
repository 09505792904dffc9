/**
 * Phase 1 of the seed: the plan. Decides, for every creator and brand, WHEN each public fact
 * happens (a cheap "skeleton" per creator, regenerated on demand from the creator's own random
 * stream), then orders every fact in time to give each its log index. Phase 2 (generate.ts)
 * fills in the content creator by creator, knowing every index in advance.
 */
import { checkHandle } from "../../worker/domain/handles.ts";
import { REVOKE_AFTER_UPHELD } from "../../worker/services/moderation.ts";
import { base64url } from "../../worker/domain/crypto.ts";
import type { LogKind } from "../../worker/services/log-append.ts";
import { Rng, rngFor } from "./prng.ts";
import { BRANDS, COUNTRY_PROFILES, FIRST_NAMES_EN, FIRST_NAMES_FR, FIRST_NAMES_OTHER, LAST_NAMES_EN, LAST_NAMES_FR, LAST_NAMES_OTHER, NICHES, OTHER_BRANDS, type CountryProfile, type Niche } from "./vocab.ts";

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Manifesto v1's publication (content/manifesto/index.ts): no pledge before it. */
export const MANIFESTO_PUBLISHED_AT = "2026-11-01T00:00:00.000Z";
/** The default "now" of the demo data: fixed, so the same options always give the same rows. */
export const DEFAULT_NOW = "2026-11-20T12:00:00.000Z";
/** How far back posts go. */
export const HISTORY_DAYS = 548;

export interface SeedOptions {
  creators: number;
  disclosures: number;
  seed: number;
  /** ISO time the data is "as of"; every fact happens before it. */
  now: string;
}

export const DEFAULT_OPTIONS: SeedOptions = { creators: 60, disclosures: 600, seed: 1, now: DEFAULT_NOW };

/** Random streams: one purpose each, so adding draws to one never shifts another. */
export const STREAM = { plan: 0, skeleton: 1, details: 2, brands: 3 } as const;

export const ACCOUNT_PLATFORMS = ["website", "mastodon", "bluesky", "github", "youtube", "instagram", "tiktok", "x"] as const;
export type AccountPlatform = (typeof ACCOUNT_PLATFORMS)[number];

export interface BrandPlan {
  index: number;
  id: string;
  name: string;
  domain: string;
  handle: string;
  niches: readonly string[];
  token: string;
  createdAt: number;
  verifiedAt: number | null;
  method: "dns-txt" | "well-known";
  ownerUserId: string;
  ownerEmail: string;
  ownerAt: number;
  checkFailure: string | null;
}

export interface AccountSkel {
  platform: AccountPlatform;
  status: "verified" | "pending" | "failed" | "lapsed";
  createdAt: number;
  verifiedAt: number | null;
  lapsedAt: number | null;
  checkedAt: number | null;
}

export interface RecordSkel {
  /** Index into the brand pool: BRANDS first (registered on Candor), then OTHER_BRANDS. */
  brand: number;
  postedAt: number;
  recordedAt: number;
  amendAt: number | null;
  act: { kind: "confirmed" | "disputed"; at: number } | null;
}

export interface ReportSkel {
  createdAt: number;
  respondedAt: number | null;
  decidedAt: number | null;
  status: "open" | "responded" | "upheld" | "dismissed";
  reason: "undisclosed" | "misleading_label" | "fake_engagement" | "other";
}

export type EventRef =
  | { kind: "pledge.signed" | "pledge.withdrawn" | "pledge.revoked" }
  | { kind: "account.verified" | "account.lapsed"; account: number }
  | { kind: "disclosure.recorded" | "disclosure.amended"; record: number }
  | { kind: "collaboration.confirmed" | "collaboration.disputed"; record: number }
  | { kind: "report.answered" | "report.upheld" | "report.dismissed"; report: number }
  | { kind: "creator.suspended" };

export type SkelEvent = EventRef & { t: number };

export interface Skeleton {
  index: number;
  country: CountryProfile;
  names: { first: string; last: string };
  handleBase: string;
  languages: string[];
  audience: Array<"US" | "UK" | "FR">;
  niches: Niche[];
  /** 0..1: how carefully this creator labels, records promptly and answers. */
  diligence: number;
  joinedAt: number;
  userAt: number;
  pledge: { signedAt: number; lang: "fr" | "en"; withdrawnAt: number | null; revokedAt: number | null; upheldInYear: number } | null;
  accounts: AccountSkel[];
  records: RecordSkel[];
  reports: ReportSkel[];
  suspendedAt: number | null;
  events: SkelEvent[];
}

export interface Plan {
  opts: SeedOptions;
  nowMs: number;
  windowStart: number;
  launchMs: number;
  brands: BrandPlan[];
  /** Disclosure rows per creator (amendments included). */
  counts: Int32Array;
  handles: string[];
  /** Creator i's events are global positions [eventStart[i], eventStart[i+1]); brand events come first. */
  eventStart: Int32Array;
  /** Global position → log index. */
  idxOf: Int32Array;
  /** Log index → time (ms). */
  entryTimes: Float64Array;
  totalEntries: number;
}

// ---------------------------------------------------------------------------------------------
// Ids and tokens in the shapes the services make them (worker/domain/crypto.ts), but seeded.

/** Same shape as newId(prefix, at): `<prefix>_<9 base-36 time chars><12 [a-z0-9]>`. */
export function seededId(prefix: string, at: number, rng: Rng): string {
  const time = at.toString(36).padStart(9, "0");
  const rand = base64url(rng.bytes(9)).toLowerCase().replace(/[^a-z0-9]/g, "0");
  return `${prefix}_${time}${rand}`;
}

/** Same shape as randomToken(n).replace(/[^A-Za-z0-9]/g, "x"), as the services store proof tokens. */
export function seededToken(bytes: number, rng: Rng): string {
  return base64url(rng.bytes(bytes)).replace(/[^A-Za-z0-9]/g, "x");
}

export function asciiFold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// ---------------------------------------------------------------------------------------------

function checkOptions(opts: SeedOptions): { nowMs: number; launchMs: number } {
  for (const k of ["creators", "disclosures", "seed"] as const) {
    if (!Number.isSafeInteger(opts[k]) || opts[k] < 0) throw new Error(`--${k} must be a non-negative integer`);
  }
  if (opts.creators < 1) throw new Error("--creators must be at least 1");
  const nowMs = Date.parse(opts.now);
  const launchMs = Date.parse(MANIFESTO_PUBLISHED_AT);
  if (!Number.isFinite(nowMs)) throw new Error(`--now "${opts.now}" is not an ISO date`);
  if (nowMs < launchMs + 2 * DAY) throw new Error(`--now must be at least two days after the manifesto's publication (${MANIFESTO_PUBLISHED_AT})`);
  return { nowMs, launchMs };
}

/** Registered brands: ids, owners, verification. */
function planBrands(opts: SeedOptions, nowMs: number, windowStart: number): BrandPlan[] {
  const r = rngFor(opts.seed, STREAM.brands, 0);
  return BRANDS.map((b, index) => {
    const createdAt = Math.floor(r.range(windowStart - 30 * DAY, nowMs - 60 * DAY));
    // Most verify their domain within days; a few never managed to.
    const verified = index < 4 || r.chance(0.82);
    const verifiedAt = verified ? createdAt + Math.floor(r.range(10 * MIN, 3 * DAY)) : null;
    const ownerAt = createdAt - Math.floor(r.range(MIN, 20 * MIN));
    return {
      index, name: b.name, domain: b.domain, handle: b.handle, niches: b.niches,
      id: seededId("br", createdAt, r),
      token: seededToken(16, r),
      createdAt, verifiedAt,
      method: r.chance(0.7) ? ("dns-txt" as const) : ("well-known" as const),
      ownerUserId: seededId("usr", ownerAt, r),
      ownerEmail: `owner@${b.domain}`,
      ownerAt,
      checkFailure: verified ? null : r.pick(["No candor-verify TXT record was found.", "/.well-known/candor.txt was not found (404)."]),
    };
  });
}

/**
 * Disclosure rows per creator: Zipf-like (a few creators record hundreds, most a handful),
 * capped so that one creator never holds more than a few percent of a large seed.
 */
export function allocateCounts(opts: SeedOptions): Int32Array {
  const n = opts.creators;
  const total = opts.disclosures;
  const r = rngFor(opts.seed, STREAM.plan, 1);
  const ranks = r.shuffle(Array.from({ length: n }, (_, i) => i));
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / Math.pow(ranks[i]! + 3, 0.75);
  const cap = Math.max(60, Math.ceil(total * 0.005), Math.ceil(total / n) * 2);
  const quota = new Float64Array(n);
  // Water-filling: cap the heaviest and share what they lose among the rest.
  let free = Array.from({ length: n }, (_, i) => i);
  let left = total;
  for (let round = 0; round < 20 && free.length && left > 0; round++) {
    const sum = free.reduce((s, i) => s + weights[i]!, 0);
    const next: number[] = [];
    let spill = 0;
    for (const i of free) {
      const q = (left * weights[i]!) / sum;
      if (q > cap) {
        quota[i] = cap;
        spill += cap;
      } else {
        quota[i] = q;
        next.push(i);
      }
    }
    if (next.length === free.length) break;
    left -= spill;
    free = next;
  }
  const counts = new Int32Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    counts[i] = Math.floor(quota[i]!);
    assigned += counts[i]!;
  }
  // Largest remainders get the rest (ties by index, so it stays deterministic).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => quota[b]! - counts[b]! - (quota[a]! - counts[a]!) || a - b);
  for (let k = 0; assigned < total; k = (k + 1) % n) {
    counts[order[k]!]!++;
    assigned++;
  }
  return counts;
}

function accountWeights(niches: Niche[]): Array<[AccountPlatform, number]> {
  const w: Record<AccountPlatform, number> = { instagram: 30, tiktok: 18, youtube: 15, website: 10, bluesky: 8, x: 8, mastodon: 6, github: 2 };
  for (const n of niches) {
    if (n.id === "tech" || n.id === "gaming") Object.assign(w, { github: w.github + 10, mastodon: w.mastodon + 8, youtube: w.youtube + 10 });
    if (n.id === "books" || n.id === "food" || n.id === "diy") w.website += 12;
    if (n.id === "beauty" || n.id === "fashion") Object.assign(w, { instagram: w.instagram + 15, tiktok: w.tiktok + 10 });
  }
  return Object.entries(w) as Array<[AccountPlatform, number]>;
}

function pickBrand(r: Rng, niches: Niche[]): number {
  const nicheIds = new Set(niches.map((n) => n.id));
  if (r.chance(0.55)) {
    const fit = BRANDS.map((b, i) => [i, b.niches.some((x) => nicheIds.has(x)) ? 40 : 1] as const);
    return r.weighted(fit);
  }
  const fit = OTHER_BRANDS.map((b, i) => [BRANDS.length + i, b.niches.some((x) => nicheIds.has(x)) ? 6 : 1] as const);
  return r.weighted(fit);
}

/**
 * One creator's facts and their times. Pure function of (options, index, brand plan, count):
 * the plan runs it to order the log, the generator runs it again to fill in the content.
 */
export function skeleton(plan: Pick<Plan, "opts" | "nowMs" | "windowStart" | "launchMs" | "brands" | "counts">, index: number): Skeleton {
  const { nowMs, windowStart, launchMs } = plan;
  const r = rngFor(plan.opts.seed, STREAM.skeleton, index);
  const country = r.weighted(COUNTRY_PROFILES.map((c) => [c, c.weight] as const));
  const [firsts, lasts] =
    country.names === "fr" ? [FIRST_NAMES_FR, LAST_NAMES_FR] : country.names === "en" ? [FIRST_NAMES_EN, LAST_NAMES_EN] : [FIRST_NAMES_OTHER, LAST_NAMES_OTHER];
  const names = { first: r.pick(firsts), last: r.pick(lasts) };
  const languages = r.weighted(country.languages).slice();
  const audience = r.weighted(country.audiences).slice();
  const niches = r.sample(NICHES, r.weighted([[1, 40], [2, 45], [3, 15]]));
  const diligence = r.weighted([[[0.9, 0.99], 35], [[0.7, 0.9], 35], [[0.4, 0.7], 20], [[0.1, 0.4], 10]] as const);
  const dil = r.range(diligence[0], diligence[1]);

  const f = asciiFold(names.first).replace(/[^a-z0-9]/g, "");
  const l = asciiFold(names.last).replace(/[^a-z0-9]/g, "");
  const word = r.pick(niches[0]!.handleWords);
  const handleBase = r.weighted([
    [`${f}${l}`, 30], [`${f}_${l}`, 20], [`${f}_${word}`, 20], [`${f}${l.slice(0, 1)}`, 10], [`${word}with${f}`, 8], [`${f}.${l}`.replace(".", ""), 5], [`the${f}${word}`, 7],
  ]);

  // Earlier joiners are more common: the registry has been open for the whole window.
  const span = nowMs - 3 * DAY - windowStart;
  const joinedAt = windowStart + Math.floor(span * Math.pow(r.next(), 1.4));
  const userAt = joinedAt - Math.floor(r.range(2 * MIN, 30 * MIN));
  const events: SkelEvent[] = [];

  // Accounts: linked in the first days; most verified, some pending, failing or lapsed.
  const accounts: AccountSkel[] = [];
  const nAccounts = r.weighted([[1, 35], [2, 45], [3, 20]]);
  const weights = accountWeights(niches);
  const chosen: AccountPlatform[] = [];
  while (chosen.length < nAccounts) {
    const p = r.weighted(weights);
    if (!chosen.includes(p)) chosen.push(p);
  }
  for (const platform of chosen) {
    const createdAt = joinedAt + Math.floor(r.range(MIN, 2 * DAY));
    let status = r.weighted([["verified", 74], ["pending", 8], ["failed", 8], ["lapsed", 10]] as const);
    if (createdAt >= nowMs - HOUR) status = "pending";
    let verifiedAt: number | null = null;
    let lapsedAt: number | null = null;
    let checkedAt: number | null = null;
    if (status === "verified" || status === "lapsed") {
      verifiedAt = createdAt + Math.floor(r.range(3 * MIN, 2 * HOUR));
      if (status === "lapsed") {
        lapsedAt = verifiedAt + Math.floor(r.range(20 * DAY, 200 * DAY));
        if (lapsedAt >= nowMs - HOUR) {
          status = "verified";
          lapsedAt = null;
        }
      }
      // The cron re-checks proofs: the last check is recent.
      checkedAt = lapsedAt ?? Math.max(verifiedAt, nowMs - Math.floor(r.range(10 * MIN, 4 * DAY)));
    } else if (status === "failed") {
      checkedAt = createdAt + Math.floor(r.range(MIN, HOUR));
    }
    const a = accounts.push({ platform, status, createdAt, verifiedAt, lapsedAt, checkedAt }) - 1;
    if (verifiedAt !== null) events.push({ kind: "account.verified", account: a, t: verifiedAt });
    if (lapsedAt !== null) events.push({ kind: "account.lapsed", account: a, t: lapsedAt });
  }

  // Reports: more for careless creators; careful ones answer fast.
  const reports: ReportSkel[] = [];
  if (r.chance(0.06 + 0.3 * (1 - dil)) && joinedAt < nowMs - 2 * DAY) {
    const n = r.weighted([[1, 60], [2, 30], [3, 10]]);
    for (let k = 0; k < n; k++) {
      const createdAt = joinedAt + DAY + Math.floor(r.next() * (nowMs - 2 * HOUR - joinedAt - DAY));
      const reason = r.weighted([["undisclosed", 45], ["misleading_label", 35], ["fake_engagement", 10], ["other", 10]] as const);
      let respondedAt: number | null = r.chance(0.5 + 0.45 * dil) ? createdAt + Math.max(20 * MIN, Math.floor(Math.pow(r.next(), 1 + 3 * dil) * 240 * HOUR)) : null;
      if (respondedAt !== null && respondedAt >= nowMs - MIN) respondedAt = null;
      let decidedAt: number | null = r.chance(0.7) ? (respondedAt ?? createdAt) + Math.floor(r.range(2 * HOUR, 14 * DAY)) : null;
      if (decidedAt !== null && decidedAt >= nowMs - MIN) decidedAt = null;
      const upheld = r.chance(0.15 + 0.6 * (1 - dil));
      const status = decidedAt !== null ? (upheld ? "upheld" : "dismissed") : respondedAt !== null ? "responded" : "open";
      const k2 = reports.push({ createdAt, respondedAt, decidedAt, status, reason }) - 1;
      if (respondedAt !== null) events.push({ kind: "report.answered", report: k2, t: respondedAt });
      if (decidedAt !== null) events.push({ kind: status === "upheld" ? "report.upheld" : "report.dismissed", report: k2, t: decidedAt });
    }
  }
  const upheld = reports.filter((x) => x.status === "upheld").map((x) => x.decidedAt!).sort((a, b) => a - b);
  let suspendedAt: number | null = null;
  if (upheld.length >= 2 || (upheld.length === 1 && dil < 0.3 && r.chance(0.4))) {
    const at = upheld[upheld.length - 1]! + Math.floor(r.range(HOUR, 3 * DAY));
    if (at < nowMs - MIN) {
      suspendedAt = at;
      events.push({ kind: "creator.suspended", t: at });
    }
  }

  // Collaborations: `count` rows, amendments included; none after a suspension.
  const activeUntil = suspendedAt ?? nowMs;
  const records: RecordSkel[] = [];
  const count = plan.counts[index] ?? 0;
  const amendRate = 0.02 + 0.1 * (1 - dil);
  let rows = 0;
  while (rows < count) {
    const recordedAt = joinedAt + 5 * MIN + Math.floor(r.next() * (activeUntil - MIN - joinedAt - 5 * MIN));
    // Careful creators record within days; others catch up weeks later (at most 60 days).
    let delay = Math.floor(Math.pow(r.next(), 1 + 5 * dil) * 60 * DAY);
    if (recordedAt - delay < windowStart) delay = Math.floor(r.next() * (recordedAt - windowStart));
    const postedAt = recordedAt - delay;
    const brand = pickBrand(r, niches);
    let amendAt: number | null = null;
    if (count - rows >= 2 && recordedAt < activeUntil - 2 * HOUR && r.chance(amendRate)) {
      amendAt = recordedAt + Math.floor(r.range(30 * MIN, Math.min(30 * DAY, activeUntil - MIN - recordedAt)));
    }
    let act: RecordSkel["act"] = null;
    const b = brand < BRANDS.length ? plan.brands[brand] : undefined;
    if (b && b.verifiedAt !== null && r.chance(0.35)) {
      const at = Math.max(amendAt ?? recordedAt, b.verifiedAt) + Math.floor(r.range(HOUR, 20 * DAY));
      if (at < nowMs - MIN) act = { kind: r.chance(0.08 + 0.2 * (1 - dil)) ? "disputed" : "confirmed", at };
    }
    const k = records.push({ brand, postedAt, recordedAt, amendAt, act }) - 1;
    events.push({ kind: "disclosure.recorded", record: k, t: recordedAt });
    if (amendAt !== null) events.push({ kind: "disclosure.amended", record: k, t: amendAt });
    if (act) events.push({ kind: act.kind === "confirmed" ? "collaboration.confirmed" : "collaboration.disputed", record: k, t: act.at });
    rows += amendAt !== null ? 2 : 1;
  }

  // The pledge: about four in five sign, from the day the manifesto is published.
  let pledge: Skeleton["pledge"] = null;
  const from = Math.max(launchMs, joinedAt) + HOUR;
  // A suspended creator cannot sign (signPledge refuses), so a pledge predates the suspension.
  const until = suspendedAt !== null ? suspendedAt : nowMs - 2 * HOUR;
  if (from < until - MIN && r.chance(0.82)) {
    const signedAt = from + Math.floor(Math.pow(r.next(), 2) * (until - MIN - from));
    const lang = languages[0] === "fr" || (languages.includes("fr") && r.chance(0.5)) ? "fr" : "en";
    let withdrawnAt: number | null = null;
    if (r.chance(0.05)) {
      const at = signedAt + Math.floor(r.range(HOUR, 10 * DAY));
      if (at < nowMs - MIN) withdrawnAt = at;
    }
    // The published policy (REVOKE_AFTER_UPHELD in worker/services/moderation.ts): the third
    // upheld report within 12 months revokes an active pledge, in the decision's own batch.
    let revokedAt: number | null = null;
    let upheldInYear = 0;
    for (const t of upheld) {
      if (t <= signedAt || (withdrawnAt !== null && withdrawnAt <= t)) continue;
      const n = upheld.filter((u) => u <= t && u >= t - 365 * DAY).length;
      if (n >= REVOKE_AFTER_UPHELD) {
        revokedAt = t;
        upheldInYear = n;
        withdrawnAt = null;
        break;
      }
    }
    pledge = { signedAt, lang, withdrawnAt, revokedAt, upheldInYear };
    events.push({ kind: "pledge.signed", t: signedAt });
    if (withdrawnAt !== null) events.push({ kind: "pledge.withdrawn", t: withdrawnAt });
    // Same time as the upheld decision, and later in plan order: the next log index.
    if (revokedAt !== null) events.push({ kind: "pledge.revoked", t: revokedAt });
  }

  return {
    index, country, names, handleBase, languages, audience, niches, diligence: dil, joinedAt, userAt,
    pledge, accounts, records, reports, suspendedAt, events,
  };
}

/** Makes handles unique and valid: base, else base + a number. */
function uniqueHandle(base: string, taken: Map<string, number>): string {
  let b = base.replace(/[^a-z0-9_]/g, "").slice(0, 26);
  if (b.length < 3) b = `${b}fan`.slice(0, 26);
  for (;;) {
    const n = taken.get(b) ?? 0;
    const h = n === 0 ? b : `${b}${n + 1}`;
    taken.set(b, n + 1);
    const ok = checkHandle(h);
    if (ok.ok && !taken.has(`=${h}`)) {
      taken.set(`=${h}`, 1);
      return h;
    }
  }
}

export type ProgressFn = (phase: string, done: number, total: number) => void;

/** Builds the plan: brands, counts, handles, and the log index of every fact. */
export function makePlan(opts: SeedOptions, progress?: ProgressFn): Plan {
  const { nowMs, launchMs } = checkOptions(opts);
  const windowStart = nowMs - HISTORY_DAYS * DAY;
  const brands = planBrands(opts, nowMs, windowStart);
  const counts = allocateCounts(opts);
  const base = { opts, nowMs, windowStart, launchMs, brands, counts };

  const times: number[] = [];
  const brandEvents = brands.filter((b) => b.verifiedAt !== null);
  for (const b of brandEvents) times.push(b.verifiedAt!);
  const eventStart = new Int32Array(opts.creators + 1);
  const handles: string[] = new Array(opts.creators);
  const taken = new Map<string, number>();
  for (let i = 0; i < opts.creators; i++) {
    const sk = skeleton(base, i);
    eventStart[i] = times.length;
    for (const e of sk.events) times.push(e.t);
    handles[i] = uniqueHandle(sk.handleBase, taken);
    if (progress && (i % 5000 === 4999 || i === opts.creators - 1)) progress("plan", i + 1, opts.creators);
  }
  eventStart[opts.creators] = times.length;

  // Order every fact in time; equal times keep plan order, so the result is deterministic.
  const total = times.length;
  const t = Float64Array.from(times);
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  order.sort((a, b) => t[a]! - t[b]! || a - b);
  const idxOf = new Int32Array(total);
  const entryTimes = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    idxOf[order[k]!] = k;
    entryTimes[k] = t[order[k]!]!;
  }
  return { ...base, handles, eventStart, idxOf, entryTimes, totalEntries: total };
}

/** The brand events' log indexes (brand events are the first global positions, in brand order). */
export function brandEventIndex(plan: Plan): Map<number, number> {
  const out = new Map<number, number>();
  let pos = 0;
  for (const b of plan.brands) if (b.verifiedAt !== null) out.set(b.index, plan.idxOf[pos++]!);
  return out;
}

export type { LogKind };
