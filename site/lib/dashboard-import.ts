import { AppError } from "../../worker/errors";
import type { ServiceCtx } from "../../worker/services/context";
import { CSV_COLUMNS, importCsv } from "../../worker/services/disclosure-import";
import { appError } from "./errors";
import type { DashDict } from "./dashboard-i18n";

export type ImportEvent = { kind: "progress"; done: number; total: number } | { kind: "done"; imported: number } | { kind: "error"; error: unknown };

/** A started import whose rows all passed validation: its batches, as they are written. */
export interface RunningImport {
  total: number;
  /** Every event from the first written batch on, ending with "done" or "error". */
  events: AsyncGenerator<ImportEvent>;
}

/**
 * Starts importCsv and waits for its first sign: a rejection before any batch is written means
 * the file was refused as a whole (nothing written); a first written batch means every row was
 * valid, and the rest of the import can be streamed to the page as it happens.
 */
export async function startImport(ctx: ServiceCtx, text: string): Promise<{ failed: AppError } | { running: RunningImport }> {
  const queue: ImportEvent[] = [];
  let wake: (() => void) | null = null;
  const push = (e: ImportEvent) => {
    queue.push(e);
    wake?.();
    wake = null;
  };
  const next = async (): Promise<ImportEvent> => {
    while (!queue.length) await new Promise<void>((r) => (wake = r));
    return queue.shift()!;
  };
  importCsv(ctx, text, (done, total) => push({ kind: "progress", done, total })).then(
    (r) => push({ kind: "done", imported: r.imported }),
    (error) => push({ kind: "error", error }),
  );
  const first = await next();
  if (first.kind === "error") return { failed: appError(first.error) };
  if (first.kind !== "progress") return { failed: new AppError("internal", "The import ended without writing anything.") };
  async function* events(): AsyncGenerator<ImportEvent> {
    yield first;
    for (;;) {
      const e = await next();
      yield e;
      if (e.kind !== "progress") return;
    }
  }
  return { running: { total: first.total, events: events() } };
}

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** The bad rows of a refused file (AppError.fields say `line N: field`), messages translated. */
export function rowProblems(err: AppError, b: DashDict): RowProblem[] {
  const out: RowProblem[] = [];
  for (const f of err.fields ?? []) {
    const m = /^line (\d+): (.*)$/.exec(f.field);
    if (!m) continue;
    const name = m[2]!.split(".")[0]!;
    out.push({ line: Number(m[1]), field: name === "(row)" ? b.import.row : name, message: problemText(name, f.message, b) });
  }
  return out;
}

function problemText(name: string, message: string, b: DashDict): string {
  const e = b.errors;
  const cols = /has (\d+) columns, expected (\d+)/.exec(message);
  if (name === "(row)" && cols) return b.import.columnCount(Number(cols[1]), Number(cols[2]));
  if (/future/.test(message)) return e.future;
  switch (name) {
    case "brand_name": return /too_small|>=1|at least/i.test(message) ? e.required : e.tooLong(200);
    case "brand_domain": return e.domain;
    case "post_url": return e.url;
    case "platform": return `${e.choice} (${CSV_HINTS.platform})`;
    case "media": return `${e.choice} (${CSV_HINTS.media})`;
    case "relationship": return `${e.choice} (${CSV_HINTS.relationship})`;
    case "jurisdictions": return e.jurisdictions;
    case "posted_at": return e.datetime;
    case "caption": case "overlay": return e.tooLong(10_000);
    case "platform_tool": case "retouched": case "ai_generated": return "true / false";
    default: return message;
  }
}

const CSV_HINTS = {
  platform: "instagram, tiktok, youtube, …",
  media: "text, image, video, …",
  relationship: "paid, gifted, affiliate, …",
};

/** The documented header and one example row, as a CSV text. */
export const CSV_HEADER = CSV_COLUMNS.join(",");
export const CSV_EXAMPLE = [
  CSV_HEADER,
  `Maison Lumen,maisonlumen.fr,https://www.instagram.com/p/Cx12abc/,instagram,reel,gifted,FR;UK,2026-03-01T18:30:00Z,"#publicité Offert par Maison Lumen, merci !",,false,false,false`,
].join("\n");
export { CSV_COLUMNS };
