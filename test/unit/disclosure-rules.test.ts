// The disclosure rules (shared/DISCLOSURE-RULES.md, ruleset 2026.1), case by case: every rule
// id, every label class, every matching edge. Written from the rules' text, not the corpus.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CUTOFFS, JURISDICTIONS, LABEL_CLASSES, MEDIA, PLATFORMS, RELATIONSHIPS, RULE_IDS, TERMS,
  checkDisclosure, checkInputSchema, checkOutputSchema, matchLabels,
} from "../../worker/domain/disclosure/index.ts";
import type { CheckInputRequest, CheckOutput, LabelClass, Platform } from "../../worker/domain/disclosure/index.ts";

const BASE: CheckInputRequest = {
  text: "",
  platform: "instagram",
  media: "image",
  relationship: "paid",
  jurisdictions: ["US"],
};

function check(over: Partial<CheckInputRequest>): CheckOutput {
  const out = checkDisclosure(checkInputSchema.parse({ ...BASE, ...over }));
  checkOutputSchema.parse(out); // every output has the documented shape
  return out;
}
const rules = (out: CheckOutput): string[] => out.findings.map((f) => `${f.jurisdiction}:${f.rule}:${f.severity}`);
const found = (s: string, brand: string | null = null): string[] =>
  matchLabels(s, "text", { brand }).map((l) => `${l.class}:${l.text}`);
const classesIn = (s: string, brand: string | null = null): LabelClass[] =>
  matchLabels(s, "text", { brand }).map((l) => l.class);

// ---------------------------------------------------------------------------------------------

describe("input schema", () => {
  it("applies the documented defaults", () => {
    expect(checkInputSchema.parse({ text: "hi", platform: "x", media: "text", relationship: "paid", jurisdictions: ["FR"] }))
      .toEqual({
        text: "hi", overlay: null, platform: "x", media: "text", relationship: "paid", jurisdictions: ["FR"],
        platform_tool: false, retouched: false, ai_generated: false, brand: null,
      });
  });

  it("has exactly the documented enums", () => {
    expect([...PLATFORMS]).toEqual(
      ["instagram", "tiktok", "youtube", "facebook", "linkedin", "pinterest", "x", "twitch", "snapchat", "blog", "other"],
    );
    expect([...MEDIA]).toEqual(["text", "image", "carousel", "video", "reel", "story", "live"]);
    expect([...RELATIONSHIPS]).toEqual(
      ["paid", "gifted", "affiliate", "ambassador", "own_brand", "employee", "event", "loan", "none"],
    );
    expect([...JURISDICTIONS]).toEqual(["US", "UK", "FR"]);
  });

  it("takes 0 to 10,000 characters of text", () => {
    expect(checkInputSchema.safeParse({ ...BASE, text: "" }).success).toBe(true);
    expect(checkInputSchema.safeParse({ ...BASE, text: "a".repeat(10_000) }).success).toBe(true);
    expect(checkInputSchema.safeParse({ ...BASE, text: "a".repeat(10_001) }).success).toBe(false);
  });

  it("wants a non-empty list of distinct known jurisdictions", () => {
    expect(checkInputSchema.safeParse({ ...BASE, jurisdictions: [] }).success).toBe(false);
    expect(checkInputSchema.safeParse({ ...BASE, jurisdictions: ["US", "US"] }).success).toBe(false);
    expect(checkInputSchema.safeParse({ ...BASE, jurisdictions: ["DE"] }).success).toBe(false);
    expect(checkInputSchema.safeParse({ ...BASE, jurisdictions: ["US", "UK", "FR"] }).success).toBe(true);
  });

  it("refuses unknown platforms, media and relationships", () => {
    expect(checkInputSchema.safeParse({ ...BASE, platform: "myspace" }).success).toBe(false);
    expect(checkInputSchema.safeParse({ ...BASE, media: "podcast" }).success).toBe(false);
    expect(checkInputSchema.safeParse({ ...BASE, relationship: "friend" }).success).toBe(false);
  });
});

describe("data tables", () => {
  it("has a cut-off for every platform: the documented numbers, whole text on x, twitch, snapchat, blog", () => {
    expect(CUTOFFS).toEqual({
      instagram: 125, facebook: 125, tiktok: 100, youtube: 100, linkedin: 140, pinterest: 100, other: 125,
      x: null, twitch: null, snapchat: null, blog: null,
    });
  });

  it("only uses known label classes", () => {
    for (const t of TERMS) expect(LABEL_CLASSES).toContain(t.class);
  });
});

// ---------------------------------------------------------------------------------------------
// Matching

