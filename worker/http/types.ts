import type { Db } from "../db";

export interface Caller {
  kind: "anonymous" | "session" | "key";
  userId?: string;
  email?: string;
  brandId?: string;
  keyId?: string;
  keyLastUsedAt?: string | null;
  sessionHash?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    caller: Caller;
  };
}
