import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { creators, disclosures } from "../../db/schema";
import { decodeCursor, encodeCursor } from "../domain/cursor";
import { AppError, notFound } from "../errors";
import { runBatch } from "./batch";
import type { ServiceCtx } from "./context";
import { requireBrandMember } from "./brands";
import { disclosureView } from "./disclosures";
import { appendStatements, kickSequencer, prepareEntry } from "./log-append";
import { statsUpdate } from "./stats";

async function verifiedBrand(ctx: ServiceCtx, brandId: string) {
  const b = await requireBrandMember(ctx, brandId);
  if (!b.domainVerifiedAt) throw new AppError("forbidden", `Verify ${b.domain} first: only a verified domain can confirm or dispute collaborations.`);
  return b;
}

/** Current records that name the brand's verified domain, newest first. */
export async function listCollaborations(ctx: ServiceCtx, brandId: string, opts: { cursor?: string; limit: number }) {
  const b = await verifiedBrand(ctx, brandId);
  const after = opts.cursor ? decodeCursor(opts.cursor, ["string", "string"]) : null;
  const rows = await ctx.db
    .select({ d: disclosures, handle: creators.handle })
    .from(disclosures)
    .innerJoin(creators, eq(creators.id, disclosures.creatorId))
    .where(and(eq(disclosures.brandDomain, b.domain), isNull(disclosures.supersededBy), after ? sql`(${disclosures.recordedAt}, ${disclosures.id}) < (${after[0]}, ${after[1]})` : undefined))
    .orderBy(desc(disclosures.recordedAt), desc(disclosures.id))
    .limit(opts.limit + 1)
    .all();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => ({ handle: r.handle, ...disclosureView(r.d) })), next_cursor: rows.length > opts.limit && last ? encodeCursor([last.d.recordedAt, last.d.id]) : null };
}

/** A brand confirms or disputes a collaboration that names its domain; a public, logged fact. */
export async function actOnCollaboration(ctx: ServiceCtx, brandId: string, disclosureId: string, action: "confirmed" | "disputed", reason?: string | null) {
  const b = await verifiedBrand(ctx, brandId);
  const d = await ctx.db.select().from(disclosures).where(eq(disclosures.id, disclosureId)).get();
  // A record that does not name this brand's domain is not this brand's business: 404.
  if (!d || d.brandDomain !== b.domain) throw notFound("A collaboration naming your domain with that id");
  if (d.supersededBy) throw new AppError("conflict", `This record was corrected by ${d.supersededBy}; act on the newest one.`);
  if (d.brandStatus === action) throw new AppError("conflict", `This collaboration is already ${action}.`);
  const c = await ctx.db.select({ handle: creators.handle }).from(creators).where(eq(creators.id, d.creatorId)).get();
  const entry = await prepareEntry(ctx, action === "confirmed" ? "collaboration.confirmed" : "collaboration.disputed", d.creatorId, {
    handle: c?.handle ?? null, disclosure: d.id, brand: b.id, brand_name: b.name, domain: b.domain, reason: reason ?? null,
  });
  const delta = {
    brandConfirmed: (action === "confirmed" ? 1 : 0) - (d.brandStatus === "confirmed" ? 1 : 0),
    brandDisputed: (action === "disputed" ? 1 : 0) - (d.brandStatus === "disputed" ? 1 : 0),
  };
  await runBatch(ctx.env.DB, [
    ...appendStatements(entry),
    ctx.db.update(disclosures).set({ brandStatus: action, brandNote: reason ?? null, brandActedAt: ctx.now.toISOString() }).where(eq(disclosures.id, d.id)),
    statsUpdate(d.creatorId, delta, ctx.now.toISOString()),
  ]);
  kickSequencer(ctx, d.creatorId);
  return disclosureView((await ctx.db.select().from(disclosures).where(eq(disclosures.id, d.id)).get())!);
}
