// Where the proof checker looks. Production reads the real platforms; local development and
// tests point every base at a fixture server, so nothing here may be hard-coded in an adapter.

export const PLATFORMS = ["website", "mastodon", "bluesky", "github", "youtube", "instagram", "tiktok", "x"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** "*" in a platform's host list means any host (websites and fediverse instances). */
export const ANY_HOST = "*";

export type VerifyConfig = {
  /** Local development: http and private/loopback addresses are allowed. */
  dev: boolean;
  blueskyApi: string;
  githubApi: string;
  youtubeBase: string;
  dohUrl: string;
  /**
   * Dev/test override for `https://<domain>` when reading `/.well-known/candor.txt`,
   * e.g. "http://127.0.0.1:PORT/site/{domain}"; `{domain}` is replaced by the host.
   */
  wellKnownBase?: string;
  /** Hosts (`host` or `host:port`, lowercase) an account URL may use, per platform. */
  platformHosts: Record<Platform, string[]>;
};

// The first host of each list is the canonical one used in normalised URLs.
export const DEFAULT_PLATFORM_HOSTS: Record<Platform, string[]> = {
  website: [ANY_HOST],
  mastodon: [ANY_HOST],
  bluesky: ["bsky.app"],
  github: ["github.com", "www.github.com"],
  youtube: ["www.youtube.com", "youtube.com", "m.youtube.com"],
  instagram: ["www.instagram.com", "instagram.com"],
  tiktok: ["www.tiktok.com", "tiktok.com"],
  x: ["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"],
};

export const DEFAULT_VERIFY_CONFIG: VerifyConfig = {
  dev: false,
  blueskyApi: "https://public.api.bsky.app",
  githubApi: "https://api.github.com",
  youtubeBase: "https://www.youtube.com",
  dohUrl: "https://cloudflare-dns.com/dns-query",
  platformHosts: DEFAULT_PLATFORM_HOSTS,
};

function stringVar(env: object, name: string): string | undefined {
  // `object` rather than Record<string, string>: the Worker's Env interface also holds bindings.
  const value = (env as Record<string, unknown>)[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

const withoutTrailingSlash = (s: string) => s.replace(/\/+$/, "");

/**
 * Reads VERIFY_BLUESKY_API, VERIFY_GITHUB_API, VERIFY_YOUTUBE_BASE, VERIFY_DOH_URL,
 * VERIFY_WELL_KNOWN_BASE, VERIFY_EXTRA_HOSTS (comma list added to every platform) and
 * ENVIRONMENT ("development" turns on dev mode). Unset variables keep the real services.
 */
export function verifyConfigFromEnv(env: object): VerifyConfig {
  const d = DEFAULT_VERIFY_CONFIG;
  const extra = (stringVar(env, "VERIFY_EXTRA_HOSTS") ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
  const platformHosts = Object.fromEntries(
    PLATFORMS.map((p) => [p, [...new Set([...d.platformHosts[p], ...extra])]]),
  ) as Record<Platform, string[]>;
  const wellKnownBase = stringVar(env, "VERIFY_WELL_KNOWN_BASE");
  return {
    dev: stringVar(env, "ENVIRONMENT") === "development",
    blueskyApi: withoutTrailingSlash(stringVar(env, "VERIFY_BLUESKY_API") ?? d.blueskyApi),
    githubApi: withoutTrailingSlash(stringVar(env, "VERIFY_GITHUB_API") ?? d.githubApi),
    youtubeBase: withoutTrailingSlash(stringVar(env, "VERIFY_YOUTUBE_BASE") ?? d.youtubeBase),
    dohUrl: stringVar(env, "VERIFY_DOH_URL") ?? d.dohUrl,
    ...(wellKnownBase ? { wellKnownBase: withoutTrailingSlash(wellKnownBase) } : {}),
    platformHosts,
  };
}

/** Where a domain's `/.well-known/candor.txt` lives; dev/test may reroute it to a fixture. */
export function wellKnownUrl(config: VerifyConfig, host: string): string {
  const base = config.wellKnownBase ? config.wellKnownBase.replaceAll("{domain}", host) : `https://${host}`;
  return `${base}/.well-known/candor.txt`;
}
