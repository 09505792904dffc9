/**
 * The disclosure checker, ruleset 2026.1 (shared/DISCLOSURE-RULES.md): for each jurisdiction
 * the first of seven steps that applies gives one finding; FR then adds FR-RETOUCH and
 * FR-VIRTUAL; the verdict is the worst severity. Pure: no I/O, no clock, no randomness.
 */
import { matchLabels } from "./match.ts";
import { CUTOFFS, NON_DISCLOSURE_CLASSES, POLICIES } from "./terms.ts";
import type { ClassRule, JurisdictionPolicy } from "./terms.ts";
import { RULESET } from "./types.ts";
import type {
  CheckInput, CheckOutput, Finding, FoundLabel, Jurisdiction, Label, LabelClass, Media, Platform, Relationship,
  RuleId, Severity,
} from "./types.ts";

type Text = { en: string; fr: string };

// ---------------------------------------------------------------------------------------------
// Words for messages

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  instagram: "Instagram", tiktok: "TikTok", youtube: "YouTube", facebook: "Facebook", linkedin: "LinkedIn",
  pinterest: "Pinterest", x: "X", twitch: "Twitch", snapchat: "Snapchat", blog: "the blog", other: "the platform",
};
const PLATFORM_NAMES_FR: Readonly<Record<Platform, string>> = {
  ...PLATFORM_NAMES, blog: "le blog", other: "la plateforme",
};
const MEDIA_NAMES: Readonly<Record<Media, Text>> = {
  text: { en: "text post", fr: "la publication" },
  image: { en: "image", fr: "l'image" },
  carousel: { en: "carousel", fr: "le carrousel" },
  video: { en: "video", fr: "la vidéo" },
  reel: { en: "reel", fr: "le reel" },
  story: { en: "story", fr: "la story" },
  live: { en: "live stream", fr: "le live" },
};
const AUDIENCES: Readonly<Record<Jurisdiction, Text & { frTo: string }>> = {
  US: { en: "US audiences", fr: "le public américain", frTo: "au public américain" },
  UK: { en: "UK audiences", fr: "le public britannique", frTo: "au public britannique" },
  FR: { en: "French audiences", fr: "le public français", frTo: "au public français" },
};
const SUGGEST: Readonly<Record<Jurisdiction, Text>> = {
  US: { en: "“Ad”", fr: "« Ad »" },
  UK: { en: "“Ad”", fr: "« Ad »" },
  FR: { en: "“Publicité” or “Collaboration commerciale”", fr: "« Publicité » ou « Collaboration commerciale »" },
};

/** Where a label must go, as advice. */
function placeHint(j: Jurisdiction, media: Media, needsOverlay: boolean): Text {
  const m = MEDIA_NAMES[media];
  if (!needsOverlay) return { en: "at the start of the caption", fr: "au début du texte" };
  if (j === "FR") return { en: `on the ${m.en} itself`, fr: `directement sur ${m.fr}` };
  return { en: `in the ${m.en} itself, shown on screen or said aloud`, fr: `dans ${m.fr}, à l'écran ou à voix haute` };
}

/** French elision: « qu'Instagram », « que TikTok ». */
const que = (name: string): string => (/^[aeiouyh]/i.test(name) ? `qu'${name}` : `que ${name}`);

const q = (l: FoundLabel): Text => ({ en: `“${l.text.trim()}”`, fr: `« ${l.text.trim()} »` });

// ---------------------------------------------------------------------------------------------
// The steps

interface Ctx {
  readonly input: CheckInput;
  readonly labels: readonly FoundLabel[];
}

interface Decision {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: Text;
  readonly label: FoundLabel | null;
}

function fits(rules: readonly ClassRule[], l: FoundLabel, rel: Relationship): boolean {
  return rules.some(
    (r) =>
      r.class === l.class &&
      (r.strength === undefined || r.strength === l.strength) &&
      (r.relationships === undefined || r.relationships.includes(rel)),
  );
}

