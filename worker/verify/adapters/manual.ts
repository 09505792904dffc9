// Platforms that show nothing without a login: no automatic check is possible, so the account
// waits for a moderator to review the evidence the creator gives.
import type { Platform } from "../config.ts";
import type { ProofContext, ProofResult, VerifyDeps } from "./types.ts";

export const MANUAL_PLATFORMS = ["instagram", "tiktok", "x"] as const satisfies readonly Platform[];
export type ManualPlatform = (typeof MANUAL_PLATFORMS)[number];

export const MANUAL_REVIEW_FAILURE =
  "This platform shows nothing without a login: a moderator reviews the evidence you give.";

export const isManualPlatform = (p: string): p is ManualPlatform => (MANUAL_PLATFORMS as readonly string[]).includes(p);

export async function check(_ctx: ProofContext, _deps: VerifyDeps): Promise<ProofResult> {
  return { ok: false, method: "manual", failure: MANUAL_REVIEW_FAILURE };
}