/** The rules' "Label classes" table, copied from the document (brand-role apart). */
const DOC_TERMS: Record<string, readonly string[]> = {
  "ad-word": ["ad", "advert", "advertising", "advertisement", "advertisement feature"],
  "sponsor-en": ["sponsored", "sponsored by", "paid partnership", "paid partnership with", "paid ad", "#paid"],
  "plain-statement": [
    "paid by", "paid me", "I was paid", "sponsored by", "sent me this for free", "gifted by", "free product from",
    "in exchange for", "I earn a commission", "I get a commission",
  ],
  "gifted-word": ["gifted", "#gifted", "#gift", "PR product", "#prproduct"],
  "affiliate-word": ["affiliate link", "affiliate links", "#affiliatelink", "commission link", "affiliate", "#affiliate", "#aff"],
  "fr-legal": ["publicité", "collaboration commerciale"],
  "fr-other": ["sponsorisé", "sponsorisée", "sponso", "partenariat", "en partenariat avec", "partenariat rémunéré", "pub", "#pub"],
  vague: ["#sp", "#spon", "#collab", "#partner", "#ambassador", "thanks", "thank you", "merci", "thx", "PR", "#pr", "sneak peek"],
  "fr-retouch": ["images retouchées", "image retouchée"],
  "fr-virtual": ["images virtuelles", "image virtuelle"],
};

describe("label classes", () => {
  for (const [cls, terms] of Object.entries(DOC_TERMS)) {
    for (const term of terms) {
      it(`${cls}: "${term}" as written, as a hashtag, and in capitals`, () => {
        const variants = term.startsWith("#")
          ? [term, term.toUpperCase()]
          : [term, term.toUpperCase(), `#${term.replace(/\s+/g, "")}`];
        for (const v of variants) {
          const labels = matchLabels(`Well. ${v} — today`, "text");
          expect(labels.map((l) => `${l.class}:${l.text}`)).toContain(`${cls}:${v}`);
        }
      });
    }
  }

  it("a hashtag-only term is not matched as a bare word", () => {
    for (const w of ["paid", "gift", "prproduct", "aff", "sp", "spon", "collab", "partner", "ambassador"]) {
      expect(found(`so ${w} here`)).toEqual([]);
    }
  });

  it("affiliate-word says strong or bare", () => {
    const strength = (s: string) => matchLabels(s, "text").find((l) => l.class === "affiliate-word")?.strength;
    expect(strength("my affiliate link")).toBe("strong");
    expect(strength("affiliate links below")).toBe("strong");
    expect(strength("#AffiliateLink")).toBe("strong");
    expect(strength("a commission link")).toBe("strong");
    expect(strength("affiliate")).toBe("bare");
    expect(strength("#affiliate")).toBe("bare");
    expect(strength("#aff")).toBe("bare");
  });

  describe("brand-role", () => {
    it("matches <brand> partner / ambassador and the hashtags, given the brand", () => {
      expect(found("Proud Stride partner!", "Stride")).toEqual(["brand-role:Stride partner"]);
      expect(found("a STRIDE AMBASSADOR", "Stride")).toEqual(["brand-role:STRIDE AMBASSADOR"]);
      expect(found("#StridePartner", "Stride")).toEqual(["brand-role:#StridePartner"]);
      expect(found("#strideambassador", "Stride")).toEqual(["brand-role:#strideambassador"]);
    });

    it("needs the brand", () => {
      expect(found("Stride partner #StridePartner", null)).toEqual([]);
      expect(found("Stride partner #StridePartner", "  ")).toEqual([]);
      expect(found("Luma partner #LumaPartner", "Stride")).toEqual([]);
    });

    it("takes brand names with spaces, accents and any case", () => {
      expect(found("#maisonlunepartner", "Maison Lune")).toEqual(["brand-role:#maisonlunepartner"]);
      expect(found("#MaisonLuneAmbassador", "Maison Lune")).toEqual(["brand-role:#MaisonLuneAmbassador"]);
      expect(found("Maison Lune partner", "Maison Lune")).toEqual(["brand-role:Maison Lune partner"]);
      expect(found("maison\nlune   partner", "Maison Lune")).toEqual(["brand-role:maison\nlune   partner"]);
      expect(found("Maison Lune partner", "Maison Lüne")).toEqual(["brand-role:Maison Lune partner"]);
      expect(found("#élanpartner and Élan ambassador", "Élan")).toEqual(["brand-role:#élanpartner", "brand-role:Élan ambassador"]);
      expect(found("#elanpartner", "Élan")).toEqual(["brand-role:#elanpartner"]);
      expect(found("L’Oréal partner", "L'Oréal")).toEqual(["brand-role:L’Oréal partner"]);
    });

    it("wants the whole brand as words: not part of a word, a handle or another hashtag", () => {
      expect(found("Lune partner", "Maison Lune")).toEqual([]);
      expect(found("Strider partner", "Stride")).toEqual([]);
      expect(found("@stride partner", "Stride")).toEqual([]);
      expect(found("#stridepartners #mystridepartner", "Stride")).toEqual([]);
      expect(found("Stride, partner", "Stride")).toEqual([]);
    });

    it("is no vague #partner, and #partner alone stays vague", () => {
      expect(classesIn("#LumaPartner #partner", "Luma")).toEqual(["brand-role", "vague"]);
    });
  });
});

