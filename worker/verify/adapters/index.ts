// The entry point for account proofs: which platforms exist, what to tell the creator, and
// which adapter checks which platform.
import { PLATFORMS, type Platform, type VerifyConfig } from "../config.ts";
import { safeFetch } from "../fetcher.ts";
import { isPlatform, parseAccountUrl, PLATFORM_NAMES } from "./account-url.ts";
import { proofString } from "./evidence.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";
import * as bluesky from "./bluesky.ts";
import * as github from "./github.ts";
import * as manual from "./manual.ts";
import * as mastodon from "./mastodon.ts";
import * as website from "./website.ts";
import * as youtube from "./youtube.ts";

export { PLATFORMS, parseAccountUrl, PLATFORM_NAMES, isPlatform, proofString };
export { MANUAL_PLATFORMS, isManualPlatform } from "./manual.ts";
export type { Platform };
export type { ParsedAccount } from "./account-url.ts";
export type { ProofContext, ProofResult, VerifyDeps, VerifyFetchOptions } from "./types.ts";

const ADAPTERS: Record<Platform, (ctx: ProofContext, deps: VerifyDeps) => Promise<ProofResult>> = {
  website: website.check,
  mastodon: mastodon.check,
  bluesky: bluesky.check,
  github: github.check,
  youtube: youtube.check,
  instagram: manual.check,
  tiktok: manual.check,
  x: manual.check,
};

/** The production wiring: every adapter fetch goes through safeFetch with the config's dev flag. */
export function makeVerifyDeps(config: VerifyConfig, fetchImpl?: typeof fetch): VerifyDeps {
  return {
    config,
    fetch: (url, opts) => safeFetch(url, { ...opts, dev: config.dev, ...(fetchImpl ? { fetchImpl } : {}) }),
  };
}

/** Checks one linked account. The URL is re-validated first, so callers cannot skip that step. */
export async function verifyAccount(ctx: ProofContext, deps: VerifyDeps): Promise<ProofResult> {
  if (!isPlatform(ctx.platform)) return { ok: false, method: String(ctx.platform), failure: `“${ctx.platform}” is not a platform Candor knows.` };
  const parsed = parseAccountUrl(ctx.platform, ctx.url, deps.config);
  if (!parsed.ok) return { ok: false, method: ctx.platform, failure: parsed.problem };
  return ADAPTERS[ctx.platform]({ ...ctx, url: parsed.normalizedUrl }, deps);
}

/** What to paste where, in a sentence or two. */
export function instructionsFor(platform: Platform, args: { token: string; profileUrl: string }): { en: string; fr: string } {
  const proof = proofString(args.token);
  const link = args.profileUrl;
  const name = PLATFORM_NAMES[platform];
  switch (platform) {
    case "website":
      return {
        en: `Add <a rel="me" href="${link}">Candor</a> to your page, or put ${proof} anywhere on it, or publish /.well-known/candor.txt containing your Candor handle and ${proof}.`,
        fr: `Ajoutez <a rel="me" href="${link}">Candor</a> à votre page, ou placez-y ${proof}, ou publiez /.well-known/candor.txt contenant votre identifiant Candor et ${proof}.`,
      };
    case "mastodon":
      return {
        en: `Add ${link} as a profile field (or in your bio), or paste ${proof} in your bio.`,
        fr: `Ajoutez ${link} dans un champ de profil (ou votre bio), ou collez ${proof} dans votre bio.`,
      };
    case "bluesky":
      return {
        en: `Paste ${link} or ${proof} in your Bluesky bio. A Bluesky handle on a domain you have verified on Candor also counts.`,
        fr: `Collez ${link} ou ${proof} dans votre bio Bluesky. Un pseudo Bluesky sur un domaine vérifié sur Candor compte aussi.`,
      };
    case "github":
      return {
        en: `Paste ${link} or ${proof} in your GitHub bio, or set your website field to ${link}.`,
        fr: `Collez ${link} ou ${proof} dans votre bio GitHub, ou indiquez ${link} comme site web.`,
      };
    case "youtube":
      return {
        en: `Paste ${link} or ${proof} in your channel description.`,
        fr: `Collez ${link} ou ${proof} dans la description de votre chaîne.`,
      };
    case "instagram":
    case "tiktok":
    case "x":
      return {
        en: `${name} shows nothing without a login: put ${link} in your ${name} bio, then give a screenshot as evidence; a moderator reviews it.`,
        fr: `${name} n'affiche rien sans connexion : mettez ${link} dans votre bio ${name}, puis fournissez une capture d'écran ; un modérateur l'examine.`,
      };
  }
}
