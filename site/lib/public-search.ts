import { COUNTRIES } from "../../worker/domain/countries";
import { SORTS, type SearchQuery, type Sort } from "../../worker/services/search";
import { PLATFORMS } from "../../worker/verify/config";

/** The directory form's values as typed, so the form comes back as it was sent. */
export interface DirectoryValues {
  q: string;
  platform: string;
  country: string;
  niche: string;
  pledged: string;
  min_score: string;
  sort: string;
}

export const PAGE_SIZE = 20;

/** One ignored filter: its name and the value that was refused. */
export interface Ignored {
  field: keyof DirectoryValues;
  value: string;
}

const param = (p: URLSearchParams, k: string) => (p.get(k) ?? "").trim();

/**
 * Reads the directory's query with the API's rules (worker/api/creators.ts), leniently: a
 * value the API would refuse is dropped and reported, so a hand-edited URL shows a message
 * instead of an error page.
 */
export function parseDirectoryQuery(p: URLSearchParams): { query: SearchQuery; values: DirectoryValues; ignored: Ignored[] } {
  const values: DirectoryValues = {
    q: param(p, "q"), platform: param(p, "platform"), country: param(p, "country").toUpperCase(), niche: param(p, "niche").toLowerCase(),
    pledged: param(p, "pledged"), min_score: param(p, "min_score"), sort: param(p, "sort"),
  };
  const ignored: Ignored[] = [];
  const query: SearchQuery = { sort: "score", limit: PAGE_SIZE };
  const drop = (field: keyof DirectoryValues) => {
    ignored.push({ field, value: values[field].slice(0, 40) });
    values[field] = "";
  };

  if (values.q.length > 100) {
    ignored.push({ field: "q", value: "" });
    values.q = values.q.slice(0, 100);
  }
  if (values.q) query.q = values.q;
  if (values.platform) {
    if ((PLATFORMS as readonly string[]).includes(values.platform)) query.platform = values.platform;
    else drop("platform");
  }
  if (values.country) {
    if (COUNTRIES.has(values.country)) query.country = values.country;
    else drop("country");
  }
  if (values.niche) {
    if (values.niche.length <= 30) query.niche = values.niche;
    else drop("niche");
  }
  if (values.pledged) {
    if (values.pledged === "true" || values.pledged === "false") query.pledged = values.pledged === "true";
    else drop("pledged");
  }
  if (values.min_score) {
    const n = Number(values.min_score);
    if (/^\d{1,3}$/.test(values.min_score) && n >= 0 && n <= 100) query.min_score = n;
    else drop("min_score");
  }
  if (values.sort) {
    if ((SORTS as readonly string[]).includes(values.sort)) query.sort = values.sort as Sort;
    else drop("sort");
  }
  const cursor = p.get("cursor");
  if (cursor) query.cursor = cursor.slice(0, 500);
  return { query, values, ignored };
}

/** The directory URL for the given values (empty ones left out) and an optional cursor. */
export function directoryHref(path: string, values: DirectoryValues, cursor?: string | null): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) u.set(k, v);
  if (cursor) u.set("cursor", cursor);
  const qs = u.toString();
  return qs ? `${path}?${qs}` : path;
}
