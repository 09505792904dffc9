// The creator, brand and moderator dashboards in Chromium with JavaScript off: every form posts
// to its page, redirects after success and shows errors next to its fields. Screenshots land in
// test-results/dash-*.png.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { usePages } from "./browser";

const base = inject("baseUrl");
const SHOTS = "test-results";
const newPage = usePages(SHOTS);

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/dash-${name}.png`, fullPage: true });
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const path = (page: Page) => new URL(page.url()).pathname;
const query = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Asks for a sign-in link on /sign, then follows it from the dev outbox; lands on the dashboard. */
async function signIn(page: Page, prefix: "" | "/en", email: string) {
  await page.goto(`${base}${prefix}/sign`);
  await page.fill("#f-email", email);
  await page.click("main form button[type=submit]");
  await page.click(`main a[href="${prefix}/dev/outbox"]`);
  await page.locator("article", { hasText: email }).first().locator('a[href*="/api/v1/auth/callback"]').click();
  expect(path(page)).toBe(`${prefix}/dashboard`);
}

async function createProfile(page: Page, handle: string, name = "Dana Creator") {
  await page.fill("#f-handle", handle);
  await page.fill("#f-display_name", name);
  await page.click("form:has(input[name=intent][value=create]) button[type=submit]");
  expect(query(page, "done")).toBe("created");
}

/** A report about a creator, as a reader files it through the public API. */
async function fileReport(handle: string, postUrl: string, evidence: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ handle, post_url: postUrl, reason: "undisclosed", evidence }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const CSV_HEADER = "brand_name,brand_domain,post_url,platform,media,relationship,jurisdictions,posted_at,caption,overlay,platform_tool,retouched,ai_generated";
const csvRow = (i: number, over: Partial<Record<"platform" | "post_url" | "posted_at", string>> = {}) =>
  `Brand ${i},brand${i}.example,${over.post_url ?? `https://www.youtube.com/watch?v=v${i}`},${over.platform ?? "youtube"},video,paid,US;UK,${over.posted_at ?? `2026-0${i}-10T12:00:00Z`},"#ad Video ${i}, sponsored by Brand ${i}",,false,false,false`;

describe("the creator dashboard, without JavaScript", () => {
  it("records a collaboration with its verdict, corrects it, imports a CSV, links an account and answers a report", async () => {
    const page = await newPage();
    const handle = unique("dash").toLowerCase();
    await signIn(page, "/en", `${unique("creator")}@example.test`);
    await createProfile(page, handle);

    // The hub leads to the sections; the moderation link is for moderators only.
    const nav = page.locator('main nav[aria-label="Dashboard sections"]');
    expect(await nav.locator('a[aria-current="page"]').textContent()).toBe("Profile and pledge");
    expect(await nav.locator('a[href="/en/moderation"]').count()).toBe(0);
    await nav.locator('a[href="/en/dashboard/disclosures"]').click();
    expect(path(page)).toBe("/en/dashboard/disclosures");
    await shot(page, "en-disclosures-empty");

    // An empty form comes back with each error next to its field and in the summary.
    await page.click("main form button[type=submit]");
    expect(await page.locator("#r-brand_name").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#r-brand_name").getAttribute("aria-describedby")).toContain("r-brand_name-error");
    expect(await page.locator("#r-jurisdictions-error").isVisible()).toBe(true);
    expect(await page.locator("fieldset:has(#r-jurisdictions)").getAttribute("aria-describedby")).toContain("r-jurisdictions-error");
    expect(await page.locator("main [role=alert] a[href='#r-post_url']").count()).toBe(1);
    expect(await page.title()).toMatch(/^There is a problem/);
    await shot(page, "en-disclosures-errors");

    // A post without any disclosure fails, and the findings say why, per jurisdiction.
    await page.fill("#r-brand_name", "Maison <b>Lumen</b>");
    await page.fill("#r-brand_domain", "maisonlumen.example");
    await page.fill("#r-post_url", "https://www.instagram.com/p/Cx12abc/");
    await page.selectOption("#r-platform", "instagram");
    await page.selectOption("#r-media", "image");
    await page.selectOption("#r-relationship", "paid");
    await page.check("#r-jurisdictions");
    await page.check("#r-jurisdictions-FR");
    await page.fill("#r-posted_at", "2026-10-15T10:30");
    await page.fill("#r-caption", "Love this serum <img src=x alt=pwn>!\nMy skin glows.");
    await page.click("main form button[type=submit]");
    expect(path(page)).toBe("/en/dashboard/disclosures");
    const recorded = query(page, "recorded");
    expect(recorded).toMatch(/^dc_/);
    const result = page.locator("#result");
    expect(await text(page, "#result h2")).toBe("Collaboration recorded");
    expect(await result.locator(".badge").first().textContent()).toBe("Verdict: Fail");
    expect(await result.locator(".findings li").count()).toBeGreaterThanOrEqual(2);
    expect(await text(page, "#result .findings")).toMatch(/US/);
    expect(await text(page, "#result .findings")).toMatch(/FR/);
    // User text is text: no element comes out of the brand name or the caption.
    expect(await page.locator("main img, main b").count()).toBe(0);
    expect(await text(page, "#result .record-title")).toBe("Maison <b>Lumen</b>");
    expect(await text(page, "#result blockquote")).toContain("<img src=x alt=pwn>");
    await shot(page, "en-disclosures-recorded");

    // A double submit (same hidden idempotency key, same body) records once.
    await page.goto(`${base}/en/dashboard/disclosures`);
    const form = {
      idempotency_key: await page.inputValue("input[name=idempotency_key]"),
      brand_name: "Twice Co", post_url: "https://www.tiktok.com/@me/video/1", platform: "tiktok", media: "video",
      relationship: "gifted", jurisdictions: "UK", posted_at: "2026-09-01T08:00", caption: "#gifted by Twice Co",
    };
    const post = () => page.context().request.post(`${base}/en/dashboard/disclosures`, { form, headers: { origin: base }, maxRedirects: 0 });
    const [first, second] = [await post(), await post()];
    expect(first.status()).toBe(303);
    expect(second.status()).toBe(303);
    const firstId = new URL(first.headers().location!, base).searchParams.get("recorded");
    expect(new URL(second.headers().location!, base).searchParams.get("recorded")).toBe(firstId);
    expect(new URL(second.headers().location!, base).searchParams.get("replayed")).toBe("1");
    await page.reload();
    expect(await page.locator(".records .record", { hasText: "Twice Co" }).count()).toBe(1);

    // Correcting: the form is prefilled; the note is required; the correction supersedes.
    await page.click(`.records a[href="/en/dashboard/disclosures/${recorded}"]`);
    expect(path(page)).toBe(`/en/dashboard/disclosures/${recorded}`);
    expect(await page.inputValue("#a-brand_name")).toBe("Maison <b>Lumen</b>");
    expect(await page.inputValue("#a-posted_at")).toBe("2026-10-15T10:30");
    expect(await page.isChecked("#a-jurisdictions-FR")).toBe(true);
    await page.fill("#a-caption", "#ad #publicité Love this serum, paid partnership with Maison Lumen.\nMy skin glows.");
    await page.click("main form button[type=submit]");
    expect(await page.locator("#a-note").getAttribute("aria-invalid")).toBe("true");
    expect(await page.inputValue("#a-caption")).toContain("#publicité");
    await shot(page, "en-amend-errors");
    await page.fill("#a-note", "Added #ad and #publicité at the start of the caption.");
    await page.click("main form button[type=submit]");
    const amended = query(page, "amended");
    expect(amended).toMatch(/^dc_/);
    expect(amended).not.toBe(recorded);
    expect(await text(page, "#result h2")).toBe("Correction recorded");
    expect(await text(page, "#result .record")).toContain("Added #ad and #publicité");
    expect(await text(page, "#result .record")).toContain(recorded!);
    expect(await page.locator(`.records .record.superseded:has-text("${amended}")`).count()).toBe(1);
    expect(await page.locator(`.records a[href="/en/dashboard/disclosures/${recorded}"]`).count()).toBe(0);
    await shot(page, "en-disclosures-amended");
    // A reload shows the same page and records nothing more.
    const before = await page.locator(".records .record").count();
    await page.reload();
    expect(await page.locator(".records .record").count()).toBe(before);

    // The same history in French, verdicts and findings in French.
    await page.goto(`${base}/dashboard/disclosures`);
    expect(await page.locator(".records .badge", { hasText: "Verdict\u00a0: Non conforme" }).count()).toBeGreaterThanOrEqual(1);
    await shot(page, "fr-disclosures");

    // Export links work with the session cookie.
    const exported = await page.context().request.get(`${base}/api/v1/me/disclosures/export?format=csv`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain("Twice Co");

    // CSV import: a file with a broken row is refused as a whole, each bad row named.
    await page.goto(`${base}/en/dashboard/import`);
    expect(await text(page, "main pre code")).toBe(CSV_HEADER);
    const broken = [CSV_HEADER, csvRow(1), csvRow(2, { platform: "myspace", post_url: "ftp://nope" }), csvRow(3, { posted_at: "2031-01-01T00:00:00Z" })].join("\n");
    await page.setInputFiles("#i-file", { name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await page.click("main form button[type=submit]");
    expect(await text(page, "main [role=alert] h2")).toBe("2 rows are invalid: nothing was imported.");
    const problems = (await page.locator("table.problems").innerText()).replace(/\s+/g, " ");
    expect(problems).toMatch(/Line 3 platform/);
    expect(problems).toMatch(/Line 3 post_url/);
    expect(problems).toMatch(/Line 4 posted_at The posting date cannot be in the future/);
    await shot(page, "en-import-refused");

    // A good file streams its progress, then lands on the result (a reload repeats nothing).
    const good = [CSV_HEADER, csvRow(1), csvRow(2), csvRow(3)].join("\r\n") + "\r\n";
    await page.setInputFiles("#i-file", { name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.click("main form button[type=submit]");
    await page.waitForURL(/imported=3/);
    expect(await text(page, "#result")).toContain("3 collaborations were imported");
    await shot(page, "en-import-done");
    await page.reload();
    await page.goto(`${base}/en/dashboard/disclosures`);
    expect(await page.locator(".records .record", { hasText: "Brand 2" }).count()).toBe(1);

    // The streamed page itself: the rows count, each written batch, the redirect to the result.
    const streamed = await page.context().request.post(`${base}/en/dashboard/import`, {
      multipart: { file: { name: "more.csv", mimeType: "text/csv", buffer: Buffer.from([CSV_HEADER, csvRow(4), csvRow(5)].join("\n")) } },
      headers: { origin: base },
    });
    const html = await streamed.text();
    expect(html).toContain("Importing 2 rows…");
    expect(html).toContain("2 of 2 written");
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/en\/dashboard\/import\?imported=2#result"/);

    // Linking a website shows what to paste where; checking it reports the missing proof.
    await page.goto(`${base}/en/dashboard/accounts`);
    await page.selectOption("#l-platform", "website");
    await page.fill("#l-url", "not a url");
    await page.click("form:has(input[name=intent][value=link]) button[type=submit]");
    expect(await page.locator("#l-url").getAttribute("aria-invalid")).toBe("true");
    await page.fill("#l-url", `${base}/en/manifesto`);
    await page.click("form:has(input[name=intent][value=link]) button[type=submit]");
    expect(query(page, "linked")).toMatch(/^ac_/);
    const card = page.locator("article.account-card").first();
    expect(await card.locator(".badge").textContent()).toBe("Pending");
    expect(await text(page, "article.account-card .instructions")).toMatch(/candor-verify:[A-Za-z0-9]+/);
    expect(await text(page, "article.account-card .instructions")).toContain(`<a rel="me" href="`);
    expect(await text(page, "article.account-card .instructions")).toContain(`/@${handle}`);
    await shot(page, "en-accounts-linked");
    await card.locator("form:has(input[name=intent][value=verify]) button").click();
    expect(query(page, "checked")).toMatch(/^ac_/);
    expect(await page.locator("article.account-card .badge").first().textContent()).toBe("Failed");
    expect(await text(page, "article.account-card [role=status]")).toBe("Checked: Failed.");
    expect((await text(page, "article.account-card dl")).length).toBeGreaterThan(20);
    await shot(page, "en-accounts-checked");

    // A report about this creator shows in their dashboard and gets answered.
    await fileReport(handle, "https://www.instagram.com/p/Cx12abc/", "No #ad <script>x</script> anywhere.");
    await page.goto(`${base}/en/dashboard/reports`);
    expect(await text(page, "article.report")).toContain("No #ad <script>x</script> anywhere.");
    await page.click("form:has(input[name=id]) button[type=submit]");
    expect(await page.locator("#p0-action-error").isVisible()).toBe(true);
    expect(await page.locator("#p0-note").getAttribute("aria-invalid")).toBe("true");
    await page.check("#p0-action-amended");
    await page.fill("#p0-note", "I corrected the record the same day.");
    await page.click("form:has(input[name=id]) button[type=submit]");
    expect(query(page, "responded")).toMatch(/^rp_/);
    expect(await text(page, "article.report")).toContain("I have corrected my entry");
    expect(await page.locator("article.report form").count()).toBe(0);
    await shot(page, "en-reports-answered");
  });
});