function decide(j: Jurisdiction, policy: JurisdictionPolicy, { input, labels }: Ctx): Decision {
  const rel = input.relationship;
  const needsOverlay = policy.overlayMedia.includes(input.media);
  // Overlay labels always count; text labels only where the media allows text, seen and unburied.
  const stands = (l: FoundLabel): boolean => l.where === "overlay" || (!needsOverlay && l.visible && !l.buried);
  const aud = AUDIENCES[j];
  const place = placeHint(j, input.media, needsOverlay);
  const media = MEDIA_NAMES[input.media];
  // Labels are ordered text first (by position), then overlay: the first is the one to show.
  const qualifying = labels.filter((l) => fits(policy.qualifying, l, rel));

  // 1. J-OK
  const ok = qualifying.find(stands);
  if (ok) {
    const l = q(ok);
    return {
      rule: `${j}-OK` as RuleId, severity: "pass", label: ok,
      message: {
        en: `${l.en} makes the commercial tie clear to ${aud.en}, and it stands where it must.`,
        fr: `${l.fr} rend le lien commercial clair pour ${aud.fr}, et figure là où il faut.`,
      },
    };
  }

  // 2. C-TOOL
  if (input.platform_tool) {
    return {
      rule: "C-TOOL", severity: "review", label: null,
      message: {
        en: `The platform's paid-partnership tag shows intent, but it is not enough on its own for ${aud.en}. Add ${SUGGEST[j].en} ${place.en}.`,
        fr: `L'outil « partenariat rémunéré » de la plateforme montre votre intention, mais ne suffit pas seul pour ${aud.fr}. Ajoutez ${SUGGEST[j].fr} ${place.fr}.`,
      },
    };
  }

  const inText = qualifying.filter((l) => l.where === "text");
  // 3. C-VIS / C-BURY (the earliest qualifying label: the one that is easiest to fix)
  const first = inText[0];
  if (!needsOverlay && first) {
    const l = q(first);
    if (!first.visible) {
      const cutoff = CUTOFFS[input.platform] ?? 0;
      return {
        rule: "C-VIS", severity: "fail", label: first,
        message: {
          en: `${l.en} comes after the first ${cutoff} characters, which ${PLATFORM_NAMES[input.platform]} hides behind “more”. Move it to the start of the caption.`,
          fr: `La mention ${l.fr} arrive après les ${cutoff} premiers caractères, ${que(PLATFORM_NAMES_FR[input.platform])} cache derrière « plus ». Placez cette mention au début du texte.`,
        },
      };
    }
    return {
      rule: "C-BURY", severity: "fail", label: first,
      message: {
        en: `${l.en} is lost in a row of hashtags, where readers skip it. Put it at the start of the caption, apart from the other hashtags.`,
        fr: `La mention ${l.fr} se perd dans une suite de hashtags, où personne ne la lit. Placez cette mention au début du texte, à l'écart des autres hashtags.`,
      },
    };
  }

  // 4. J-MEDIA
  if (needsOverlay && first) {
    const l = q(first);
    const law = j === "FR" ? { en: "French law wants", fr: "La loi française exige" } : { en: `For ${aud.en}, a ${media.en} needs`, fr: `Pour ${aud.fr}, il faut` };
    return {
      rule: `${j}-MEDIA` as RuleId, severity: "fail", label: first,
      message: {
        en: `${law.en} the label ${place.en}; ${l.en} is only in the caption. Add ${SUGGEST[j].en} there.`,
        fr: `${law.fr} la mention ${place.fr} ; ${l.fr} n'est que dans le texte. Ajoutez-y ${SUGGEST[j].fr}.`,
      },
    };
  }

  // 5. J-REVIEW
  const reviewable = labels.filter((l) => fits(policy.review, l, rel));
  const review = reviewable.find(stands);
  if (review) {
    const l = q(review);
    const why: Text =
      j === "FR"
        ? {
            en: `${l.en} is not one of the terms French law names; other clear terms may be admitted, so a person should check it. To be sure, write ${SUGGEST.FR.en}.`,
            fr: `${l.fr} ne fait pas partie des mentions prévues par la loi ; d'autres termes clairs peuvent être admis, une personne doit donc vérifier. Pour être sûr, écrivez ${SUGGEST.FR.fr}.`,
          }
        : review.class === "gifted-word"
          ? {
              en: `${l.en} says the product was a gift, but ${aud.en} may not read it as a commercial tie; a person should check it. To be clear, write ${SUGGEST[j].en} or a plain sentence such as “the brand sent me this for free”.`,
              fr: `${l.fr} indique un cadeau, mais ${aud.fr} peut ne pas y voir un lien commercial ; une personne doit vérifier. Pour être clair, écrivez ${SUGGEST[j].fr} ou une phrase simple comme « the brand sent me this for free ».`,
            }
          : {
              en: `${l.en} alone may not tell ${aud.en} that you earn from these links; a person should check it. To be clear, write “affiliate link” or “I earn a commission”.`,
              fr: `La mention ${l.fr} seule peut ne pas dire ${aud.frTo} que vous touchez une commission ; une personne doit vérifier. Pour être clair, écrivez « affiliate link » ou « I earn a commission ».`,
            };
    return { rule: `${j}-REVIEW` as RuleId, severity: "review", label: review, message: why };
  }

  // 6. US-OWN
  if (policy.ownRelationships.includes(rel)) {
    const whose = rel === "employee" ? { en: "your employer's brand", fr: "la marque de votre employeur" } : { en: "your own brand", fr: "votre propre marque" };
    return {
      rule: "US-OWN", severity: "review", label: null,
      message: {
        en: `No label was found, but this is ${whose.en}: that may be clear from context, so a person should check it. To be sure, say it plainly ${place.en} (“my brand”, “I work for …”) or add ${SUGGEST[j].en}.`,
        fr: `Aucune mention trouvée, mais il s'agit de ${whose.fr} : le contexte peut suffire, une personne doit donc vérifier. Pour être sûr, dites-le clairement ${place.fr} (« ma marque », « je travaille pour … ») ou ajoutez ${SUGGEST[j].fr}.`,
      },
    };
  }

  // 7. J-VAGUE / C-NONE
  const disclosing = labels.filter((l) => !NON_DISCLOSURE_CLASSES.has(l.class));
  const misplaced = reviewable[0];
  if (misplaced) {
    // A review-class label that is not where it must be: say why, and where it must go.
    const l = q(misplaced);
    const why: Text = needsOverlay
      ? { en: `is only in the caption, and a ${media.en} needs its label ${place.en}`, fr: `n'est que dans le texte, alors qu'il faut la mention ${place.fr}` }
      : !misplaced.visible
        ? { en: `comes after the first ${CUTOFFS[input.platform] ?? 0} characters, hidden behind “more”`, fr: `arrive après les ${CUTOFFS[input.platform] ?? 0} premiers caractères, cachés derrière « plus »` }
        : { en: "is lost in a row of hashtags", fr: "se perd dans une suite de hashtags" };
    return {
      rule: `${j}-VAGUE` as RuleId, severity: "fail", label: misplaced,
      message: {
        en: `${l.en} ${why.en}, so ${aud.en} may miss it. ${needsOverlay ? `Add ${SUGGEST[j].en} there` : `Put ${SUGGEST[j].en} ${place.en}`}.`,
        fr: `La mention ${l.fr} ${why.fr} : ${aud.fr} risque de la manquer. ${needsOverlay ? `Ajoutez-y ${SUGGEST[j].fr}` : `Placez ${SUGGEST[j].fr} ${place.fr}`}.`,
      },
    };
  }
  const vague = disclosing[0];
  if (vague) {
    const l = q(vague);
    const why: Text =
      j === "FR"
        ? { en: "French law requires a French term", fr: "la loi exige une mention en français" }
        : j === "UK"
          ? {
              en: "the ASA and CMA ask for “Ad”, and find labels such as “sponsored”, “in partnership with”, “#affiliate” or “#gifted” (unless it was a gift) not clear enough",
              fr: "l'ASA et la CMA demandent « Ad », et jugent insuffisantes des mentions comme « sponsored », « in partnership with », « #affiliate » ou « #gifted » (sauf pour un cadeau)",
            }
          : { en: "words like “#sp”, “#collab” or “thanks” don't say the post is paid", fr: "des mots comme « #sp », « #collab » ou « thanks » ne disent pas que la publication est payée" };
    return {
      rule: `${j}-VAGUE` as RuleId, severity: "fail", label: vague,
      message: {
        en: `${l.en} is not a clear label for ${aud.en}: ${why.en}. Add ${SUGGEST[j].en} ${place.en}.`,
        fr: `${l.fr} n'est pas une mention claire pour ${aud.fr} : ${why.fr}. Ajoutez ${SUGGEST[j].fr} ${place.fr}.`,
      },
    };
  }
  return {
    rule: "C-NONE", severity: "fail", label: null,
    message: {
      en: `No disclosure label was found for ${aud.en}, though the post has a commercial tie. Add ${SUGGEST[j].en} ${place.en}.`,
      fr: `Aucune mention du lien commercial n'a été trouvée pour ${aud.fr}. Ajoutez ${SUGGEST[j].fr} ${place.fr}.`,
    },
  };
}

