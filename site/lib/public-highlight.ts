import { checkDisclosure } from "../../worker/domain/disclosure/check";
import { RULESET, type CheckInput, type Finding, type Label } from "../../worker/domain/disclosure/types";

export interface Span {
  start: number;
  end: number;
}
/** A run of text, marked when it is a found label. Rendered as text: never as HTML. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Cuts a text into marked and unmarked runs; overlapping or out-of-range spans are merged or clipped. */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const clean = spans
    .map((s) => ({ start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of clean) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The spans of labels found in the text and in the overlay. */
export function labelSpans(labels: readonly Label[]): { text: Span[]; overlay: Span[] } {
  return {
    text: labels.filter((l) => l.where === "text"),
    overlay: labels.filter((l) => l.where === "overlay"),
  };
}

/** The fields of a stored record the checker needs. */
export interface RecordForLabels {
  caption: string;
  overlay: string | null;
  platform: string;
  media: string;
  relationship: string;
  jurisdictions: string[];
  platform_tool: boolean;
  retouched: boolean;
  ai_generated: boolean;
  brand_name: string;
  ruleset: string;
  findings: unknown;
}

/**
 * The labels of a stored record: re-run the checker on the stored input when the record was
 * checked with today's ruleset (same input, same labels); otherwise fall back to the spans its
 * stored findings carry, which name the deciding label in the caption.
 */
export function recordSpans(r: RecordForLabels): { text: Span[]; overlay: Span[] } {
  if (r.ruleset === RULESET) {
    try {
      const input = {
        text: r.caption, overlay: r.overlay, platform: r.platform, media: r.media, relationship: r.relationship,
        jurisdictions: r.jurisdictions, platform_tool: r.platform_tool, retouched: r.retouched, ai_generated: r.ai_generated, brand: r.brand_name,
      } as CheckInput;
      return labelSpans(checkDisclosure(input).labels);
    } catch {
      // A record the current checker cannot read still shows its stored findings' spans.
    }
  }
  const findings = Array.isArray(r.findings) ? (r.findings as Finding[]) : [];
  return { text: findings.flatMap((f) => (f.span ? [f.span] : [])), overlay: [] };
}
