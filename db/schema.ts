/**
 * Candor's data model. Timestamps are ISO-8601 UTC strings (sortable, readable in the API);
 * JSON columns hold small bounded documents. Nothing public is hard-deleted: withdrawals,
 * amendments, removals and takedowns are new facts (rows or status changes plus a log entry).
 */
import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  createdAt: text("created_at").notNull().default(now),
});

export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use sign-in links; only the SHA-256 of the token is kept. */
export const loginTokens = sqliteTable(
  "login_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    email: text("email").notNull(),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("login_tokens_email_idx").on(t.email, t.createdAt)],
);

/** Development mail sink; production sends through an HTTP email API instead. */
export const outbox = sqliteTable("outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  links: text("links", { mode: "json" }).$type<string[]>().notNull(),
  sentAt: text("sent_at").notNull().default(now),
});

export const creators = sqliteTable(
  "creators",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id),
    handle: text("handle").notNull().unique(),
    displayName: text("display_name").notNull(),
    bio: text("bio").notNull().default(""),
    country: text("country"),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    niches: text("niches", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
    // The pledge in force, denormalised so a profile or search reads one row.
    pledgeStatus: text("pledge_status", { enum: ["none", "signed", "withdrawn", "revoked"] })
      .notNull()
      .default("none"),
    pledgeVersion: integer("pledge_version"),
    pledgeSha256: text("pledge_sha256"),
    pledgeSignedAt: text("pledge_signed_at"),
    pledgeLogIndex: integer("pledge_log_index"),
    score: integer("score"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("creators_country_idx").on(t.country),
    index("creators_pledge_idx").on(t.pledgeStatus, t.pledgeSignedAt),
    index("creators_signed_at_idx").on(t.pledgeSignedAt),
    index("creators_score_idx").on(t.score),
    index("creators_name_idx").on(t.displayName),
  ],
);

/** One row per (creator, niche) so the niche filter is an index lookup. */
export const creatorNiches = sqliteTable(
  "creator_niches",
  {
    creatorId: text("creator_id")
      .notNull()
      .references(() => creators.id),
    niche: text("niche").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.niche, t.creatorId] }),
    index("creator_niches_creator_idx").on(t.creatorId),
  ],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => creators.id),
    platform: text("platform").notNull(),
    url: text("url").notNull(),
    username: text("username"),
    method: text("method").notNull(),
    token: text("token").notNull(),
    status: text("status", { enum: ["pending", "verified", "failed", "lapsed", "removed"] })
      .notNull()
      .default("pending"),
    verifiedAt: text("verified_at"),
    checkedAt: text("checked_at"),
    failCount: integer("fail_count").notNull().default(0),
    failure: text("failure"),
    evidence: text("evidence"),
    logIndex: integer("log_index"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("accounts_creator_idx").on(t.creatorId),
    index("accounts_platform_idx").on(t.platform, t.status, t.creatorId),
    index("accounts_url_idx").on(t.url),
    index("accounts_recheck_idx").on(t.status, t.checkedAt),
  ],
);

export const manifestoVersions = sqliteTable("manifesto_versions", {
  version: integer("version").primaryKey(),
  publishedAt: text("published_at").notNull(),
  textFr: text("text_fr").notNull(),
  textEn: text("text_en").notNull(),
  sha256Fr: text("sha256_fr").notNull(),
  sha256En: text("sha256_en").notNull(),
});

export const pledges = sqliteTable(
  "pledges",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => creators.id),
    version: integer("version")
      .notNull()
      .references(() => manifestoVersions.version),
    sha256: text("sha256").notNull(),
    lang: text("lang", { enum: ["fr", "en"] }).notNull(),
    statement: text("statement"),
    status: text("status", { enum: ["active", "replaced", "withdrawn", "revoked"] }).notNull(),
    signedAt: text("signed_at").notNull(),
    endedAt: text("ended_at"),
    endReason: text("end_reason"),
    logIndex: integer("log_index"),
  },
  (t) => [
    index("pledges_creator_idx").on(t.creatorId, t.signedAt),
    index("pledges_version_idx").on(t.version),
    index("pledges_status_idx").on(t.status, t.signedAt),
  ],
);

export const brands = sqliteTable(
  "brands",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    domain: text("domain").notNull(),
    token: text("token").notNull(),
    domainVerifiedAt: text("domain_verified_at"),
    checkedAt: text("checked_at"),
    failure: text("failure"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("brands_domain_idx").on(t.domain, t.domainVerifiedAt)],
);

export const brandMembers = sqliteTable(
  "brand_members",
  {
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["owner", "member"] }).notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.userId] }), index("brand_members_user_idx").on(t.userId)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: text("created_at").notNull().default(now),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_keys_brand_idx").on(t.brandId)],
);

