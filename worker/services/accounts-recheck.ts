/** Re-checks verified proofs, oldest first (filled in with account verification). */
export async function recheckProofs(_env: Env, _now: Date): Promise<void> {}
