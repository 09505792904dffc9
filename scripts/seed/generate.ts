/**
 * Phase 2 of the seed: every row, creator by creator, as the services would have written it,
 * using the product's own domain code: the disclosure checker for verdicts, canonical JSON and
 * RFC 6962 leaf hashes for the log, the score formula for creators.score. Then the Merkle tree
 * and signed checkpoints, as the sequencer builds them. No I/O: rows go to a Sink.
 */
import { checkDisclosure } from "../../worker/domain/disclosure/check.ts";
import { RULESET, type Jurisdiction, type Platform, type Relationship } from "../../worker/domain/disclosure/types.ts";
import { canonicalize } from "../../worker/domain/log/canonical-json.ts";
import { leafHash, integrate, rightEdgeHashes, type TreeNode } from "../../worker/domain/log/merkle.ts";
import { formatCheckpoint, signNote } from "../../worker/domain/log/checkpoint.ts";
import { toBase64, toHex } from "../../worker/domain/log/base64.ts";
import { computeScore } from "../../worker/domain/score.ts";
import { daysBucket, hoursBucket } from "../../worker/domain/stats.ts";
import { sha256Hex } from "../../worker/domain/crypto.ts";
import { REVOKE_AFTER_UPHELD } from "../../worker/services/moderation.ts";
import { goodLabel, pickMedia, postUrl, RELATIONSHIP_WEIGHTS, writePost, type BrandRef } from "./captions.ts";
import { brandEventIndex, DAY, HOUR, makePlan, seededId, seededToken, skeleton, STREAM, type AccountPlatform, type LogKind, type Plan, type ProgressFn, type SeedOptions, type Skeleton } from "./plan.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Row, Sink, TableName } from "./tables.ts";
import {
  ACCOUNT_FAILURES, AMEND_NOTES, BIO_EXTRAS_EN, BIO_EXTRAS_FR, BRAND_NOTES, BRANDS, CITIES, DECISIONS, NICHES, OTHER_BRANDS,
  PLEDGE_STATEMENTS_EN, PLEDGE_STATEMENTS_FR, REPORT_EVIDENCE, REPORT_RESPONSES, SUSPEND_REASONS, WITHDRAW_REASONS,
} from "./vocab.ts";

export const CURRENT_MANIFESTO = 1;

export interface Manifesto {
  version: number;
  publishedAt: string;
  textFr: string;
  textEn: string;
  sha256Fr: string;
  sha256En: string;
}

export interface LogKey {
  origin: string;
  privateKey: CryptoKey;
  publicKeyRaw: Uint8Array;
}

export interface SeedSummary {
  plan: Plan;
  rows: Record<string, number>;
  entries: number;
  checkpoints: number[];
  root: string;
  activePledges: number;
  sampleHandles: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const enc = new TextEncoder();

/** The log entry body, exactly as prepareEntry (worker/services/log-append.ts) makes it. */
export function entryBody(kind: LogKind, subject: string, at: number, data: Record<string, unknown>): string {
  return canonicalize({ v: 1, kind, subject, at: iso(at), data });
}

/**
 * Log entries of one unit of work. Hashing is asynchronous (WebCrypto), so entries are hashed
 * concurrently and collected in a fixed order: the output never depends on timing.
 */
class EntryBatch {
  private promises: Array<Promise<Row>> = [];

  constructor(private leafHashes: Uint8Array) {}

  write(idx: number, kind: LogKind, subject: string, at: number, data: Record<string, unknown> | Promise<Record<string, unknown>>): void {
    this.promises.push(
      Promise.resolve(data).then(async (resolved) => {
        const body = entryBody(kind, subject, at, resolved);
        const hash = await leafHash(enc.encode(body));
        this.leafHashes.set(hash, idx * 32);
        return [idx, kind, subject, body, toBase64(hash), iso(at)];
      }),
    );
  }

