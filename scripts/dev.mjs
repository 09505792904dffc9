// npm run dev: secrets on first run, build, migrations, seed once, then one local Worker on :8787.
import { build, ensureDevVars, migrate, startWrangler, d1Query, run, ROOT } from "./lib/local.mjs";
import { resolve } from "node:path";

const watch = process.argv.includes("--watch");
const port = Number(process.env.PORT ?? 8787);

if (ensureDevVars()) console.log("• Generated .dev.vars (development log signing key and session secret).");
console.log("• Building the site and Worker…");
build({ quiet: true });
console.log("• Applying migrations to the local D1 (.wrangler/state)…");
migrate(".wrangler/state", { quiet: true });
// The same test the seed applies: no creators, users, brands or log entries yet.
const [{ n }] = d1Query("SELECT (SELECT COUNT(*) FROM creators) + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM brands) + (SELECT COUNT(*) FROM log_entries) AS n");
if (n === 0) {
  console.log("• Empty database: seeding demo data (once)…");
  run(process.execPath, ["--import", "tsx", resolve(ROOT, "scripts/seed.ts")]);
} else {
  console.log("• Keeping the existing local data. Start over with: rm -rf .wrangler/state");
}
const { base, stop } = await startWrangler({ port, log: "ignore" });
console.log(`\nCandor is running:\n  site      ${base.replace("127.0.0.1", "localhost")}/\n  English   ${base.replace("127.0.0.1", "localhost")}/en/\n  API       ${base.replace("127.0.0.1", "localhost")}/api/v1/health\n  OpenAPI   ${base.replace("127.0.0.1", "localhost")}/api/v1/openapi.json\n  outbox    ${base.replace("127.0.0.1", "localhost")}/dev/outbox   (sign-in links land here)\n\nCtrl-C to stop.`);

let rebuilding = false;
if (watch) {
  const { watch: fsWatch } = await import("node:fs");
  let timer;
  for (const dir of ["site", "worker", "content"]) {
    fsWatch(resolve(ROOT, dir), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (rebuilding) return;
        rebuilding = true;
        try {
          build({ quiet: true });
          console.log(`• Rebuilt at ${new Date().toLocaleTimeString()}; wrangler dev reloads the Worker.`);
        } catch (e) {
          console.error(`• Build failed: ${e.message}`);
        }
        rebuilding = false;
      }, 300);
    });
  }
  console.log("Watching site/, worker/ and content/ for changes.");
}

for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stop(); process.exit(0); });
await new Promise(() => {});
