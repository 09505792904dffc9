// npm run deploy: build, apply migrations to the remote D1, deploy the Worker.
// Needs CLOUDFLARE_API_TOKEN (or `wrangler login`), D1_DATABASE_ID and CANDOR_ORIGIN; see README.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, run, ROOT, GENERATED_CONFIG } from "./lib/local.mjs";

const need = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`Set ${name} first (see README, "Deploy").`);
    process.exit(2);
  }
  return v;
};
const databaseId = need("D1_DATABASE_ID");
const origin = need("CANDOR_ORIGIN").replace(/\/$/, "");
const wrangler = resolve(ROOT, "node_modules/.bin/wrangler");

build();
// Point the generated config at the real database and production settings.
const file = resolve(ROOT, GENERATED_CONFIG);
const cfg = JSON.parse(readFileSync(file, "utf8"));
cfg.d1_databases = cfg.d1_databases.map((d) => ({ ...d, database_id: databaseId }));
cfg.vars = { ...cfg.vars, ENVIRONMENT: "production", PUBLIC_ORIGIN: origin, LOG_ORIGIN: `${new URL(origin).host}/log`, MODERATOR_EMAILS: process.env.MODERATOR_EMAILS ?? "" };
writeFileSync(file, JSON.stringify(cfg));
run(wrangler, ["d1", "migrations", "apply", "DB", "--remote", "-c", GENERATED_CONFIG]);
run(wrangler, ["deploy", "-c", GENERATED_CONFIG]);
console.log(`Deployed. Check ${origin}/api/v1/health`);
