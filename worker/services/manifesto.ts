import { eq, sql } from "drizzle-orm";
import { counters, manifestoVersions } from "../../db/schema";
import { MANIFESTO_VERSIONS, CURRENT_VERSION } from "../../content/manifesto/index";
import { canonicalText, manifestoHash } from "../domain/manifesto";
import { notFound } from "../errors";
import type { ServiceCtx } from "./context";

export interface ManifestoView {
  version: number;
  published_at: string;
  current: boolean;
  texts: { fr: string; en: string };
  sha256: { fr: string; en: string };
  signatures: number;
}

let registered = false;

/** Registers the versions shipped in content/ (idempotent): the repo text is the source. */
export async function ensureManifestoVersions(ctx: Pick<ServiceCtx, "db">): Promise<void> {
  if (registered) return;
  const rows = await Promise.all(
    MANIFESTO_VERSIONS.map(async (v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      textFr: canonicalText(v.texts.fr),
      textEn: canonicalText(v.texts.en),
      sha256Fr: await manifestoHash(v.texts.fr),
      sha256En: await manifestoHash(v.texts.en),
    })),
  );
  for (const row of rows) await ctx.db.insert(manifestoVersions).values(row).onConflictDoNothing();
  registered = true;
}

export const SIGNATURES_COUNTER = "active_pledges";

export async function activeSignatures(ctx: Pick<ServiceCtx, "db">): Promise<number> {
  const row = await ctx.db.select({ value: counters.value }).from(counters).where(eq(counters.name, SIGNATURES_COUNTER)).get();
  return row?.value ?? 0;
}

/** The statement that moves the active-pledge counter, for the pledge batches. */
export function bumpSignatures(delta: number) {
  return sql`INSERT INTO counters (name, value) VALUES (${SIGNATURES_COUNTER}, ${delta})
    ON CONFLICT(name) DO UPDATE SET value = value + ${delta}`;
}

/** A manifesto version (the current one by default) with its hashes and signer count. */
export async function getManifesto(ctx: Pick<ServiceCtx, "db">, version = CURRENT_VERSION): Promise<ManifestoView> {
  await ensureManifestoVersions(ctx);
  const [row, signatures] = await Promise.all([
    ctx.db.select().from(manifestoVersions).where(eq(manifestoVersions.version, version)).get(),
    activeSignatures(ctx),
  ]);
  if (!row) throw notFound(`Manifesto version ${version}`);
  return {
    version: row.version,
    published_at: row.publishedAt,
    current: row.version === CURRENT_VERSION,
    texts: { fr: row.textFr, en: row.textEn },
    sha256: { fr: row.sha256Fr, en: row.sha256En },
    signatures,
  };
}

export async function listManifestoVersions(ctx: Pick<ServiceCtx, "db">) {
  await ensureManifestoVersions(ctx);
  return ctx.db
    .select({ version: manifestoVersions.version, published_at: manifestoVersions.publishedAt, sha256_fr: manifestoVersions.sha256Fr, sha256_en: manifestoVersions.sha256En })
    .from(manifestoVersions)
    .orderBy(manifestoVersions.version)
    .all();
}
