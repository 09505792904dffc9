/**
 * Cross-checks what the API shows against what the log recorded: each disclosure record on a
 * creator's timeline must match the body of the log entry it names. This catches a record edited
 * (or an entry deleted) in the database after the fact.
 */
import { createHash } from "node:crypto";
import { getJson } from "./http.ts";
import type { Entry } from "./checks.ts";

interface Record_ {
  id: string;
  log_index: number | null;
  brand_name: string;
  post_url: string;
  platform: string;
  media: string;
  relationship: string;
  jurisdictions: string[];
  posted_at: string;
  caption: string;
  verdict: string;
  supersedes: string | null;
}

/** Every record on the timeline, following next_cursor. */
export async function fetchTimeline(base: string, handle: string): Promise<Record_[]> {
  const out: Record_[] = [];
  let cursor: string | null = null;
  do {
    const url = `${base}/api/v1/creators/${encodeURIComponent(handle)}/disclosures?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = (await getJson(url)) as { items?: Record_[]; next_cursor?: string | null };
    if (!Array.isArray(page.items)) throw new Error("timeline response is malformed");
    out.push(...page.items);
    cursor = page.next_cursor ?? null;
  } while (cursor);
  return out;
}

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** Problems found for one record, given the entry its log_index names (or undefined if none). */
export function recordProblems(r: Record_, entry: Entry | undefined, subject: string): string[] {
  if (r.log_index === null) return [`record ${r.id} names no log entry`];
  if (!entry) return [`record ${r.id} claims log entry #${r.log_index}, which is missing from the log`];
  if (entry.subject !== subject) return [`record ${r.id} claims log entry #${r.log_index}, which belongs to another subject`];
  const body = JSON.parse(entry.body) as { kind?: string; data?: Record<string, unknown> };
  const d = body.data ?? {};
  if (d.disclosure !== r.id) return [`log entry #${r.log_index} records ${String(d.disclosure)}, not ${r.id}`];
  const fields: Array<[string, unknown, unknown]> = [
    ["brand_name", r.brand_name, d.brand_name],
    ["post_url", r.post_url, d.post_url],
    ["platform", r.platform, d.platform],
    ["media", r.media, d.media],
    ["relationship", r.relationship, d.relationship],
    ["jurisdictions", JSON.stringify(r.jurisdictions), JSON.stringify(d.jurisdictions)],
    ["posted_at", r.posted_at, d.posted_at],
    ["verdict", r.verdict, d.verdict],
    ["supersedes", r.supersedes, d.supersedes],
    ["caption", sha256(r.caption), d.caption_sha256],
  ];
  return fields.filter(([, shown, logged]) => shown !== logged).map(([name]) => `record ${r.id} differs from log entry #${r.log_index} in ${name}`);
}
