// Fediverse (Mastodon and compatible): a rel="me" link on the profile page, or the profile URL
// or proof string in the bio or a profile field as given by the instance's public account API.
import { linkHrefs, metaDescriptions, relMeLinks, visibleText } from "../html.ts";
import { parseAccountUrl } from "./account-url.ts";
import { asRecord, asString, Evidence, parseJson } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export async function check(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  const parsed = parseAccountUrl("mastodon", ctx.url, deps.config);
  if (!parsed.ok) return { ok: false, method: "mastodon", failure: parsed.problem };
  const ev = new Evidence(ctx);

  const page = await deps.fetch(parsed.normalizedUrl);
  if (page.ok) {
    ev.read(parsed.normalizedUrl);
    if (ev.links(relMeLinks(page.body), page.url)) return { ok: true, method: "rel-me" };
    const found = ev.text(metaDescriptions(page.body).join(" \n "));
    if (found) return { ok: true, method: found };
  } else {
    ev.unreadable(parsed.normalizedUrl, page.failure);
  }

  // Mastodon profile pages are mostly rendered by JavaScript; the API has the bio and fields.
  const origin = new URL(parsed.normalizedUrl).origin;
  const apiUrl = `${origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(parsed.username)}`;
  const api = await deps.fetch(apiUrl, { accept: "application/json" });
  if (!api.ok) {
    ev.unreadable(apiUrl, api.failure);
    return ev.fail("mastodon", "The Mastodon profile");
  }
  const account = asRecord(parseJson(api.body));
  const fields = Array.isArray(account.fields) ? account.fields.map((f) => asString(asRecord(f).value)) : [];
  const htmlParts = [asString(account.note), ...fields];
  if (htmlParts.every((p) => p === "") && !("note" in account)) {
    ev.note(`${apiUrl} did not return a Mastodon account.`);
    return ev.fail("mastodon", "The Mastodon profile");
  }
  ev.read("the bio and profile fields");
  for (const part of htmlParts) {
    // Mastodon links are <a href> with the text split in spans; check both.
    if (ev.links(linkHrefs(part))) return { ok: true, method: "profile-link" };
    const found = ev.text(visibleText(part));
    if (found) return { ok: true, method: found };
  }
  return ev.fail("mastodon", "The Mastodon profile");
}
