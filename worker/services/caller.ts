import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db";
import { apiKeys, sessions, users } from "../../db/schema";
import { sha256Hex } from "../domain/crypto";
import type { Caller } from "../http/types";
import { AppError } from "../errors";

export const SESSION_COOKIE = "candor_session";

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // A cookie that does not decode is no session, not a server error.
    }
  }
  return undefined;
}

/**
 * Who is calling: a bearer API key (brands), the site's session cookie, or nobody. An invalid
 * or revoked key is an error rather than silently anonymous, so integrators notice.
 */
export async function resolveCaller(db: Db, headers: Headers, now: Date): Promise<Caller> {
  const auth = headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m?.[1]) throw new AppError("unauthorized", "The Authorization header must be `Bearer <api key>`.");
    const keyHash = await sha256Hex(m[1]);
    const key = await db
      .select({ id: apiKeys.id, brandId: apiKeys.brandId, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
      .get();
    if (!key) throw new AppError("unauthorized", "The API key is unknown or has been revoked.");
    return { kind: "key", brandId: key.brandId, keyId: key.id, keyLastUsedAt: key.lastUsedAt };
  }
  const token = readCookie(headers.get("cookie"), SESSION_COOKIE);
  if (token) {
    const idHash = await sha256Hex(token);
    const row = await db
      .select({ userId: users.id, email: users.email, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString())))
      .get();
    if (row) return { kind: "session", userId: row.userId, email: row.email, sessionHash: idHash };
  }
  return { kind: "anonymous" };
}

/** The signed-in user, or a 401 problem. */
export function requireUser(caller: Caller): { userId: string; email: string } {
  if (caller.kind !== "session" || !caller.userId || !caller.email) {
    throw new AppError("unauthorized", "Sign in first: this action needs a session.");
  }
  return { userId: caller.userId, email: caller.email };
}
