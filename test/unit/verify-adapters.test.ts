import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VERIFY_CONFIG, verifyConfigFromEnv, type VerifyConfig } from "../../worker/verify/config.ts";
import { decodeEntities, linkHrefs, metaDescriptions, relMeLinks, textContains, visibleText } from "../../worker/verify/html.ts";
import {
  instructionsFor,
  makeVerifyDeps,
  MANUAL_PLATFORMS,
  parseAccountUrl,
  PLATFORMS,
  verifyAccount,
  type Platform,
  type ProofContext,
} from "../../worker/verify/adapters/index.ts";
import { candorHandleOf, findInText } from "../../worker/verify/adapters/evidence.ts";
import { PROFILE, startPlatformServer, type PlatformServer } from "./fixtures/platform-server.ts";

let fx: PlatformServer;
let config: VerifyConfig;
beforeAll(async () => {
  fx = await startPlatformServer();
  config = verifyConfigFromEnv({
    ENVIRONMENT: "development",
    VERIFY_BLUESKY_API: fx.base,
    VERIFY_GITHUB_API: fx.base,
    VERIFY_YOUTUBE_BASE: `${fx.base}/yt`,
    VERIFY_DOH_URL: `${fx.base}/dns-query`,
    VERIFY_WELL_KNOWN_BASE: `${fx.base}/wk/none`,
    VERIFY_EXTRA_HOSTS: fx.host,
  });
});
afterAll(() => fx.close());

const alice = (platform: Platform, url: string, extra: Partial<ProofContext> = {}): ProofContext => ({
  platform,
  url,
  handle: "alice",
  token: "tok-alice",
  profileUrl: PROFILE("alice"),
  ...extra,
});
const verify = (ctx: ProofContext, overrides: Partial<VerifyConfig> = {}) => verifyAccount(ctx, makeVerifyDeps({ ...config, ...overrides }));

describe("html helpers", () => {
  it("finds rel=me on a and link, in any case and order", () => {
    const page = `<link href="https://a.example/" rel="Me authn"><a rel="nofollow me" href='https://b.example/'>b</a><a rel=me>no href</a><a href=https://c.example/>c</a>`;
    expect(relMeLinks(page)).toEqual(["https://a.example/", "https://b.example/"]);
    expect(linkHrefs(page)).toEqual(["https://b.example/", "https://c.example/"]);
  });

  it("survives malformed HTML and ignores links inside scripts", async () => {
    const page = await fetch(`${fx.base}/site/malformed`).then((r) => r.text());
    expect(relMeLinks(page)).toEqual(["https://candor.example/@alice/"]);
    expect(visibleText(page)).toContain("&AB&bogus; < b");
    expect(visibleText(page)).not.toContain("mallory");
  });

  it("reads meta descriptions and decodes entities", () => {
    const page = `<meta name="description" content="a &amp; b"><meta property="og:description" content="c&#x2F;d"><meta name="keywords" content="no">`;
    expect(metaDescriptions(page)).toEqual(["a & b", "c/d"]);
    expect(decodeEntities("&lt;&#64;&quot;&nope;")).toBe('<@"&nope;');
  });

  it("joins inline spans without spaces and blocks with one", () => {
    const note = `<p><span class="invisible">https://</span><span>candor.example/@alice</span></p><p>next</p>`;
    expect(visibleText(note)).toBe("https://candor.example/@alice next");
    expect(textContains("<p>candor-verify:abc</p><p>def</p>", "candor-verify:abcdef")).toBe(false);
  });
});

