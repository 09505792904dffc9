/**
 * The tables the seed fills, their columns (as in db/migrations) and the order that keeps
 * foreign keys satisfied. Rows travel as arrays in column order; blob columns as hex.
 */

export const TABLES = {
  users: ["id", "email", "created_at"],
  manifesto_versions: ["version", "published_at", "text_fr", "text_en", "sha256_fr", "sha256_en"],
  brands: ["id", "name", "domain", "token", "domain_verified_at", "checked_at", "failure", "created_at"],
  brand_members: ["brand_id", "user_id", "role", "created_at"],
  creators: [
    "id", "user_id", "handle", "display_name", "bio", "country", "languages", "niches", "status", "pledge_status",
    "pledge_version", "pledge_sha256", "pledge_signed_at", "pledge_log_index", "score", "created_at", "updated_at",
  ],
  creator_niches: ["creator_id", "niche"],
  trust_stats: [
    "creator_id", "disclosures_total", "by_relationship", "by_verdict", "brand_confirmed", "brand_disputed", "amended",
    "days_to_record", "last_recorded_at", "accounts_verified", "reports_open", "reports_upheld", "response_hours",
    "log_count", "last_log_index", "updated_at",
  ],
  accounts: [
    "id", "creator_id", "platform", "url", "username", "method", "token", "status", "verified_at", "checked_at",
    "fail_count", "failure", "evidence", "log_index", "created_at",
  ],
  pledges: ["id", "creator_id", "version", "sha256", "lang", "statement", "status", "signed_at", "ended_at", "end_reason", "log_index"],
  disclosures: [
    "id", "creator_id", "brand_name", "brand_domain", "post_url", "platform", "media", "relationship", "jurisdictions",
    "posted_at", "recorded_at", "caption", "overlay", "platform_tool", "retouched", "ai_generated", "verdict", "findings",
    "ruleset", "supersedes", "superseded_by", "amend_note", "brand_status", "brand_note", "brand_acted_at", "log_index",
  ],
  reports: [
    "id", "creator_id", "post_url", "reason", "evidence", "reporter_hash", "contact_hash", "status", "response_action",
    "response_note", "responded_at", "decision", "decision_reason", "decided_at", "log_index", "created_at",
  ],
  log_entries: ["idx", "kind", "subject", "body", "leaf_hash", "created_at"],
  counters: ["name", "value"],
  log_nodes: ["level", "idx", "hash"],
  log_edges: ["size", "start", "hash"],
  checkpoints: ["size", "root_hash", "note", "created_at"],
} as const;

export type TableName = keyof typeof TABLES;

/** Insertion order: parents before children. */
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/** Tables whose rows reference another seeded table's rows (foreign keys). */
export const PARENTS: Partial<Record<TableName, TableName[]>> = {
  brand_members: ["brands", "users"],
  creators: ["users"],
  creator_niches: ["users", "creators"],
  trust_stats: ["users", "creators"],
  accounts: ["users", "creators"],
  pledges: ["manifesto_versions", "users", "creators"],
  disclosures: ["users", "creators"],
  reports: ["users", "creators"],
};

/** Columns stored as BLOB; rows carry them as lowercase hex. */
export const BLOB_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  log_nodes: ["hash"],
  log_edges: ["hash"],
};

export type Row = unknown[];

/** Where generated rows go: the D1 writer, or a collector in tests. */
export interface Sink {
  add(table: TableName, row: Row): void;
  /** Called between units of work (a creator, a tree chunk): a chance to write and wait. */
  drain(): Promise<void>;
}

/** A row as an object keyed by column, for tests and checks. */
export function rowObject(table: TableName, row: Row): Record<string, unknown> {
  const cols = TABLES[table];
  const out: Record<string, unknown> = {};
  cols.forEach((c, i) => (out[c] = row[i]));
  return out;
}
