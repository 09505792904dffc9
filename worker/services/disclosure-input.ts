import { z } from "zod";
import { JURISDICTIONS, MAX_TEXT, MEDIA, PLATFORMS, RELATIONSHIPS } from "../domain/disclosure/types";
import { normalizeDomain } from "../verify/domain";

/** An http(s) URL with a host, at most 2,048 characters. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "https:" || u.protocol === "http:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

/** The fields of a collaboration record, as a creator sends them. */
export const disclosureFields = {
  brand_name: z.string().trim().min(1).max(200),
  brand_domain: z
    .string()
    .trim()
    .max(253)
    .nullable()
    .optional()
    .refine((d) => d == null || d === "" || normalizeDomain(d) !== null, "must be a domain name like example.com"),
  post_url: httpUrl,
  platform: z.enum(PLATFORMS),
  media: z.enum(MEDIA),
  relationship: z.enum(RELATIONSHIPS),
  jurisdictions: z
    .array(z.enum(JURISDICTIONS))
    .min(1, "name at least one jurisdiction")
    .max(JURISDICTIONS.length)
    .refine((l) => new Set(l).size === l.length, "each jurisdiction once"),
  posted_at: z.iso.datetime({ offset: true }),
  caption: z.string().max(MAX_TEXT),
  overlay: z.string().max(MAX_TEXT).nullable().optional(),
  platform_tool: z.boolean().optional(),
  retouched: z.boolean().optional(),
  ai_generated: z.boolean().optional(),
};

export const disclosureInputSchema = z.object(disclosureFields).strict();
export type DisclosureInput = z.output<typeof disclosureInputSchema>;

export const amendInputSchema = z
  .object({
    ...Object.fromEntries(Object.entries(disclosureFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
    note: z.string().trim().min(1, "say what changed").max(500),
  })
  .strict() as z.ZodType<Partial<DisclosureInput> & { note: string }>;