  rows(): Promise<Row[]> {
    return Promise.all(this.promises);
  }
}

/** Rows of one unit of work, in the order they are to be written. */
type Out = Array<[TableName, Row]>;

function bump(h: Record<string, number>, key: string | number, by = 1) {
  const k = String(key);
  h[k] = (h[k] ?? 0) + by;
  if (h[k] === 0) delete h[k];
}

const ACCOUNT_TO_POST_PLATFORM: Record<AccountPlatform, Platform> = {
  instagram: "instagram", youtube: "youtube", tiktok: "tiktok", x: "x", website: "blog", mastodon: "other", bluesky: "other", github: "other",
};

const VERIFIED_METHODS: Record<AccountPlatform, ReadonlyArray<readonly [string, number]>> = {
  website: [["rel-me", 50], ["token", 30], ["well-known", 20]],
  mastodon: [["rel-me", 60], ["profile-link", 25], ["token", 15]],
  bluesky: [["token", 60], ["profile-link", 40]],
  github: [["profile-link", 60], ["token", 40]],
  youtube: [["profile-link", 50], ["token", 50]],
  instagram: [["manual", 1]],
  tiktok: [["manual", 1]],
  x: [["manual", 1]],
};
const MANUAL = new Set<AccountPlatform>(["instagram", "tiktok", "x"]);
const MASTODON_HOSTS = ["social.example", "mastodon.example", "piaille.example", "mas.example"];

function slugish(s: string): string {
  return s.replace(/_/g, "-").replace(/^-+|-+$/g, "").replace(/-{2,}/g, "-");
}

function accountAddress(platform: AccountPlatform, handle: string, r: Rng): { url: string; username: string } {
  const dashed = slugish(handle);
  switch (platform) {
    case "website":
      return { url: `https://${dashed}.example/`, username: `${dashed}.example` };
    case "mastodon":
      return { url: `https://${r.pick(MASTODON_HOSTS)}/@${handle}`, username: handle };
    case "bluesky":
      return { url: `https://bsky.app/profile/${dashed}.bsky.social`, username: `${dashed}.bsky.social` };
    case "github": {
      const u = dashed.slice(0, 39).replace(/-+$/, "");
      return { url: `https://github.com/${u}`, username: u };
    }
    case "youtube":
      return { url: `https://www.youtube.com/@${handle}`, username: handle };
    case "instagram":
      return { url: `https://www.instagram.com/${handle}`, username: handle };
    case "tiktok":
      return { url: `https://www.tiktok.com/@${handle.slice(0, 24)}`, username: handle.slice(0, 24) };
    case "x":
      return { url: `https://x.com/${handle.slice(0, 15)}`, username: handle.slice(0, 15) };
  }
}

interface BrandInfo extends BrandRef {
  domain: string | null;
  id: string | null;
}

function brandInfo(plan: Plan, index: number): BrandInfo {
  if (index < BRANDS.length) {
    const b = plan.brands[index]!;
    return { name: b.name, handle: b.handle, domain: b.domain, id: b.id };
  }
  const o = OTHER_BRANDS[index - BRANDS.length]!;
  return { name: o.name, handle: o.handle, domain: o.domain, id: null };
}

interface RecordFields {
  brand_name: string;
  brand_domain: string | null;
  post_url: string;
  platform: Platform;
  media: ReturnType<typeof pickMedia>;
  relationship: Relationship;
  jurisdictions: Jurisdiction[];
  posted_at: string;
  caption: string;
  overlay: string | null;
  platform_tool: boolean;
  retouched: boolean;
  ai_generated: boolean;
}

/** Runs the real checker the way recordDisclosure does. */
function check(f: RecordFields) {
  return checkDisclosure({
    text: f.caption, overlay: f.overlay, platform: f.platform, media: f.media, relationship: f.relationship,
    jurisdictions: f.jurisdictions, platform_tool: f.platform_tool, retouched: f.retouched, ai_generated: f.ai_generated,
    brand: f.brand_name,
  });
}

// Overlays repeat ("Ad", "Publicité"…): hash each distinct one once.
const overlayHashes = new Map<string, Promise<string>>();
function overlaySha256(text: string): Promise<string> {
  let h = overlayHashes.get(text);
  if (!h) {
    if (overlayHashes.size > 10_000) overlayHashes.clear();
    overlayHashes.set(text, (h = sha256Hex(text)));
  }
  return h;
}

/** The disclosure.recorded / disclosure.amended entry data, as prepareRecord builds it. */
async function disclosureData(handle: string, id: string, f: RecordFields, verdict: string, extra: { supersedes: string | null; note: string | null }) {
  const [captionSha, overlaySha] = await Promise.all([sha256Hex(f.caption), f.overlay ? overlaySha256(f.overlay) : null]);
  return {
    handle, disclosure: id, supersedes: extra.supersedes, note: extra.note,
    brand_name: f.brand_name, brand_domain: f.brand_domain, post_url: f.post_url, platform: f.platform,
    media: f.media, relationship: f.relationship, jurisdictions: f.jurisdictions, posted_at: f.posted_at,
    caption_sha256: captionSha, overlay_sha256: overlaySha,
    verdict, ruleset: RULESET,
  };
}

function disclosureRow(id: string, creatorId: string, f: RecordFields, recordedAt: string, result: ReturnType<typeof check>, extra: {
  supersedes: string | null; supersededBy: string | null; note: string | null; brandStatus: string; brandNote: string | null; brandActedAt: string | null; logIndex: number;
}): Row {
  return [
    id, creatorId, f.brand_name, f.brand_domain, f.post_url, f.platform, f.media, f.relationship, JSON.stringify(f.jurisdictions),
    f.posted_at, recordedAt, f.caption, f.overlay, f.platform_tool ? 1 : 0, f.retouched ? 1 : 0, f.ai_generated ? 1 : 0,
    result.verdict, JSON.stringify(result.findings), RULESET, extra.supersedes, extra.supersededBy, extra.note,
    extra.brandStatus, extra.brandNote, extra.brandActedAt, extra.logIndex,
  ];
}

export interface CreatorResult {
  out: Out;
  disclosureRows: number;
  activePledge: boolean;
  handle: string;
  score: number | null;
}

/** Every row of one creator. */
export async function generateCreator(plan: Plan, i: number, leafHashes: Uint8Array, manifesto: Manifesto): Promise<CreatorResult> {
  const entries = new EntryBatch(leafHashes);
  const sk: Skeleton = skeleton(plan, i);
  const d = rngFor(plan.opts.seed, STREAM.details, i);
  const handle = plan.handles[i]!;
  const base = plan.eventStart[i]!;
  // Log index of each of this creator's facts, by event.
  const idxs = sk.events.map((_, j) => plan.idxOf[base + j]!);
  const find = (pred: (e: Skeleton["events"][number]) => boolean): number | null => {
    const j = sk.events.findIndex(pred);
    return j < 0 ? null : idxs[j]!;
  };

  const userId = seededId("usr", sk.userAt, d);
  const creatorId = seededId("cr", sk.joinedAt, d);
  const lang = sk.languages[0] === "fr" ? "fr" : "en";
  const niche = sk.niches[0]!;
  const word = niche.handleWords[0]!;
  const displayName = d.chance(0.8) ? `${sk.names.first} ${sk.names.last}` : `${sk.names.first} ${word[0]!.toUpperCase()}${word.slice(1)}`;
  const city = sk.country.code && CITIES[sk.country.code] ? d.pick(CITIES[sk.country.code]!) : "";
  const bioExtra = d.pick(lang === "fr" ? BIO_EXTRAS_FR : BIO_EXTRAS_EN);
  const bio = [lang === "fr" ? niche.bioFr : niche.bioEn, city || !bioExtra.includes("{city}") ? bioExtra.replace("{city}", city) : ""].filter(Boolean).join(" ");

  const stats = {
    total: 0, byRelationship: {} as Record<string, number>, byVerdict: {} as Record<string, number>, daysToRecord: {} as Record<string, number>,
    amended: 0, brandConfirmed: 0, brandDisputed: 0, accountsVerified: 0, reportsOpen: 0, reportsUpheld: [] as string[],
    responseHours: {} as Record<string, number>, lastRecordedAt: null as string | null,
  };

  // Accounts.
  const accountRows: Row[] = [];
  for (const [a, acc] of sk.accounts.entries()) {
    const id = seededId("ac", acc.createdAt, d);
    const token = seededToken(12, d);
    const { url, username } = accountAddress(acc.platform, handle, d);
    const manual = MANUAL.has(acc.platform);
    const verifiedLike = acc.status === "verified" || acc.status === "lapsed";
    const method = manual ? "manual" : verifiedLike ? d.weighted(VERIFIED_METHODS[acc.platform]) : "pending";
    const failure = acc.status === "failed"
      ? manual ? "A moderator could not see the Candor link in the screenshot." : d.pick(ACCOUNT_FAILURES)
      : acc.status === "lapsed" ? d.pick(ACCOUNT_FAILURES) : null;
    const evidence = manual ? `Screenshot of the ${acc.platform === "x" ? "X" : acc.platform === "tiktok" ? "TikTok" : "Instagram"} bio showing the Candor profile link.` : null;
    const verifiedIdx = find((e) => e.kind === "account.verified" && e.account === a);
    const lapsedIdx = find((e) => e.kind === "account.lapsed" && e.account === a);
    if (acc.status === "verified") stats.accountsVerified++;
    accountRows.push([
      id, creatorId, acc.platform, url, username, method, token, acc.status, acc.verifiedAt !== null ? iso(acc.verifiedAt) : null,
      acc.checkedAt !== null ? iso(acc.checkedAt) : null, acc.status === "failed" ? 1 : acc.status === "lapsed" ? 2 : 0, failure, evidence,
      lapsedIdx ?? verifiedIdx, iso(acc.createdAt),
    ]);
    const data = { handle, account: id, platform: acc.platform, url, method };
    if (verifiedIdx !== null) entries.write(verifiedIdx, "account.verified", creatorId, acc.verifiedAt!, data);
    if (lapsedIdx !== null) entries.write(lapsedIdx, "account.lapsed", creatorId, acc.lapsedAt!, data);
  }

  // The pledge.
  let pledgeRow: Row | null = null;
  let pledgeState: { status: "none" | "signed" | "withdrawn" | "revoked"; sha: string | null; signedAt: string | null; logIndex: number | null } = { status: "none", sha: null, signedAt: null, logIndex: null };
  if (sk.pledge) {
    const p = sk.pledge;
    const id = seededId("pl", p.signedAt, d);
    const sha = p.lang === "fr" ? manifesto.sha256Fr : manifesto.sha256En;
    const statement = d.chance(0.3) ? d.pick(p.lang === "fr" ? PLEDGE_STATEMENTS_FR : PLEDGE_STATEMENTS_EN) : null;
    const signedIdx = find((e) => e.kind === "pledge.signed")!;
    const withdrawnIdx = find((e) => e.kind === "pledge.withdrawn");
    const reason = p.withdrawnAt !== null ? (d.chance(0.8) ? d.pick(WITHDRAW_REASONS) : null) : null;
    entries.write(signedIdx, "pledge.signed", creatorId, p.signedAt, {
      handle, pledge: id, version: CURRENT_MANIFESTO, sha256: sha, lang: p.lang, statement, replaces: null,
    });
    if (withdrawnIdx !== null) {
      entries.write(withdrawnIdx, "pledge.withdrawn", creatorId, p.withdrawnAt!, { handle, pledge: id, version: CURRENT_MANIFESTO, reason });
    }
    const revokedIdx = find((e) => e.kind === "pledge.revoked");
    if (revokedIdx !== null) {
      entries.write(revokedIdx, "pledge.revoked", creatorId, p.revokedAt!, {
        handle, version: CURRENT_MANIFESTO, reason: `${p.upheldInYear} upheld reports in 12 months (policy: ${REVOKE_AFTER_UPHELD})`,
      });
    }
    const status = p.revokedAt !== null ? "revoked" : p.withdrawnAt !== null ? "withdrawn" : "active";
    const endedAt = p.revokedAt ?? p.withdrawnAt;
    pledgeRow = [
      id, creatorId, CURRENT_MANIFESTO, sha, p.lang, statement, status, iso(p.signedAt),
      endedAt !== null ? iso(endedAt) : null, p.revokedAt !== null ? "upheld reports" : reason, signedIdx,
    ];
    pledgeState = { status: status === "active" ? "signed" : status, sha, signedAt: iso(p.signedAt), logIndex: revokedIdx ?? withdrawnIdx ?? signedIdx };
  }

  // Collaborations.
  const postPlatforms: Array<readonly [Platform, number]> = [
    ...sk.accounts.map((a) => [ACCOUNT_TO_POST_PLATFORM[a.platform], a.platform === "mastodon" || a.platform === "bluesky" || a.platform === "github" ? 1 : 10] as const),
    ["instagram", 3], ["facebook", 1], ["pinterest", 1], ["linkedin", 1], ["snapchat", 1], ["twitch", niche.id === "gaming" ? 6 : 0.2],
  ];
  const site = `${slugish(handle)}.example`;
  const care = Math.min(0.97, 0.1 + 0.85 * sk.diligence);
  const disclosureRows: Row[] = [];
  const currentPostUrls: string[] = [];
  for (const [k, rec] of sk.records.entries()) {
    const brand = brandInfo(plan, rec.brand);
    let rel = d.weighted(RELATIONSHIP_WEIGHTS);
    if (rec.act && (rel === "own_brand" || rel === "employee" || rel === "none")) rel = "paid";
    // Their own brand: a shop of theirs, not one of the brands on Candor.
    const b: BrandInfo = rel === "own_brand"
      ? { name: lang === "fr" ? `Atelier ${sk.names.first}` : `${sk.names.first} & Co`, handle: `${handle.replace(/_/g, "")}shop`, domain: null, id: null }
      : brand;
    const platform = d.weighted(postPlatforms);
    const media = pickMedia(d, platform);
    const js: Jurisdiction[] = sk.audience.length > 1 && d.chance(0.15) ? [d.pick(sk.audience)] : sk.audience.slice();
    const postLang = js.includes("FR") && sk.languages.includes("fr") ? "fr" : "en";
    // Talk about a product of the niche the brand and the creator share (or the brand's own).
    const brandNiches = rec.brand < BRANDS.length ? BRANDS[rec.brand]!.niches : OTHER_BRANDS[rec.brand - BRANDS.length]!.niches;
    const shared = sk.niches.filter((n) => brandNiches.includes(n.id));
    const postNiche = shared.length ? d.pick(shared) : NICHES.find((n) => n.id === brandNiches[0]) ?? niche;
    const post = writePost(d, { lang: postLang, niche: postNiche, brand: b, platform, media, rel, js, care });
    const slugWords = `${b.handle}-${postNiche.id}`;
    const fields: RecordFields = {
      brand_name: b.name, brand_domain: b.domain, post_url: postUrl(d, platform, media, { handle, site, slugWords }),
      platform, media, relationship: rel, jurisdictions: js, posted_at: iso(rec.postedAt), caption: post.caption, overlay: post.overlay,
      platform_tool: post.platformTool, retouched: post.retouched, ai_generated: post.aiGenerated,
    };
    const id = seededId("dc", rec.recordedAt, d);
    const result = check(fields);
    const recordIdx = find((e) => e.kind === "disclosure.recorded" && e.record === k)!;
    entries.write(recordIdx, "disclosure.recorded", creatorId, rec.recordedAt, disclosureData(handle, id, fields, result.verdict, { supersedes: null, note: null }));
    stats.total++;
    bump(stats.daysToRecord, daysBucket(fields.posted_at, iso(rec.recordedAt)));
    if (!stats.lastRecordedAt || iso(rec.recordedAt) > stats.lastRecordedAt) stats.lastRecordedAt = iso(rec.recordedAt);

    let current = { id, fields, result, recordedAt: rec.recordedAt, logIndex: recordIdx, supersedes: null as string | null, note: null as string | null };
    let original: typeof current | null = null;
    if (rec.amendAt !== null) {
      // A public correction: a new record supersedes this one.
      const f2: RecordFields = { ...fields };
      let note: string;
      if (result.verdict !== "pass") {
        const fix = goodLabel(d, js, rel, b.name, media);
        f2.caption = `${fix.prefix}${fields.caption}`;
        if (fix.overlay) f2.overlay = fields.overlay ? `${fix.overlay} · ${fields.overlay}` : fix.overlay;
        note = d.pick(postLang === "fr" ? AMEND_NOTES.labelFr : AMEND_NOTES.labelEn);
      } else if ((rel === "paid" || rel === "gifted") && d.chance(0.5)) {
        f2.relationship = rel === "paid" ? "gifted" : "paid";
        note = AMEND_NOTES.relationship[rel === "paid" ? 0 : 1]!;
      } else {
        const which = d.int(0, 1);
        if (which === 0) f2.posted_at = iso(rec.postedAt - DAY);
        else f2.post_url = postUrl(d, platform, media, { handle, site, slugWords });
        note = AMEND_NOTES.other[which]!;
      }
      const id2 = seededId("dc", rec.amendAt, d);
      const r2 = check(f2);
      const amendIdx = find((e) => e.kind === "disclosure.amended" && e.record === k)!;
      entries.write(amendIdx, "disclosure.amended", creatorId, rec.amendAt, disclosureData(handle, id2, f2, r2.verdict, { supersedes: id, note }));
      stats.amended++;
      original = current;
      current = { id: id2, fields: f2, result: r2, recordedAt: rec.amendAt, logIndex: amendIdx, supersedes: id, note };
    }
    bump(stats.byRelationship, current.fields.relationship);
    bump(stats.byVerdict, current.result.verdict);

    let brandStatus = "none";
    let brandNote: string | null = null;
    let brandActedAt: string | null = null;
    if (rec.act) {
      const actIdx = find((e) => (e.kind === "collaboration.confirmed" || e.kind === "collaboration.disputed") && e.record === k)!;
      brandStatus = rec.act.kind;
      brandNote = d.pick(BRAND_NOTES[rec.act.kind]);
      brandActedAt = iso(rec.act.at);
      if (rec.act.kind === "confirmed") stats.brandConfirmed++;
      else stats.brandDisputed++;
      entries.write(actIdx, rec.act.kind === "confirmed" ? "collaboration.confirmed" : "collaboration.disputed", creatorId, rec.act.at, {
        handle, disclosure: current.id, brand: brand.id, brand_name: brand.name, domain: brand.domain, reason: brandNote,
      });
    }
    if (original) {
      disclosureRows.push(disclosureRow(original.id, creatorId, original.fields, iso(original.recordedAt), original.result, {
        supersedes: null, supersededBy: current.id, note: null, brandStatus: "none", brandNote: null, brandActedAt: null, logIndex: original.logIndex,
      }));
    }
    disclosureRows.push(disclosureRow(current.id, creatorId, current.fields, iso(current.recordedAt), current.result, {
      supersedes: current.supersedes, supersededBy: null, note: current.note, brandStatus, brandNote, brandActedAt, logIndex: current.logIndex,
    }));
    currentPostUrls.push(current.fields.post_url);
  }

  // Reports (reporters appear only as random salted-hash stand-ins).
  const reportRows: Row[] = [];
  for (const [k, rep] of sk.reports.entries()) {
    const id = seededId("rp", rep.createdAt, d);
    const useRecorded = currentPostUrls.length > 0 && (rep.reason === "misleading_label" || (rep.reason !== "undisclosed" && d.chance(0.5)));
    const mainPlatform = sk.accounts.length ? ACCOUNT_TO_POST_PLATFORM[sk.accounts[0]!.platform] : "instagram";
    const url = useRecorded ? d.pick(currentPostUrls) : postUrl(d, mainPlatform, pickMedia(d, mainPlatform), { handle, site, slugWords: `${niche.id}-${d.int(1, 99)}` });
    const evidence = d.pick(REPORT_EVIDENCE[rep.reason]!);
    const reporterHash = d.hex(32);
    const contactHash = d.chance(0.5) ? d.hex(32) : null;
    const response = rep.respondedAt !== null ? d.pick(REPORT_RESPONSES) : null;
    const decided = rep.status === "upheld" || rep.status === "dismissed";
    const decisionReason = decided ? d.pick(DECISIONS[rep.status as "upheld" | "dismissed"]) : null;
    const answeredIdx = find((e) => e.kind === "report.answered" && e.report === k);
    const decidedIdx = find((e) => (e.kind === "report.upheld" || e.kind === "report.dismissed") && e.report === k);
    if (answeredIdx !== null) {
      entries.write(answeredIdx, "report.answered", creatorId, rep.respondedAt!, { handle, report: id, post_url: url, reason: rep.reason, action: response![0], note: response![1] });
      bump(stats.responseHours, hoursBucket(iso(rep.createdAt), iso(rep.respondedAt!)));
    }
    if (decidedIdx !== null) {
      entries.write(decidedIdx, rep.status === "upheld" ? "report.upheld" : "report.dismissed", creatorId, rep.decidedAt!, {
        handle, report: id, post_url: url, reason: rep.reason, decision: rep.status, decision_reason: decisionReason,
      });
    }
    if (!decided) stats.reportsOpen++;
    if (rep.status === "upheld") stats.reportsUpheld.push(iso(rep.decidedAt!));
    reportRows.push([
      id, creatorId, url, rep.reason, evidence, reporterHash, contactHash, rep.status, response?.[0] ?? null, response?.[1] ?? null,
      rep.respondedAt !== null ? iso(rep.respondedAt) : null, decided ? rep.status : null, decisionReason,
      rep.decidedAt !== null ? iso(rep.decidedAt) : null, decidedIdx, iso(rep.createdAt),
    ]);
  }
  stats.reportsUpheld.sort();

  if (sk.suspendedAt !== null) {
    const idx = find((e) => e.kind === "creator.suspended")!;
    entries.write(idx, "creator.suspended", creatorId, sk.suspendedAt, { handle, reason: d.pick(SUSPEND_REASONS) });
  }

  // Counters and score, as the services leave them after all of the above.
  const suspended = sk.suspendedAt !== null;
  const score = computeScore({
    stats: {
      total: stats.total, byRelationship: stats.byRelationship, byVerdict: stats.byVerdict, brandConfirmed: stats.brandConfirmed,
      brandDisputed: stats.brandDisputed, amended: stats.amended, daysToRecord: stats.daysToRecord, accountsVerified: stats.accountsVerified,
      reportsUpheld: stats.reportsUpheld, reportsOpen: stats.reportsOpen,
    },
    pledge: { status: pledgeState.status, version: sk.pledge ? CURRENT_MANIFESTO : null },
    currentManifesto: CURRENT_MANIFESTO,
    suspended,
    now: new Date(plan.nowMs),
  });
  const lastEvent = sk.events.reduce((m, e) => Math.max(m, e.t), sk.joinedAt);
  const lastIdx = idxs.length ? Math.max(...idxs) : null;
  const updatedAt = Math.max(sk.joinedAt, sk.pledge?.signedAt ?? 0, sk.pledge?.withdrawnAt ?? 0, sk.pledge?.revokedAt ?? 0, sk.suspendedAt ?? 0);

  const out: Out = [];
  out.push(["users", [userId, `${handle}@example.test`, iso(sk.userAt)]]);
  out.push(["creators", [
    creatorId, userId, handle, displayName, bio, sk.country.code, JSON.stringify(sk.languages), JSON.stringify(sk.niches.map((n) => n.id)),
    suspended ? "suspended" : "active", pledgeState.status, sk.pledge ? CURRENT_MANIFESTO : null, pledgeState.sha, pledgeState.signedAt,
    pledgeState.logIndex, score.value, iso(sk.joinedAt), iso(updatedAt),
  ]]);
  for (const n of sk.niches) out.push(["creator_niches", [creatorId, n.id]]);
  out.push(["trust_stats", [
    creatorId, stats.total, JSON.stringify(stats.byRelationship), JSON.stringify(stats.byVerdict), stats.brandConfirmed, stats.brandDisputed,
    stats.amended, JSON.stringify(stats.daysToRecord), stats.lastRecordedAt, stats.accountsVerified, stats.reportsOpen,
    JSON.stringify(stats.reportsUpheld), JSON.stringify(stats.responseHours), sk.events.length, lastIdx, iso(lastEvent),
  ]]);
  for (const row of accountRows) out.push(["accounts", row]);
  if (pledgeRow) out.push(["pledges", pledgeRow]);
  for (const row of disclosureRows) out.push(["disclosures", row]);
  for (const row of reportRows) out.push(["reports", row]);
  for (const row of await entries.rows()) out.push(["log_entries", row]);
  return { out, disclosureRows: disclosureRows.length, activePledge: pledgeState.status === "signed", handle, score: score.value };
}

/** Rows that do not belong to a creator: the manifesto, staff, brands and their log entries. */
async function generateGlobal(plan: Plan, sink: Sink, leafHashes: Uint8Array, manifesto: Manifesto): Promise<void> {
  const entries = new EntryBatch(leafHashes);
  sink.add("manifesto_versions", [manifesto.version, manifesto.publishedAt, manifesto.textFr, manifesto.textEn, manifesto.sha256Fr, manifesto.sha256En]);
  const r = rngFor(plan.opts.seed, STREAM.brands, 1);
  const modAt = plan.windowStart - 40 * DAY;
  sink.add("users", [seededId("usr", modAt, r), "moderator@example.test", iso(modAt)]);
  const brandIdx = brandEventIndex(plan);
  for (const b of plan.brands) {
    sink.add("users", [b.ownerUserId, b.ownerEmail, iso(b.ownerAt)]);
    sink.add("brands", [
      b.id, b.name, b.domain, b.token, b.verifiedAt !== null ? iso(b.verifiedAt) : null,
      b.verifiedAt !== null ? iso(b.verifiedAt) : iso(b.createdAt + HOUR), b.checkFailure, iso(b.createdAt),
    ]);
    sink.add("brand_members", [b.id, b.ownerUserId, "owner", iso(b.createdAt)]);
    const idx = brandIdx.get(b.index);
    if (idx !== undefined) entries.write(idx, "brand.verified", b.id, b.verifiedAt!, { brand: b.id, name: b.name, domain: b.domain, method: b.method });
  }
  for (const row of await entries.rows()) sink.add("log_entries", row);
}

/** Checkpoint sizes: the log as it stood at each month's start, then the whole log. */
export function checkpointSizes(plan: Plan): number[] {
  const sizes = new Set<number>();
  const d = new Date(plan.windowStart);
  let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (m < plan.nowMs) {
    // Entries strictly before the month boundary.
    let lo = 0;
    let hi = plan.totalEntries;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (plan.entryTimes[mid]! < m) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) sizes.add(lo);
    const next = new Date(m);
    m = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  if (plan.totalEntries > 0) sizes.add(plan.totalEntries);
  return [...sizes].sort((a, b) => a - b);
}

const TREE_CHUNK = 1 << 15;

/**
 * Folds every leaf into the tree as the sequencer does (log-sequencer.ts step()): complete
 * nodes, right-edge hashes at each checkpoint size, and a signed checkpoint per size.
 */
export async function buildTree(plan: Plan, leafHashes: Uint8Array, key: LogKey, sink: Sink, progress?: ProgressFn): Promise<{ root: string; sizes: number[] }> {
  const sizes = checkpointSizes(plan);
  let frontier: TreeNode[] = [];
  let size = 0;
  let root = "";
  for (const target of sizes) {
    while (size < target) {
      const end = Math.min(target, size + TREE_CHUNK);
      const hashes: Uint8Array[] = [];
      for (let k = size; k < end; k++) hashes.push(leafHashes.subarray(k * 32, k * 32 + 32));
      const result = await integrate(frontier, size, hashes);
      for (const n of result.nodes) sink.add("log_nodes", [n.level, n.index, toHex(n.hash)]);
      frontier = result.frontier;
      size = result.size;
      if (size === target) {
        for (const e of await rightEdgeHashes(frontier)) sink.add("log_edges", [size, e.start, toHex(e.hash)]);
        const note = await signNote(formatCheckpoint({ origin: key.origin, size, root: result.root }), key.origin, key.privateKey, key.publicKeyRaw);
        root = toBase64(result.root);
        const at = Math.min(plan.entryTimes[size - 1]! + 2000, plan.nowMs);
        sink.add("checkpoints", [size, root, note, iso(at)]);
      }
      await sink.drain();
      progress?.("log tree", size, plan.totalEntries);
    }
  }
  return { root, sizes };
}

/** The whole seed: plan, every row, the tree and its checkpoints. */
export async function generate(opts: SeedOptions, sink: Sink, deps: { manifesto: Manifesto; key: LogKey; progress?: ProgressFn }): Promise<SeedSummary> {
  const plan = makePlan(opts, deps.progress);
  const leafHashes = new Uint8Array(plan.totalEntries * 32);
  const rows: Record<string, number> = {};
  const counting: Sink = {
    add(table, row) {
      rows[table] = (rows[table] ?? 0) + 1;
      sink.add(table, row);
    },
    drain: () => sink.drain(),
  };
  await generateGlobal(plan, counting, leafHashes, deps.manifesto);
  let active = 0;
  let done = 0;
  const sample: string[] = [];
  // Creators are generated a few at a time (their hashing overlaps), written in index order.
  for (let i = 0; i < opts.creators; ) {
    const group: number[] = [];
    let weight = 0;
    while (i < opts.creators && group.length < 64 && weight < 400) {
      weight += (plan.counts[i] ?? 0) + 2;
      group.push(i++);
    }
    const results = await Promise.all(group.map((c) => generateCreator(plan, c, leafHashes, deps.manifesto)));
    for (const res of results) {
      for (const [table, row] of res.out) counting.add(table, row);
      if (res.activePledge) active++;
      done += res.disclosureRows;
      if (sample.length < 5 && res.score !== null) sample.push(res.handle);
    }
    await counting.drain();
    deps.progress?.("disclosures", done, opts.disclosures);
  }
  counting.add("counters", ["active_pledges", active]);
  await counting.drain();
  const tree = await buildTree(plan, leafHashes, deps.key, counting, deps.progress);
  return { plan, rows, entries: plan.totalEntries, checkpoints: tree.sizes, root: tree.root, activePledges: active, sampleHandles: sample };
}

