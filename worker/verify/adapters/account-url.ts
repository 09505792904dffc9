// Checks that an account URL belongs to the platform it is filed under and gives it one
// canonical spelling, so the same account cannot be linked twice under different URLs.
import { ANY_HOST, DEFAULT_PLATFORM_HOSTS, DEFAULT_VERIFY_CONFIG, PLATFORMS, type Platform, type VerifyConfig } from "../config.ts";
import { hostnameProblem } from "../fetcher.ts";

export type ParsedAccount = { ok: true; normalizedUrl: string; username: string } | { ok: false; problem: string };

export const PLATFORM_NAMES: Record<Platform, string> = {
  website: "website",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  github: "GitHub",
  youtube: "YouTube",
  instagram: "Instagram",
  tiktok: "TikTok",
  x: "X",
};

const EXAMPLES: Record<Platform, string> = {
  website: "https://example.com/",
  mastodon: "https://mastodon.social/@yourname",
  bluesky: "https://bsky.app/profile/yourname.bsky.social",
  github: "https://github.com/yourname",
  youtube: "https://www.youtube.com/@yourname",
  instagram: "https://www.instagram.com/yourname",
  tiktok: "https://www.tiktok.com/@yourname",
  x: "https://x.com/yourname",
};

// First path segments that are site pages, not accounts.
const RESERVED: Partial<Record<Platform, Set<string>>> = {
  github: new Set(["about", "apps", "codespaces", "collections", "enterprise", "explore", "features", "issues", "join", "login", "marketplace", "new", "notifications", "orgs", "organizations", "pricing", "pulls", "search", "security", "settings", "sponsors", "topics", "trending"]),
  instagram: new Set(["accounts", "direct", "explore", "p", "reel", "reels", "stories", "tv"]),
  x: new Set(["compose", "explore", "hashtag", "home", "i", "intent", "login", "messages", "notifications", "privacy", "search", "settings", "share", "signup", "tos"]),
};

export const isPlatform = (p: string): p is Platform => (PLATFORMS as readonly string[]).includes(p);

const ok = (normalizedUrl: string, username: string): ParsedAccount => ({ ok: true, normalizedUrl, username });
const problem = (text: string): ParsedAccount => ({ ok: false, problem: text });

export function parseAccountUrl(
  platform: string,
  input: string,
  config: Pick<VerifyConfig, "dev" | "platformHosts"> = DEFAULT_VERIFY_CONFIG,
): ParsedAccount {
  if (!isPlatform(platform)) return problem(`“${platform}” is not a platform Candor knows.`);
  const name = PLATFORM_NAMES[platform];
  const a = /^[AEIOUX]/.test(name) ? "an" : "a"; // "an Instagram", "an X"
  const shape = `${a === "an" ? "An" : "A"} ${name} address looks like ${EXAMPLES[platform]}.`;
  let text = input.trim();
  // People paste "github.com/alice" without a scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text.replace(/^\/\//, "")}`;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return problem(`That is not a web address. ${shape}`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return problem(`Only web addresses can be linked. ${shape}`);
  if (u.username || u.password) return problem("The address must not contain a user name or password.");
  // Outside development the checker only speaks https, so store the https form.
  if (!config.dev && u.protocol === "http:") u.protocol = "https:";

  const hosts = config.platformHosts[platform];
  const host = u.host.toLowerCase();
  const hostname = u.hostname.toLowerCase();
  if (hosts.includes(ANY_HOST)) {
    if (!config.dev && hostnameProblem(hostname)) return problem(`Give an address on a public domain name. ${shape}`);
  } else if (!hosts.includes(host) && !hosts.includes(hostname)) {
    return problem(`That is not ${a} ${name} address. ${shape}`);
  }

  // Real platform hosts collapse to the canonical one; dev/test fixture hosts stay as given.
  const canonical = DEFAULT_PLATFORM_HOSTS[platform];
  const origin = canonical.includes(hostname) && canonical[0] !== ANY_HOST ? `https://${canonical[0]}` : u.origin;
  let segments: string[];
  try {
    segments = u.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return problem(`That address is malformed. ${shape}`);
  }
  const first = segments[0] ?? "";

  switch (platform) {
    case "website": {
      const path = u.pathname === "/" ? "/" : u.pathname;
      return ok(`${u.origin}${path}${u.search}`, hostname.replace(/^www\./, ""));
    }
    case "mastodon": {
      let user = "";
      if (first.startsWith("@")) {
        const [local = "", server] = first.slice(1).split("@");
        if (server && server.toLowerCase() !== hostname) {
          return problem(`That page shows an account from another server: give its address on its own server, https://${server}/@${local}.`);
        }
        user = local;
      } else if (first === "users" && segments[1]) {
        user = segments[1];
      }
      if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(user)) return problem(`That is not a Mastodon profile address. ${shape}`);
      return ok(`${u.origin}/@${user.toLowerCase()}`, user.toLowerCase());
    }
    case "bluesky": {
      const actor = (segments[1] ?? "").replace(/^@/, "");
      if (first !== "profile" || !actor) return problem(`That is not a Bluesky profile address. ${shape}`);
      if (/^did:(plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/i.test(actor)) return ok(`${origin}/profile/${actor.toLowerCase()}`, actor.toLowerCase());
      if (!isDomainLike(actor)) return problem(`“${actor}” is not a Bluesky handle. ${shape}`);
      return ok(`${origin}/profile/${actor.toLowerCase()}`, actor.toLowerCase());
    }
    case "github": {
      if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(first) || RESERVED.github!.has(first.toLowerCase())) {
        return problem(`That is not a GitHub profile address. ${shape}`);
      }
      if (segments.length > 1) return problem(`Give your GitHub profile address, not a repository or page. ${shape}`);
      return ok(`${origin}/${first.toLowerCase()}`, first.toLowerCase());
    }
    case "youtube": {
      // Tabs such as /videos or /about after the channel are dropped.
      if (/^@[A-Za-z0-9._-]{3,30}$/.test(first)) return ok(`${origin}/${first.toLowerCase()}`, first.slice(1).toLowerCase());
      if (first === "channel" && /^UC[A-Za-z0-9_-]{22}$/.test(segments[1] ?? "")) return ok(`${origin}/channel/${segments[1]}`, segments[1]!);
      return problem(`Give the channel's @handle address or its /channel/ address. ${shape}`);
    }
    case "instagram": {
      if (!/^[A-Za-z0-9._]{1,30}$/.test(first) || RESERVED.instagram!.has(first.toLowerCase())) {
        return problem(`That is not an Instagram profile address. ${shape}`);
      }
      return ok(`${origin}/${first.toLowerCase()}`, first.toLowerCase());
    }
    case "tiktok": {
      if (!/^@[A-Za-z0-9._]{2,24}$/.test(first)) return problem(`That is not a TikTok profile address. ${shape}`);
      return ok(`${origin}/${first.toLowerCase()}`, first.slice(1).toLowerCase());
    }
    case "x": {
      if (!/^[A-Za-z0-9_]{1,15}$/.test(first) || RESERVED.x!.has(first.toLowerCase())) return problem(`That is not an X profile address. ${shape}`);
      return ok(`${origin}/${first.toLowerCase()}`, first.toLowerCase());
    }
  }
}

function isDomainLike(s: string): boolean {
  const labels = s.toLowerCase().split(".");
  return labels.length >= 2 && labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}
