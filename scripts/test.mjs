// npm test: types, lint, bundling dry run, then every vitest project; prints "N passed, N failed".
import { spawnSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { OFFLINE_ENV, ROOT, ensureDevVars } from "./lib/local.mjs";

const bin = (n) => resolve(ROOT, "node_modules/.bin", n);
const env = { ...process.env, ...OFFLINE_ENV };
const step = (name, cmd, args) => {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env });
  if (r.status !== 0) {
    console.log(`\n✗ ${name} failed`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
};

ensureDevVars();
step("astro sync", bin("astro"), ["sync"]);
step("type check (tsc)", bin("tsc"), ["--noEmit", "-p", "."]);
step("type check (astro check)", bin("astro"), ["check", "--minimumSeverity", "warning"]);
step("lint", bin("eslint"), ["--max-warnings", "0", "."]);
step("build", bin("astro"), ["build"]);
step("bundle dry run", bin("wrangler"), ["deploy", "--dry-run", "-c", "dist/server/wrangler.json", "--outdir", "dist/dry-run"]);

mkdirSync(resolve(ROOT, "test-results"), { recursive: true });
const report = resolve(ROOT, "test-results/vitest.json");
console.log("\n▶ vitest (unit, api, e2e)");
const r = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { cwd: ROOT, stdio: "inherit", env });
let passed = 0, failed = 0;
try {
  const j = JSON.parse(readFileSync(report, "utf8"));
  passed = j.numPassedTests;
  failed = j.numFailedTests + (r.status !== 0 && j.numFailedTests === 0 ? 1 : 0);
} catch {
  failed = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
