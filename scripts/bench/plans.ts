// Prints, as one JSON line, the SQL the Worker sends for a search, a look-up and a profile read,
// taken from the code itself (worker/services), so the benchmark's EXPLAIN QUERY PLAN always
// describes the current queries. Input (argv[2]): {"search": {...}, "urls": n, "handles": n}.
// Run: node --import tsx scripts/bench/plans.ts '{"search":{"q":"run","country":"FR","sort":"score","limit":20},"urls":20,"handles":70}'
import { register } from "node:module";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The services import the manifesto texts as `*.md?raw` (a Vite feature): load them as strings.
register(
  "data:text/javascript," +
    encodeURIComponent(`
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
export async function load(url, context, next) {
  const u = new URL(url);
  if (u.protocol === "file:" && u.pathname.endsWith(".md")) {
    return { format: "module", shortCircuit: true, source: "export default " + JSON.stringify(readFileSync(fileURLToPath(u.href.split("?")[0]), "utf8")) + ";" };
  }
  return next(url, context);
}`),
);

const input = JSON.parse(process.argv[2] ?? "{}") as { search?: Record<string, unknown>; urls?: number; handles?: number };
const ROOT = resolve(import.meta.dirname, "../..");
const out: Record<string, string | null> = {};
const search = await import("../../worker/services/search.ts");
const profile = await import("../../worker/services/profile.ts");

out.search = search.searchSql({ sort: "score", limit: 20, ...(input.search ?? {}) } as never).sql;
out.lookupUrls = typeof search.lookupByUrlSql === "function" ? search.lookupByUrlSql(input.urls ?? 20) : null;
out.lookupHandles = `${profile.PROFILE_SELECT} WHERE c.handle IN (${Array.from({ length: input.handles ?? 70 }, () => "?").join(",")})`;
// getProfile's queries are inline: take the accounts query from the source text.
const src = readFileSync(resolve(ROOT, "worker/services/profile.ts"), "utf8");
out.profileMain = `${profile.PROFILE_SELECT} WHERE c.handle = ?`;
out.profileAccounts = /SELECT a\.platform[\s\S]*?LIMIT \d+/.exec(src)?.[0] ?? null;
// The search's parameters, in order, for the caller to inline.
const params = search.searchSql({ sort: "score", limit: 20, ...(input.search ?? {}) } as never).params;
console.log(JSON.stringify({ sql: out, searchParams: params }));
