import { CURRENT_VERSION } from "../../content/manifesto/index";
import { computeScore } from "../domain/score";
import { medianOf, upheldWithin12Months, type TrustStats } from "../domain/stats";
import { notFound } from "../errors";
import type { ServiceCtx } from "./context";

/** D1 cost of a read, reported to clients and benchmarks (x-d1-round-trips, x-d1-rows-read). */
export interface ReadCost {
  roundTrips: number;
  rowsRead: number;
}

export interface CreatorStatsRow {
  id: string;
  handle: string;
  display_name: string;
  bio: string;
  country: string | null;
  languages: string;
  niches: string;
  status: "active" | "suspended";
  pledge_status: "none" | "signed" | "withdrawn" | "revoked";
  pledge_version: number | null;
  pledge_sha256: string | null;
  pledge_signed_at: string | null;
  pledge_log_index: number | null;
  score: number | null;
  created_at: string;
  updated_at: string;
  disclosures_total: number | null;
  by_relationship: string | null;
  by_verdict: string | null;
  brand_confirmed: number | null;
  brand_disputed: number | null;
  amended: number | null;
  days_to_record: string | null;
  last_recorded_at: string | null;
  accounts_verified: number | null;
  reports_open: number | null;
  reports_upheld: string | null;
  response_hours: string | null;
  log_count: number | null;
  last_log_index: number | null;
  stats_updated_at: string | null;
}

/** The columns a profile needs: one row from creators joined with its counters. */
export const PROFILE_COLUMNS = `c.id, c.handle, c.display_name, c.bio, c.country, c.languages, c.niches, c.status,
  c.pledge_status, c.pledge_version, c.pledge_sha256, c.pledge_signed_at, c.pledge_log_index, c.score, c.created_at, c.updated_at,
  s.disclosures_total, s.by_relationship, s.by_verdict, s.brand_confirmed, s.brand_disputed, s.amended, s.days_to_record,
  s.last_recorded_at, s.accounts_verified, s.reports_open, s.reports_upheld, s.response_hours, s.log_count, s.last_log_index,
  s.updated_at AS stats_updated_at`;
export const PROFILE_SELECT = `SELECT ${PROFILE_COLUMNS} FROM creators c LEFT JOIN trust_stats s ON s.creator_id = c.id`;

const parse = <T>(s: string | null | undefined, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

export function statsOf(r: CreatorStatsRow): TrustStats {
  return {
    total: r.disclosures_total ?? 0,
    byRelationship: parse(r.by_relationship, {}),
    byVerdict: parse(r.by_verdict, {}),
    brandConfirmed: r.brand_confirmed ?? 0,
    brandDisputed: r.brand_disputed ?? 0,
    amended: r.amended ?? 0,
    daysToRecord: parse(r.days_to_record, {}),
    accountsVerified: r.accounts_verified ?? 0,
    reportsUpheld: parse(r.reports_upheld, []),
    reportsOpen: r.reports_open ?? 0,
  };
}

export function scoreOf(r: CreatorStatsRow, now: Date) {
  return computeScore({ stats: statsOf(r), pledge: { status: r.pledge_status, version: r.pledge_version }, currentManifesto: CURRENT_VERSION, suspended: r.status === "suspended", now });
}

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v > 0));

/** The summary a search or look-up answers with. */
export function summaryOf(r: CreatorStatsRow, now: Date) {
  return {
    handle: r.handle,
    display_name: r.display_name,
    country: r.country,
    niches: parse<string[]>(r.niches, []),
    pledge_status: r.pledge_status,
    score: scoreOf(r, now).value,
  };
}

/**
 * The public trust profile. One D1 round trip (a batch of three bounded queries), whatever the
 * length of the history: every count comes from the counters kept by each write.
 */
export async function getProfile(ctx: Pick<ServiceCtx, "env" | "now">, handle: string): Promise<{ profile: ReturnType<typeof shapeProfile>; cost: ReadCost }> {
  const h = handle.toLowerCase().replace(/^@/, "");
  const d1 = ctx.env.DB;
  const [main, accts, cp] = await d1.batch([
    d1.prepare(`${PROFILE_SELECT} WHERE c.handle = ?`).bind(h),
    d1.prepare(`SELECT a.platform, a.url, a.method, a.status, a.verified_at, a.checked_at, a.log_index FROM accounts a
      WHERE a.creator_id = (SELECT id FROM creators WHERE handle = ?) AND a.status IN ('verified', 'lapsed') LIMIT 12`).bind(h),
    d1.prepare("SELECT size FROM checkpoints ORDER BY size DESC LIMIT 1"),
  ]);
  const cost = { roundTrips: 1, rowsRead: [main, accts, cp].reduce((s, r) => s + (r?.meta.rows_read ?? 0), 0) };
  const row = main?.results[0] as CreatorStatsRow | undefined;
  if (!row) throw notFound(`The creator @${h}`);
  const checkpointSize = (cp?.results[0] as { size: number } | undefined)?.size ?? 0;
  // Sorted here rather than in SQL, so the read needs no temporary b-tree.
  const accounts = ((accts?.results ?? []) as AccountRow[]).sort((a, b) => a.platform.localeCompare(b.platform) || a.url.localeCompare(b.url));
  return { profile: shapeProfile(row, accounts, checkpointSize, ctx.now), cost };
}

interface AccountRow {
  platform: string;
  url: string;
  method: string;
  status: string;
  verified_at: string | null;
  checked_at: string | null;
  log_index: number | null;
}

function shapeProfile(r: CreatorStatsRow, accounts: AccountRow[], checkpointSize: number, now: Date) {
  const s = statsOf(r);
  return {
    handle: r.handle,
    display_name: r.display_name,
    bio: r.bio,
    country: r.country,
    languages: parse<string[]>(r.languages, []),
    niches: parse<string[]>(r.niches, []),
    status: r.status,
    created_at: r.created_at,
    pledge: { status: r.pledge_status, version: r.pledge_version, sha256: r.pledge_sha256, signed_at: r.pledge_signed_at, log_index: r.pledge_log_index },
    accounts,
    disclosures: {
      total: s.total,
      by_relationship: nonZero(s.byRelationship),
      by_verdict: { pass: s.byVerdict.pass ?? 0, review: s.byVerdict.review ?? 0, fail: s.byVerdict.fail ?? 0 },
      brand_confirmed: s.brandConfirmed,
      disputed: s.brandDisputed,
      amended: s.amended,
      median_days_to_record: medianOf(s.daysToRecord),
      last_recorded_at: r.last_recorded_at,
    },
    reports: {
      upheld_12m: upheldWithin12Months(s.reportsUpheld, now),
      open: s.reportsOpen,
      median_response_hours: medianOf(parse(r.response_hours, {})),
    },
    score: scoreOf(r, now),
    log: {
      entries: r.log_count ?? 0,
      last_index: r.last_log_index,
      checkpoint_size: checkpointSize,
      covered: r.last_log_index === null || r.last_log_index < checkpointSize,
      indexes_url: `/api/v1/creators/${r.handle}/log`,
    },
    updated_at: [r.updated_at, r.stats_updated_at ?? ""].sort().pop()!,
  };
}

export type TrustProfile = Awaited<ReturnType<typeof getProfile>>["profile"];
