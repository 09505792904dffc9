import type { ServiceCtx } from "./context";
import { PROFILE_SELECT, scoreOf, type CreatorStatsRow } from "./profile";

/**
 * Recomputes the stored score that search sorts and filters on. Profiles compute the score
 * live from the counters; this copy follows each write a moment later.
 */
export async function refreshScore(ctx: Pick<ServiceCtx, "env" | "now">, creatorId: string): Promise<void> {
  const row = await ctx.env.DB.prepare(`${PROFILE_SELECT} WHERE c.id = ?`).bind(creatorId).first<CreatorStatsRow>();
  if (!row) return;
  const value = scoreOf(row, ctx.now).value;
  if (value !== row.score) await ctx.env.DB.prepare("UPDATE creators SET score = ? WHERE id = ?").bind(value, creatorId).run();
}
