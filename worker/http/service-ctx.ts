import type { Context } from "hono";
import type { ServiceCtx } from "../services/context";
import type { AppEnv } from "./types";

/** Builds the verbs' context from a request. */
export function serviceCtx(c: Context<AppEnv>): ServiceCtx {
  return {
    env: c.env,
    db: c.get("db"),
    now: new Date(),
    caller: c.get("caller"),
    defer: (work) => c.executionCtx.waitUntil(work),
  };
}
