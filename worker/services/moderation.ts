import { AppError } from "../errors";
import type { ServiceCtx } from "./context";

/** Moderators are the users whose emails are listed in MODERATOR_EMAILS (comma-separated). */
export function isModerator(ctx: Pick<ServiceCtx, "env" | "caller">): boolean {
  const email = ctx.caller.kind === "session" ? ctx.caller.email : undefined;
  if (!email) return false;
  return (ctx.env.MODERATOR_EMAILS ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean).includes(email.toLowerCase());
}

/** Non-moderators get a 404: the queue's existence does not leak. */
export function requireModerator(ctx: Pick<ServiceCtx, "env" | "caller">): void {
  if (!isModerator(ctx)) throw new AppError("not_found", "This page was not found.");
}

/** The published policy: this many upheld reports within 12 months revoke a pledge. */
export const REVOKE_AFTER_UPHELD = 3;
