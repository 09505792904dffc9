import { asc, eq, inArray } from "drizzle-orm";
import { accounts, creators } from "../../db/schema";
import { makeDb } from "../db";
import { makeVerifyDeps, verifyAccount, type Platform } from "../verify/adapters/index";
import { verifyConfigFromEnv } from "../verify/config";
import { applyTransition, profileUrl, transition } from "./accounts";

export const RECHECK_PER_RUN = 25;

/**
 * Re-checks verified and lapsed proofs, least recently checked first, a bounded number per run:
 * two failures in a row lapse a proof; passing again restores it.
 */
export async function recheckProofs(env: Env, now: Date, fetchImpl?: typeof fetch): Promise<number> {
  const db = makeDb(env.DB);
  const due = await db
    .select({ a: accounts, handle: creators.handle })
    .from(accounts)
    .innerJoin(creators, eq(creators.id, accounts.creatorId))
    .where(inArray(accounts.status, ["verified", "lapsed"]))
    .orderBy(asc(accounts.checkedAt))
    .limit(RECHECK_PER_RUN)
    .all();
  const deps = makeVerifyDeps(verifyConfigFromEnv(env), fetchImpl);
  const ctx = { env, db, now, defer: (p: Promise<unknown>) => void p.catch(() => {}) };
  for (const { a, handle } of due) {
    if (a.method === "manual") {
      await db.update(accounts).set({ checkedAt: now.toISOString() }).where(eq(accounts.id, a.id));
      continue;
    }
    const result = await verifyAccount({ platform: a.platform as Platform, url: a.url, handle, token: a.token, profileUrl: profileUrl(env, handle) }, deps);
    await applyTransition(ctx, a, handle, transition(a, result, now.toISOString()));
  }
  return due.length;
}
