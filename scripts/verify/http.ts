/** Minimal JSON/text GETs for the auditor: a timeout, and errors that say what failed. */

const TIMEOUT_MS = 20_000;
const RETRIES = 3; // on 429 and 503, waiting as long as Retry-After says (capped)
const MAX_WAIT_S = 10;

async function get(url: string, accept: string): Promise<Response> {
  let res: Response;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "follow" });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
      throw new Error(`GET ${url} failed (${err instanceof Error ? err.message : String(err)}${cause})`);
    }
    if ((res.status !== 429 && res.status !== 503) || attempt === RETRIES) break;
    const wait = Math.min(MAX_WAIT_S, Math.max(1, Number(res.headers.get("retry-after")) || 1));
    await res.body?.cancel();
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
  if (!res.ok) {
    let detail = "";
    try {
      const problem = (await res.json()) as { title?: unknown; detail?: unknown };
      detail = [problem.title, problem.detail].filter((x) => typeof x === "string").join(": ");
    } catch {
      // not a problem+json body; the status says enough
    }
    throw new Error(`GET ${url} answered ${res.status}${detail ? ` (${detail})` : ""}`);
  }
  return res;
}

/** GETs a text body. */
export async function getText(url: string): Promise<string> {
  return (await get(url, "text/plain")).text();
}

/** GETs and parses a JSON body (shape unchecked: callers validate what they use). */
export async function getJson(url: string): Promise<unknown> {
  const res = await get(url, "application/json");
  try {
    return await res.json();
  } catch {
    throw new Error(`GET ${url} did not return JSON`);
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
