import { sha256Hex } from "./crypto";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The canonical form that is hashed: Unicode NFC, LF line endings, trailing spaces and tabs
 * trimmed from every line, and exactly one final newline. Anyone can recompute it from the page.
 */
export function canonicalText(text: string): string {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t]+$/, ""));
  return lines.join("\n").replace(/\n+$/, "") + "\n";
}

export async function manifestoHash(text: string): Promise<string> {
  return sha256Hex(canonicalText(text));
}
