// Builds the site, starts `wrangler dev` on a fresh local D1 and hands its URL to the tests.
import { mkdirSync, openSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import type { ChildProcess } from "node:child_process";
import * as local from "../../scripts/lib/local.mjs";

/** What we use of scripts/lib/local.mjs; its JSDoc-less defaults infer too narrow types. */
interface LocalScripts {
  ROOT: string;
  ensureDevVars(): boolean;
  build(opts?: { quiet?: boolean }): void;
  migrate(persistTo?: string, opts?: { quiet?: boolean }): void;
  startWrangler(opts: { port?: number; persistTo?: string; log?: "inherit" | "ignore" | number }): Promise<{ base: string; stop(): void; child: ChildProcess }>;
}
const { build, ensureDevVars, migrate, ROOT, startWrangler } = local as unknown as LocalScripts;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    persistTo: string;
  }
}

/** A free loopback port, so parallel runs (or a developer's own server) never collide. */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export default async function setup({ provide }: TestProject) {
  ensureDevVars();
  build({ quiet: true });
  // A database of our own, so tests never touch the developer's .wrangler/state.
  const persistTo = `.wrangler/e2e-${process.pid}`;
  migrate(persistTo, { quiet: true });
  mkdirSync(resolve(ROOT, "test-results"), { recursive: true });
  const log = openSync(resolve(ROOT, "test-results/e2e-wrangler.log"), "w");
  const { base, stop, child } = await startWrangler({ port: await freePort(), persistTo, log });
  provide("baseUrl", base);
  provide("persistTo", persistTo);

  return async () => {
    const exited = new Promise((done) => child.once("exit", done));
    stop();
    // Wait for workerd to let go of the SQLite files before removing them.
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    rmSync(resolve(ROOT, persistTo), { recursive: true, force: true });
  };
}
