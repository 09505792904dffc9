/**
 * Realistic collaboration posts: a caption in the audience's language, an on-screen overlay for
 * video-like media, and a labelling habit that ranges from exemplary to hopeless. The verdict is
 * never decided here: the generator runs the real checker on whatever this writes.
 */
import { POLICIES } from "../../worker/domain/disclosure/terms.ts";
import type { Jurisdiction, Media, Platform, Relationship } from "../../worker/domain/disclosure/types.ts";
import type { Rng } from "./prng.ts";
import { BODIES_EN, BODIES_FR, EXTRA_EN, EXTRA_FR, type Niche } from "./vocab.ts";

export interface PostInput {
  caption: string;
  overlay: string | null;
  platformTool: boolean;
  retouched: boolean;
  aiGenerated: boolean;
}

export interface BrandRef {
  name: string;
  handle: string;
}

const MEDIA_BY_PLATFORM: Record<Platform, ReadonlyArray<readonly [Media, number]>> = {
  instagram: [["image", 30], ["carousel", 25], ["reel", 35], ["story", 10]],
  tiktok: [["video", 100]],
  youtube: [["video", 85], ["live", 15]],
  facebook: [["image", 50], ["video", 50]],
  linkedin: [["text", 50], ["image", 50]],
  pinterest: [["image", 100]],
  x: [["text", 60], ["image", 40]],
  twitch: [["live", 100]],
  snapchat: [["story", 100]],
  blog: [["text", 70], ["image", 30]],
  other: [["text", 50], ["image", 50]],
};

export function pickMedia(r: Rng, platform: Platform): Media {
  return r.weighted(MEDIA_BY_PLATFORM[platform]);
}

export const RELATIONSHIP_WEIGHTS: ReadonlyArray<readonly [Relationship, number]> = [
  ["paid", 42], ["gifted", 20], ["affiliate", 14], ["ambassador", 7], ["event", 5], ["loan", 3], ["own_brand", 2], ["employee", 1], ["none", 6],
];

const needsOverlay = (j: Jurisdiction, media: Media) => POLICIES[j].overlayMedia.includes(media);

function fill(template: string, p: string, b: string, code: string): string {
  return template.replace(/\{p\}/g, p).replace(/\{b\}/g, b).replace(/\{code\}/g, code);
}

/** The label that satisfies every jurisdiction, as a caption prefix and (where needed) an overlay. */
export function goodLabel(r: Rng, js: readonly Jurisdiction[], rel: Relationship, brand: string, media: Media): { prefix: string; overlay: string | null } {
  const fr = js.includes("FR");
  const uk = js.includes("UK");
  const us = js.includes("US");
  const words: string[] = [];
  if (fr) words.push(r.pick(["Publicité", "Publicité", `Collaboration commerciale avec ${brand}`, "#publicité", "Collaboration commerciale"]));
  if (uk || us) {
    const enChoices: string[] = ["#ad", "Ad", "AD", "#ad"];
    if (!uk) {
      enChoices.push(`Sponsored by ${brand}`, `Paid partnership with ${brand}`);
      if (rel === "affiliate") enChoices.push("Affiliate links below: I earn a commission");
      if (rel === "gifted") enChoices.push(`Gifted by ${brand}`);
    }
    words.push(r.pick(enChoices));
  }
  const sep = r.pick([" | ", " · ", ": ", " — "]);
  const prefix = `${words.join(" · ")}${sep}`;
  let overlay: string | null = null;
  if (js.some((j) => needsOverlay(j, media))) {
    overlay = fr ? (uk || us ? "Publicité · Ad" : r.pick(["Publicité", "Collaboration commerciale", `Publicité · ${brand}`])) : r.pick(["Ad", `Ad · ${brand}`, "AD"]);
  }
  return { prefix, overlay };
}

type Bad = "vague" | "buried" | "late" | "none" | "wrongLang" | "frOther" | "noOverlay" | "toolOnly" | "giftedOnly";

/**
 * Writes one post. `care` (0..1) is the chance the label is done right; the rest is one of the
 * habits the rules exist to catch.
 */