/** FR-RETOUCH / FR-VIRTUAL: the label goes on the image or in the visible text, whatever the media. */
function imageLabel(rule: "FR-RETOUCH" | "FR-VIRTUAL", cls: LabelClass, labels: readonly FoundLabel[]): Decision {
  const found = labels.find((l) => l.class === cls && (l.where === "overlay" || l.visible));
  const words = rule === "FR-RETOUCH" ? { en: "retouched", fr: "retouchées", term: "Images retouchées" } : { en: "made by AI", fr: "virtuelles", term: "Images virtuelles" };
  if (found) {
    const l = q(found);
    return {
      rule, severity: "pass", label: found,
      message: {
        en: `${l.en} tells French audiences the images are ${words.en}, as the law requires.`,
        fr: `${l.fr} indique au public français que les images sont ${words.fr}, comme l'exige la loi.`,
      },
    };
  }
  return {
    rule, severity: "fail", label: null,
    message: {
      en: `The images are ${words.en}: French law requires the words “${words.term}” with them. Add them on the image, or at the start of the caption.`,
      fr: `Les images sont ${words.fr} : la loi exige la mention « ${words.term} ». Ajoutez-la sur l'image, ou au début du texte.`,
    },
  };
}

// ---------------------------------------------------------------------------------------------

