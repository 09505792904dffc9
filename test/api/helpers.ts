import { exports } from "cloudflare:workers";

let ipCounter = 0;

/** Calls the Worker like a client would; each call gets its own client IP unless given. */
export async function api(path: string, init: RequestInit & { json?: unknown; cookie?: string; ip?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
  }
  if (init.cookie) headers.set("cookie", init.cookie);
  headers.set("cf-connecting-ip", init.ip ?? `10.9.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`);
  const res = await exports.default.fetch(`http://localhost${path}`, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const text = await res.text();
  let body: any = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export function expectProblem(res: { status: number; headers: Headers; body: any }, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  if (!res.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`expected problem+json, got ${res.headers.get("content-type")}`);
  }
  if (res.body.status !== status || !res.body.title || !res.body.detail || !res.body.type) {
    throw new Error(`malformed problem: ${JSON.stringify(res.body)}`);
  }
}
