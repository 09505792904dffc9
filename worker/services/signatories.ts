import { sql } from "drizzle-orm";
import type { ServiceCtx } from "./context";
import { decodeCursor, encodeCursor } from "../domain/cursor";

export interface SignatoryRow {
  handle: string;
  display_name: string;
  country: string | null;
  version: number;
  signed_at: string;
}

/** Active signatories, newest first; `q` searches handle, name, bio and niches (FTS5). */
export async function listSignatories(ctx: Pick<ServiceCtx, "db">, opts: { q?: string; cursor?: string; limit: number }) {
  const after = opts.cursor ? decodeCursor(opts.cursor, ["string", "string"]) : null;
  const match = opts.q ? ftsQuery(opts.q) : null;
  const rows = await ctx.db.all<SignatoryRow & { id: string }>(sql`
    SELECT c.id, c.handle, c.display_name, c.country, c.pledge_version AS version, c.pledge_signed_at AS signed_at
    FROM creators c
    WHERE c.pledge_status = 'signed'
      ${match ? sql`AND c.rowid IN (SELECT rowid FROM creators_fts WHERE creators_fts MATCH ${match})` : sql``}
      ${after ? sql`AND (c.pledge_signed_at, c.id) < (${after[0]}, ${after[1]})` : sql``}
    ORDER BY c.pledge_signed_at DESC, c.id DESC
    LIMIT ${opts.limit + 1}`);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ id: _id, ...r }) => r),
    next_cursor: rows.length > opts.limit && last ? encodeCursor([last.signed_at, last.id]) : null,
  };
}

/** Turns free text into a safe FTS5 query: each word a quoted prefix term. */
export function ftsQuery(q: string): string | null {
  const words = q.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}_]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}
