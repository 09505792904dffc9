import type { ServiceCtx } from "./context";
import { creatorByHandle } from "./creators";
import { pledgeView } from "./pledges";

/** The public trust profile of a creator (filled in further by the trust-profile work). */
export async function getProfile(ctx: Pick<ServiceCtx, "db">, handle: string) {
  const row = await creatorByHandle(ctx, handle);
  return {
    handle: row.handle,
    display_name: row.displayName,
    bio: row.bio,
    country: row.country,
    languages: row.languages,
    niches: row.niches,
    status: row.status,
    created_at: row.createdAt,
    pledge: pledgeView(row),
    updated_at: row.updatedAt,
  };
}
