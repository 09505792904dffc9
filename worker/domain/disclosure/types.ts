/**
 * Types and zod schemas of the disclosure checker (ruleset 2026.1, shared/DISCLOSURE-RULES.md).
 * The enum arrays are exported so the API, the site's forms and the database reuse one list.
 */
import { z } from "zod";

export const RULESET = "2026.1";

export const PLATFORMS = [
  "instagram", "tiktok", "youtube", "facebook", "linkedin", "pinterest", "x", "twitch", "snapchat", "blog", "other",
] as const;
export const MEDIA = ["text", "image", "carousel", "video", "reel", "story", "live"] as const;
export const RELATIONSHIPS = [
  "paid", "gifted", "affiliate", "ambassador", "own_brand", "employee", "event", "loan", "none",
] as const;
export const JURISDICTIONS = ["US", "UK", "FR"] as const;
export const SEVERITIES = ["pass", "review", "fail"] as const;
export const WHERES = ["text", "overlay"] as const;

/** The label classes of the rules' table, in the table's order (also the order labels are listed in). */
export const LABEL_CLASSES = [
  "ad-word", "sponsor-en", "brand-role", "plain-statement", "gifted-word", "affiliate-word",
  "fr-legal", "fr-other", "vague", "fr-retouch", "fr-virtual",
] as const;

/**
 * Every rule id a finding can carry. `NONE` is ours: relationship `none` gives one passing
 * finding per jurisdiction, so every verdict is explained by at least one finding.
 * There is no UK-REVIEW: the UK has no review class, so that step can never decide.
 */
export const RULE_IDS = [
  "US-OK", "UK-OK", "FR-OK",
  "C-TOOL", "C-VIS", "C-BURY",
  "US-MEDIA", "UK-MEDIA", "FR-MEDIA",
  "US-REVIEW", "FR-REVIEW",
  "US-OWN",
  "US-VAGUE", "UK-VAGUE", "FR-VAGUE", "C-NONE",
  "FR-RETOUCH", "FR-VIRTUAL",
  "NONE",
] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Media = (typeof MEDIA)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Where = (typeof WHERES)[number];
export type LabelClass = (typeof LABEL_CLASSES)[number];
export type RuleId = (typeof RULE_IDS)[number];

export const MAX_TEXT = 10_000;

export const checkInputSchema = z.object({
  text: z.string().max(MAX_TEXT),
  // The rules give no limit for the overlay; the text's limit keeps a request bounded.
  overlay: z.string().max(MAX_TEXT).nullable().default(null),
  platform: z.enum(PLATFORMS),
  media: z.enum(MEDIA),
  relationship: z.enum(RELATIONSHIPS),
  jurisdictions: z
    .array(z.enum(JURISDICTIONS))
    .min(1)
    .max(JURISDICTIONS.length)
    .refine((list) => new Set(list).size === list.length, { message: "Each jurisdiction may appear only once." }),
  platform_tool: z.boolean().default(false),
  retouched: z.boolean().default(false),
  ai_generated: z.boolean().default(false),
  // No transform here (an empty or blank brand is treated as no brand by the checker), so the
  // schema stays representable in the OpenAPI document.
  brand: z.string().max(200).nullable().default(null),
});

/** A parsed input: every field present, defaults applied. This is what `checkDisclosure` takes. */
export type CheckInput = z.output<typeof checkInputSchema>;
/** What a client may send: defaulted fields are optional. */
export type CheckInputRequest = z.input<typeof checkInputSchema>;

export const spanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const findingSchema = z.object({
  rule: z.enum(RULE_IDS),
  jurisdiction: z.enum(JURISDICTIONS),
  severity: z.enum(SEVERITIES),
  message: z.object({ en: z.string(), fr: z.string() }),
  span: spanSchema.nullable(),
});

export const labelSchema = z.object({
  text: z.string(),
  where: z.enum(WHERES),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  class: z.enum(LABEL_CLASSES),
});

export const checkOutputSchema = z.object({
  verdict: z.enum(SEVERITIES),
  findings: z.array(findingSchema),
  labels: z.array(labelSchema),
  ruleset: z.literal(RULESET),
});

export type Span = z.infer<typeof spanSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Label = z.infer<typeof labelSchema>;
export type CheckOutput = z.infer<typeof checkOutputSchema>;

/** A label as the matcher finds it: the output's fields plus what the rules need to place it. */
export interface FoundLabel extends Label {
  /** Only for affiliate-word: "strong" (affiliate link…) or "bare" (affiliate, #aff). */
  strength?: "strong" | "bare";
  /** In `text`: starts before the platform's cut-off. Always true in `overlay`. */
  visible: boolean;
  /** In `text`: a hashtag at position 3 or later of a run of 4+ hashtags. Always false in `overlay`. */
  buried: boolean;
}
