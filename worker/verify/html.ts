// Tiny HTML reading without a DOM. workerd has HTMLRewriter but Node (where the tests run) does
// not, and proofs only need three things: rel="me" links, meta descriptions and visible text.
// The tokenizer never throws and never backtracks, so hostile or broken pages cost linear time.

export type HtmlTag = { name: string; attrs: Record<string, string> };
type Token = { kind: "tag"; tag: HtmlTag } | { kind: "text"; text: string } | { kind: "break" };

// Elements whose content is not markup (or not visible): skipped wholesale.
const RAW_TEXT = new Set(["script", "style", "template", "noscript", "textarea", "xmp", "iframe", "noembed", "noframes"]);
// Inline elements join their text without a space, so split spans ("https://" + "host/@a") rejoin.
const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]);

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      out.push({ kind: "text", text: html.slice(i) });
      break;
    }
    if (lt > i) out.push({ kind: "text", text: html.slice(i, lt) });
    i = lt;
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const next = html[i + 1] ?? "";
    if (next === "!" || next === "?" || next === "/") {
      // Doctype, processing instruction or end tag: nothing to keep but a word break.
      const end = html.indexOf(">", i);
      const name = /^\/([a-zA-Z][\w-]*)/.exec(html.slice(i + 1, i + 40))?.[1]?.toLowerCase();
      if (name && !INLINE.has(name)) out.push({ kind: "break" });
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      out.push({ kind: "text", text: "<" }); // a stray "<" is text
      i += 1;
      continue;
    }
    const parsed = parseTag(html, i + 1);
    i = parsed.end;
    const tag = parsed.tag;
    out.push({ kind: "tag", tag });
    if (!INLINE.has(tag.name)) out.push({ kind: "break" });
    if (RAW_TEXT.has(tag.name)) {
      const close = new RegExp(`</${tag.name}`, "gi");
      close.lastIndex = i;
      i = close.exec(html)?.index ?? n;
    }
  }
  return out;
}

function parseTag(html: string, start: number): { tag: HtmlTag; end: number } {
  const n = html.length;
  let i = start;
  while (i < n && /[\w-]/.test(html[i]!)) i++;
  const name = html.slice(start, i).toLowerCase();
  const attrs: Record<string, string> = {};
  while (i < n) {
    while (i < n && /[\s/]/.test(html[i]!)) i++;
    if (i >= n) break;
    if (html[i] === ">") return { tag: { name, attrs }, end: i + 1 };
    if (html[i] === "<") return { tag: { name, attrs }, end: i }; // unclosed tag: stop before the next one
    const nameStart = i;
    while (i < n && !/[\s"'>/=<]/.test(html[i]!)) i++;
    if (i === nameStart) {
      i++; // a lone quote or similar junk: skip it
      continue;
    }
    const attr = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && /\s/.test(html[j]!)) j++;
    let value = "";
    if (html[j] === "=") {
      j++;
      while (j < n && /\s/.test(html[j]!)) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        const gt = html.indexOf(">", j + 1);
        // An unterminated quote would swallow the rest of the page; end it at the tag's ">".
        const end = close !== -1 ? close : gt !== -1 ? gt : n;
        value = html.slice(j + 1, end);
        i = close !== -1 ? close + 1 : end;
      } else {
        const s = j;
        while (j < n && !/[\s>]/.test(html[j]!)) j++;
        value = html.slice(s, j);
        i = j;
      }
    }
    if (!(attr in attrs)) attrs[attr] = decodeEntities(value); // first occurrence wins, as in browsers
  }
  return { tag: { name, attrs }, end: n };
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", sol: "/", colon: ":", commat: "@", period: "." };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Start tags with the given names (lowercase), attributes lowercased and entity-decoded. */
export function findTags(html: string, names: string[]): HtmlTag[] {
  const wanted = new Set(names);
  return tokenize(html).flatMap((t) => (t.kind === "tag" && wanted.has(t.tag.name) ? [t.tag] : []));
}

/** hrefs of `<a>` and `<link>` whose rel contains the token "me". */
export function relMeLinks(html: string): string[] {
  return findTags(html, ["a", "link"])
    .filter((t) => (t.attrs.rel ?? "").toLowerCase().split(/\s+/).includes("me"))
    .map((t) => (t.attrs.href ?? "").trim())
    .filter((href) => href !== "");
}

/** hrefs of every `<a>`. */
export function linkHrefs(html: string): string[] {
  return findTags(html, ["a"])
    .map((t) => (t.attrs.href ?? "").trim())
    .filter((href) => href !== "");
}

/** Contents of meta description, og:description and twitter:description. */
export function metaDescriptions(html: string): string[] {
  const names = new Set(["description", "og:description", "twitter:description"]);
  return findTags(html, ["meta"])
    .filter((t) => names.has((t.attrs.name ?? t.attrs.property ?? "").toLowerCase()))
    .map((t) => t.attrs.content ?? "")
    .filter((c) => c !== "");
}

/** The text a reader would see: no tags, scripts, styles or comments; whitespace collapsed. */
export function visibleText(html: string): string {
  let text = "";
  for (const t of tokenize(html)) {
    if (t.kind === "text") text += decodeEntities(t.text);
    else if (t.kind === "break" || (t.kind === "tag" && t.tag.name === "br")) text += " ";
  }
  return text.replace(/\s+/g, " ").trim();
}

export function textContains(html: string, needle: string): boolean {
  return visibleText(html).includes(needle);
}
