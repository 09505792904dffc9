/**
 * A tiny Markdown renderer for our own texts (the manifesto): ATX headings, paragraphs,
 * unordered and ordered lists, and **bold**. Everything else is escaped, and raw HTML is
 * never passed through, so the output is safe to inject even if a text were hostile.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Escapes first, then turns `**x**` into <strong>: the markers survive escaping unchanged. */
function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>");
}

type Block = { kind: "h"; level: number; text: string } | { kind: "p"; lines: string[] } | { kind: "ul" | "ol"; items: string[] };

function parse(md: string): Block[] {
  const blocks: Block[] = [];
  let open = false; // whether the last block still takes lines (a blank line or heading closes it)
  for (const raw of md.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const last = open ? blocks[blocks.length - 1] : undefined;
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === "") {
      open = false;
    } else if (heading) {
      blocks.push({ kind: "h", level: heading[1]!.length, text: heading[2]! });
      open = false;
    } else if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      const item = (bullet ?? numbered)![1]!;
      if (last?.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
      open = true;
    } else if ((last?.kind === "ul" || last?.kind === "ol") && /^\s+\S/.test(raw)) {
      // An indented line continues the previous list item.
      last.items[last.items.length - 1] += " " + line.trim();
    } else if (last?.kind === "p") {
      last.lines.push(line.trim());
    } else {
      blocks.push({ kind: "p", lines: [line.trim()] });
      open = true;
    }
  }
  return blocks;
}

/**
 * Renders Markdown to HTML. `shift` demotes headings (1 turns `#` into <h2>), for a text
 * embedded under a page's own <h1>.
 */
export function renderMarkdown(md: string, shift = 0): string {
  return parse(md)
    .map((b) => {
      if (b.kind === "h") {
        const level = Math.min(6, b.level + shift);
        return `<h${level}>${inline(b.text)}</h${level}>`;
      }
      if (b.kind === "p") return `<p>${inline(b.lines.join(" "))}</p>`;
      return `<${b.kind}>${b.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${b.kind}>`;
    })
    .join("\n");
}
