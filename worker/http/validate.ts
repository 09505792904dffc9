import type { z } from "zod";
import { AppError, type FieldError } from "../errors";

/** Turns zod issues into the problem document's field errors (`field` as a dotted path). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}

/** Parses with a schema or throws a validation problem naming each field. */
export function parseOr400<S extends z.ZodType>(schema: S, data: unknown, what = "request"): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("validation_failed", `The ${what} has invalid fields.`, {
      fields: fieldErrors(result.error),
    });
  }
  return result.data;
}
