import type { ServiceCtx } from "../../worker/services/context";
import { createCreator, updateCreator } from "../../worker/services/creators";
import { signPledge, withdrawPledge } from "../../worker/services/pledges";
import { localePath, t, type Lang } from "../i18n";
import { appError, formErrors } from "./errors";
import { parseProfile, readProfileValues, type FieldErrors, type ProfileValues } from "./profile-form";

/** Which dashboard form a failed POST came from, with what to show again. */
export interface ActionFailure {
  status: number;
  form: "profile" | "sign" | "withdraw";
  errors: FieldErrors;
  values?: ProfileValues;
  text?: string;
}
export type ActionResult = { redirect: string } | ActionFailure;

const STATEMENT_MAX = 500;

/**
 * Runs the dashboard POST named by its `intent` field and answers where to go next (Post/
 * Redirect/Get, so a reload never repeats a signature) or what to show again with errors.
 */
export async function dashboardAction(ctx: ServiceCtx, form: FormData, lang: Lang): Promise<ActionResult> {
  const d = t(lang);
  const here = localePath(lang, "/dashboard");
  const intent = String(form.get("intent") ?? "");

  if (intent === "create" || intent === "update") {
    const values = readProfileValues(form);
    const parsed = parseProfile(values, d.errors);
    if ("errors" in parsed) return { status: 400, form: "profile", errors: parsed.errors, values };
    try {
      if (intent === "create") await createCreator(ctx, parsed.input);
      else await updateCreator(ctx, parsed.input);
      return { redirect: `${here}?done=${intent === "create" ? "created" : "saved"}` };
    } catch (e) {
      const err = appError(e);
      return { status: err.status, form: "profile", errors: formErrors(err, d), values };
    }
  }

  if (intent === "sign") {
    const text = String(form.get("statement") ?? "").trim();
    if (text.length > STATEMENT_MAX) return { status: 400, form: "sign", errors: { statement: d.errors.tooLong(STATEMENT_MAX) }, text };
    try {
      const receipt = await signPledge(ctx, {
        version: Number(form.get("version")),
        sha256: String(form.get("sha256") ?? ""),
        statement: text || null,
      });
      return { redirect: `${localePath(lang, "/pledge/receipt")}?id=${encodeURIComponent(receipt.id)}` };
    } catch (e) {
      const err = appError(e);
      return { status: err.status, form: "sign", errors: { "": err.message }, text };
    }
  }

  if (intent === "withdraw") {
    const text = String(form.get("reason") ?? "").trim();
    if (text.length > STATEMENT_MAX) return { status: 400, form: "withdraw", errors: { reason: d.errors.tooLong(STATEMENT_MAX) }, text };
    try {
      await withdrawPledge(ctx, text || null);
      return { redirect: `${here}?done=withdrawn` };
    } catch (e) {
      const err = appError(e);
      return { status: err.status, form: "withdraw", errors: { "": err.message }, text };
    }
  }

  return { status: 400, form: "profile", errors: { "": d.errors.generic } };
}
