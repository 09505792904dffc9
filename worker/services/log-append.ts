import { sql, type SQL } from "drizzle-orm";
import { canonicalize } from "../domain/log/canonical-json";
import { leafHash } from "../domain/log/merkle";
import { toBase64 } from "../domain/log/base64";
import type { ServiceCtx } from "./context";
import { refreshScore } from "./score-refresh";

/** Kinds of public change; each is one log entry. */
export type LogKind =
  | "pledge.signed"
  | "pledge.withdrawn"
  | "pledge.revoked"
  | "creator.created"
  | "creator.updated"
  | "creator.suspended"
  | "account.verified"
  | "account.lapsed"
  | "account.restored"
  | "account.removed"
  | "brand.verified"
  | "disclosure.recorded"
  | "disclosure.amended"
  | "collaboration.confirmed"
  | "collaboration.disputed"
  | "report.upheld"
  | "report.dismissed"
  | "report.answered";

export interface PreparedEntry {
  kind: LogKind;
  subject: string;
  body: string;
  leafHash: string;
}

/** The index the entry just inserted in this batch got (batches run as one transaction). */
export const LAST_LOG_INDEX = sql`(SELECT MAX(idx) FROM log_entries)`;

/**
 * Builds a log entry: canonical JSON body (RFC 8785) and its RFC 6962 leaf hash. The subject is
 * the creator id (or brand id) whose history the entry belongs to.
 */
export async function prepareEntry(
  ctx: Pick<ServiceCtx, "now">,
  kind: LogKind,
  subject: string,
  data: Record<string, unknown>,
): Promise<PreparedEntry> {
  const body = canonicalize({ v: 1, kind, subject, at: ctx.now.toISOString(), data });
  const hash = await leafHash(new TextEncoder().encode(body));
  return { kind, subject, body, leafHash: toBase64(hash) };
}

/**
 * The statements that append the entry, to put in the same D1 batch as the change it records:
 * the entry itself (index = MAX+1, gapless) and the subject's log counters.
 */
export function appendStatements(entry: PreparedEntry): SQL[] {
  return [
    sql`INSERT INTO log_entries (idx, kind, subject, body, leaf_hash)
      SELECT COALESCE(MAX(idx), -1) + 1, ${entry.kind}, ${entry.subject}, ${entry.body}, ${entry.leafHash}
      FROM log_entries`,
    sql`UPDATE trust_stats SET log_count = log_count + 1, last_log_index = ${LAST_LOG_INDEX}
      WHERE creator_id = ${entry.subject}`,
  ];
}

/**
 * After a public change: asks the sequencer to fold new entries into the tree and refreshes the
 * subject's stored score, both after the response is sent.
 */
export function kickSequencer(ctx: Pick<ServiceCtx, "env" | "defer" | "now">, creatorId?: string): void {
  const stub = ctx.env.SEQUENCER.get(ctx.env.SEQUENCER.idFromName("log"));
  ctx.defer(stub.integrate().catch((e: unknown) => console.error("sequencer", e)));
  if (creatorId) ctx.defer(refreshScore(ctx, creatorId).catch((e: unknown) => console.error("score", e)));
}
