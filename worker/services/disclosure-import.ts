import { asc, eq } from "drizzle-orm";
import { disclosures } from "../../db/schema";
import { CsvSyntaxError, parseCsv, toCsv } from "../domain/csv";
import { daysBucket } from "../domain/stats";
import { AppError, type FieldError } from "../errors";
import { fieldErrors } from "../http/validate";
import { runBatch, type BatchStmt } from "./batch";
import type { ServiceCtx } from "./context";
import { requireMyCreator } from "./creators";
import { disclosureInputSchema, type DisclosureInput } from "./disclosure-input";
import { disclosureView, prepareRecord } from "./disclosures";
import { kickSequencer } from "./log-append";
import { statsUpdate, type StatsDelta } from "./stats";

export const CSV_COLUMNS = [
  "brand_name", "brand_domain", "post_url", "platform", "media", "relationship", "jurisdictions",
  "posted_at", "caption", "overlay", "platform_tool", "retouched", "ai_generated",
] as const;
export const MAX_IMPORT_ROWS = 5000;
/** Statements per D1 batch: each row is 3 statements (entry, counters, record). */
const ROWS_PER_BATCH = 100;

const BOOL: Record<string, boolean> = { "": false, true: true, false: false, "1": true, "0": false, yes: true, no: false };

function rowToInput(fields: string[]): unknown {
  const get = (c: (typeof CSV_COLUMNS)[number]) => fields[CSV_COLUMNS.indexOf(c)] ?? "";
  const bool = (c: (typeof CSV_COLUMNS)[number]) => BOOL[get(c).trim().toLowerCase()] ?? get(c);
  return {
    brand_name: get("brand_name"), brand_domain: get("brand_domain") || null, post_url: get("post_url"),
    platform: get("platform").trim(), media: get("media").trim(), relationship: get("relationship").trim(),
    jurisdictions: get("jurisdictions").split(/[;| ]+/).map((j) => j.trim().toUpperCase()).filter(Boolean),
    posted_at: get("posted_at").trim(), caption: get("caption"), overlay: get("overlay") || null,
    platform_tool: bool("platform_tool"), retouched: bool("retouched"), ai_generated: bool("ai_generated"),
  };
}

export interface RowProblem {
  line: number;
  errors: FieldError[];
}

/** Decodes strictly as UTF-8 so a Latin-1 or binary file is a clear error, not mojibake. */
export function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("unprocessable", "The file is not valid UTF-8 text; export it as CSV UTF-8.");
  }
}

/**
 * Imports a CSV history: every row is validated first and nothing is written unless all are
 * valid; then rows are written in chunked D1 batches.
 */
export async function importCsv(ctx: ServiceCtx, text: string, onProgress?: (done: number, total: number) => void) {
  const me = await requireMyCreator(ctx);
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new AppError("unprocessable", `CSV syntax error on line ${e.line}: ${e.message}`);
    throw e;
  }
  const [header, ...data] = rows;
  const expected = CSV_COLUMNS.join(",");
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(",") !== expected) {
    throw new AppError("unprocessable", `The first line must be the header: ${expected}`);
  }
  if (data.length === 0) throw new AppError("unprocessable", "The file has a header but no rows.");
  if (data.length > MAX_IMPORT_ROWS) throw new AppError("payload_too_large", `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${data.length}.`);

  const problems: RowProblem[] = [];
  const inputs: DisclosureInput[] = [];
  for (const row of data) {
    if (row.fields.length !== CSV_COLUMNS.length) {
      problems.push({ line: row.line, errors: [{ field: "(row)", message: `has ${row.fields.length} columns, expected ${CSV_COLUMNS.length}` }] });
      continue;
    }
    const parsed = disclosureInputSchema.safeParse(rowToInput(row.fields));
    if (!parsed.success) problems.push({ line: row.line, errors: fieldErrors(parsed.error) });
    else if (Date.parse(parsed.data.posted_at) > ctx.now.getTime() + 60_000) problems.push({ line: row.line, errors: [{ field: "posted_at", message: "must not be in the future" }] });
    else inputs.push(parsed.data);
  }
  if (problems.length) {
    const err = new AppError("validation_failed", `${problems.length} row(s) are invalid; nothing was imported.`, {
      fields: problems.slice(0, 200).flatMap((p) => p.errors.map((e) => ({ field: `line ${p.line}: ${e.field}`, message: e.message }))),
    });
    throw err;
  }

  let done = 0;
  for (let i = 0; i < inputs.length; i += ROWS_PER_BATCH) {
    const chunk = inputs.slice(i, i + ROWS_PER_BATCH);
    const stmts: BatchStmt[] = [];
    const delta: Required<Pick<StatsDelta, "byRelationship" | "byVerdict" | "daysToRecord">> & { total: number; lastRecordedAt?: string } = { total: 0, byRelationship: {}, byVerdict: {}, daysToRecord: {} };
    for (const input of chunk) {
      const p = await prepareRecord(ctx, me, input);
      stmts.push(...p.stmts);
      delta.total++;
      delta.byRelationship[input.relationship] = (delta.byRelationship[input.relationship] ?? 0) + 1;
      delta.byVerdict[p.verdict] = (delta.byVerdict[p.verdict] ?? 0) + 1;
      const b = String(daysBucket(p.row.postedAt, p.row.recordedAt));
      delta.daysToRecord[b] = (delta.daysToRecord[b] ?? 0) + 1;
      delta.lastRecordedAt = p.row.recordedAt;
    }
    stmts.push(statsUpdate(me.id, delta, ctx.now.toISOString()));
    await runBatch(ctx.env.DB, stmts);
    done += chunk.length;
    onProgress?.(done, inputs.length);
  }
  kickSequencer(ctx, me.id);
  return { imported: done };
}

/** The caller's whole history, oldest first, as CSV (same columns as import plus results) or JSON. */
export async function exportMine(ctx: ServiceCtx, format: "csv" | "json") {
  const me = await requireMyCreator(ctx);
  const rows = (await ctx.db.select().from(disclosures).where(eq(disclosures.creatorId, me.id)).orderBy(asc(disclosures.recordedAt), asc(disclosures.id)).all()).map(disclosureView);
  if (format === "json") return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ handle: me.handle, items: rows }, null, 2) };
  const header = [...CSV_COLUMNS, "id", "recorded_at", "verdict", "ruleset", "supersedes", "superseded_by", "amend_note", "brand_status", "log_index"];
  const body = toCsv(header, rows.map((r) => [
    r.brand_name, r.brand_domain, r.post_url, r.platform, r.media, r.relationship, r.jurisdictions.join(";"), r.posted_at,
    r.caption, r.overlay, r.platform_tool, r.retouched, r.ai_generated, r.id, r.recorded_at, r.verdict, r.ruleset,
    r.supersedes, r.superseded_by, r.amend_note, r.brand_status, r.log_index,
  ]));
  return { contentType: "text/csv; charset=utf-8", body };
}
