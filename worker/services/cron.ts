import { recheckProofs } from "./accounts-recheck";

/** Cron: integrate the log (a backstop for the after-write kick) and re-check proofs. */
export async function runCron(env: Env, at: number): Promise<void> {
  const stub = env.SEQUENCER.get(env.SEQUENCER.idFromName("log"));
  await stub.integrate();
  await recheckProofs(env, new Date(at));
}