const RANK: Readonly<Record<Severity, number>> = { pass: 0, review: 1, fail: 2 };

function finding(j: Jurisdiction, d: Decision): Finding {
  const span = d.label && d.label.where === "text" ? { start: d.label.start, end: d.label.end } : null;
  return { rule: d.rule, jurisdiction: j, severity: d.severity, message: d.message, span };
}

/** Checks one post against ruleset 2026.1. The input should be parsed by `checkInputSchema`. */
export function checkDisclosure(input: CheckInput): CheckOutput {
  const brand = input.brand ?? null;
  const found = matchLabels(input.text, "text", { brand, platform: input.platform });
  if (input.overlay) found.push(...matchLabels(input.overlay, "overlay", { brand }));
  const labels: Label[] = found.map((l) => ({ text: l.text, where: l.where, start: l.start, end: l.end, class: l.class }));

  const findings: Finding[] = [];
  for (const j of input.jurisdictions) {
    if (input.relationship === "none") {
      // Nothing to disclose, and no other rule applies (not even FR-RETOUCH / FR-VIRTUAL).
      findings.push(finding(j, {
        rule: "NONE", severity: "pass", label: null,
        message: { en: "No commercial tie: nothing to disclose.", fr: "Aucun lien commercial : rien à signaler." },
      }));
      continue;
    }
    const policy = POLICIES[j];
    findings.push(finding(j, decide(j, policy, { input, labels: found })));
    if (policy.imageLabels) {
      if (input.retouched) findings.push(finding(j, imageLabel("FR-RETOUCH", "fr-retouch", found)));
      if (input.ai_generated) findings.push(finding(j, imageLabel("FR-VIRTUAL", "fr-virtual", found)));
    }
  }

  let worst: Severity = "pass";
  for (const f of findings) if (RANK[f.severity] > RANK[worst]) worst = f.severity;
  return { verdict: worst, findings, labels, ruleset: RULESET };
}
