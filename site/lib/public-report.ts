import { REASONS } from "../../worker/services/reports";
import type { PublicDict } from "../i18n/public-fr";

export type ReportReason = (typeof REASONS)[number];
export const REPORT_FIELDS = ["post_url", "reason", "evidence", "contact"] as const;
export type ReportValues = Record<(typeof REPORT_FIELDS)[number], string>;
export type ReportErrors = Partial<Record<string, string>>;

export const emptyReport = (): ReportValues => ({ post_url: "", reason: "", evidence: "", contact: "" });

export function readReportValues(form: FormData): ReportValues {
  const v = emptyReport();
  for (const f of REPORT_FIELDS) v[f] = String(form.get(f) ?? "");
  return v;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && !!u.hostname;
  } catch {
    return false;
  }
}

/**
 * Checks the report form with the API's rules (worker/api/reports.ts): an http(s) URL of at
 * most 2048 characters, a known reason, evidence of 1 to 2000 characters, contact ≤ 254.
 */
export function parseReport(handle: string, v: ReportValues, e: PublicDict["report"]["errors"]):
  | { input: { handle: string; post_url: string; reason: ReportReason; evidence: string; contact: string | null } }
  | { errors: ReportErrors } {
  const errors: ReportErrors = {};
  const post_url = v.post_url.trim();
  if (!post_url || post_url.length > 2048 || !isHttpUrl(post_url)) errors.post_url = e.post_url;
  if (!(REASONS as readonly string[]).includes(v.reason)) errors.reason = e.reason;
  const evidence = v.evidence.trim();
  if (!evidence || evidence.length > 2000) errors.evidence = e.evidence;
  const contact = v.contact.trim();
  if (contact.length > 254) errors.contact = e.contact;
  if (Object.keys(errors).length) return { errors };
  return { input: { handle, post_url, reason: v.reason as ReportReason, evidence, contact: contact || null } };
}
