// A personal website proves itself with a rel="me" link to the Candor profile, the proof string
// anywhere in the page, or a /.well-known/candor.txt naming the handle and the token.
import { wellKnownUrl } from "../config.ts";
import { relMeLinks } from "../html.ts";
import { containsToken, Evidence } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export async function check(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  const ev = new Evidence(ctx);
  const page = await deps.fetch(ctx.url);
  if (page.ok) {
    ev.read(ctx.url);
    // Relative hrefs resolve against where the redirects ended, as a browser would.
    if (ev.links(relMeLinks(page.body), page.url)) return { ok: true, method: "rel-me" };
    // The raw page, not only visible text: a site owner may hide the code in a comment or meta tag.
    if (ev.text(page.body, { profileLinks: false }) === "token") return { ok: true, method: "token" };
  } else {
    ev.unreadable(ctx.url, page.failure);
  }

  const fileUrl = wellKnownUrl(deps.config, new URL(ctx.url).host);
  const file = await deps.fetch(fileUrl, { accept: "text/plain,*/*;q=0.1", maxBytes: 64_000 });
  if (file.ok) {
    ev.read(fileUrl);
    const hasToken = containsToken(file.body, ctx.token);
    const handle = ctx.handle.replace(/^@/, "");
    const hasHandle = new RegExp(`(?<![A-Za-z0-9_.-])@?${handle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`, "i").test(file.body);
    if (hasToken && hasHandle) return { ok: true, method: "well-known" };
    if (hasToken) ev.note(`${fileUrl} holds your code but not your handle @${handle}.`);
    else ev.text(file.body, { profileLinks: false }); // notices another creator's code
  } else {
    ev.unreadable(fileUrl, file.failure);
  }
  return ev.fail("website", "The website");
}
