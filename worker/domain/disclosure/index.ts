/**
 * The disclosure checker, ruleset 2026.1: the API and site call `checkDisclosure` on input
 * parsed by `checkInputSchema`; benchmarks and tests may also call the matcher on its own.
 */
export { checkDisclosure } from "./check.ts";
export { foldText, matchLabels } from "./match.ts";
export type { MatchOptions } from "./match.ts";
export { BRAND_ROLES, CUTOFFS, NON_DISCLOSURE_CLASSES, POLICIES, TERMS } from "./terms.ts";
export type { ClassRule, JurisdictionPolicy, Term } from "./terms.ts";
export {
  JURISDICTIONS, LABEL_CLASSES, MAX_TEXT, MEDIA, PLATFORMS, RELATIONSHIPS, RULESET, RULE_IDS, SEVERITIES, WHERES,
  checkInputSchema, checkOutputSchema, findingSchema, labelSchema, spanSchema,
} from "./types.ts";
export type {
  CheckInput, CheckInputRequest, CheckOutput, Finding, FoundLabel, Jurisdiction, Label, LabelClass, Media, Platform,
  Relationship, RuleId, Severity, Span, Where,
} from "./types.ts";
