// The pledge flow in Chromium with JavaScript off, in French and in English, plus the site
// shell: language switch, escaping of user text, 404s. Screenshots land in test-results/.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { usePages } from "./browser";

const base = inject("baseUrl");
const SHOTS = "test-results";
const newPage = usePages(SHOTS);

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Asks for a sign-in link on /sign, then follows it from the dev outbox; lands on the dashboard. */
async function signIn(page: Page, prefix: "" | "/en", email: string, name?: string) {
  await page.goto(`${base}${prefix}/sign`);
  if (name) await shot(page, `${name}-sign`);
  await page.fill("#f-email", email);
  await page.click("main form button[type=submit]");
  expect(await text(page, "main [role=status]")).toContain(email);
  if (name) await shot(page, `${name}-sign-sent`);
  await page.click(`main a[href="${prefix}/dev/outbox"]`);
  if (name) await shot(page, `${name}-outbox`);
  await page.locator("article", { hasText: email }).first().locator('a[href*="/api/v1/auth/callback"]').click();
  expect(new URL(page.url()).pathname).toBe(`${prefix}/dashboard`);
}

async function createProfile(page: Page, fields: { handle: string; display_name: string; bio?: string; country?: string; languages?: string; niches?: string }) {
  for (const [k, v] of Object.entries(fields)) await page.fill(`#f-${k}`, v);
  await page.click('form:has(input[name=intent][value=create]) button[type=submit]');
}

async function manifestoHashes(): Promise<{ version: number; sha256: { fr: string; en: string } }> {
  return (await fetch(`${base}/api/v1/manifesto`)).json() as never;
}

