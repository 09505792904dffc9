import { JURISDICTIONS, MEDIA, PLATFORMS, RELATIONSHIPS } from "../../worker/domain/disclosure/types";
import { disclosureInputSchema, type DisclosureInput } from "../../worker/services/disclosure-input";
import { listForCreator, type DisclosureView } from "../../worker/services/disclosures";
import type { ServiceCtx } from "../../worker/services/context";
import { normalizeDomain } from "../../worker/verify/domain";
import { field, type FieldErrors } from "./dashboard-forms";
import type { DashDict } from "./dashboard-i18n";

export { JURISDICTIONS, MEDIA, PLATFORMS, RELATIONSHIPS };

/** The disclosure form as typed, so a form with errors comes back exactly as it was sent. */
export interface DisclosureValues {
  brand_name: string;
  brand_domain: string;
  post_url: string;
  platform: string;
  media: string;
  relationship: string;
  jurisdictions: string[];
  /** A datetime-local value, read as UTC: "2026-03-01T18:30". */
  posted_at: string;
  caption: string;
  overlay: string;
  platform_tool: boolean;
  retouched: boolean;
  ai_generated: boolean;
}

export const DISCLOSURE_FIELDS = [
  "brand_name", "brand_domain", "post_url", "platform", "media", "relationship", "jurisdictions",
  "posted_at", "caption", "overlay", "platform_tool", "retouched", "ai_generated",
] as const;

export function emptyDisclosure(): DisclosureValues {
  return {
    brand_name: "", brand_domain: "", post_url: "", platform: "", media: "", relationship: "", jurisdictions: [],
    posted_at: "", caption: "", overlay: "", platform_tool: false, retouched: false, ai_generated: false,
  };
}

/** "2026-03-01T18:30:00.000Z" → "2026-03-01T18:30" (UTC), the value a datetime-local input takes. */
export function localFromIso(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const s = d.toISOString();
  return d.getUTCSeconds() ? s.slice(0, 19) : s.slice(0, 16);
}

