import { sql, type SQL } from "drizzle-orm";

/** Changes to a creator's counters; applied as SQL increments so concurrent writes never lose one. */
export interface StatsDelta {
  total?: number;
  byRelationship?: Record<string, number>;
  byVerdict?: Record<string, number>;
  daysToRecord?: Record<string, number>;
  amended?: number;
  brandConfirmed?: number;
  brandDisputed?: number;
  accountsVerified?: number;
  reportsOpen?: number;
  responseHours?: Record<string, number>;
  reportUpheldAt?: string;
  lastRecordedAt?: string;
}

function jsonBump(column: string, deltas: Record<string, number> | undefined): SQL | null {
  const entries = Object.entries(deltas ?? {}).filter(([, v]) => v !== 0);
  if (!entries.length) return null;
  let expr: SQL = sql.raw(column);
  for (const [key, v] of entries) {
    const path = `$."${key.replace(/"/g, "")}"`;
    expr = sql`json_set(${expr}, ${path}, COALESCE(json_extract(${sql.raw(column)}, ${path}), 0) + ${v})`;
  }
  return sql`${sql.raw(column)} = ${expr}`;
}

function counter(column: string, v: number | undefined): SQL | null {
  return v ? sql`${sql.raw(column)} = ${sql.raw(column)} + ${v}` : null;
}

/** One UPDATE applying the delta and stamping updated_at, for the writing batch. */
export function statsUpdate(creatorId: string, delta: StatsDelta, nowIso: string): SQL {
  const sets = [
    counter("disclosures_total", delta.total),
    jsonBump("by_relationship", delta.byRelationship),
    jsonBump("by_verdict", delta.byVerdict),
    jsonBump("days_to_record", delta.daysToRecord),
    counter("amended", delta.amended),
    counter("brand_confirmed", delta.brandConfirmed),
    counter("brand_disputed", delta.brandDisputed),
    counter("accounts_verified", delta.accountsVerified),
    counter("reports_open", delta.reportsOpen),
    jsonBump("response_hours", delta.responseHours),
    delta.reportUpheldAt ? sql`reports_upheld = json_insert(reports_upheld, '$[#]', ${delta.reportUpheldAt})` : null,
    delta.lastRecordedAt ? sql`last_recorded_at = MAX(COALESCE(last_recorded_at, ''), ${delta.lastRecordedAt})` : null,
    sql`updated_at = ${nowIso}`,
  ].filter((s): s is SQL => s !== null);
  return sql`UPDATE trust_stats SET ${sql.join(sets, sql`, `)} WHERE creator_id = ${creatorId}`;
}
