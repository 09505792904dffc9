// Accessibility with axe-core in Chromium on every page type, in French and English: no
// violation (WCAG 2.x A/AA and axe's best practices). axe is injected as a script, so these
// runs alone use a context with JavaScript on (and the page CSP bypassed for the injection);
// the pages themselves ship no script.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const base = inject("baseUrl");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const handle = `a11y_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let browser: Browser;
let anon: BrowserContext;
let signedIn: BrowserContext;

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One line per violation and node, so a failure says what to fix and where. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` + v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(" ")}\n    ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? "").replace(/\n/g, "\n    ")}`).join("\n"))
    .join("\n");
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    return (await w.axe.run(document, { resultTypes: ["violations"] })).violations;
  });
}

async function expectNoViolations(page: Page, label: string) {
  const violations = await axe(page);
  expect(violations.length, `${label} (${page.url()}):\n${describeViolations(violations)}`).toBe(0);
}

async function apiSignIn(email: string): Promise<string> {
  await fetch(`${base}/api/v1/auth/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
  const outbox = (await (await fetch(`${base}/api/v1/dev/outbox`)).json()) as { items: Array<{ to: string; links: string[] }> };
  const res = await fetch(outbox.items.find((m) => m.to === email)!.links[0]!, { redirect: "manual" });
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("candor_session="))!;
}

async function api(cookie: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  // A creator with a pledge, a timeline (markup, overlay, a correction) and an open report.
  const cookie = await apiSignIn(`${handle}@example.test`);
  await api(cookie, "POST", "/me/creator", { handle, display_name: "Ana <b>A11y</b>", bio: "Accessible & honnête.", country: "FR", languages: ["fr"], niches: ["cuisine"] });
  const m = (await (await fetch(`${base}/api/v1/manifesto`)).json()) as { version: number; sha256: { fr: string } };
  await api(cookie, "POST", "/me/pledge", { version: m.version, sha256: m.sha256.fr });
  const post = (i: number, caption: string, overlay: string | null) => ({
    brand_name: "Maison Verte", post_url: `https://www.instagram.com/p/a11y${i}`, platform: "instagram", media: i ? "reel" : "image",
    relationship: "paid", jurisdictions: ["FR", "UK"], posted_at: new Date(Date.now() - 3 * 86_400_000).toISOString(), caption, overlay,
  });
  const first = await api(cookie, "POST", "/me/disclosures", post(0, "<b>x</b> #ad Merci @marque", "Publicité"));
  await api(cookie, "POST", "/me/disclosures", post(1, "Nouvelle recette ! #sp #collab", null));
  await api(cookie, "POST", `/me/disclosures/${first.id}/amend`, { caption: "Publicité #ad", note: "Label first." });

  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  anon = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true, viewport: { width: 1280, height: 900 } });
  signedIn = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split("=") as [string, string];
  await signedIn.addCookies([{ name, value, url: base }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const PAGES = ["/", "/manifesto", "/signatories", "/sign", "/creators", "/creators?q=a11y&platform=nope", `/@${handle}`, "/check", "/methodology", "/developers", "/log", "/log?index=0", "/no-such-page"];

describe.each([
  { lang: "fr", prefix: "" },
  { lang: "en", prefix: "/en" },
])("accessibility in $lang", ({ lang, prefix }) => {
  for (const path of PAGES) {
    it(`has no axe violation on ${path}`, async () => {
      const page = await anon.newPage();
      await page.goto(base + prefix + path);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await expectNoViolations(page, `${lang} ${path}`);
      await page.close();
    });
  }

  it("has no axe violation on the checker's result and on its errors", async () => {
    const page = await anon.newPage();
    await page.goto(`${base}${prefix}/check`);
    await page.fill("#k-text", "<b>x</b> #ad Merci");
    await page.fill("#k-overlay", "Publicité");
    await page.selectOption("#k-platform", "tiktok");
    await page.selectOption("#k-media", "video");
    await page.selectOption("#k-relationship", "gifted");
    await page.click("main form button[type=submit]");
    expect(await page.locator("section[aria-labelledby=result]").count()).toBe(1);
    await expectNoViolations(page, `${lang} /check result`);
    await page.goto(`${base}${prefix}/check`);
    for (const box of await page.locator("input[name=jurisdictions]").all()) await box.uncheck();
    await page.click("main form button[type=submit]");
    expect(await page.locator("main [role=alert]").count()).toBe(1);
    await expectNoViolations(page, `${lang} /check errors`);
    await page.close();
  });

  it("has no axe violation on the profile's report form with errors", async () => {
    const page = await anon.newPage();
    await page.goto(`${base}${prefix}/@${handle}`);
    await page.fill("#r-post_url", "not a url");
    await page.click("section[aria-labelledby=report] button[type=submit]");
    expect(await page.getAttribute("#r-post_url", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `${lang} report errors`);
    await page.close();
  });

  it("has no axe violation on the dashboard, signed in", async () => {
    const page = await signedIn.newPage();
    await page.goto(`${base}${prefix}/dashboard`);
    expect(new URL(page.url()).pathname).toBe(`${prefix}/dashboard`);
    await expectNoViolations(page, `${lang} /dashboard`);
    await page.close();
  });
});
