// YouTube: the proof in the channel description, which the channel page carries in its meta
// description and, for longer text, in the page's embedded data.
import { metaDescriptions, visibleText } from "../html.ts";
import { parseAccountUrl } from "./account-url.ts";
import { Evidence } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export async function check(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  const parsed = parseAccountUrl("youtube", ctx.url, deps.config);
  if (!parsed.ok) return { ok: false, method: "youtube", failure: parsed.problem };
  const ev = new Evidence(ctx);
  const u = new URL(parsed.normalizedUrl);
  const pageUrl = `${deps.config.youtubeBase}${u.pathname}${u.search}`;
  const page = await deps.fetch(pageUrl);
  if (!page.ok) {
    ev.unreadable("the YouTube channel page", page.failure);
    return ev.fail("youtube", "The YouTube channel");
  }
  ev.read("the channel description");
  // Most trusted first; the raw page last because the description also sits in its JSON.
  for (const text of [metaDescriptions(page.body).join(" \n "), visibleText(page.body), page.body]) {
    const found = ev.text(text);
    if (found) return { ok: true, method: found };
  }
  return ev.fail("youtube", "The YouTube channel");
}