describe("the brand dashboard, without JavaScript", () => {
  it("creates a brand and an API key shown once, then revokes it", async () => {
    const page = await newPage();
    await signIn(page, "/en", `${unique("brand")}@example.test`);
    await page.goto(`${base}/en/brands`);
    expect(await text(page, "main h1")).toBe("Your brands");
    await page.fill("#b-name", "Maison Lumen");
    await page.fill("#b-domain", "not a domain");
    await page.click("main form button[type=submit]");
    expect(await page.locator("#b-domain").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "en-brands-errors");
    const domain = `${unique("lumen").toLowerCase().replace(/_/g, "-")}.example`;
    await page.fill("#b-domain", domain);
    await page.click("main form button[type=submit]");
    expect(path(page)).toMatch(/^\/en\/brands\/br_/);
    expect(query(page, "done")).toBe("created");
    expect(await text(page, "#domain-title + dl + p")).toContain(domain);
    expect(await text(page, "main")).toMatch(/candor-verify=[A-Za-z0-9]+/);
    expect(await text(page, "main")).toContain(`https://${domain}/.well-known/candor.txt`);
    expect(await text(page, "#collab-title + p")).toContain(`Verify ${domain}`);
    const brandPath = path(page);

    // Checking the domain without a proof records the failure and says so (no network here,
    // so both the DNS-over-HTTPS lookup and the well-known file fail).
    await page.click("form:has(input[name=intent][value=verify]) button");
    expect(query(page, "done")).toBe("checked");
    expect(await text(page, "main [role=status]")).toBe("Check done.");
    expect((await page.locator("#domain-title + dl").innerText()).replace(/\s+/g, " ")).toMatch(/Last failure \S+/);
    await shot(page, "en-brand-checked");

    // A key without a name is refused; with one, it is shown once.
    await page.click("form:has(input[name=intent][value=key]) button[type=submit]");
    expect(await page.locator("#k-name").getAttribute("aria-invalid")).toBe("true");
    await page.fill("#k-name", "casting tool");
    await page.click("form:has(input[name=intent][value=key]) button[type=submit]");
    expect(path(page)).toBe(brandPath);
    const secret = (await page.locator("code.secret").textContent()) ?? "";
    expect(secret).toMatch(/^cnd_[A-Za-z0-9]+_[A-Za-z0-9]+$/);
    await shot(page, "en-brand-key");
    const api = await fetch(`${base}/api/v1/creators?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(api.status).toBe(200);
    await page.reload();
    expect(await page.locator("code.secret").count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("main table tbody tr", { hasText: "casting tool" });
    expect(await row.locator("code").textContent()).toBe(`${secret.split("_").slice(0, 2).join("_")}…`);
    await shot(page, "en-brand-reloaded");

    await row.locator("button").click();
    expect(query(page, "done")).toBe("revoked");
    expect(await text(page, "main table tbody tr")).toContain("Revoked on");
    expect((await fetch(`${base}/api/v1/creators?limit=1`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);

    // Someone else's brand (or no brand) is a 404.
    expect((await page.goto(`${base}/en/brands/br_nope`))!.status()).toBe(404);
    await page.goto(`${base}/en/brands`);
    expect(await page.locator(`main a[href="${brandPath}"]`).textContent()).toBe("Maison Lumen");
    await shot(page, "en-brands");
  });
});

describe("the moderation queue, without JavaScript", () => {
  it("lets the moderator uphold a report with a public reason, in French", async () => {
    const creator = await newPage();
    const handle = unique("mod").toLowerCase();
    await signIn(creator, "", `${unique("reported")}@example.test`);
    await createProfile(creator, handle, "Reported Creator");
    const post = `https://www.instagram.com/p/${unique("p")}/`;
    await fileReport(handle, post, "Un produit offert, aucune mention <b>#publicité</b>.");
    // The creator answers before the moderator decides; the queue shows the answer.
    await creator.goto(`${base}/dashboard/reports`);
    await creator.check("#p0-action-disputed");
    await creator.fill("#p0-note", "Je l'ai acheté moi-même.");
    await creator.click("form:has(input[name=id]) button[type=submit]");
    expect(query(creator, "responded")).toMatch(/^rp_/);

    const page = await newPage();
    await signIn(page, "", "moderator@example.test");
    await page.click('main nav a[href="/moderation"]');
    expect(path(page)).toBe("/moderation");
    expect(await text(page, "#policy-title + p")).toContain("3 signalements retenus en 12 mois");
    const report = page.locator("article.report", { hasText: `@${handle}` });
    expect(await report.count()).toBe(1);
    expect(await text(page, `article.report:has-text("@${handle}")`)).toContain("Un produit offert, aucune mention <b>#publicité</b>.");
    expect(await text(page, `article.report:has-text("@${handle}")`)).toContain("Je l'ai acheté moi-même.");
    await shot(page, "fr-moderation");

    // A decision needs its public reason.
    await report.locator("form:has(input[name=intent][value=decide]) button[type=submit]").click();
    const again = page.locator("article.report", { hasText: `@${handle}` });
    expect(await again.locator("textarea[name=reason]").getAttribute("aria-invalid")).toBe("true");
    expect(await again.locator("[role=alert]").count()).toBe(1);
    await shot(page, "fr-moderation-errors");
    await again.locator('input[name=decision][value="upheld"]').check();
    await again.locator("textarea[name=reason]").fill("Produit offert sans mention : retenu.");
    await again.locator("form:has(input[name=intent][value=decide]) button[type=submit]").click();
    expect(query(page, "done")).toBe("decided");
    expect(await page.locator("article.report", { hasText: `@${handle}` }).count()).toBe(0);

    await page.selectOption("#q-status", "upheld");
    await page.click("form.filter button");
    expect(query(page, "status")).toBe("upheld");
    const upheld = page.locator("article.report", { hasText: `@${handle}` });
    expect(await upheld.locator(".badge").textContent()).toBe("Retenu");
    expect(await text(page, `article.report:has-text("@${handle}")`)).toContain("Produit offert sans mention : retenu.");
    await shot(page, "fr-moderation-upheld");

    // The creator sees the decision in their dashboard.
    await creator.goto(`${base}/dashboard/reports`);
    expect(await text(creator, "article.report")).toContain("Produit offert sans mention : retenu.");
  });

  it("answers 404 to anyone who is not a moderator", async () => {
    for (const p of ["/moderation", "/en/moderation", "/moderation?status=upheld"]) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).toContain(p.startsWith("/en") ? "Page not found" : "Page introuvable");
    }
    const page = await newPage();
    await signIn(page, "", `${unique("nosy")}@example.test`);
    const res = await page.goto(`${base}/en/moderation`);
    expect(res!.status()).toBe(404);
    expect(await text(page, "main h1")).toBe("Page not found");
    const posted = await page.context().request.post(`${base}/moderation`, { form: { intent: "suspend", handle: "anyone", reason: "x" }, headers: { origin: base }, maxRedirects: 0 });
    expect(posted.status()).toBe(404);
    await shot(page, "en-moderation-404");
  });
});

describe("the dashboards' pages", () => {
  it("ship no script and fit a 360 px screen", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await signIn(page, "/en", `${unique("small")}@example.test`);
    await createProfile(page, unique("small").toLowerCase());
    const pngWidth = (png: Buffer) => png.readUInt32BE(16);
    for (const p of ["/en/dashboard", "/en/dashboard/disclosures", "/en/dashboard/import", "/en/dashboard/accounts", "/en/dashboard/reports", "/en/brands", "/dashboard/disclosures"]) {
      await page.goto(base + p);
      expect(await page.locator("script").count(), p).toBe(0);
      expect(pngWidth(await shot(page, `360${p.replace(/\//g, "-")}`)), p).toBe(360);
    }
  });

  it("send visitors without a session to sign in", async () => {
    for (const p of ["/dashboard/disclosures", "/en/dashboard/import", "/en/dashboard/accounts", "/dashboard/reports", "/en/brands", "/brands/br_x"]) {
      const res = await fetch(base + p, { redirect: "manual" });
      expect(res.status, p).toBe(303);
      expect(res.headers.get("location"), p).toBe(p.startsWith("/en") ? "/en/sign" : "/sign");
    }
  });
});
