import v1fr from "./v1.fr.md?raw";
import v1en from "./v1.en.md?raw";

/** Every published manifesto version; texts are canonical in both languages. */
export const MANIFESTO_VERSIONS = [
  { version: 1, publishedAt: "2026-11-01T00:00:00.000Z", texts: { fr: v1fr, en: v1en } },
] as const;

export const CURRENT_VERSION = 1;
