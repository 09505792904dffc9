/**
 * The rules of ruleset 2026.1 as data: label terms, platform cut-offs and what each
 * jurisdiction accepts. The matcher and the checker read only these tables, so a new ruleset
 * is mostly a new copy of this file.
 */
import type { Jurisdiction, LabelClass, Media, Platform, Relationship } from "./types.ts";

/**
 * One term of a label class.
 * - A term starting with `#` matches only as that hashtag (`#paid`, not the word "paid").
 * - Any other term matches as a whole word or phrase (words separated by any whitespace), or
 *   as a hashtag of its words run together (`paid partnership` → `#paidpartnership`).
 * - `lang: "fr"` terms match with or without accents; English terms need the letters as written.
 */
export interface Term {
  readonly class: LabelClass;
  readonly term: string;
  readonly lang: "en" | "fr";
  readonly strength?: "strong" | "bare";
}

const en = (cls: LabelClass, terms: readonly string[], strength?: "strong" | "bare"): Term[] =>
  terms.map((term) => (strength ? { class: cls, term, lang: "en", strength } : { class: cls, term, lang: "en" }));
const fr = (cls: LabelClass, terms: readonly string[]): Term[] => terms.map((term) => ({ class: cls, term, lang: "fr" }));

/** The rules' "Label classes" table. brand-role is built per brand (see BRAND_ROLES). */
export const TERMS: readonly Term[] = [
  ...en("ad-word", ["ad", "advert", "advertising", "advertisement", "advertisement feature"]),
  ...en("sponsor-en", ["sponsored", "sponsored by", "paid partnership", "paid partnership with", "paid ad", "#paid"]),
  ...en("plain-statement", [
    "paid by", "paid me", "I was paid", "sponsored by", "sent me this for free", "gifted by", "free product from",
    "in exchange for", "I earn a commission", "I get a commission",
  ]),
  ...en("gifted-word", ["gifted", "#gifted", "#gift", "PR product", "#prproduct"]),
  ...en("affiliate-word", ["affiliate link", "affiliate links", "#affiliatelink", "commission link"], "strong"),
  ...en("affiliate-word", ["affiliate", "#affiliate", "#aff"], "bare"),
  ...fr("fr-legal", ["publicité", "collaboration commerciale"]),
  ...fr("fr-other", [
    "sponsorisé", "sponsorisée", "sponso", "partenariat", "en partenariat avec", "partenariat rémunéré", "pub", "#pub",
  ]),
  ...en("vague", ["#sp", "#spon", "#collab", "#partner", "#ambassador", "thanks", "thank you", "thx", "PR", "#pr", "sneak peek"]),
  ...fr("vague", ["merci"]),
  ...fr("fr-retouch", ["images retouchées", "image retouchée"]),
  ...fr("fr-virtual", ["images virtuelles", "image virtuelle"]),
];

/** brand-role terms: `<brand> partner`, `#<brand>partner`, and the same with ambassador. */
export const BRAND_ROLES = ["partner", "ambassador"] as const;

/** Characters a caption shows before "more"; null: the whole text is shown. */
export const CUTOFFS: Readonly<Record<Platform, number | null>> = {
  instagram: 125,
  facebook: 125,
  tiktok: 100,
  youtube: 100,
  linkedin: 140,
  pinterest: 100,
  other: 125,
  x: null,
  twitch: null,
  snapchat: null,
  blog: null,
};

/** A class that counts, optionally only for some relationships or one affiliate strength. */
export interface ClassRule {
  readonly class: LabelClass;
  readonly strength?: "strong" | "bare";
  readonly relationships?: readonly Relationship[];
}

export interface JurisdictionPolicy {
  /** Step 1 (J-OK): labels that disclose on their own. */
  readonly qualifying: readonly ClassRule[];
  /** Step 5 (J-REVIEW): labels that may disclose, for a person to judge. */
  readonly review: readonly ClassRule[];
  /** Media whose label must be in the overlay (shown or said in the image or video). */
  readonly overlayMedia: readonly Media[];
  /** Step 6 (US-OWN): relationships that may be clear from context. */
  readonly ownRelationships: readonly Relationship[];
  /** After the steps: FR-RETOUCH / FR-VIRTUAL apply. */
  readonly imageLabels: boolean;
  /** What to suggest in messages. */
  readonly suggestion: string;
}

const VIDEO_LIKE: readonly Media[] = ["video", "reel", "live", "story"];

/** The rules' jurisdiction table. */
export const POLICIES: Readonly<Record<Jurisdiction, JurisdictionPolicy>> = {
  US: {
    qualifying: [
      { class: "ad-word" },
      { class: "sponsor-en" },
      { class: "brand-role" },
      { class: "plain-statement" },
      { class: "affiliate-word", strength: "strong", relationships: ["affiliate"] },
    ],
    review: [
      { class: "gifted-word", relationships: ["gifted"] },
      { class: "affiliate-word", strength: "bare", relationships: ["affiliate"] },
    ],
    overlayMedia: VIDEO_LIKE,
    ownRelationships: ["own_brand", "employee"],
    imageLabels: false,
    suggestion: "Ad",
  },
  UK: {
    qualifying: [{ class: "ad-word" }, { class: "gifted-word", relationships: ["gifted"] }],
    review: [],
    overlayMedia: VIDEO_LIKE,
    ownRelationships: [],
    imageLabels: false,
    suggestion: "Ad",
  },
  FR: {
    qualifying: [{ class: "fr-legal" }],
    review: [{ class: "fr-other" }],
    overlayMedia: ["image", "carousel", "video", "reel", "story", "live"],
    ownRelationships: [],
    imageLabels: true,
    suggestion: "Publicité",
  },
};

/** Classes that say nothing about a commercial tie: they never make a post "labelled". */
export const NON_DISCLOSURE_CLASSES: ReadonlySet<LabelClass> = new Set(["fr-retouch", "fr-virtual"]);
