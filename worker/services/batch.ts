import { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

const dialect = new SQLiteAsyncDialect();

/** A drizzle query builder or a raw `sql` fragment. */
export type BatchStmt = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * Runs statements as one D1 batch (one round trip, one transaction: all or nothing). Drizzle's
 * own batch cannot carry raw `sql` with parameters on D1, so both kinds are prepared here.
 */
export async function runBatch(d1: D1Database, stmts: readonly BatchStmt[]): Promise<D1Result[]> {
  const prepared = stmts.map((s) => {
    const q = s instanceof SQL ? dialect.sqlToQuery(s) : s.toSQL();
    return d1.prepare(q.sql).bind(...(q.params as unknown[]));
  });
  return d1.batch(prepared);
}
