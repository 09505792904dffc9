import { sql } from "drizzle-orm";
import { AppError } from "../errors";
import type { ServiceCtx } from "./context";

/** A fixed-window counter in D1, for limits keyed on something other than the client (an email). */
export async function hitCounter(ctx: Pick<ServiceCtx, "db" | "now">, key: string, limit: number, windowSec: number, what: string) {
  const nowSec = Math.floor(ctx.now.getTime() / 1000);
  const start = nowSec - (nowSec % windowSec);
  const row = await ctx.db.get<{ count: number }>(sql`INSERT INTO rate_counters (key, window_start, count) VALUES (${key}, ${start}, 1)
    ON CONFLICT(key) DO UPDATE SET count = CASE WHEN window_start = ${start} THEN count + 1 ELSE 1 END, window_start = ${start}
    RETURNING count`);
  if ((row?.count ?? 0) > limit) {
    const retry = start + windowSec - nowSec;
    throw new AppError("rate_limited", `Too many ${what}; try again in ${Math.ceil(retry / 60)} minutes.`, { retryAfter: retry });
  }
}
