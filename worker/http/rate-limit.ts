import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "./types";

interface Policy {
  name: string;
  limit: number;
  window: number;
}

/** Must match the [[ratelimits]] bindings in wrangler.toml. */
export const POLICIES = {
  anon: { name: "anon", limit: 120, window: 60 },
  key: { name: "key", limit: 1200, window: 60 },
} as const satisfies Record<string, Policy>;

// The binding answers only yes/no, so remaining quota is estimated per isolate for the headers.
const windows = new Map<string, { start: number; count: number }>();

function estimate(key: string, policy: Policy, nowMs: number) {
  const start = Math.floor(nowMs / 1000 / policy.window) * policy.window;
  let w = windows.get(key);
  if (!w || w.start !== start) {
    w = { start, count: 0 };
    windows.set(key, w);
    if (windows.size > 10_000) windows.clear();
  }
  w.count++;
  return { remaining: Math.max(0, policy.limit - w.count), reset: start + policy.window - Math.floor(nowMs / 1000) };
}

export function clientIp(headers: Headers): string {
  return headers.get("cf-connecting-ip") ?? headers.get("x-real-ip") ?? "local";
}

/** Per-IP limits for anonymous calls, per key for brands; RateLimit headers on every answer. */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Benchmarks on a local `wrangler dev` measure the Worker, not the limiter.
  if (c.env.ENVIRONMENT === "development" && (c.env as { BENCH_NO_RATE_LIMIT?: string }).BENCH_NO_RATE_LIMIT === "1") return next();
  const caller = c.get("caller");
  const policy = caller.kind === "key" ? POLICIES.key : POLICIES.anon;
  const key = caller.kind === "key" ? `key:${caller.keyId}` : `ip:${clientIp(c.req.raw.headers)}`;
  const binding = caller.kind === "key" ? c.env.RL_KEY : c.env.RL_ANON;
  const { success } = await binding.limit({ key });
  const est = estimate(key, policy, Date.now());
  const policyHeader = `"${policy.name}";q=${policy.limit};w=${policy.window}`;
  const stateHeader = `"${policy.name}";r=${success ? est.remaining : 0};t=${est.reset}`;
  if (!success) {
    c.header("RateLimit-Policy", policyHeader);
    c.header("RateLimit", stateHeader);
    throw new AppError("rate_limited", `Rate limit of ${policy.limit} requests per ${policy.window} s reached; retry in ${est.reset} s.`, {
      retryAfter: est.reset,
    });
  }
  await next();
  c.res.headers.set("RateLimit-Policy", policyHeader);
  c.res.headers.set("RateLimit", stateHeader);
};