describe.each([
  { lang: "fr" as const, prefix: "" as const, signed: "Signé", withdrawn: "Retiré" },
  { lang: "en" as const, prefix: "/en" as const, signed: "Signed", withdrawn: "Withdrawn" },
])("the pledge flow in $lang, without JavaScript", ({ lang, prefix, signed, withdrawn }) => {
  it("signs in by email, creates a profile, signs, gets a receipt and shows the pledge in public", async () => {
    const page = await newPage();
    const email = `${unique(lang)}@example.test`;
    const handle = unique(`cr_${lang}`).toLowerCase();
    await signIn(page, prefix, email, lang);
    await shot(page, `${lang}-dashboard-create`);

    // Invalid input comes back with errors tied to their fields and the typed values kept.
    await createProfile(page, { handle: "a!", display_name: "Alice", country: "ZZ", languages: "french" });
    expect(await page.locator("#f-handle").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#f-handle").getAttribute("aria-describedby")).toContain("f-handle-error");
    expect(await page.locator("#f-handle-error").isVisible()).toBe(true);
    expect(await page.locator("#f-country-error").isVisible()).toBe(true);
    expect(await page.locator("#f-languages-error").isVisible()).toBe(true);
    expect(await page.inputValue("#f-display_name")).toBe("Alice");
    expect(await page.locator("main [role=alert] a[href='#f-handle']").count()).toBe(1);
    await shot(page, `${lang}-dashboard-errors`);

    await createProfile(page, { handle, display_name: "Alice Martin", bio: "Cuisine de saison, sans filtre.", country: "FR", languages: "fr, en", niches: "cuisine, voyage" });
    expect(new URL(page.url()).searchParams.get("done")).toBe("created");
    await shot(page, `${lang}-dashboard-sign`);

    // The hidden fingerprint is the one of the text shown, in the page's language.
    const { version, sha256 } = await manifestoHashes();
    expect(await page.inputValue("input[name=sha256]")).toBe(sha256[lang]);
    await page.fill("#s-statement", "Je m'engage.");
    await page.click('form:has(input[name=intent][value=sign]) button[type=submit]');

    expect(new URL(page.url()).pathname).toBe(`${prefix}/pledge/receipt`);
    const receipt = await text(page, "main dl.facts");
    expect(receipt).toContain(signed);
    expect(receipt).toContain(String(version));
    expect(receipt).toContain(sha256[lang]);
    expect(receipt).toMatch(/#\d+/);
    await shot(page, `${lang}-receipt`);

    // A second submission of the same signature is refused, and the page says why.
    const again = await page.context().request.post(`${base}${prefix}/dashboard`, {
      form: { intent: "sign", version: String(version), sha256: sha256[lang] },
      headers: { origin: base },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(409);
    expect(await again.text()).toMatch(/<p class="notice bad" role="alert">[^<]*version 1/);

    await page.click(`main a[href="${prefix}/@${handle}"]`);
    expect(new URL(page.url()).pathname).toBe(`${prefix}/@${handle}`);
    expect(await text(page, "h1")).toBe("Alice Martin");
    const pledge = await text(page, "#pledge + dl");
    expect(pledge).toContain(signed);
    expect(pledge).toContain(sha256[lang]);
    await shot(page, `${lang}-profile`);

    await page.goto(`${base}${prefix}/signatories`);
    expect(await page.locator(`main table a[href="${prefix}/@${handle}"]`).count()).toBe(1);
    await shot(page, `${lang}-signatories`);

    // Withdrawing is public too, and the profile says so.
    await page.goto(`${base}${prefix}/dashboard`);
    await page.fill("#w-reason", "Test");
    await page.click('form:has(input[name=intent][value=withdraw]) button[type=submit]');
    expect(new URL(page.url()).searchParams.get("done")).toBe("withdrawn");
    await page.goto(`${base}${prefix}/@${handle}`);
    expect(await text(page, "#pledge + dl")).toContain(withdrawn);

    // Signing out clears the session: the dashboard sends us back to /sign.
    await page.click(`header form[action="${prefix}/signout"] button`);
    expect(new URL(page.url()).pathname).toBe(prefix ? "/en/" : "/");
    await page.goto(`${base}${prefix}/dashboard`);
    expect(new URL(page.url()).pathname).toBe(`${prefix}/sign`);
  });
});

describe("the site shell", () => {
  it("switches language to the same page, keeping the query", async () => {
    const page = await newPage();
    await page.goto(`${base}/manifesto`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.getAttribute('link[rel=alternate][hreflang=en]', "href")).toBe(`${base}/en/manifesto`);
    expect(await page.getAttribute('link[rel=alternate][hreflang=x-default]', "href")).toBe(`${base}/manifesto`);
    expect(await page.getAttribute("link[rel=canonical]", "href")).toBe(`${base}/manifesto`);
    await shot(page, "fr-manifesto");
    await page.click('header a[hreflang="en"]');
    expect(page.url()).toBe(`${base}/en/manifesto`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await shot(page, "en-manifesto");
    await page.click('header a[hreflang="fr"]');
    expect(page.url()).toBe(`${base}/manifesto`);

    await page.goto(`${base}/en/signatories?q=alice`);
    await page.click('header a[hreflang="fr"]');
    expect(page.url()).toBe(`${base}/signatories?q=alice`);
    expect(await page.inputValue("#q")).toBe("alice");
  });

  it("renders markup in a display name as text", async () => {
    const page = await newPage();
    const handle = unique("xss").toLowerCase();
    const name = `<b>Bold</b><img src=x alt=pwn>`;
    await signIn(page, "", `${unique("xss")}@example.test`);
    await createProfile(page, { handle, display_name: name, bio: "<i>bio</i> & co" });
    await page.goto(`${base}/@${handle}`);
    expect(await page.locator("h1").textContent()).toBe(name);
    expect(await page.locator('main b, main img:not([src^="/badge/"]), main i').count()).toBe(0);
    expect(await text(page, "main .lead")).toBe("<i>bio</i> & co");
    // One address per profile: other spellings of the handle redirect to it.
    const res = await fetch(`${base}/@${handle.toUpperCase()}`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`/@${handle}`);
  });

  it("fits a 360 px screen without sideways scrolling", async () => {
    const page = await newPage({ width: 360, height: 740 });
    // A full-page screenshot is as wide as the page: wider than 360 px means sideways scrolling.
    const pngWidth = (png: Buffer) => png.readUInt32BE(16);
    for (const [path, name] of [["/", "fr-home-360"], ["/en/manifesto", "en-manifesto-360"], ["/en/sign", "en-sign-360"], ["/en/signatories", "en-signatories-360"]] as const) {
      await page.goto(base + path);
      expect(pngWidth(await shot(page, name)), path).toBe(360);
    }
  });

  it("answers 404 in the language of the path", async () => {
    for (const [path, lang] of [["/nope", "fr"], ["/en/nope", "en"], ["/xx/manifesto", "fr"], ["/@no_such_creator", "fr"], ["/en/@no_such_creator", "en"], ["/dev/nope", "fr"]] as const) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain(`<html lang="${lang}"`);
    }
    const page = await newPage();
    await page.goto(`${base}/en/nope`);
    await shot(page, "en-404");
    await page.goto(`${base}/`);
    await shot(page, "fr-home");
  });

  it("ships no script and keeps a profile page under 20 KB gzipped", async () => {
    const { gzipSync } = await import("node:zlib");
    const page = await newPage();
    const handle = unique("size").toLowerCase();
    await signIn(page, "", `${unique("size")}@example.test`);
    await createProfile(page, { handle, display_name: "Size Check", bio: "x".repeat(500), languages: "fr, en", niches: "a, b, c" });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const path of ["/", "/en/", "/manifesto", "/signatories", "/sign", "/dev/outbox", `/@${handle}`, "/dashboard", "/nope"]) {
      const html = await (await fetch(base + path, { headers: { cookie } })).text();
      // JSON-LD is data, not code: the only script element allowed.
      expect(html, path).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
      if (path.startsWith("/@")) expect(gzipSync(html).length, "profile gzipped").toBeLessThan(20 * 1024);
    }
  });

  it("refuses a cross-site form post", async () => {
    const res = await fetch(`${base}/sign`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.test",
    });
    expect(res.status).toBe(403);
  });

  it("documents a command that reproduces the manifesto's fingerprints", async () => {
    const { execSync } = await import("node:child_process");
    const { sha256 } = await manifestoHashes();
    const html = await (await fetch(`${base}/en/manifesto`)).text();
    expect(html).toContain(sha256.fr);
    expect(html).toContain(sha256.en);
    const command = /<pre><code>([^<]+)<\/code><\/pre>/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(command).toMatch(/jq -j \.texts\.en \| sha256sum$/);
    let hasTools = true;
    try {
      execSync("command -v jq && command -v curl && command -v sha256sum", { stdio: "ignore" });
    } catch {
      hasTools = false;
    }
    if (hasTools) expect(execSync(command!, { encoding: "utf8" }).split(" ")[0]).toBe(sha256.en);
  });
});
