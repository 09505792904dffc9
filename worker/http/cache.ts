import type { Context } from "hono";
import { sha256Hex } from "../domain/crypto";

/**
 * Answers a public GET with a strong ETag over the exact body, and 304 when the client
 * already has it. `maxAge` is the Cache-Control lifetime for this kind of resource.
 */
export async function cachedJson(c: Context, body: unknown, maxAge: number, immutable = false): Promise<Response> {
  const text = JSON.stringify(body);
  const etag = `"${(await sha256Hex(text)).slice(0, 32)}"`;
  const cacheControl = immutable ? "public, max-age=31536000, immutable" : `public, max-age=${maxAge}`;
  const inm = c.req.header("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim() === etag)) {
    return c.body(null, 304, { etag, "cache-control": cacheControl });
  }
  return c.body(text, 200, { "content-type": "application/json; charset=utf-8", etag, "cache-control": cacheControl });
}
