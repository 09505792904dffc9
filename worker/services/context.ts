import type { Db } from "../db";
import type { Caller } from "../http/types";

/** What every service verb receives: bindings, the database, the clock and the caller. */
export interface ServiceCtx {
  env: Env;
  db: Db;
  now: Date;
  caller: Caller;
  /** Runs work after the response (ExecutionContext.waitUntil). */
  defer: (work: Promise<unknown>) => void;
}

export function isDev(env: Env): boolean {
  return env.ENVIRONMENT === "development";
}
