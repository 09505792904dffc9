import { importSigningKey, verifierKeyString } from "../domain/log/checkpoint";

let cached: { secret: string; key: Awaited<ReturnType<typeof importSigningKey>>; verifier: string } | null = null;

/** The log's Ed25519 signing key (from the LOG_SIGNING_KEY secret) and its note verifier key. */
export async function logKey(env: Env) {
  const secret = env.LOG_SIGNING_KEY;
  if (!secret) throw new Error("LOG_SIGNING_KEY is not set (npm run dev generates one in .dev.vars)");
  if (cached?.secret !== secret) {
    const key = await importSigningKey(secret);
    cached = { secret, key, verifier: await verifierKeyString(env.LOG_ORIGIN, key.publicKeyRaw) };
  }
  return { origin: env.LOG_ORIGIN, ...cached.key, verifier: cached.verifier };
}
