/** Manifesto v1 as the Worker registers it (worker/services/manifesto.ts ensureManifestoVersions). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { canonicalText, manifestoHash } from "../../worker/domain/manifesto.ts";
import { MANIFESTO_PUBLISHED_AT } from "./plan.ts";
import type { Manifesto } from "./generate.ts";

/** Reads content/manifesto/v1.{fr,en}.md under `root` (the repository). */
export async function loadManifesto(root: string): Promise<Manifesto> {
  const fr = readFileSync(resolve(root, "content/manifesto/v1.fr.md"), "utf8");
  const en = readFileSync(resolve(root, "content/manifesto/v1.en.md"), "utf8");
  return {
    version: 1,
    publishedAt: MANIFESTO_PUBLISHED_AT,
    textFr: canonicalText(fr),
    textEn: canonicalText(en),
    sha256Fr: await manifestoHash(fr),
    sha256En: await manifestoHash(en),
  };
}