/** A datetime-local value read as UTC → ISO 8601 with Z, or null when it is not a date and time. */
export function isoFromLocal(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ":00"}Z`;
  const t = Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to March: compare the round trip to refuse such dates.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 16) !== `${m[1]}T${m[2]}`) return null;
  return new Date(t).toISOString().replace(".000Z", "Z");
}

export function readDisclosure(form: FormData): DisclosureValues {
  const on = (name: string) => form.get(name) === "on";
  return {
    brand_name: field(form, "brand_name"), brand_domain: field(form, "brand_domain"), post_url: field(form, "post_url"),
    platform: field(form, "platform"), media: field(form, "media"), relationship: field(form, "relationship"),
    jurisdictions: form.getAll("jurisdictions").map(String), posted_at: field(form, "posted_at"),
    caption: field(form, "caption"), overlay: field(form, "overlay"),
    platform_tool: on("platform_tool"), retouched: on("retouched"), ai_generated: on("ai_generated"),
  };
}

/** The disclosure form's labels by field, for the error summary. */
export function disclosureLabels(b: DashDict): Record<string, string> {
  const s = b.disclosures;
  return {
    brand_name: s.brand_name, brand_domain: s.brand_domain, post_url: s.post_url, platform: s.platformLabel, media: s.mediaLabel,
    relationship: s.relationshipLabel, jurisdictions: s.jurisdictions, posted_at: s.posted_at, caption: s.caption, overlay: s.overlay, note: b.amend.note,
  };
}

/** The form values of a stored record, to prefill its correction. */
export function recordValues(r: DisclosureView): DisclosureValues {
  return {
    brand_name: r.brand_name, brand_domain: r.brand_domain ?? "", post_url: r.post_url, platform: r.platform, media: r.media,
    relationship: r.relationship, jurisdictions: [...r.jurisdictions], posted_at: localFromIso(r.posted_at), caption: r.caption,
    overlay: r.overlay ?? "", platform_tool: r.platform_tool, retouched: r.retouched, ai_generated: r.ai_generated,
  };
}

/** One message per field in the reader's language, whatever zod's issue was. */
function messageFor(name: string, v: DisclosureValues, e: DashDict["errors"]): string {
  switch (name) {
    case "brand_name": return v.brand_name.trim() ? e.tooLong(200) : e.required;
    case "brand_domain": return v.brand_domain.trim().length > 253 ? e.tooLong(253) : e.domain;
    case "post_url": return v.post_url.trim() ? e.url : e.required;
    case "platform": case "media": case "relationship": return v[name] ? e.choice : e.required;
    case "jurisdictions": return e.jurisdictions;
    case "posted_at": return v.posted_at.trim() ? e.datetime : e.required;
    case "caption": case "overlay": return e.tooLong(10_000);
    default: return e.generic;
  }
}

/**
 * Checks the form with the API's own schema (disclosureInputSchema), messages in the reader's
 * language. The verbs trust their input, so the page checks it first.
 */
export function parseDisclosure(v: DisclosureValues, e: DashDict["errors"], now: Date): { input: DisclosureInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const postedAt = isoFromLocal(v.posted_at);
  const raw = {
    brand_name: v.brand_name.trim(), brand_domain: v.brand_domain.trim() || null, post_url: v.post_url.trim(),
    platform: v.platform, media: v.media, relationship: v.relationship, jurisdictions: v.jurisdictions,
    posted_at: postedAt ?? v.posted_at, caption: v.caption, overlay: v.overlay.trim() ? v.overlay : null,
    platform_tool: v.platform_tool, retouched: v.retouched, ai_generated: v.ai_generated,
  };
  const parsed = disclosureInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "");
      errors[name] ??= messageFor(name, v, e);
    }
  }
  if (postedAt && !errors.posted_at && Date.parse(postedAt) > now.getTime() + 60_000) errors.posted_at = e.future;
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { input: parsed.data };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of a correction that differ from the record; none at all is an error. */
export function amendPatch(v: DisclosureValues, r: DisclosureView, e: DashDict["errors"], now: Date): { patch: Partial<DisclosureInput> } | { errors: FieldErrors } {
  const parsed = parseDisclosure(v, e, now);
  if ("errors" in parsed) return parsed;
  const i = parsed.input;
  const patch: Partial<DisclosureInput> = {};
  const domain = i.brand_domain ? normalizeDomain(i.brand_domain) : null;
  if (i.brand_name !== r.brand_name) patch.brand_name = i.brand_name;
  if (domain !== r.brand_domain) patch.brand_domain = domain;
  if (i.post_url !== r.post_url) patch.post_url = i.post_url;
  if (i.platform !== r.platform) patch.platform = i.platform;
  if (i.media !== r.media) patch.media = i.media;
  if (i.relationship !== r.relationship) patch.relationship = i.relationship;
  if (!same([...i.jurisdictions].sort(), [...r.jurisdictions].sort())) patch.jurisdictions = i.jurisdictions;
  if (Date.parse(i.posted_at) !== Date.parse(r.posted_at)) patch.posted_at = i.posted_at;
  if (i.caption !== r.caption) patch.caption = i.caption;
  if ((i.overlay ?? null) !== (r.overlay ?? null)) patch.overlay = i.overlay ?? null;
  if ((i.platform_tool ?? false) !== r.platform_tool) patch.platform_tool = i.platform_tool ?? false;
  if ((i.retouched ?? false) !== r.retouched) patch.retouched = i.retouched ?? false;
  if ((i.ai_generated ?? false) !== r.ai_generated) patch.ai_generated = i.ai_generated ?? false;
  if (!Object.keys(patch).length) return { errors: { "": e.nothingChanged } };
  return { patch };
}

/**
 * One of the creator's records by id. There is no get-by-id verb, so this pages through the
 * creator's own history (newest first, where fresh records are) and gives up after `pages`.
 */
export async function findMyRecord(ctx: ServiceCtx, creatorId: string, id: string, pages = 50): Promise<DisclosureView | null> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await listForCreator(ctx, creatorId, { cursor, limit: 100 });
    const hit = page.items.find((r) => r.id === id);
    if (hit) return hit;
    if (!page.next_cursor) return null;
    cursor = page.next_cursor;
  }
  return null;
}
