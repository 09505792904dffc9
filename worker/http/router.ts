import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError } from "../errors";
import type { AppEnv } from "./types";
import { fieldErrors } from "./validate";

/** A router whose validation failures become one problem+json listing each field. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "request body" : result.target === "query" ? "query string" : `request ${result.target}`;
        throw new AppError("validation_failed", `The ${where} has invalid fields.`, {
          fields: fieldErrors(result.error),
        });
      }
    },
  });
}