describe("whole words and whole hashtags", () => {
  it("matches ad standing alone, whatever the punctuation", () => {
    for (const s of ["#ad", "Ad", "AD:", "[ad]", "(Ad)", "Ad |", "ad.", "“Ad”", "Ad!", "Ad\nnew", "—Ad—", "*AD*", "Ad/Sponsored"]) {
      expect(classesIn(s), s).toContain("ad-word");
    }
  });

  it("does not match ad inside other words or hashtags", () => {
    for (const s of [
      "#adventure", "#adidas", "#ADHD", "#made", "adorable", "read", "bad", "ad2", "#ad2024", "#ad_campaign",
      "ad-free", "#ad-free", "advertiser", "made-ad", "_ad",
    ]) {
      expect(found(s), s).toEqual([]);
    }
  });

  it("does not match other terms inside words", () => {
    expect(found("sponsoring unsponsored gifts gifting thankful pubs public republic prize")).toEqual([]);
    expect(found("affiliated affiliates commissions")).toEqual([]);
  });

  it("runs a hashtag's words together, ignoring case, - and _", () => {
    expect(found("#paidpartnership")).toEqual(["sponsor-en:#paidpartnership"]);
    expect(found("#PaidPartnership")).toEqual(["sponsor-en:#PaidPartnership"]);
    expect(found("#paid_partnership")).toEqual(["sponsor-en:#paid_partnership"]);
    expect(found("#Paid-Partnership")).toEqual(["sponsor-en:#Paid-Partnership"]);
    expect(found("#collaborationcommerciale")).toEqual(["fr-legal:#collaborationcommerciale"]);
    expect(found("#publicité #publicite")).toEqual(["fr-legal:#publicité", "fr-legal:#publicite"]);
    expect(found("#sponsoredby")).toEqual(["sponsor-en:#sponsoredby", "plain-statement:#sponsoredby"]);
    expect(found("#imagesretouchees")).toEqual(["fr-retouch:#imagesretouchees"]);
  });

  it("matches phrases with any whitespace between words, and nothing else", () => {
    expect(found("paid\npartnership")).toEqual(["sponsor-en:paid\npartnership"]);
    expect(found("paid \t partnership")).toEqual(["sponsor-en:paid \t partnership"]);
    expect(found("sponsored\u00a0by")).toEqual(["sponsor-en:sponsored\u00a0by", "plain-statement:sponsored\u00a0by"]);
    expect(found("paid, partnership")).toEqual([]);
    expect(found("paid-partnership")).toEqual([]);
    expect(found("paid my partnership")).toEqual([]);
  });
});

describe("URLs, e-mails and @handles never count", () => {
  it("skips them", () => {
    for (const s of [
      "@adstudio", "@ad", "@sponsored", "hello@adstudio.com", "ad@example.com", "example.com/ad", "https://x.y/sponsored",
      "http://AD.example/path", "www.ad.com", "ad.com", "https://example.com/#ad", "stride.co/paid-partnership",
      "(see https://shop.example/publicite)", "linktr.ee/ad",
    ]) {
      expect(found(s), s).toEqual([]);
    }
  });

  it("still finds labels beside them", () => {
    expect(found("Ad @stride https://stride.com/ad #ad")).toEqual(["ad-word:Ad", "ad-word:#ad"]);
    expect(found("#ad@stride")).toEqual(["ad-word:#ad"]);
  });

  it("reads sloppy punctuation that is no domain as words", () => {
    expect(found("Ad.Thanks")).toEqual(["ad-word:Ad", "vague:Thanks"]);
    expect(found("sponsored.thanks")).toEqual(["sponsor-en:sponsored", "vague:thanks"]);
  });
});

