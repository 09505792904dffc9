/**
 * Serialises JSON-LD for a <script type="application/ld+json"> element. JSON.stringify alone
 * is not safe inside HTML: "</script>" or "<!--" in a user's bio would end the element, so
 * every "<" (and the line separators JSON allows but old parsers do not) is escaped.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
