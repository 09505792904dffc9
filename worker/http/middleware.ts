import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";
import { makeDb } from "../db";
import { resolveCaller } from "../services/caller";
import type { AppEnv } from "./types";

/** A request id on every response, echoed from the client when it sent a sane one. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  c.res.headers.set("x-request-id", id);
};

export const database: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", makeDb(c.env.DB));
  await next();
};

export const caller: MiddlewareHandler<AppEnv> = async (c, next) => {
  const now = new Date();
  const who = await resolveCaller(c.get("db"), c.req.raw.headers, now);
  c.set("caller", who);
  // Record a key's last use, at most once a minute per key, after the response.
  if (who.kind === "key" && (!who.keyLastUsedAt || now.getTime() - Date.parse(who.keyLastUsedAt) > 60_000)) {
    c.executionCtx.waitUntil(c.env.DB.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?").bind(now.toISOString(), who.keyId!).run());
  }
  await next();
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF: a write carried by the session cookie must come from our own origin. Browsers send
 * Origin (and Sec-Fetch-Site) on cross-site POSTs; API-key calls carry no cookie and pass.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE.has(c.req.method) && c.get("caller").kind === "session") {
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const own = new URL(c.req.url).origin;
    if ((site && site !== "same-origin" && site !== "none") || (origin && origin !== own)) {
      throw new AppError("forbidden", "Cross-site write refused: send it from Candor's own pages.");
    }
  }
  await next();
};

/** Caps the request body so an oversized upload is a clear 413, not a crash. */
export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const len = Number(c.req.header("content-length") ?? "0");
    if (len > maxBytes) {
      throw new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
    }
    await next();
  };
}
