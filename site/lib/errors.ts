import { AppError } from "../../worker/errors";
import type { Dict } from "../i18n";
import type { FieldErrors } from "./profile-form";

/** Narrows a caught error to the services' AppError; anything else is a bug and is rethrown. */
export function appError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  throw e;
}

/**
 * A service error as form feedback: field errors next to their fields (in the reader's
 * language where we know the code), otherwise the error's own message for the whole form.
 */
export function formErrors(e: AppError, d: Dict): FieldErrors {
  if (!e.fields?.length) return { "": e.message };
  const out: FieldErrors = {};
  for (const f of e.fields) out[f.field] = f.field === "handle" && f.message === "taken" ? d.errors.handleTaken : f.message;
  return out;
}