export const disclosures = sqliteTable(
  "disclosures",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => creators.id),
    brandName: text("brand_name").notNull(),
    brandDomain: text("brand_domain"),
    postUrl: text("post_url").notNull(),
    platform: text("platform").notNull(),
    media: text("media").notNull(),
    relationship: text("relationship").notNull(),
    jurisdictions: text("jurisdictions", { mode: "json" }).$type<string[]>().notNull(),
    postedAt: text("posted_at").notNull(),
    recordedAt: text("recorded_at").notNull(),
    caption: text("caption").notNull(),
    overlay: text("overlay"),
    platformTool: integer("platform_tool", { mode: "boolean" }).notNull(),
    retouched: integer("retouched", { mode: "boolean" }).notNull(),
    aiGenerated: integer("ai_generated", { mode: "boolean" }).notNull(),
    verdict: text("verdict", { enum: ["pass", "review", "fail"] }).notNull(),
    findings: text("findings", { mode: "json" }).notNull(),
    ruleset: text("ruleset").notNull(),
    supersedes: text("supersedes"),
    supersededBy: text("superseded_by"),
    amendNote: text("amend_note"),
    brandStatus: text("brand_status", { enum: ["none", "confirmed", "disputed"] })
      .notNull()
      .default("none"),
    brandNote: text("brand_note"),
    brandActedAt: text("brand_acted_at"),
    logIndex: integer("log_index"),
  },
  (t) => [
    index("disclosures_creator_idx").on(t.creatorId, t.recordedAt, t.id),
    index("disclosures_brand_domain_idx").on(t.brandDomain, t.recordedAt),
    index("disclosures_supersedes_idx").on(t.supersedes),
  ],
);

export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => creators.id),
    postUrl: text("post_url").notNull(),
    reason: text("reason", {
      enum: ["undisclosed", "misleading_label", "fake_engagement", "other"],
    }).notNull(),
    evidence: text("evidence").notNull(),
    // Salted hashes only: the reporter's identity never appears in pages, API or log.
    reporterHash: text("reporter_hash").notNull(),
    contactHash: text("contact_hash"),
    status: text("status", { enum: ["open", "responded", "upheld", "dismissed"] })
      .notNull()
      .default("open"),
    responseAction: text("response_action"),
    responseNote: text("response_note"),
    respondedAt: text("responded_at"),
    decision: text("decision"),
    decisionReason: text("decision_reason"),
    decidedAt: text("decided_at"),
    logIndex: integer("log_index"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("reports_creator_idx").on(t.creatorId, t.status, t.createdAt),
    index("reports_status_idx").on(t.status, t.createdAt),
    uniqueIndex("reports_dedupe_idx").on(t.creatorId, t.postUrl, t.reporterHash),
  ],
);

/**
 * The append-only log. `idx` is assigned inside the writing batch as MAX(idx)+1, so indexes
 * are gapless and unique; the sequencer later folds the leaves into the Merkle tree.
 */
export const logEntries = sqliteTable(
  "log_entries",
  {
    idx: integer("idx").primaryKey(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    leafHash: text("leaf_hash").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("log_entries_subject_idx").on(t.subject, t.idx)],
);

/** Complete Merkle subtrees: node (level, idx) covers leaves [idx·2^level, (idx+1)·2^level). */
export const logNodes = sqliteTable(
  "log_nodes",
  {
    level: integer("level").notNull(),
    idx: integer("idx").notNull(),
    hash: blob("hash", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

export const checkpoints = sqliteTable("checkpoints", {
  size: integer("size").primaryKey(),
  rootHash: text("root_hash").notNull(),
  note: text("note").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

/**
 * Per-creator counters, updated with SQL increments in the same batch as each write, so a
 * profile read never scans a history. Histograms are bounded JSON objects.
 */
export const trustStats = sqliteTable("trust_stats", {
  creatorId: text("creator_id")
    .primaryKey()
    .references(() => creators.id),
  disclosuresTotal: integer("disclosures_total").notNull().default(0),
  byRelationship: text("by_relationship", { mode: "json" }).notNull().default(sql`'{}'`),
  byVerdict: text("by_verdict", { mode: "json" }).notNull().default(sql`'{}'`),
  brandConfirmed: integer("brand_confirmed").notNull().default(0),
  brandDisputed: integer("brand_disputed").notNull().default(0),
  amended: integer("amended").notNull().default(0),
  daysToRecord: text("days_to_record", { mode: "json" }).notNull().default(sql`'{}'`),
  lastRecordedAt: text("last_recorded_at"),
  accountsVerified: integer("accounts_verified").notNull().default(0),
  reportsOpen: integer("reports_open").notNull().default(0),
  reportsUpheld: text("reports_upheld", { mode: "json" }).notNull().default(sql`'[]'`),
  responseHours: text("response_hours", { mode: "json" }).notNull().default(sql`'{}'`),
  logCount: integer("log_count").notNull().default(0),
  lastLogIndex: integer("last_log_index"),
  updatedAt: text("updated_at").notNull().default(now),
});

/** Idempotency-Key replay store, scoped to the caller. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: text("response").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Fixed-window counters for limits the Rate Limiting binding cannot key (per email). */
export const rateCounters = sqliteTable("rate_counters", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** Global counters kept in the writing batch (e.g. active pledges), so totals are one read. */
export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull().default(0),
});

/**
 * For each checkpoint, the hashes of its right-edge incomplete ranges MTH(D[start:size]), so
 * every element of a proof ending at a checkpoint size is one stored read.
 */
export const logEdges = sqliteTable(
  "log_edges",
  {
    size: integer("size").notNull(),
    start: integer("start").notNull(),
    hash: blob("hash", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.size, t.start] })],
);
