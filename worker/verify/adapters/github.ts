// GitHub: the proof in the bio or the website field, read from the public users API.
import { parseAccountUrl } from "./account-url.ts";
import { asRecord, asString, Evidence, parseJson } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export async function check(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  const parsed = parseAccountUrl("github", ctx.url, deps.config);
  if (!parsed.ok) return { ok: false, method: "github", failure: parsed.problem };
  const ev = new Evidence(ctx);
  const apiUrl = `${deps.config.githubApi}/users/${encodeURIComponent(parsed.username)}`;
  const res = await deps.fetch(apiUrl, { accept: "application/vnd.github+json" });
  if (!res.ok) {
    ev.unreadable("the GitHub profile", res.failure);
    return ev.fail("github", "The GitHub profile");
  }
  const user = asRecord(parseJson(res.body));
  ev.read("the GitHub bio and website field");
  for (const field of [asString(user.bio), asString(user.blog)]) {
    const found = ev.text(field);
    if (found) return { ok: true, method: found };
  }
  return ev.fail("github", "The GitHub profile");
}
