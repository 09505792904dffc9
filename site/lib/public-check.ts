import { checkInputSchema, JURISDICTIONS, type CheckInput } from "../../worker/domain/disclosure/types";

/** The checker form's values as typed, so a form with errors comes back as it was sent. */
export interface CheckValues {
  text: string;
  overlay: string;
  platform: string;
  media: string;
  relationship: string;
  jurisdictions: string[];
  platform_tool: boolean;
  retouched: boolean;
  ai_generated: boolean;
  brand: string;
}

export const CHECK_FIELDS = ["text", "overlay", "platform", "media", "relationship", "jurisdictions", "platform_tool", "retouched", "ai_generated", "brand"] as const;

/** A blank form; the audience country defaults to the page's language (France for French). */
export const emptyCheck = (lang: "fr" | "en"): CheckValues => ({
  text: "", overlay: "", platform: "", media: "", relationship: "", jurisdictions: lang === "fr" ? ["FR"] : ["US", "UK"],
  platform_tool: false, retouched: false, ai_generated: false, brand: "",
});

export function readCheckValues(form: FormData): CheckValues {
  const str = (k: string) => String(form.get(k) ?? "");
  return {
    text: str("text"), overlay: str("overlay"), platform: str("platform"), media: str("media"), relationship: str("relationship"),
    jurisdictions: form.getAll("jurisdictions").map(String).slice(0, 10),
    platform_tool: form.has("platform_tool"), retouched: form.has("retouched"), ai_generated: form.has("ai_generated"), brand: str("brand"),
  };
}

/**
 * Validates the form with the checker's own schema (checkInputSchema): the page and the API
 * accept exactly the same inputs. Errors are keyed by field, in the reader's language.
 */
export function parseCheck(v: CheckValues, messages: Record<string, string>): { input: CheckInput } | { errors: Partial<Record<string, string>> } {
  const parsed = checkInputSchema.safeParse({
    text: v.text.replace(/\r\n?/g, "\n"),
    overlay: v.overlay.trim() ? v.overlay.replace(/\r\n?/g, "\n") : null,
    platform: v.platform, media: v.media, relationship: v.relationship,
    // Order the countries as the rules list them, whatever order the form sent.
    jurisdictions: [...new Set(v.jurisdictions)].sort((a, b) => JURISDICTIONS.indexOf(a as never) - JURISDICTIONS.indexOf(b as never)),
    platform_tool: v.platform_tool, retouched: v.retouched, ai_generated: v.ai_generated,
    brand: v.brand.trim() ? v.brand.trim() : null,
  });
  if (parsed.success) return { input: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!errors[field]) errors[field] = messages[field] ?? issue.message;
  }
  return { errors };
}