describe("accents", () => {
  it("are optional in French terms", () => {
    expect(found("PUBLICITE")).toEqual(["fr-legal:PUBLICITE"]);
    expect(found("sponsorisee")).toEqual(["fr-other:sponsorisee"]);
    expect(found("Partenariat remunere")).toEqual(["fr-other:Partenariat remunere"]);
    expect(found("IMAGES RETOUCHÉES")).toEqual(["fr-retouch:IMAGES RETOUCHÉES"]);
    expect(found("Mérci")).toEqual(["vague:Mérci"]);
  });

  it("are not invented in English terms", () => {
    expect(found("àd spönsored thânks")).toEqual([]);
  });

  it("keeps offsets in the original text, accented or decomposed", () => {
    const text = "Très belle journée à Nîmes — publicité : merci Élodie";
    const [pub, merci] = matchLabels(text, "text");
    expect(pub).toMatchObject({ class: "fr-legal", text: "publicité", start: text.indexOf("publicité"), end: text.indexOf("publicité") + 9 });
    expect(merci).toMatchObject({ class: "vague", start: text.indexOf("merci"), end: text.indexOf("merci") + 5 });

    // e + U+0301 (combining acute): the label spans the marks too.
    const decomposed = "Cre\u0301me — Publicite\u0301 : images retouche\u0301es";
    const labels = matchLabels(decomposed, "text");
    expect(labels.map((l) => [l.class, l.text])).toEqual([
      ["fr-legal", "Publicite\u0301"],
      ["fr-retouch", "images retouche\u0301es"],
    ]);
    for (const l of labels) expect(decomposed.slice(l.start, l.end)).toBe(l.text);
    expect(labels[0]!.start).toBe(decomposed.indexOf("Publicite"));
  });

  it("counts emoji as two UTF-16 units in offsets", () => {
    const text = "🔥🔥 Ad 🎉 #publicité";
    expect(matchLabels(text, "text").map((l) => [l.text, l.start, l.end])).toEqual([
      ["Ad", 5, 7],
      ["#publicité", 11, 21],
    ]);
  });
});

describe("overlapping terms", () => {
  it("keeps the longest match within a class", () => {
    expect(found("Paid partnership with Stride")).toEqual(["sponsor-en:Paid partnership with"]);
    expect(found("advertisement feature")).toEqual(["ad-word:advertisement feature"]);
    expect(found("en partenariat avec Luma")).toEqual(["fr-other:en partenariat avec"]);
    expect(found("affiliate links")).toEqual(["affiliate-word:affiliate links"]);
  });

  it("counts a term listed in two classes for both", () => {
    const labels = matchLabels("Sponsored by Stride", "text");
    expect(labels.map((l) => [l.class, l.start, l.end])).toEqual([["sponsor-en", 0, 12], ["plain-statement", 0, 12]]);
  });

  it("keeps a qualifying word inside a longer label of another class", () => {
    expect(found("Paid ad")).toEqual(["sponsor-en:Paid ad", "ad-word:ad"]);
    expect(found("Gifted by Luma")).toEqual(["plain-statement:Gifted by", "gifted-word:Gifted"]);
  });

  it("drops a vague word that is part of a longer label", () => {
    expect(found("PR product")).toEqual(["gifted-word:PR product"]);
  });
});

describe("visible (the platform's cut-off)", () => {
  const at = (n: number) => "x".repeat(n - 1) + " Ad"; // "Ad" starts at offset n
  for (const platform of PLATFORMS) {
    const cutoff = CUTOFFS[platform];
    if (cutoff === null) {
      it(`${platform} shows the whole text`, () => {
        expect(matchLabels(at(9_000), "text", { platform })[0]!.visible).toBe(true);
      });
    } else {
      it(`${platform}: a label starting before ${cutoff} is visible, at ${cutoff} it is not`, () => {
        expect(matchLabels(at(cutoff - 1), "text", { platform })[0]!.visible).toBe(true);
        expect(matchLabels(at(cutoff), "text", { platform })[0]!.visible).toBe(false);
        expect(check({ platform, text: at(cutoff - 1) }).findings[0]!.rule).toBe("US-OK");
        expect(check({ platform, text: at(cutoff) }).findings[0]!.rule).toBe("C-VIS");
      });
    }
  }

  it("counts an emoji as one character", () => {
    const text = (emoji: number) => "🔥".repeat(emoji) + " #ad"; // "#ad" after emoji + 1 characters
    expect(matchLabels(text(98), "text", { platform: "tiktok" })[0]!.visible).toBe(true);
    expect(matchLabels(text(99), "text", { platform: "tiktok" })[0]!.visible).toBe(false);
  });

  it("does not apply in the overlay", () => {
    const out = check({ media: "video", overlay: "x".repeat(500) + " Ad", text: "new video" });
    expect(rules(out)).toEqual(["US:US-OK:pass"]);
  });
});

