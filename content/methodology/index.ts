import fr from "./fr.md?raw";
import en from "./en.md?raw";

/** The published methodology (score formula, rules summary, moderation policy), per language. */
export const METHODOLOGY = { fr, en } as const;
