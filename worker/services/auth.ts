import { and, eq, gt, isNull } from "drizzle-orm";
import { loginTokens, sessions, users } from "../../db/schema";
import { newId, randomToken, sha256Hex } from "../domain/crypto";
import { AppError } from "../errors";
import type { ServiceCtx } from "./context";
import { sendMail } from "./mailer";
import { hitCounter } from "./rate-counter";

export const LINK_TTL_MS = 15 * 60 * 1000;
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** Only same-site paths may follow a sign-in, so the link cannot redirect elsewhere. */
export function safeNext(next: string | undefined | null): string {
  return next && /^\/(?!\/)[\w\-./@?=&%]*$/.test(next) ? next : "/dashboard";
}

/**
 * Sends a single-use sign-in link. The answer is the same whether or not the email is known;
 * limited per email here and per IP by the route.
 */
export async function requestSignIn(ctx: ServiceCtx, email: string, origin: string, next?: string, lang: "fr" | "en" = "fr", clientIp = "local") {
  const { success } = await ctx.env.RL_AUTH.limit({ key: `signin:${clientIp}` });
  if (!success) {
    throw new AppError("rate_limited", lang === "en" ? "Too many sign-in requests from this address; try again in a minute." : "Trop de demandes de connexion depuis cette adresse ; réessayez dans une minute.", { retryAfter: 60 });
  }
  const normalized = email.trim().toLowerCase();
  await hitCounter(ctx, `signin:${await sha256Hex(normalized)}`, 5, 900, "sign-in links for this email");
  const token = randomToken(32);
  await ctx.db.insert(loginTokens).values({
    tokenHash: await sha256Hex(token),
    email: normalized,
    expiresAt: new Date(ctx.now.getTime() + LINK_TTL_MS).toISOString(),
  });
  const link = `${origin}/api/v1/auth/callback?token=${encodeURIComponent(token)}&next=${encodeURIComponent(safeNext(next))}`;
  const text =
    lang === "en"
      ? `Open this link within 15 minutes to sign in to Candor:\n\n${link}\n\nIf you did not ask for it, ignore this email.`
      : `Ouvrez ce lien dans les 15 minutes pour vous connecter à Candor :\n\n${link}\n\nSi vous ne l'avez pas demandé, ignorez ce message.`;
  await sendMail(ctx, { to: normalized, subject: lang === "en" ? "Your Candor sign-in link" : "Votre lien de connexion Candor", text, links: [link] });
}

/** Consumes a link: creates the user on first sign-in and opens a 30-day session. */
export async function consumeSignIn(ctx: ServiceCtx, token: string): Promise<{ sessionToken: string; userId: string; expires: Date }> {
  const tokenHash = await sha256Hex(token);
  const nowIso = ctx.now.toISOString();
  // Marking the token used and reading it is one statement, so a link works exactly once.
  const row = await ctx.db
    .update(loginTokens)
    .set({ usedAt: nowIso })
    .where(and(eq(loginTokens.tokenHash, tokenHash), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, nowIso)))
    .returning({ email: loginTokens.email })
    .get();
  if (!row) throw new AppError("gone", "This sign-in link has expired or was already used; ask for a new one.");
  let user = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get();
  if (!user) {
    user = (await ctx.db.insert(users).values({ id: newId("usr"), email: row.email }).onConflictDoNothing().returning({ id: users.id }).get()) ??
      (await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get());
  }
  if (!user) throw new AppError("internal", "Could not create the account.");
  const sessionToken = randomToken(32);
  const expires = new Date(ctx.now.getTime() + SESSION_TTL_MS);
  await ctx.db.insert(sessions).values({ idHash: await sha256Hex(sessionToken), userId: user.id, expiresAt: expires.toISOString() });
  return { sessionToken, userId: user.id, expires };
}

/** Ends the caller's session. */
export async function signOut(ctx: ServiceCtx): Promise<void> {
  if (ctx.caller.sessionHash) await ctx.db.delete(sessions).where(eq(sessions.idHash, ctx.caller.sessionHash));
}

/** Slides the session forward at most once a day (30 days from last use). */
export async function renewSession(ctx: Pick<ServiceCtx, "db" | "now">, sessionHash: string, expiresAt: string) {
  const renewAfter = new Date(expiresAt).getTime() - SESSION_TTL_MS + 24 * 3600 * 1000;
  if (ctx.now.getTime() < renewAfter) return null;
  const expires = new Date(ctx.now.getTime() + SESSION_TTL_MS);
  await ctx.db.update(sessions).set({ expiresAt: expires.toISOString() }).where(eq(sessions.idHash, sessionHash));
  return expires;
}

export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  return `candor_session=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `candor_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}

/** Secure cookies everywhere but plain-http localhost. */
export function secureCookies(url: string): boolean {
  const u = new URL(url);
  return !(u.protocol === "http:" && (u.hostname === "localhost" || u.hostname === "127.0.0.1"));
}
