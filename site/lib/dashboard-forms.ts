import type { AppError } from "../../worker/errors";
import type { DashDict } from "./dashboard-i18n";
import type { FieldErrors } from "./profile-form";

export type { FieldErrors };

/** A text field of a form as sent, with Windows line ends made plain. */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v.replace(/\r\n?/g, "\n") : "";
}

/** A text that must be present and short enough, or the reason it is not. */
export function requiredText(value: string, max: number, e: DashDict["errors"]): string | undefined {
  if (!value.trim()) return e.required;
  if (value.trim().length > max) return e.tooLong(max);
  return undefined;
}

/**
 * A service error as form feedback: its field errors next to the form's fields (names as the
 * API spells them), anything else as one message for the whole form.
 */
export function serviceErrors(err: AppError, known: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields ?? []) {
    const name = known.includes(f.field) ? f.field : "";
    out[name] ??= f.message;
  }
  if (!Object.keys(out).length) out[""] = err.message;
  return out;
}

/**
 * The error summary's entries: each message prefixed with its field's label, so a list of
 * "This field is required." still says which field (the inline errors stay short).
 */
export function labelled(errors: FieldErrors, labels: Record<string, string>, b: DashDict): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = k && labels[k] ? b.summaryItem(labels[k], v) : v;
  return out;
}

/** Whether any message is set. */
export const hasErrors = (errors: FieldErrors) => Object.values(errors).some(Boolean);