describe("profile and token matching", () => {
  it("normalises scheme, host case, trailing slash and handle case", () => {
    for (const u of ["https://candor.example/@alice", "HTTPS://CANDOR.EXAMPLE/@Alice/", "http://candor.example/@alice?x=1#y", "candor.example/@ALICE"]) {
      expect(candorHandleOf(u, PROFILE("alice")), u).toBe("alice");
    }
    expect(candorHandleOf("https://candor.example/@bob", PROFILE("alice"))).toBe("bob");
    expect(candorHandleOf("https://evil-candor.example/@alice", PROFILE("alice"))).toBeNull();
    expect(candorHandleOf("https://candor.example/@alice/posts", PROFILE("alice"))).toBeNull();
  });

  it("finds the token only as a whole code and notices other codes and handles", () => {
    const ctx = { token: "tok-alice", handle: "alice", profileUrl: PROFILE("alice") };
    expect(findInText("x candor-verify:tok-alice.", ctx)).toMatchObject({ token: true, otherToken: false });
    expect(findInText("candor-verify:tok-alicex", ctx)).toMatchObject({ token: false, otherToken: true });
    expect(findInText("see candor.example/@alice. and https://candor.example/@bob", ctx)).toMatchObject({ profile: true, otherHandles: ["bob"] });
    expect(findInText("notcandor.example/@alice", ctx)).toMatchObject({ profile: false, otherHandles: [] });
  });
});

