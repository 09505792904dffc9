import { COUNTRIES } from "../../worker/domain/countries";
import { RESERVED_HANDLES } from "../../worker/domain/handles";
import type { ProfileInput } from "../../worker/services/creators";
import type { Dict } from "../i18n";

export const PROFILE_FIELDS = ["handle", "display_name", "bio", "country", "languages", "niches"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** What the reader typed, kept as text so a form with errors comes back as it was sent. */
export type ProfileValues = Record<ProfileField, string>;
export type FieldErrors = Partial<Record<string, string>>;

export const emptyProfile = (): ProfileValues => ({ handle: "", display_name: "", bio: "", country: "", languages: "", niches: "" });

/** The form values of an existing profile. */
export function profileValues(c: { handle: string; display_name: string; bio: string; country: string | null; languages: string[]; niches: string[] }): ProfileValues {
  return { handle: c.handle, display_name: c.display_name, bio: c.bio, country: c.country ?? "", languages: c.languages.join(", "), niches: c.niches.join(", ") };
}

export function readProfileValues(form: FormData): ProfileValues {
  const values = emptyProfile();
  for (const f of PROFILE_FIELDS) values[f] = String(form.get(f) ?? "");
  return values;
}

const list = (s: string) => [...new Set(s.split(",").map((x) => x.trim().toLowerCase()).filter(Boolean))];

/**
 * Checks the profile form with the same rules as the API's zod schema (worker/api/me.ts), with
 * messages in the reader's language. The verbs trust their input, so the page must check it.
 */
export function parseProfile(values: ProfileValues, e: Dict["errors"]): { input: ProfileInput & { handle: string; display_name: string } } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const handle = values.handle.trim().replace(/^@/, "").toLowerCase();
  if (!handle) errors.handle = e.required;
  else if (handle.length < 3 || handle.length > 30) errors.handle = e.handleLength;
  else if (!/^[a-z0-9_]+$/.test(handle)) errors.handle = e.handleChars;
  else if (RESERVED_HANDLES.has(handle)) errors.handle = e.handleReserved;

  const display_name = values.display_name.trim();
  if (!display_name) errors.display_name = e.required;
  else if (display_name.length > 80) errors.display_name = e.tooLong(80);

  const bio = values.bio.trim();
  if (bio.length > 500) errors.bio = e.tooLong(500);

  const country = values.country.trim().toUpperCase() || null;
  if (country && !COUNTRIES.has(country)) errors.country = e.country;

  const languages = list(values.languages);
  if (languages.some((l) => !/^[a-z]{2}$/.test(l))) errors.languages = e.languages;
  else if (languages.length > 10) errors.languages = e.tooMany(10);

  const niches = list(values.niches);
  if (niches.some((n) => !/^[a-z0-9][a-z0-9 -]{0,29}$/.test(n))) errors.niches = e.niches;
  else if (niches.length > 10) errors.niches = e.tooMany(10);

  if (Object.keys(errors).length) return { errors };
  return { input: { handle, display_name, bio, country, languages, niches } };
}
