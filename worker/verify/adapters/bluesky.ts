// Bluesky: the proof in the profile description (public AppView API), or a handle that sits on
// a domain the creator has already proven to Candor (Bluesky itself checked that handle's DNS).
import { parseAccountUrl } from "./account-url.ts";
import { asRecord, asString, Evidence, parseJson } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export async function check(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  const parsed = parseAccountUrl("bluesky", ctx.url, deps.config);
  if (!parsed.ok) return { ok: false, method: "bluesky", failure: parsed.problem };
  const ev = new Evidence(ctx);
  const apiUrl = `${deps.config.blueskyApi}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(parsed.username)}`;
  const res = await deps.fetch(apiUrl, { accept: "application/json" });
  if (!res.ok) {
    ev.unreadable("the Bluesky profile", res.failure);
    return ev.fail("bluesky", "The Bluesky profile");
  }
  const profile = asRecord(parseJson(res.body));
  // The handle the AppView reports, not the one in the URL: it is "handle.invalid" when Bluesky
  // could not confirm it, and it resolves a did: URL to its handle.
  const handle = asString(profile.handle).toLowerCase();
  if (handle === "") {
    ev.note("Bluesky did not return a profile for that address.");
    return ev.fail("bluesky", "The Bluesky profile");
  }
  const domains = (ctx.verifiedDomains ?? []).map((d) => d.toLowerCase().replace(/\.$/, ""));
  if (domains.some((d) => d !== "" && (handle === d || handle.endsWith(`.${d}`)))) return { ok: true, method: "domain-handle" };

  ev.read("the Bluesky bio");
  const found = ev.text(asString(profile.description));
  if (found) return { ok: true, method: found };
  return ev.fail("bluesky", "The Bluesky profile");
}