describe("website", () => {
  const site = (name: string) => `${fx.base}/site/${name}`;

  it("passes on rel=me via <a>, normalised", async () => {
    expect(await verify(alice("website", site("alice-relme")))).toEqual({ ok: true, method: "rel-me" });
  });

  it("passes on rel=me via <link>", async () => {
    expect(await verify(alice("website", site("alice-link")))).toEqual({ ok: true, method: "rel-me" });
  });

  it("passes on the proof string, visible or in a comment", async () => {
    expect(await verify(alice("website", site("alice-token")))).toEqual({ ok: true, method: "token" });
    expect(await verify(alice("website", site("alice-comment")))).toEqual({ ok: true, method: "token" });
  });

  it("passes on malformed HTML that still carries rel=me", async () => {
    expect(await verify(alice("website", site("malformed")))).toEqual({ ok: true, method: "rel-me" });
  });

  it("passes after a redirect", async () => {
    expect(await verify(alice("website", `${fx.base}/redirect-to-site/alice-token`))).toEqual({ ok: true, method: "token" });
  });

  it("passes on /.well-known/candor.txt with handle and token", async () => {
    const r = await verify(alice("website", site("nothing")), { wellKnownBase: `${fx.base}/wk/alice-ok` });
    expect(r).toEqual({ ok: true, method: "well-known" });
  });

  it("fails a well-known file without the handle", async () => {
    const r = await verify(alice("website", site("nothing")), { wellKnownBase: `${fx.base}/wk/alice-no-handle` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toContain("holds your code but not your handle @alice.");
  });

  it("does not count a plain link, a relative rel=me or a longer code", async () => {
    for (const name of ["alice-plain-link", "alice-relative", "nothing"]) {
      const r = await verify(alice("website", site(name)));
      expect(r, name).toMatchObject({ ok: false, method: "website" });
      if (!r.ok) expect(r.failure).toContain(`Found neither a link to ${PROFILE("alice")} nor candor-verify:tok-alice on ${site(name)}`);
    }
    const longer = await verify(alice("website", site("alice-longer-token")));
    expect(longer.ok).toBe(false);
    if (!longer.ok) expect(longer.failure).toMatch(/^The website shows a Candor proof code that is not yours: yours is candor-verify:tok-alice\./);
  });

  it("fails with a clear sentence on another creator's rel=me", async () => {
    const r = await verify(alice("website", site("bob-relme")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^The website links to another Candor profile \(@bob\), not to yours \(https:\/\/candor\.example\/@alice\)\./);
  });

  it("fails with a clear sentence on another creator's token", async () => {
    const r = await verify(alice("website", site("bob-token")), { wellKnownBase: `${fx.base}/wk/bob` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^The website shows a Candor proof code that is not yours/);
  });

  it("explains an unreadable page and well-known file", async () => {
    const r = await verify(alice("website", `${fx.base}/status/500`));
    expect(r).toEqual({
      ok: false,
      method: "website",
      failure:
        `Could not read ${fx.base}/status/500. The page answered with HTTP status 500 (Internal Server Error). ` +
        `Could not read ${fx.base}/wk/none/.well-known/candor.txt. The page answered with HTTP status 404 (Not Found).`,
    });
  });

  it("passes fetch limits through: a redirect chain over the limit fails", async () => {
    const r = await verify(alice("website", `${fx.base}/redirect/5`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toContain("Redirected more than 3 times.");
  });
});

describe("mastodon", () => {
  const acct = (user: string) => `${fx.base}/@${user}`;

  it("passes on a rel=me link on the profile page", async () => {
    expect(await verify(alice("mastodon", acct("alice_relme")))).toEqual({ ok: true, method: "rel-me" });
  });

  it("passes on the profile URL in the page description", async () => {
    expect(await verify(alice("mastodon", acct("alice_meta")))).toEqual({ ok: true, method: "profile-link" });
  });

  it("passes on the profile link in the API note", async () => {
    expect(await verify(alice("mastodon", acct("alice_note")))).toEqual({ ok: true, method: "profile-link" });
  });

  it("passes on the token in a profile field", async () => {
    expect(await verify(alice("mastodon", acct("alice_field")))).toEqual({ ok: true, method: "token" });
  });

  it("fails on a link to another handle", async () => {
    const r = await verify(alice("mastodon", acct("bob_note")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^The Mastodon profile links to another Candor profile \(@bob\)/);
  });

  it("fails when the proof is missing", async () => {
    const r = await verify(alice("mastodon", acct("nothing")));
    expect(r).toMatchObject({ ok: false, method: "mastodon" });
    if (!r.ok) expect(r.failure).toMatch(/^Found neither a link to https:\/\/candor\.example\/@alice nor candor-verify:tok-alice/);
  });

  it("fails readably for an unknown account", async () => {
    const r = await verify(alice("mastodon", acct("ghost")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toContain("The page answered with HTTP status 404 (Not Found).");
  });
});

describe("bluesky", () => {
  const profile = (actor: string) => `https://bsky.app/profile/${actor}`;

  it("passes on the profile URL in the description", async () => {
    expect(await verify(alice("bluesky", profile("alice.bsky.social")))).toEqual({ ok: true, method: "profile-link" });
  });

  it("passes on the token in the description", async () => {
    expect(await verify(alice("bluesky", profile("alice-token.bsky.social")))).toEqual({ ok: true, method: "token" });
  });

  it("passes on a handle on a verified domain, also via a did: URL", async () => {
    expect(await verify(alice("bluesky", profile("alice.example.com"), { verifiedDomains: ["example.com"] }))).toEqual({ ok: true, method: "domain-handle" });
    expect(await verify(alice("bluesky", profile("alice.example.com"), { verifiedDomains: ["alice.example.com"] }))).toEqual({ ok: true, method: "domain-handle" });
    const did = profile("did:plc:abcdefghijklmnopqrstuvwx");
    expect(await verify(alice("bluesky", did, { verifiedDomains: ["studio.example.com"] }))).toEqual({ ok: true, method: "domain-handle" });
  });

  it("does not take a domain handle Bluesky could not confirm or that only looks alike", async () => {
    expect((await verify(alice("bluesky", profile("fake.example.com"), { verifiedDomains: ["example.com"] }))).ok).toBe(false);
    expect((await verify(alice("bluesky", profile("alice.example.com"), { verifiedDomains: ["le.com"] }))).ok).toBe(false);
  });

  it("fails on another creator's token", async () => {
    const r = await verify(alice("bluesky", profile("bob.bsky.social")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^The Bluesky profile shows a Candor proof code that is not yours/);
  });

  it("fails when missing or unknown", async () => {
    expect(await verify(alice("bluesky", profile("nothing.bsky.social")))).toMatchObject({ ok: false, method: "bluesky" });
    const r = await verify(alice("bluesky", profile("ghost.bsky.social")));
    expect(r).toEqual({
      ok: false,
      method: "bluesky",
      failure: "Could not read the Bluesky profile. The page answered with HTTP status 400 (Bad Request).",
    });
  });
});

describe("github", () => {
  const gh = (user: string) => `https://github.com/${user}`;

  it("passes on the token in the bio", async () => {
    expect(await verify(alice("github", gh("alice")))).toEqual({ ok: true, method: "token" });
  });

  it("passes on the profile URL in the website field", async () => {
    expect(await verify(alice("github", gh("alice-blog")))).toEqual({ ok: true, method: "profile-link" });
  });

  it("fails on a link to another handle", async () => {
    const r = await verify(alice("github", gh("bob")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/another Candor profile \(@bob\)/);
  });

  it("fails when missing, with null fields", async () => {
    expect(await verify(alice("github", gh("nothing")))).toMatchObject({ ok: false, method: "github" });
  });
});

describe("youtube", () => {
  const yt = (h: string) => `https://www.youtube.com/${h}`;

  it("passes on the meta description, og:description or embedded data", async () => {
    expect(await verify(alice("youtube", yt("@alice")))).toEqual({ ok: true, method: "token" });
    expect(await verify(alice("youtube", yt("@alice-og")))).toEqual({ ok: true, method: "profile-link" });
    expect(await verify(alice("youtube", yt("@alice-json/videos")))).toEqual({ ok: true, method: "token" });
  });

  it("fails on another handle and on a missing proof", async () => {
    const r = await verify(alice("youtube", yt("@bob")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/another Candor profile \(@bob\)/);
    expect(await verify(alice("youtube", yt("@nothing")))).toMatchObject({ ok: false, method: "youtube" });
  });
});

describe("manual platforms", () => {
  it("asks for a moderator on instagram, tiktok and x", async () => {
    expect([...MANUAL_PLATFORMS]).toEqual(["instagram", "tiktok", "x"]);
    for (const [platform, url] of [
      ["instagram", "https://www.instagram.com/alice"],
      ["tiktok", "https://www.tiktok.com/@alice"],
      ["x", "https://twitter.com/alice"],
    ] as const) {
      expect(await verify(alice(platform, url))).toEqual({
        ok: false,
        method: "manual",
        failure: "This platform shows nothing without a login: a moderator reviews the evidence you give.",
      });
    }
  });
});

describe("parseAccountUrl", () => {
  const good: Array<[Platform, string, string, string]> = [
    ["website", "https://Example.com", "https://example.com/", "example.com"],
    ["website", "http://www.example.com/about?x=1#top", "https://www.example.com/about?x=1", "example.com"],
    ["mastodon", "https://Mastodon.Social/@Alice", "https://mastodon.social/@alice", "alice"],
    ["mastodon", "https://mastodon.social/@alice@mastodon.social/with_replies", "https://mastodon.social/@alice", "alice"],
    ["mastodon", "https://fosstodon.org/users/alice", "https://fosstodon.org/@alice", "alice"],
    ["bluesky", "bsky.app/profile/Alice.bsky.social", "https://bsky.app/profile/alice.bsky.social", "alice.bsky.social"],
    ["bluesky", "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx", "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx", "did:plc:abcdefghijklmnopqrstuvwx"],
    ["github", "https://www.github.com/Alice-Dev/", "https://github.com/alice-dev", "alice-dev"],
    ["youtube", "https://youtube.com/@Alice/videos", "https://www.youtube.com/@alice", "alice"],
    ["youtube", "https://m.youtube.com/channel/UCabcdefghijklmnopqrstuv", "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "UCabcdefghijklmnopqrstuv"],
    ["instagram", "instagram.com/alice.bakes/", "https://www.instagram.com/alice.bakes", "alice.bakes"],
    ["tiktok", "https://tiktok.com/@alice", "https://www.tiktok.com/@alice", "alice"],
    ["x", "https://twitter.com/Alice_", "https://x.com/alice_", "alice_"],
    ["x", "https://x.com/alice", "https://x.com/alice", "alice"],
  ];
  for (const [platform, input, normalizedUrl, username] of good) {
    it(`accepts ${platform} ${input}`, () => {
      expect(parseAccountUrl(platform, input)).toEqual({ ok: true, normalizedUrl, username });
    });
  }

  const bad: Array<[string, string, RegExp]> = [
    ["github", "https://gitlab.com/alice", /^That is not a GitHub address\. A GitHub address looks like https:\/\/github\.com\/yourname\.$/],
    ["github", "https://github.com/alice/repo", /not a repository/],
    ["github", "https://github.com/settings", /not a GitHub profile/],
    ["bluesky", "https://bsky.app/alice", /not a Bluesky profile/],
    ["bluesky", "https://bsky.app/profile/not_a_handle", /is not a Bluesky handle/],
    ["youtube", "https://www.youtube.com/watch?v=abc", /@handle address/],
    ["youtube", "https://www.youtube.com/c/alice", /@handle address/],
    ["instagram", "https://www.instagram.com/p/abc", /not an Instagram profile/],
    ["tiktok", "https://www.tiktok.com/alice", /not a TikTok profile/],
    ["x", "https://x.com/home", /not an X profile/],
    ["x", "https://facebook.com/alice", /^That is not an X address\. An X address looks like https:\/\/x\.com\/yourname\.$/],
    ["mastodon", "https://mastodon.social/alice", /not a Mastodon profile/],
    ["mastodon", "https://mastodon.social/@bob@other.example", /another server: give its address on its own server, https:\/\/other\.example\/@bob\./],
    ["mastodon", "http://127.0.0.1/@alice", /public domain name/],
    ["website", "https://localhost:8080/", /public domain name/],
    ["website", "ftp://example.com/", /Only web addresses/],
    ["myspace", "https://myspace.com/alice", /not a platform Candor knows/],
  ];
  for (const [platform, input, problem] of bad) {
    it(`rejects ${platform} ${input}`, () => {
      const r = parseAccountUrl(platform, input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(problem);
    });
  }

  it("lets fixture hosts through only via config", () => {
    expect(parseAccountUrl("github", `${fx.base}/alice`).ok).toBe(false);
    expect(parseAccountUrl("github", `${fx.base}/alice`, config)).toEqual({ ok: true, normalizedUrl: `${fx.base}/alice`, username: "alice" });
  });
});

describe("instructionsFor and config", () => {
  it("gives short English and French instructions naming the proof for every platform", () => {
    for (const platform of PLATFORMS) {
      const text = instructionsFor(platform, { token: "tok-alice", profileUrl: PROFILE("alice") });
      expect(text.en).toContain(PROFILE("alice"));
      expect(text.fr).toContain(PROFILE("alice"));
      if (!(MANUAL_PLATFORMS as readonly string[]).includes(platform)) {
        expect(text.en).toContain("candor-verify:tok-alice");
        expect(text.fr).toContain("candor-verify:tok-alice");
      }
      expect(text.en.length).toBeLessThan(260);
    }
  });

  it("reads the environment, defaulting to the real services", () => {
    expect(verifyConfigFromEnv({})).toEqual(DEFAULT_VERIFY_CONFIG);
    const c = verifyConfigFromEnv({ ENVIRONMENT: "production", VERIFY_GITHUB_API: "http://gh.test/", VERIFY_EXTRA_HOSTS: " a.test , B.test:81 " });
    expect(c.dev).toBe(false);
    expect(c.githubApi).toBe("http://gh.test");
    expect(c.platformHosts.github).toEqual(["github.com", "www.github.com", "a.test", "b.test:81"]);
    expect(c.platformHosts.website).toEqual(["*", "a.test", "b.test:81"]);
  });

  it("refuses private hosts when not in dev, even with the fixture allowed", async () => {
    const r = await verify(alice("website", `${fx.base}/site/alice-relme`), { dev: false });
    expect(r).toEqual({ ok: false, method: "website", failure: expect.stringMatching(/public domain name/) as unknown as string });
  });
});