describe("buried (a run of 4+ hashtags, 3rd or later)", () => {
  const buried = (s: string) => matchLabels(s, "text").filter((l) => l.buried).map((l) => l.text);
  it("buries the 3rd and later hashtags of a run of 4 or more", () => {
    expect(buried("run #a #b #ad #c")).toEqual(["#ad"]);
    expect(buried("run #a #b #c #d #ad")).toEqual(["#ad"]);
    expect(buried("#a\n#b\n\n#c  #ad")).toEqual(["#ad"]);
    expect(buried("#a#b#c#ad")).toEqual(["#ad"]);
  });

  it("leaves the first and second of a run, and short runs", () => {
    expect(buried("#ad #a #b #c #d")).toEqual([]);
    expect(buried("#a #ad #b #c #d")).toEqual([]);
    expect(buried("#a #b #ad")).toEqual([]);
  });

  it("breaks a run on anything but spaces and line breaks", () => {
    expect(buried("#a #b, #c #d #ad")).toEqual([]);
    expect(buried("#a #b word #c #ad")).toEqual([]);
    expect(buried("#a #b @x #c #ad")).toEqual([]);
    expect(buried("#a #b 🔥 #c #ad")).toEqual([]);
  });

  it("never buries a word label", () => {
    expect(buried("#a #b #c ad #d")).toEqual([]);
  });

  it("fails a post whose only qualifying label is buried (C-BURY) and passes a second, clear one", () => {
    expect(rules(check({ text: "Run #running #fitness #marathon #ad" }))).toEqual(["US:C-BURY:fail"]);
    expect(rules(check({ text: "Ad: run #running #fitness #marathon #ad" }))).toEqual(["US:US-OK:pass"]);
  });

  it("reports C-VIS when the first qualifying label is past the cut-off, buried or not", () => {
    expect(rules(check({ text: `${"x".repeat(130)} #a #b #c #ad` }))).toEqual(["US:C-VIS:fail"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The seven steps

describe("J-OK per jurisdiction", () => {
  it("US accepts ad-word, sponsor-en, brand-role and plain-statement", () => {
    expect(rules(check({ text: "Ad: new shoes" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ text: "Sponsored: new shoes" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ text: "#StridePartner new shoes", brand: "Stride" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ text: "Stride paid me to try these" }))).toEqual(["US:US-OK:pass"]);
  });

  it("US accepts strong affiliate words only for an affiliate relationship", () => {
    expect(rules(check({ relationship: "affiliate", text: "affiliate link below" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ relationship: "paid", text: "affiliate link below" }))).toEqual(["US:US-VAGUE:fail"]);
  });

  it("UK accepts ad-word, and gifted-word for a gift", () => {
    expect(rules(check({ jurisdictions: ["UK"], text: "AD new shoes" }))).toEqual(["UK:UK-OK:pass"]);
    expect(rules(check({ jurisdictions: ["UK"], relationship: "gifted", text: "#gifted new shoes" }))).toEqual(["UK:UK-OK:pass"]);
    expect(rules(check({ jurisdictions: ["UK"], relationship: "gifted", text: "Gifted by Stride" }))).toEqual(["UK:UK-OK:pass"]);
  });

  it("UK refuses what the ASA advises against", () => {
    for (const text of ["Sponsored new shoes", "#paidpartnership", "Stride paid me", "#StridePartner"]) {
      expect(rules(check({ jurisdictions: ["UK"], text, brand: "Stride" })), text).toEqual(["UK:UK-VAGUE:fail"]);
    }
    expect(rules(check({ jurisdictions: ["UK"], relationship: "paid", text: "#gifted" }))).toEqual(["UK:UK-VAGUE:fail"]);
    expect(rules(check({ jurisdictions: ["UK"], relationship: "affiliate", text: "#affiliate" }))).toEqual(["UK:UK-VAGUE:fail"]);
  });

  it("FR accepts fr-legal only", () => {
    const fr = { jurisdictions: ["FR"] as const, media: "text" as const, platform: "x" as const };
    expect(rules(check({ ...fr, jurisdictions: ["FR"], text: "Publicité" }))).toEqual(["FR:FR-OK:pass"]);
    expect(rules(check({ ...fr, jurisdictions: ["FR"], text: "Collaboration commerciale avec Luma" }))).toEqual(["FR:FR-OK:pass"]);
    expect(rules(check({ ...fr, jurisdictions: ["FR"], text: "#ad #sponsored Stride paid me" }))).toEqual(["FR:FR-VAGUE:fail"]);
  });
});

describe("where a label must stand", () => {
  for (const media of MEDIA) {
    const usNeeds = ["video", "reel", "live", "story"].includes(media);
    const frNeeds = media !== "text";
    it(`${media}: US/UK ${usNeeds ? "need" : "do not need"} the overlay, FR ${frNeeds ? "needs" : "does not need"} it`, () => {
      const inText = check({ media, platform: "x", jurisdictions: ["US", "UK", "FR"], text: "Ad · Publicité" });
      expect(rules(inText)).toEqual([
        usNeeds ? "US:US-MEDIA:fail" : "US:US-OK:pass",
        usNeeds ? "UK:UK-MEDIA:fail" : "UK:UK-OK:pass",
        frNeeds ? "FR:FR-MEDIA:fail" : "FR:FR-OK:pass",
      ]);
      const inOverlay = check({ media, platform: "x", jurisdictions: ["US", "UK", "FR"], text: "hello", overlay: "Ad · Publicité" });
      expect(inOverlay.verdict).toBe("pass");
    });
  }
});

describe("C-TOOL", () => {
  it("lifts a post with no good label to review, in every jurisdiction", () => {
    expect(rules(check({ platform_tool: true, jurisdictions: ["US", "UK", "FR"], text: "new shoes" })))
      .toEqual(["US:C-TOOL:review", "UK:C-TOOL:review", "FR:C-TOOL:review"]);
  });

  it("comes after J-OK and before C-VIS, C-BURY and J-MEDIA", () => {
    expect(rules(check({ platform_tool: true, text: "Ad new shoes" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ platform_tool: true, text: "Run #a #b #c #ad" }))).toEqual(["US:C-TOOL:review"]);
    expect(rules(check({ platform_tool: true, text: `${"x".repeat(200)} #ad` }))).toEqual(["US:C-TOOL:review"]);
    expect(rules(check({ platform_tool: true, media: "reel", text: "#ad" }))).toEqual(["US:C-TOOL:review"]);
  });
});

describe("J-MEDIA", () => {
  it("fails a qualifying label that is only in the caption of a video, even with a review label in the overlay", () => {
    expect(rules(check({ media: "video", relationship: "gifted", text: "#ad", overlay: "#gifted" }))).toEqual(["US:US-MEDIA:fail"]);
  });

  it("ignores the cut-off: the media is what is wrong", () => {
    expect(rules(check({ media: "reel", jurisdictions: ["UK"], text: `${"x".repeat(200)} #ad` }))).toEqual(["UK:UK-MEDIA:fail"]);
  });
});

describe("J-REVIEW", () => {
  it("US: gifted-word on a gift, bare affiliate-word on an affiliate post", () => {
    expect(rules(check({ relationship: "gifted", text: "#gifted by the team" }))).toEqual(["US:US-REVIEW:review"]);
    expect(rules(check({ relationship: "gifted", text: "PR product, loving it" }))).toEqual(["US:US-REVIEW:review"]);
    expect(rules(check({ relationship: "affiliate", text: "desk setup #aff" }))).toEqual(["US:US-REVIEW:review"]);
    expect(rules(check({ relationship: "affiliate", text: "affiliate: desk setup" }))).toEqual(["US:US-REVIEW:review"]);
  });

  it("US: those words on another relationship are not enough", () => {
    expect(rules(check({ relationship: "paid", text: "#gifted" }))).toEqual(["US:US-VAGUE:fail"]);
    expect(rules(check({ relationship: "gifted", text: "#aff" }))).toEqual(["US:US-VAGUE:fail"]);
  });

  it("US: a review label must stand where a label must", () => {
    expect(rules(check({ relationship: "gifted", media: "video", text: "#gifted" }))).toEqual(["US:US-VAGUE:fail"]);
    expect(rules(check({ relationship: "gifted", media: "video", text: "hi", overlay: "#gifted" }))).toEqual(["US:US-REVIEW:review"]);
    expect(rules(check({ relationship: "gifted", text: `${"x".repeat(130)} #gifted` }))).toEqual(["US:US-VAGUE:fail"]);
  });

  it("FR: fr-other, wherever the rules want it", () => {
    const fr = { jurisdictions: ["FR" as const] };
    expect(rules(check({ ...fr, media: "text", text: "En partenariat avec Luma" }))).toEqual(["FR:FR-REVIEW:review"]);
    expect(rules(check({ ...fr, media: "image", text: "hi", overlay: "#sponso" }))).toEqual(["FR:FR-REVIEW:review"]);
    expect(rules(check({ ...fr, media: "image", text: "Sponsorisé par Luma" }))).toEqual(["FR:FR-VAGUE:fail"]);
  });

  it("UK has no review class", () => {
    expect(rules(check({ jurisdictions: ["UK"], relationship: "affiliate", text: "#aff" }))).toEqual(["UK:UK-VAGUE:fail"]);
  });
});

describe("US-OWN", () => {
  it("reviews an unlabelled post about one's own or one's employer's brand, in the US only", () => {
    expect(rules(check({ relationship: "own_brand", text: "my new drop" }))).toEqual(["US:US-OWN:review"]);
    expect(rules(check({ relationship: "employee", text: "our new drop", jurisdictions: ["US", "UK", "FR"] })))
      .toEqual(["US:US-OWN:review", "UK:C-NONE:fail", "FR:C-NONE:fail"]);
  });

  it("comes after J-OK and J-MEDIA, before J-VAGUE", () => {
    expect(rules(check({ relationship: "own_brand", text: "Ad: my new drop" }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ relationship: "own_brand", media: "video", text: "Ad: my new drop" }))).toEqual(["US:US-MEDIA:fail"]);
    expect(rules(check({ relationship: "own_brand", text: "my new drop, thanks!" }))).toEqual(["US:US-OWN:review"]);
  });
});

describe("J-VAGUE and C-NONE", () => {
  it("fails vague or other-language labels with J-VAGUE", () => {
    expect(rules(check({ text: "New shoes #sp #collab" }))).toEqual(["US:US-VAGUE:fail"]);
    expect(rules(check({ text: "Thanks @stride, sneak peek" }))).toEqual(["US:US-VAGUE:fail"]);
    expect(rules(check({ text: "Publicité : new shoes" }))).toEqual(["US:US-VAGUE:fail"]);
    expect(rules(check({ jurisdictions: ["UK"], text: "merci Stride" }))).toEqual(["UK:UK-VAGUE:fail"]);
  });

  it("fails a post with no label at all with C-NONE", () => {
    for (const j of JURISDICTIONS) expect(rules(check({ jurisdictions: [j], text: "Obsessed with this serum" }))).toEqual([`${j}:C-NONE:fail`]);
    expect(rules(check({ text: "" }))).toEqual(["US:C-NONE:fail"]);
  });

  it("does not count image labels as disclosure labels", () => {
    expect(rules(check({ text: "Images retouchées" }))).toEqual(["US:C-NONE:fail"]);
  });
});

describe("FR-RETOUCH and FR-VIRTUAL", () => {
  const fr = { jurisdictions: ["FR" as const], overlay: "Publicité" };

  it("fails retouched or AI images without their label, whatever the disclosure gave", () => {
    expect(rules(check({ ...fr, retouched: true }))).toEqual(["FR:FR-OK:pass", "FR:FR-RETOUCH:fail"]);
    expect(rules(check({ ...fr, ai_generated: true }))).toEqual(["FR:FR-OK:pass", "FR:FR-VIRTUAL:fail"]);
    expect(rules(check({ jurisdictions: ["FR"], text: "hi", retouched: true, ai_generated: true })))
      .toEqual(["FR:C-NONE:fail", "FR:FR-RETOUCH:fail", "FR:FR-VIRTUAL:fail"]);
  });

  it("passes them with the label in the overlay or in visible text", () => {
    expect(check({ ...fr, overlay: "Publicité · Images retouchées", retouched: true }).verdict).toBe("pass");
    expect(check({ ...fr, overlay: "Publicité — image virtuelle", ai_generated: true }).verdict).toBe("pass");
    expect(rules(check({ ...fr, text: "Image retouchée. Ma routine", retouched: true }))).toEqual(["FR:FR-OK:pass", "FR:FR-RETOUCH:pass"]);
    expect(rules(check({ ...fr, text: `${"x".repeat(130)} images retouchées`, retouched: true })))
      .toEqual(["FR:FR-OK:pass", "FR:FR-RETOUCH:fail"]);
  });

  it("apply to FR only, and not without a commercial tie", () => {
    expect(rules(check({ text: "Ad", retouched: true, ai_generated: true }))).toEqual(["US:US-OK:pass"]);
    expect(rules(check({ jurisdictions: ["FR"], relationship: "none", retouched: true, ai_generated: true }))).toEqual(["FR:NONE:pass"]);
  });
});

describe("relationship none", () => {
  it("passes with one NONE finding per jurisdiction and nothing else", () => {
    const out = check({ relationship: "none", jurisdictions: ["US", "UK", "FR"], text: "#sp sunset", platform_tool: true, retouched: true });
    expect(out.verdict).toBe("pass");
    expect(rules(out)).toEqual(["US:NONE:pass", "UK:NONE:pass", "FR:NONE:pass"]);
    expect(out.labels.map((l) => l.text)).toEqual(["#sp"]);
  });
});

describe("several jurisdictions", () => {
  it("checks each on its own; the worst result wins; every finding is listed in order", () => {
    const out = check({ jurisdictions: ["US", "UK", "FR"], text: "Sponsored by Stride", media: "text", platform: "x" });
    expect(rules(out)).toEqual(["US:US-OK:pass", "UK:UK-VAGUE:fail", "FR:FR-VAGUE:fail"]);
    expect(out.verdict).toBe("fail");
    const review = check({ jurisdictions: ["FR", "US"], text: "Ad · partenariat", media: "text", platform: "x" });
    expect(rules(review)).toEqual(["FR:FR-REVIEW:review", "US:US-OK:pass"]);
    expect(review.verdict).toBe("review");
  });
});

// ---------------------------------------------------------------------------------------------
// Output

describe("output", () => {
  it("gives the deciding label's span in text, null in the overlay or without a label", () => {
    const text = "Très belle journée — Publicité : la routine";
    const ok = check({ jurisdictions: ["FR"], media: "text", platform: "x", text });
    expect(ok.findings[0]!.span).toEqual({ start: text.indexOf("Publicité"), end: text.indexOf("Publicité") + 9 });
    const vis = check({ text: `${"é".repeat(130)} #ad` });
    expect(vis.findings[0]).toMatchObject({ rule: "C-VIS", span: { start: 131, end: 134 } });
    expect(check({ media: "video", text: "hi", overlay: "Ad" }).findings[0]!.span).toBeNull();
    expect(check({ text: "hi" }).findings[0]!.span).toBeNull();
    expect(check({ text: "hi", platform_tool: true }).findings[0]!.span).toBeNull();
  });

  it("lists labels with exactly text, where, start, end and class", () => {
    const out = check({ text: "Ad here", overlay: "Publicité" });
    expect(out.labels).toEqual([
      { text: "Ad", where: "text", start: 0, end: 2, class: "ad-word" },
      { text: "Publicité", where: "overlay", start: 0, end: 9, class: "fr-legal" },
    ]);
    expect(out.ruleset).toBe("2026.1");
  });

  it("explains every finding in English and French, naming the label", () => {
    const outs = [
      check({ text: "Ad" }), check({ text: "hi", platform_tool: true }), check({ text: `${"x".repeat(130)} #ad` }),
      check({ text: "Run #a #b #c #ad" }), check({ media: "video", text: "#ad" }), check({ relationship: "gifted", text: "#gifted" }),
      check({ relationship: "own_brand", text: "hi" }), check({ text: "#sp" }), check({ text: "hi" }),
      check({ jurisdictions: ["FR"], text: "hi", retouched: true, ai_generated: true }), check({ relationship: "none", text: "hi" }),
    ];
    const seen = new Set<string>();
    for (const out of outs) {
      for (const f of out.findings) {
        seen.add(f.rule);
        expect(f.message.en.length).toBeGreaterThan(20);
        expect(f.message.fr.length).toBeGreaterThan(20);
        expect(f.message.en).not.toBe(f.message.fr);
        if (f.span) {
          const label = out.labels.find((l) => l.where === "text" && l.start === f.span!.start)!;
          expect(f.message.en).toContain(label.text);
          expect(f.message.fr).toContain(label.text);
        }
      }
    }
    for (const id of ["US-OK", "C-TOOL", "C-VIS", "C-BURY", "US-MEDIA", "US-REVIEW", "US-OWN", "US-VAGUE", "C-NONE", "FR-RETOUCH", "FR-VIRTUAL", "NONE"]) {
      expect(seen, id).toContain(id);
    }
  });

  it("only emits documented rule ids", () => {
    const out = check({ jurisdictions: ["US", "UK", "FR"], text: "#gifted", relationship: "gifted", retouched: true });
    for (const f of out.findings) expect(RULE_IDS).toContain(f.rule);
  });

  it("is deterministic, and the matcher can be called between checks", () => {
    const input = { text: "Ad · #sp · Publicité", overlay: "#ad", jurisdictions: ["US", "FR"] as ("US" | "FR")[] };
    const a = check(input);
    matchLabels("#a #b #c #d #e #f Sponsored by x", "text", { brand: "x" });
    expect(check(input)).toEqual(a);
  });
});

// ---------------------------------------------------------------------------------------------

describe("robustness", () => {
  it("gives labels whose text is the original slice, in order", () => {
    const pieces = [
      "ad", "Ad", "#ad", "#AD", "publicité", "Publicite\u0301", "sponsored", "by", "paid", "partnership", "with", "#pub",
      "merci", "🔥", "é", " ", "\n", ".", ",", "-", "_", "#", "@", "@x", "http://a.b/", "x.com", "a", "#a", "(", ")", ":",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom<Platform>(...PLATFORMS), (parts, platform) => {
        const s = parts.join("");
        const labels = matchLabels(s, "text", { platform, brand: "Stride" });
        let last = -1;
        for (const l of labels) {
          expect(s.slice(l.start, l.end)).toBe(l.text);
          expect(l.end).toBeGreaterThan(l.start);
          expect(l.start).toBeGreaterThanOrEqual(last);
          last = l.start;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("stays fast on hostile input", () => {
    const hostile = ["a.".repeat(5000), "a+".repeat(5000), "#".repeat(10_000), "@a".repeat(5000), "#a ".repeat(3333), "ad ".repeat(3333), "a-".repeat(5000), "é".repeat(10_000)];
    const t0 = performance.now();
    for (const text of hostile) check({ text, jurisdictions: ["US", "UK", "FR"], brand: "a a" });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
