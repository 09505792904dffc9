/** Bounded histogram: key → count. Keys are integer buckets (days, hours), capped. */
export type Histogram = Record<string, number>;

export const MAX_DAYS_BUCKET = 366;
export const MAX_HOURS_BUCKET = 24 * 90;

/** Whole days from posting to recording, capped so the histogram stays bounded. */
export function daysBucket(postedAt: string, recordedAt: string): number {
  const days = Math.floor((Date.parse(recordedAt) - Date.parse(postedAt)) / 86_400_000);
  return Math.min(MAX_DAYS_BUCKET, Math.max(0, days));
}

export function hoursBucket(from: string, to: string): number {
  const hours = Math.floor((Date.parse(to) - Date.parse(from)) / 3_600_000);
  return Math.min(MAX_HOURS_BUCKET, Math.max(0, hours));
}

/** The median of a histogram (lower median for even counts), or null when empty. */
export function medianOf(hist: Histogram): number | null {
  const entries = Object.entries(hist)
    .map(([k, v]) => [Number(k), v] as const)
    .filter(([, v]) => v > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total === 0) return null;
  let seen = 0;
  const target = Math.ceil(total / 2);
  for (const [k, v] of entries) {
    seen += v;
    if (seen >= target) return k;
  }
  return null;
}

/** Upheld reports in the 12 months before `now`. */
export function upheldWithin12Months(dates: string[], now: Date): number {
  const since = now.getTime() - 365 * 86_400_000;
  return dates.filter((d) => Date.parse(d) >= since).length;
}

export interface TrustStats {
  total: number;
  byRelationship: Record<string, number>;
  byVerdict: Record<string, number>;
  brandConfirmed: number;
  brandDisputed: number;
  amended: number;
  daysToRecord: Histogram;
  accountsVerified: number;
  reportsUpheld: string[];
  reportsOpen: number;
}
