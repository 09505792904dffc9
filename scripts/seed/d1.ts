/**
 * Writing the seed to D1 through wrangler's platform proxy.
 *
 * Every statement is a multi-row INSERT with ONE bound parameter: a JSON array of rows that
 * SQLite expands with json_each (`INSERT INTO t (a, b) SELECT value->>0, value->>1 FROM
 * json_each(?)`). That keeps far below D1's 100 bound parameters per statement while moving
 * ~1 MB per statement (D1 caps a string value at 2 MB), so a million rows take hundreds of
 * statements rather than hundreds of thousands; through the proxy each prepare()/bind() is a
 * synchronous round trip of several milliseconds, which is what would otherwise dominate.
 */
import { BLOB_COLUMNS, PARENTS, TABLE_ORDER, TABLES, type Row, type Sink, type TableName } from "./tables.ts";

/** Characters of JSON per statement: ≤ 2 MB even if every character took two UTF-8 bytes. */
export const STATEMENT_CHARS = 900_000;
/** Characters of JSON per DB.batch() call. */
export const BATCH_CHARS = 6_000_000;

export function insertSql(table: TableName): string {
  const cols = TABLES[table];
  const blobs = new Set(BLOB_COLUMNS[table] ?? []);
  const values = cols.map((c, i) => (blobs.has(c) ? `unhex(value->>${i})` : `value->>${i}`));
  // The Worker registers the manifesto itself on first read; the seed's row is the same.
  const verb = table === "manifesto_versions" ? "INSERT OR IGNORE" : "INSERT";
  return `${verb} INTO ${table} (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${values.join(", ")} FROM json_each(?)`;
}

interface TableBuffer {
  parts: string[];
  chars: number;
}

export class D1Writer implements Sink {
  private buffers = new Map<TableName, TableBuffer>();
  private pending: Array<{ table: TableName; json: string }> = [];
  private pendingChars = 0;
  private inflight: Promise<unknown> | null = null;
  private failure: unknown = null;
  readonly written: Record<string, number> = {};
  statements = 0;
  batches = 0;

  constructor(
    private db: D1Database,
    private limits = { statement: STATEMENT_CHARS, batch: BATCH_CHARS },
  ) {}

  add(table: TableName, row: Row): void {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { parts: [], chars: 0 }));
    const json = JSON.stringify(row);
    b.parts.push(json);
    b.chars += json.length + 1;
    this.written[table] = (this.written[table] ?? 0) + 1;
    if (b.chars >= this.limits.statement) this.cut(table);
  }

  /** Closes the table's statement; its parents' rows go first, so foreign keys always hold. */
  private cut(table: TableName): void {
    for (const p of PARENTS[table] ?? []) this.cutOne(p);
    this.cutOne(table);
  }

  private cutOne(table: TableName): void {
    const b = this.buffers.get(table);
    if (!b || b.parts.length === 0) return;
    const json = `[${b.parts.join(",")}]`;
    this.pending.push({ table, json });
    this.pendingChars += json.length;
    this.buffers.set(table, { parts: [], chars: 0 });
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pendingChars >= this.limits.batch) await this.send();
  }

  /** Sends what is pending as one batch, keeping at most one batch in flight (batches stay in order). */
  private async send(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.wait();
    const stmts = this.pending.map((p) => this.db.prepare(insertSql(p.table)).bind(p.json));
    const tables = [...new Set(this.pending.map((p) => p.table))].join(", ");
    this.statements += stmts.length;
    this.batches++;
    this.pending = [];
    this.pendingChars = 0;
    this.inflight = this.db.batch(stmts).catch((e: unknown) => {
      this.failure = new Error(`inserting into ${tables} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
  }

  private async wait(): Promise<void> {
    if (this.inflight) await this.inflight;
    this.inflight = null;
    if (this.failure) throw this.failure;
  }

  /** Writes everything still buffered. */
  async finish(): Promise<void> {
    for (const t of TABLE_ORDER) this.cutOne(t);
    await this.send();
    await this.wait();
  }
}

// ---------------------------------------------------------------------------------------------

/** Tables holding data: everything but SQLite's, D1's and Miniflare's own, and FTS internals. */
export async function dataTables(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'")
    .all<{ name: string; sql: string | null }>();
  const virtual = results.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? "")).map((r) => r.name);
  return results
    .map((r) => r.name)
    .filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)))
    .sort();
}

/** Row presence per table (EXISTS, so a big table costs nothing). */
export async function nonEmptyTables(db: D1Database, tables: string[]): Promise<string[]> {
  if (!tables.length) return [];
  const row = await db.prepare(`SELECT ${tables.map((t, i) => `EXISTS(SELECT 1 FROM "${t}") AS t${i}`).join(", ")}`).first<Record<string, number>>();
  return tables.filter((_, i) => row?.[`t${i}`] === 1);
}

/**
 * Deletes every row of every data table: children before parents, so foreign keys hold after
 * each step, and in slices of `slice` rows, so that a benchmark-sized table (millions of rows,
 * indexes, FTS triggers) never makes one transaction longer than the proxy will wait for.
 */
export async function resetTables(db: D1Database, tables: string[], progress?: (table: string, deleted: number) => void, slice = 50_000): Promise<void> {
  const known = TABLE_ORDER.slice().reverse().filter((t) => tables.includes(t));
  // Tables the seed does not write (sessions, api keys, …) hang off users and brands: first.
  const others = tables.filter((t) => !known.includes(t as TableName));
  for (const t of [...others, ...known]) {
    let deleted = 0;
    for (;;) {
      const r = await db.prepare(`DELETE FROM "${t}" WHERE rowid IN (SELECT rowid FROM "${t}" LIMIT ?)`).bind(slice).run();
      const n = r.meta.changes ?? 0;
      deleted += n;
      if (n > 0) progress?.(t, deleted);
      if (n < slice) break;
    }
  }
}

/** Names of applied migrations, or null when D1's migrations table does not exist yet. */
export async function appliedMigrations(db: D1Database): Promise<string[] | null> {
  const t = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").first<{ name: string }>();
  if (!t) return null;
  const { results } = await db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
  return results.map((r) => r.name);
}
