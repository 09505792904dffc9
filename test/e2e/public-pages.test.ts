// The public pages in Chromium with JavaScript off: directory, profile (timeline, report form,
// badge, feed, JSON-LD), caption checker, API reference and log explorer, in French and
// English. Records are seeded through the API first. Screenshots land in test-results/.
import { mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, type Browser } from "./browser";

const base = inject("baseUrl");
const SHOTS = "test-results";
let browser: Browser;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/public-${name}.png`, fullPage: true });
const text = async (scope: Page | Locator, selector: string) => ((await scope.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toLowerCase();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

/** Signs in through the API (email link from the dev outbox) and returns the session cookie. */
async function apiSignIn(email: string): Promise<string> {
  const sent = await fetch(`${base}/api/v1/auth/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
  expect(sent.status).toBe(202);
  const outbox = (await (await fetch(`${base}/api/v1/dev/outbox`)).json()) as { items: Array<{ to: string; links: string[] }> };
  const link = outbox.items.find((m) => m.to === email)!.links[0]!;
  const res = await fetch(link, { redirect: "manual" });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("candor_session="));
  expect(cookie).toBeTruthy();
  return cookie!;
}

async function api<T = Record<string, unknown>>(cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

/** A creator with a profile and a signed pledge; returns the session cookie. */
async function makeCreator(handle: string, display_name: string, bio = ""): Promise<string> {
  const cookie = await apiSignIn(`${handle}@example.test`);
  expect((await api(cookie, "POST", "/me/creator", { handle, display_name, bio, country: "FR", languages: ["fr", "en"], niches: ["cuisine", "voyage"] })).status).toBe(201);
  const manifesto = (await (await fetch(`${base}/api/v1/manifesto`)).json()) as { version: number; sha256: { fr: string } };
  expect((await api(cookie, "POST", "/me/pledge", { version: manifesto.version, sha256: manifesto.sha256.fr })).status).toBe(201);
  return cookie;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const record = (i: number, fields: Record<string, unknown>) => ({
  brand_name: "Maison Verte", brand_domain: "maisonverte.example", post_url: `https://www.instagram.com/p/post${i}`, platform: "instagram",
  media: "image", relationship: "paid", jurisdictions: ["FR"], posted_at: daysAgo(i + 2), caption: "", ...fields,
});

/** Polls a page (pages are not rate-limited, unlike the API) until its HTML matches. */
async function waitForHtml(path: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let html = "";
  while (Date.now() < deadline) {
    html = await (await fetch(base + path)).text();
    if (pattern.test(html)) return html;
    await sleep(500);
  }
  throw new Error(`${path} never matched ${pattern}`);
}

const handle = unique("pub");
const name = "Zoé <b>Test</b> & co";
const MARKUP = "<b>x</b> #ad Merci @marque";
let firstId = "";
let amendedId = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const cookie = await makeCreator(handle, name, "Cuisine </script><script>alert(1)</script> de saison");
  const inputs = [
    record(0, { caption: MARKUP, overlay: "Publicité", jurisdictions: ["FR", "UK"] }),
    record(1, { caption: "Nouvelle recette ! #sp #collab" }),
    record(2, { caption: "Merci pour le cadeau #gifted", relationship: "gifted", jurisdictions: ["US"] }),
    record(3, { caption: "Publicité : collaboration commerciale avec Maison Verte", overlay: "Publicité" }),
    record(4, { caption: "Publicité : collaboration commerciale avec Maison Verte", overlay: "Publicité" }),
    record(5, { caption: "Publicité : collaboration commerciale avec Maison Verte", overlay: "Publicité" }),
  ];
  for (const [i, input] of inputs.entries()) {
    const res = await api<{ id: string; verdict: string }>(cookie, "POST", "/me/disclosures", input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (i === 1) firstId = res.body.id;
  }
  const amended = await api<{ id: string }>(cookie, "POST", `/me/disclosures/${firstId}/amend`, { caption: "Publicité #sp #collab", overlay: "Publicité", note: "Added « Publicité » <em>first</em>." });
  expect(amended.status).toBe(201);
  amendedId = amended.body.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the creator directory", () => {
  it("finds the creator by text and filters, and explains ignored values", async () => {
    const page = await newPage();
    await page.goto(`${base}/creators?q=${handle}`);
    const card = page.locator(`main .results a[href="/@${handle}"]`);
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toBe(name);
    expect(await text(page, "main .results li.card")).toMatch(/Signé/);
    await shot(page, "fr-creators");

    // The same search through the form, with filters.
    await page.goto(`${base}/creators`);
    await page.fill("#c-q", handle);
    await page.selectOption("#c-country", "FR");
    await page.selectOption("#c-pledged", "true");
    await page.selectOption("#c-sort", "name");
    await page.click("main form button[type=submit]");
    expect(new URL(page.url()).searchParams.get("country")).toBe("FR");
    expect(await page.locator(`main .results a[href="/@${handle}"]`).count()).toBe(1);
    expect(await page.inputValue("#c-q")).toBe(handle);

    // Unknown values are dropped with a message; the page still answers 200.
    const res = await page.goto(`${base}/en/creators?q=${handle}&platform=myspace&min_score=abc&sort=random&country=ZZ`);
    expect(res!.status()).toBe(200);
    const notice = await text(page, "main .notice[role=status]");
    expect(notice).toContain("unknown platform “myspace”");
    expect(notice).toContain("invalid minimum score “abc”");
    expect(notice).toContain("unknown sort “random”");
    expect(notice).toContain("unknown country “ZZ”");
    expect(await page.locator(`main .results a[href="/en/@${handle}"]`).count()).toBe(1);
    await shot(page, "en-creators-ignored");

    // A malformed cursor shows a notice and the first page.
    await page.goto(`${base}/creators?cursor=not-a-cursor`);
    expect(await text(page, "main .notice[role=status]")).toContain("pagination");
    expect(await page.locator("main .results li").count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe("the profile page", () => {
  it("shows the timeline with verdicts, findings, highlighted labels, corrections and escaped markup", async () => {
    const page = await newPage();
    await page.goto(`${base}/@${handle}`);
    expect(await page.locator("h1").textContent()).toBe(name);
    // User text is text: no element comes out of the name, bio or captions.
    expect(await page.locator("main b, main i, main em, body script:not([type='application/ld+json'])").count()).toBe(0);

    const records = page.locator("main ol.timeline > li.rec");
    expect(await records.count()).toBe(7);
    const verdicts = await page.locator("main ol.timeline .tags-line .badge").allTextContents();
    expect(verdicts).toEqual(expect.arrayContaining(["Conforme", "Non conforme", "À revoir", "Correction", "Corrigée"]));

    // The record with markup: caption shown as typed, labels in <mark>, findings in French.
    const markup = records.filter({ hasText: "<b>x</b>" });
    expect(await markup.count()).toBe(1);
    expect(await markup.locator("blockquote.caption").first().textContent()).toContain(MARKUP);
    expect(await markup.locator("blockquote.caption mark").allTextContents()).toEqual(expect.arrayContaining(["#ad"]));
    expect(await markup.locator("blockquote.caption").nth(1).locator("mark").allTextContents()).toEqual(["Publicité"]);
    const findings = await markup.locator("ul.findings li").allTextContents();
    expect(findings.join("\n")).toMatch(/FR-OK[\s\S]*public français/);
    expect(findings.join("\n")).toMatch(/UK-[A-Z]+\s+UK/);

    // The correction names its note and links the record it supersedes, which is marked.
    const fix = page.locator(`#d-${amendedId}`);
    expect(await text(fix, "p.fix")).toContain("Added « Publicité » <em>first</em>.");
    expect(await fix.locator(`a[href="#d-${firstId}"]`).count()).toBe(1);
    expect(await page.locator(`#d-${firstId} a[href="#d-${amendedId}"]`).count()).toBe(1);
    expect(await page.locator(`#d-${firstId} .badge`).allTextContents()).toContain("Corrigée");

    // Score with components and the methodology link; stats.
    expect(await page.locator("section[aria-labelledby=score] tbody tr").count()).toBe(7);
    expect(await page.locator('section[aria-labelledby=score] a[href="/methodology"]').count()).toBe(1);
    expect(await text(page, "section[aria-labelledby=stats]")).toMatch(/Collaborations enregistrées\s*6/);

    // Badge: the image, the embed code as text, the shields endpoint.
    expect(await page.locator(`main img[src="/badge/${handle}.svg"]`).getAttribute("alt")).toContain(handle);
    const codes = await page.locator("section[aria-labelledby=badge] pre code").allTextContents();
    expect(codes[0]).toBe(`<a href="${base}/@${handle}"><img src="${base}/badge/${handle}.svg" alt="Candor : engagement et score de @${handle}"></a>`);
    expect(codes[1]).toContain(`${base}/api/v1/creators/${handle}/badge.json`);
    expect((await fetch(`${base}/badge/${handle}.svg`)).headers.get("content-type")).toContain("image/svg+xml");

    // Feed: in the head and as a visible link, and it is a feed.
    expect(await page.getAttribute('head link[rel=alternate][type="application/atom+xml"]', "href")).toBe(`/@${handle}/feed.atom`);
    expect(await page.locator(`main a[href="/@${handle}/feed.atom"]`).count()).toBeGreaterThan(0);
    expect(await (await fetch(`${base}/@${handle}/feed.atom`)).text()).toContain("<feed");

    // JSON-LD parses and describes the person; the bio's </script> cannot end the element.
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld["@type"]).toBe("ProfilePage");
    expect(ld.mainEntity).toMatchObject({ "@type": "Person", name, alternateName: `@${handle}`, url: `${base}/@${handle}`, sameAs: [] });
    expect(ld.mainEntity.description).toContain("</script><script>");
    expect(await page.locator("script").count()).toBe(1);
    await shot(page, "fr-profile");

    // The log status says which checkpoint the history was verified against.
    await waitForHtml(`/en/@${handle}`, /History last verified against checkpoint size \d+\.<\/p>/);
    await page.goto(`${base}/en/@${handle}`);
    expect(await text(page, "section[aria-labelledby=log]")).toMatch(/checkpoint size \d+/);
    const en = await page.locator(`main ol.timeline > li.rec`).filter({ hasText: "<b>x</b>" }).locator("ul.findings").textContent();
    expect(en).toMatch(/FR-OK[\s\S]*French audiences/);
    expect(await page.locator("main ol.timeline .badge").allTextContents()).toEqual(expect.arrayContaining(["Pass", "Fail", "Review", "Correction", "Corrected"]));
    await shot(page, "en-profile");
    await page.close();
  });

  it("takes a report through the profile form and explains a bad URL", async () => {
    const page = await newPage();
    await page.goto(`${base}/en/@${handle}`);
    await page.fill("#r-post_url", "javascript:alert(1)");
    await page.check('input[name=reason][value="undisclosed"]');
    await page.fill("#r-evidence", "No label at all.");
    const [bad] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click("section[aria-labelledby=report] button[type=submit]")]);
    expect(bad.status()).toBe(400);
    expect(await page.getAttribute("#r-post_url", "aria-invalid")).toBe("true");
    expect(await text(page, "#r-post_url-error")).toContain("http(s)");
    expect(await page.locator("section[aria-labelledby=report] [role=alert] a[href='#r-post_url']").count()).toBe(1);
    expect(await page.inputValue("#r-evidence")).toBe("No label at all.");
    expect(await page.isChecked('input[name=reason][value="undisclosed"]')).toBe(true);
    await shot(page, "en-report-error");

    await page.fill("#r-post_url", "https://www.instagram.com/p/reported1");
    await page.click("section[aria-labelledby=report] button[type=submit]");
    expect(new URL(page.url()).searchParams.get("report")).toBe("sent");
    expect(await text(page, "section[aria-labelledby=report] .notice.ok")).toContain("Thank you");
    expect(await text(page, "section[aria-labelledby=stats]")).toMatch(/Open reports\s*1/);
    await shot(page, "en-report-sent");

    // The same report again is refused with a clear message, in French on the French page.
    await page.goto(`${base}/@${handle}`);
    await page.fill("#r-post_url", "https://www.instagram.com/p/reported1");
    await page.check('input[name=reason][value="undisclosed"]');
    await page.fill("#r-evidence", "Encore.");
    await page.click("section[aria-labelledby=report] button[type=submit]");
    expect(await text(page, "section[aria-labelledby=report] [role=alert]")).toContain("Vous avez déjà signalé cette publication");

    // Once a moderator upholds it, the profile lists it with the public decision.
    const moderator = await apiSignIn("moderator@example.test");
    const queue = await api<{ items: Array<{ id: string; handle: string; post_url: string }> }>(moderator, "GET", "/admin/reports?status=open");
    const report = queue.body.items.find((r) => r.handle === handle && r.post_url === "https://www.instagram.com/p/reported1")!;
    expect((await api(moderator, "POST", `/admin/reports/${report.id}/decide`, { decision: "upheld", reason: "No label on a <paid> post." })).status).toBe(200);
    await page.goto(`${base}/@${handle}`);
    const upheld = await text(page, "section[aria-labelledby=reports]");
    expect(upheld).toContain("Collaboration non déclarée");
    expect(upheld).toContain("No label on a <paid> post.");
    expect(upheld).toContain("https://www.instagram.com/p/reported1");
    await page.close();
  });

  it("keeps a profile with 20 timeline records per page under 20 KB gzipped, with cursor pagination", async () => {
    const big = unique("big");
    const cookie = await makeCreator(big, "Budget Check", "Une bio de taille raisonnable pour un créateur qui publie beaucoup de collaborations.");
    const words = ["saison", "recette", "marché", "voyage", "atelier", "jardin", "café", "montagne", "vélo", "lecture"];
    for (let i = 0; i < 21; i++) {
      const caption = `Publicité — collaboration commerciale avec Maison Verte n° ${i}. Cette semaine : ${words[i % 10]}, ${words[(i * 3) % 10]} et ${words[(i * 7) % 10]}, trois idées simples à retrouver en story. Produits offerts et post rémunéré.\n\n#cuisine #${words[i % 10]} #${words[(i + 4) % 10]} #local #ad`;
      const res = await api(cookie, "POST", "/me/disclosures", record(i, { caption, overlay: i % 2 ? "Publicité" : null, media: i % 3 ? "image" : "reel", jurisdictions: i % 2 ? ["FR"] : ["FR", "UK", "US"] }));
      expect(res.status).toBe(201);
    }
    const html = await (await fetch(`${base}/@${big}`)).text();
    expect((html.match(/<li class="rec/g) ?? []).length).toBe(20);
    const gz = gzipSync(html).length;
    expect(gz, `profile page gzipped: ${gz} bytes`).toBeLessThan(20 * 1024);

    const page = await newPage();
    await page.goto(`${base}/@${big}`);
    await page.click("main nav.pager a[rel=next]");
    expect(await page.locator("main ol.timeline > li.rec").count()).toBe(1);
    expect(await page.locator("main nav.pager a[rel=next]").count()).toBe(0);
    await page.goto(`${base}/@${big}?cursor=garbage`);
    expect(await text(page, "section[aria-labelledby=timeline] .notice[role=status]")).toContain("pagination");
    expect(await page.locator("main ol.timeline > li.rec").count()).toBe(20);
    await page.close();
  });
});

describe("the caption checker", () => {
  for (const { lang, prefix, verdict, errorText, found } of [
    { lang: "fr", prefix: "", verdict: /Non conforme|Conforme|À revoir/, errorText: "Cochez au moins un pays.", found: "Mentions trouvées" },
    { lang: "en", prefix: "/en", verdict: /Fail|Pass|Review/, errorText: "Tick at least one country.", found: "Labels found" },
  ]) {
    it(`shows a verdict for a caption and field errors for bad input (${lang})`, async () => {
      const page = await newPage();
      await page.goto(`${base}${prefix}/check`);
      await page.fill("#k-text", MARKUP);
      await page.selectOption("#k-platform", "instagram");
      await page.selectOption("#k-media", "image");
      await page.selectOption("#k-relationship", "paid");
      await page.click("main form button[type=submit]");
      const result = page.locator("section[aria-labelledby=result]");
      expect(await text(result, "[role=status] .badge")).toMatch(verdict);
      expect(await result.locator("ul.findings li").count()).toBeGreaterThan(0);
      expect(await result.locator("ul.findings code").first().textContent()).toMatch(/^(US|UK|FR|C)-[A-Z]+$/);
      expect(await result.locator("blockquote.caption").textContent()).toContain(MARKUP);
      expect(await result.locator("blockquote.caption mark").allTextContents()).toContain("#ad");
      expect(await text(result, "h3")).toBe(found);
      expect(await page.locator("main b").count()).toBe(0);
      // The form keeps what was sent.
      expect(await page.inputValue("#k-text")).toBe(MARKUP);
      await shot(page, `${lang}-check-result`);

      // Bad input: no country, no platform, an unknown media value posted by hand.
      await page.goto(`${base}${prefix}/check`);
      for (const box of await page.locator("input[name=jurisdictions]").all()) await box.uncheck();
      await page.click("main form button[type=submit]");
      expect(await text(page, "#k-jurisdictions-error")).toBe(errorText);
      expect(await page.getAttribute("#k-platform", "aria-invalid")).toBe("true");
      expect(await page.locator("#k-platform-error").isVisible()).toBe(true);
      expect(await page.locator("#k-media-error").isVisible()).toBe(true);
      expect(await page.locator("main [role=alert] a[href='#k-jurisdictions']").count()).toBe(1);
      expect(await page.locator("section[aria-labelledby=result]").count()).toBe(0);
      await shot(page, `${lang}-check-errors`);
      const forged = await page.context().request.post(`${base}${prefix}/check`, { form: { text: "x", platform: "instagram", media: "hologram", relationship: "paid", jurisdictions: "FR" }, headers: { origin: base } });
      expect(forged.status()).toBe(400);
      expect(await forged.text()).toContain('id="k-media-error"');
      await page.close();
    });
  }
});

describe("the API reference and the log explorer", () => {
  it("lists the operations of the OpenAPI document on /developers", async () => {
    const page = await newPage();
    await page.goto(`${base}/developers`);
    const paths = await page.locator("main .op h4").allTextContents();
    expect(paths).toContain("GET/api/v1/creators/{handle}");
    expect(paths).toContain("POST/api/v1/creators/lookup");
    expect(await page.locator('main a[href="/api/v1/openapi.json"]').count()).toBeGreaterThan(0);
    const examples = (await page.locator("main pre code").allTextContents()).join("\n");
    expect(examples).toContain(`curl -s ${base}/api/v1/creators/alice`);
    expect(examples).toContain("Authorization: Bearer");
    expect(examples).toContain('RateLimit-Policy: "anon";q=120;w=60');
    expect(examples).toContain("application/problem+json");
    expect(examples).toContain("If-None-Match");
    await shot(page, "fr-developers");
    await page.goto(`${base}/en/developers#tag-creators`);
    expect(await text(page, "#tag-creators")).toBe("Creators");
    await page.close();
  });

  it("shows the checkpoint and the public key on /log, and looks up an entry", async () => {
    await waitForHtml("/log", /id="checkpoint-size"/);
    const key = (await (await fetch(`${base}/api/v1/log/key`)).json()) as { origin: string; verifier_key: string };
    const page = await newPage();
    await page.goto(`${base}/log`);
    expect(Number(await text(page, "#checkpoint-size"))).toBeGreaterThan(0);
    expect(await text(page, "section[aria-labelledby=checkpoint] pre")).toContain(key.origin);
    expect(await text(page, "#verifier-key")).toBe(key.verifier_key);
    expect(await page.locator("section[aria-labelledby=recent] tbody tr").count()).toBeGreaterThan(0);
    expect(await text(page, "section[aria-labelledby=how]")).toContain(`npm run verify -- ${base} <handle>`);
    await shot(page, "fr-log");

    await page.fill("#l-index", "0");
    await page.click("section[aria-labelledby=lookup] button[type=submit]");
    expect(await text(page, "#entry-h")).toBe("Entrée n° 0");
    expect(JSON.parse((await page.locator("section[aria-labelledby=lookup] pre code").textContent())!)).toHaveProperty("kind");

    await page.goto(`${base}/en/log?index=abc`);
    expect(await text(page, "#l-index-error")).toBe("Enter a whole number, 0 or more.");
    await page.goto(`${base}/en/log?index=999999999`);
    expect(await text(page, "#l-index-error")).toContain("No entry #999,999,999");
    await shot(page, "en-log-missing");
    await page.close();
  });
});

describe("the site navigation", () => {
  it("links every header page to a page that answers, in both languages", async () => {
    for (const prefix of ["", "/en"]) {
      const html = await (await fetch(`${base}${prefix}/`)).text();
      const nav = /<nav class="wrap site-nav"[\s\S]*?<\/nav>/.exec(html)![0];
      const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links).toEqual(expect.arrayContaining([`${prefix}/creators`, `${prefix}/check`, `${prefix}/log`, `${prefix}/methodology`, `${prefix}/developers`]));
      for (const link of links) {
        const res = await fetch(base + link);
        expect(res.status, link).toBe(200);
        expect(await res.text(), link).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
      }
    }
  });

  it("fits a 360 px screen without sideways scrolling", async () => {
    const page = await newPage({ width: 360, height: 740 });
    const pngWidth = (png: Buffer) => png.readUInt32BE(16);
    for (const path of [`/@${handle}`, "/en/creators", "/check", "/en/methodology", "/log"]) {
      await page.goto(base + path);
      expect(pngWidth(await page.screenshot({ fullPage: true })), path).toBe(360);
    }
    await page.goto(`${base}/@${handle}`);
    await shot(page, "fr-profile-360");
    await page.close();
  });
});
