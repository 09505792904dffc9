// Debian's Chromium driven by playwright-core, with JavaScript off: every page must work without it.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterEach, beforeAll } from "vitest";

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time, so no cookie or cache leaks from one test to the next. */
export async function launchBrowser(opts: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "candor-e2e-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    javaScriptEnabled: false,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers hooks that hand each test fresh browsers (one profile per page) and close them
 * after it, and makes sure the screenshot folder exists. Call once at a test file's top level.
 */
export function usePages(shots = "test-results"): (viewport?: { width: number; height: number }) => Promise<Page> {
  let open: Browser[] = [];
  beforeAll(() => mkdirSync(shots, { recursive: true }));
  afterEach(async () => {
    await Promise.all(open.map((b) => b.close()));
    open = [];
  });
  return async (viewport) => {
    const browser = await launchBrowser({ viewport });
    open.push(browser);
    return browser.context.newPage();
  };
}