export function writePost(
  r: Rng,
  args: { lang: "fr" | "en"; niche: Niche; brand: BrandRef; platform: Platform; media: Media; rel: Relationship; js: readonly Jurisdiction[]; care: number },
): PostInput {
  const { lang, niche, brand, platform, media, rel, js } = args;
  const [pEn, pFr] = r.pick(niche.products);
  const code = `${brand.handle.slice(0, 5).toUpperCase()}${r.int(10, 30)}`;
  const body = fill(r.pick(lang === "fr" ? BODIES_FR : BODIES_EN), lang === "fr" ? pFr : pEn, brand.name, code);
  const extras = r.sample(lang === "fr" ? EXTRA_FR : EXTRA_EN, r.weighted([[0, 25], [1, 55], [2, 20]])).map((e) => fill(e, pEn, brand.name, code));
  const tags = r.sample(niche.hashtags, r.int(2, 5));
  if (r.chance(0.4)) tags.push(`@${brand.handle}`);
  const fr = js.includes("FR");
  const videoLike = js.some((j) => needsOverlay(j, media));
  const retouched = (niche.id === "beauty" || niche.id === "fashion" ? r.chance(0.1) : r.chance(0.02)) && media !== "text";
  const aiGenerated = media !== "text" && r.chance(0.015);
  const canTool = platform === "instagram" || platform === "tiktok" || platform === "youtube" || platform === "facebook";
  let platformTool = canTool && r.chance(0.35);

  let prefix = "";
  let overlay: string | null = null;
  let late = "";
  if (rel === "none") {
    // Nothing to disclose; some say so anyway.
    if (r.chance(0.2)) extras.push(lang === "fr" ? "Rien de sponsorisé ici, acheté avec mes sous." : "Not sponsored, bought it myself.");
    platformTool = false;
  } else if (r.chance(args.care)) {
    ({ prefix, overlay } = goodLabel(r, js, rel, brand.name, media));
  } else {
    let bad = r.weighted<Bad>([
      ["vague", 26], ["buried", 14], ["late", 14], ["none", 12], ["wrongLang", fr ? 10 : 4], ["frOther", fr ? 14 : 0],
      ["noOverlay", videoLike ? 14 : 0], ["toolOnly", canTool ? 6 : 0], ["giftedOnly", rel === "gifted" ? 10 : 0],
    ]);
    if (bad === "wrongLang" && !fr) bad = js.includes("UK") ? "wrongLang" : "vague";
    switch (bad) {
      case "vague":
        prefix = r.pick(lang === "fr"
          ? [`Merci @${brand.handle} 💛 `, "#sp ", "#collab ", `Merci ${brand.name} ! `, "#partner "]
          : [`Thanks @${brand.handle}! `, "#sp ", "#collab ", "#spon ", `thx ${brand.name} `, "#partner "]);
        if (videoLike && r.chance(0.3)) overlay = lang === "fr" ? `Merci ${brand.name} !` : `Thanks ${brand.name}!`;
        break;
      case "buried": {
        const label = fr ? r.pick(["#publicité", "#pub"]) : "#ad";
        const more = r.sample(niche.hashtags.filter((t) => !tags.includes(t)), 2);
        tags.splice(0, tags.length, ...tags.filter((t) => t.startsWith("#")), ...more);
        while (tags.length < 5) tags.push(r.pick(["#love", "#daily", "#new", "#favourites", "#weekend"]));
        tags.splice(3, 0, label);
        break;
      }
      case "late":
        extras.push(...(lang === "fr" ? ["Je vous en reparle très vite, et je vous mets tous les détails en story ce soir."] : ["More on this soon: I'll put all the details in my stories tonight."]));
        late = fr ? r.pick([" Publicité.", " #publicité", " (collaboration commerciale)"]) : r.pick([" #ad", " Ad.", " (ad)"]);
        break;
      case "none":
        break;
      case "wrongLang":
        // English words for a French audience, or US habits for a UK one.
        prefix = fr ? r.pick(["#ad ", "Sponsored ", "Ad | "]) : r.pick([`Sponsored by ${brand.name}: `, `In partnership with ${brand.name}. `, "#affiliate "]);
        if (videoLike) overlay = fr ? "Ad" : "Sponsored";
        break;
      case "frOther":
        prefix = r.pick(["#sponso ", `En partenariat avec ${brand.name} : `, "#pub ", "Sponsorisé | ", "Partenariat rémunéré · "]);
        if (videoLike && r.chance(0.6)) overlay = r.pick(["Sponso", "Partenariat", "#pub"]);
        break;
      case "noOverlay":
        ({ prefix } = goodLabel(r, js, rel, brand.name, media));
        overlay = null;
        break;
      case "toolOnly":
        platformTool = true;
        break;
      case "giftedOnly":
        prefix = r.pick(["#gifted ", `Gifted by ${brand.name}: `, "PR product: "]);
        break;
    }
  }
  // Careful creators also say when images are retouched or virtual (French law).
  if (fr && (retouched || aiGenerated) && r.chance(args.care)) {
    const words = [retouched ? "Images retouchées" : "", aiGenerated ? "Images virtuelles" : ""].filter(Boolean).join(" · ");
    if (overlay) overlay = `${overlay} · ${words}`;
    else prefix = `${prefix}${words} · `;
  }
  const text = [body, ...extras].join(" ") + late;
  const caption = `${prefix}${text}${tags.length ? `\n\n${tags.join(" ")}` : ""}`;
  return { caption, overlay, platformTool, retouched, aiGenerated };
}

const CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const digits = (r: Rng, n: number) => `${r.int(1, 9)}${r.chars(n - 1, "0123456789")}`;

/** A post address in the platform's own shape. */
export function postUrl(r: Rng, platform: Platform, media: Media, who: { handle: string; site: string; slugWords: string }): string {
  const u = who.handle;
  switch (platform) {
    case "instagram":
      if (media === "story") return `https://www.instagram.com/stories/${u}/${digits(r, 19)}/`;
      return `https://www.instagram.com/${media === "reel" ? "reel" : "p"}/${r.chars(11, CODE)}/`;
    case "tiktok":
      return `https://www.tiktok.com/@${u.slice(0, 24)}/video/${digits(r, 19)}`;
    case "youtube":
      return `https://www.youtube.com/watch?v=${r.chars(11, CODE)}`;
    case "facebook":
      return `https://www.facebook.com/${u}/posts/${digits(r, 16)}`;
    case "linkedin":
      return `https://www.linkedin.com/posts/${u}_${who.slugWords}-activity-${digits(r, 19)}`;
    case "pinterest":
      return `https://www.pinterest.com/pin/${digits(r, 18)}/`;
    case "x":
      return `https://x.com/${u.slice(0, 15)}/status/${digits(r, 19)}`;
    case "twitch":
      return `https://www.twitch.tv/videos/${digits(r, 10)}`;
    case "snapchat":
      return `https://www.snapchat.com/spotlight/${r.chars(22, CODE)}`;
    case "blog":
      return `https://${who.site}/blog/${who.slugWords}-${r.chars(4, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
    case "other":
      return `https://social.example/@${u}/${digits(r, 18)}`;
  }
}
