import { z } from "zod";
import { COUNTRIES } from "../domain/countries";

/** The rules for a creator profile, shared by the API, the pages and the verbs. */
export const profileFields = {
  handle: z.string().min(1).max(40),
  display_name: z.string().trim().min(1).max(80),
  bio: z.string().trim().max(500),
  country: z.string().toUpperCase().refine((c) => COUNTRIES.has(c), "must be an ISO 3166-1 alpha-2 country code").nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, "must be an ISO 639-1 code like fr or en")).max(10),
  niches: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9 -]{0,29}$/, "letters, digits, spaces and - (max 30)")).max(10),
};

export const createProfileSchema = z
  .object({
    handle: profileFields.handle,
    display_name: profileFields.display_name,
    bio: profileFields.bio.optional(),
    country: profileFields.country.optional(),
    languages: profileFields.languages.optional(),
    niches: profileFields.niches.optional(),
  })
  .strict();

export const updateProfileSchema = createProfileSchema.partial().strict();
