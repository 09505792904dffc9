import { atomFeed } from "../domain/atom";
import type { ServiceCtx } from "./context";
import { creatorByHandle } from "./creators";
import { listForCreator } from "./disclosures";

/** The Atom feed of a creator's disclosure history (latest 50 records). */
export async function creatorFeed(ctx: Pick<ServiceCtx, "db">, handle: string, origin: string): Promise<string> {
  const c = await creatorByHandle(ctx, handle);
  const { items } = await listForCreator(ctx, c.id, { limit: 50 });
  const profile = `${origin}/@${c.handle}`;
  return atomFeed({
    id: `${profile}/feed.atom`,
    title: `${c.displayName} (@${c.handle}) — disclosures on Candor`,
    selfUrl: `${profile}/feed.atom`,
    htmlUrl: profile,
    updated: items[0]?.recorded_at ?? c.updatedAt,
    author: c.displayName,
    entries: items.map((d) => ({
      id: `${origin}/api/v1/disclosures/${d.id}`,
      title: `${d.supersedes ? "Correction: " : ""}${d.brand_name} — ${d.relationship} — ${d.verdict}`,
      updated: d.recorded_at,
      link: d.post_url,
      summary: `${d.platform} ${d.media}, posted ${d.posted_at.slice(0, 10)}, audiences ${d.jurisdictions.join(", ")}. Verdict ${d.verdict} (ruleset ${d.ruleset}).${d.amend_note ? ` Correction note: ${d.amend_note}` : ""}\n\n${d.caption}`,
      categories: [d.relationship, d.verdict, ...d.jurisdictions],
    })),
  });
}
