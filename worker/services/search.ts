import { decodeCursor, encodeCursor } from "../domain/cursor";
import { parseAccountUrl, PLATFORMS } from "../verify/adapters/index";
import { verifyConfigFromEnv } from "../verify/config";
import type { ServiceCtx } from "./context";
import { PROFILE_COLUMNS, PROFILE_SELECT, summaryOf, type CreatorStatsRow, type ReadCost } from "./profile";
import { ftsQuery } from "./signatories";

export const SORTS = ["score", "signed_at", "name"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q?: string;
  platform?: string;
  country?: string;
  niche?: string;
  pledged?: boolean;
  min_score?: number;
  sort: Sort;
  cursor?: string;
  limit: number;
}

/** Sort key per order: the cursor holds the last row's key, so pages are stable. */
const ORDER: Record<Sort, { key: string; dir: "DESC" | "ASC"; type: "nullable-number" | "nullable-string" | "string" }> = {
  score: { key: "c.score", dir: "DESC", type: "nullable-number" },
  signed_at: { key: "c.pledge_signed_at", dir: "DESC", type: "nullable-string" },
  name: { key: "c.display_name", dir: "ASC", type: "string" },
};

/** Builds the search SQL; every filter is backed by an index (see the EXPLAIN QUERY PLAN test). */
export function searchSql(q: SearchQuery): { sql: string; params: unknown[] } {
  const where: string[] = ["c.status = 'active'"];
  const params: unknown[] = [];
  const match = q.q ? ftsQuery(q.q) : null;
  if (match) {
    where.push("c.rowid IN (SELECT rowid FROM creators_fts WHERE creators_fts MATCH ?)");
    params.push(match);
  }
  if (q.platform) {
    where.push("c.id IN (SELECT creator_id FROM accounts WHERE platform = ? AND status = 'verified')");
    params.push(q.platform);
  }
  if (q.country) {
    where.push("c.country = ?");
    params.push(q.country);
  }
  if (q.niche) {
    where.push("c.id IN (SELECT creator_id FROM creator_niches WHERE niche = ?)");
    params.push(q.niche);
  }
  if (q.pledged !== undefined) where.push(q.pledged ? "c.pledge_status = 'signed'" : "c.pledge_status != 'signed'");
  if (q.min_score !== undefined) {
    where.push("c.score >= ?");
    params.push(q.min_score);
  }
  const o = ORDER[q.sort];
  // Descending orders put NULL keys last by themselves (NULL sorts lowest), and names are never
  // NULL, so the order is (key, id) and walks the (key, id) index without a temporary sort.
  if (q.cursor) {
    const [isNull, key, id] = decodeCursor(q.cursor, ["number", o.type, "string"]) as [number, unknown, string];
    const cmp = o.dir === "DESC" ? "<" : ">";
    if (isNull) {
      where.push(`(${o.key} IS NULL AND c.id ${cmp} ?)`);
      params.push(id);
    } else {
      where.push(`(${o.key} IS NULL OR ${o.key} ${cmp} ? OR (${o.key} = ? AND c.id ${cmp} ?))`);
      params.push(key, key, id);
    }
  }
  const sql = `${PROFILE_SELECT} WHERE ${where.join(" AND ")} ORDER BY ${o.key} ${o.dir}, c.id ${o.dir} LIMIT ?`;
  params.push(q.limit + 1);
  return { sql, params };
}

/** Directory search: full text plus filters, cursor-paginated. One query. */
export async function searchCreators(ctx: Pick<ServiceCtx, "env" | "now">, q: SearchQuery) {
  const { sql, params } = searchSql(q);
  const res = await ctx.env.DB.prepare(sql).bind(...params).all<CreatorStatsRow & Record<string, unknown>>();
  const rows = res.results;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const keyOf = (r: CreatorStatsRow) => (q.sort === "score" ? r.score : q.sort === "signed_at" ? r.pledge_signed_at : r.display_name);
  const cost: ReadCost = { roundTrips: 1, rowsRead: res.meta.rows_read ?? 0 };
  return {
    body: {
      items: page.map((r) => summaryOf(r, ctx.now)),
      next_cursor: rows.length > q.limit && last ? encodeCursor([keyOf(last) === null ? 1 : 0, keyOf(last), last.id]) : null,
    },
    cost,
  };
}

/** Classifies a look-up item: an account URL (matched to a verified account) or a handle. */
function classify(env: Env, input: string): { handle?: string; url?: string } {
  const s = input.trim();
  if (/^https?:\/\//i.test(s)) {
    const config = verifyConfigFromEnv(env);
    for (const p of PLATFORMS) {
      if (p === "website") continue;
      const parsed = parseAccountUrl(p, s, config);
      if (parsed.ok) return { url: parsed.normalizedUrl };
    }
    const site = parseAccountUrl("website", s, config);
    const profile = /\/@([a-z0-9_]{3,30})\/?$/i.exec(s);
    if (profile && URL.canParse(s) && new URL(s).origin === new URL(env.PUBLIC_ORIGIN).origin) return { handle: profile[1]!.toLowerCase() };
    return site.ok ? { url: site.normalizedUrl } : {};
  }
  return { handle: s.replace(/^@/, "").toLowerCase() };
}

/**
 * Creators by verified account URL. Pinned to the url index: with a status filter SQLite may
 * otherwise pick the (status, checked_at) index and scan every verified account.
 */
export function lookupByUrlSql(n: number): string {
  return `SELECT a.url AS account_url, ${PROFILE_COLUMNS} FROM accounts a INDEXED BY accounts_url_idx JOIN creators c ON c.id = a.creator_id
    LEFT JOIN trust_stats s ON s.creator_id = c.id
    WHERE a.status = 'verified' AND a.url IN (${Array.from({ length: n }, () => "?").join(",") || "NULL"})`;
}

/**
 * Bulk look-up of up to 100 handles or account URLs, answered in order. One round trip of two
 * queries whatever the count (each under D1's 100-parameter limit).
 */
export async function lookupCreators(ctx: Pick<ServiceCtx, "env" | "now">, items: string[]) {
  const kinds = items.map((i) => classify(ctx.env, i));
  const handles = [...new Set(kinds.flatMap((k) => (k.handle ? [k.handle] : [])))];
  const urls = [...new Set(kinds.flatMap((k) => (k.url ? [k.url] : [])))];
  const d1 = ctx.env.DB;
  const [byHandle, byUrl] = await d1.batch([
    d1.prepare(`${PROFILE_SELECT} WHERE c.handle IN (${handles.map(() => "?").join(",") || "NULL"})`).bind(...handles),
    d1.prepare(lookupByUrlSql(urls.length)).bind(...urls),
  ]);
  const h = new Map((byHandle!.results as CreatorStatsRow[]).map((r) => [r.handle, r]));
  const u = new Map((byUrl!.results as Array<CreatorStatsRow & { account_url: string }>).map((r) => [r.account_url, r]));
  const results = items.map((input, i) => {
    const k = kinds[i]!;
    const row = k.handle ? h.get(k.handle) : k.url ? u.get(k.url) : undefined;
    return row ? { input, found: true as const, ...summaryOf(row, ctx.now), profile_url: `/@${row.handle}` } : { input, found: false as const };
  });
  return { body: { results }, cost: { roundTrips: 1, rowsRead: (byHandle!.meta.rows_read ?? 0) + (byUrl!.meta.rows_read ?? 0) } };
}
