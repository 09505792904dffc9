/**
 * The site's safe Markdown (site/lib/markdown.ts) plus what the methodology needs: pipe
 * tables, `code`, *emphasis*, links to http(s) or site paths, and ids on headings for a table
 * of contents. Text is escaped before any markup is added and raw HTML never passes through,
 * so the output is safe to inject even if a text were hostile.
 */
import { escapeHtml } from "./escape";

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export type Block =
  | { kind: "h"; level: number; text: string }
  | { kind: "p"; lines: string[] }
  | { kind: "ul" | "ol"; items: string[] }
  | { kind: "table"; head: string[]; align: Array<"left" | "right" | "center" | null>; rows: string[][] };

/** Inline markup on text that is already escaped (code spans are handled before). */
function decorate(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/)[^\s()"<>]*)\)/g, '<a href="$2">$1</a>');
}

/** Escapes, then adds inline markup; `code` spans are escaped but never decorated. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/g)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : decorate(escapeHtml(part))))
    .join("");
}

/** Plain text of inline Markdown, for ids and tables of contents. */
export const plain = (text: string): string => text.replace(/[`*]/g, "").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");

export function slug(text: string): string {
  return plain(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "section";
}

const cells = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function parse(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
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
    } else if (line.trimStart().startsWith("|") && SEPARATOR.test(lines[i + 1] ?? "")) {
      const align = cells(lines[i + 1]!).map((c) => (c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : null));
      const table: Block = { kind: "table", head: cells(line), align, rows: [] };
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith("|")) table.rows.push(cells(lines[i++]!));
      i--;
      blocks.push(table);
      open = false;
    } else if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      const item = (bullet ?? numbered)![1]!;
      if (last?.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
      open = true;
    } else if ((last?.kind === "ul" || last?.kind === "ol") && /^\s+\S/.test(raw)) {
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
 * Renders Markdown. A leading level-1 heading is returned apart as `title` (the page sets its
 * own <h1>); the other headings get unique ids and are listed in `headings`.
 */
/** One block to HTML; headings get `level` and `id` from the caller. */
function blockHtml(b: Block, heading: (b: Extract<Block, { kind: "h" }>) => string): string {
  if (b.kind === "h") return heading(b);
  if (b.kind === "p") return `<p>${inline(b.lines.join(" "))}</p>`;
  if (b.kind === "table") {
    const style = (j: number) => (b.align[j] ? ` style="text-align:${b.align[j]}"` : "");
    const head = b.head.map((c, j) => `<th scope="col"${style(j)}>${inline(c)}</th>`).join("");
    const rows = b.rows.map((r) => `<tr>${b.head.map((_, j) => `<td${style(j)}>${inline(r[j] ?? "")}</td>`).join("")}</tr>`).join("");
    return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  }
  return `<${b.kind}>${b.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${b.kind}>`;
}

/**
 * Renders Markdown plainly. `shift` demotes headings (1 turns `#` into <h2>), for a text
 * embedded under a page's own <h1>.
 */
export function renderMarkdown(md: string, shift = 0): string {
  return parse(md)
    .map((b) => blockHtml(b, (h) => `<h${Math.min(6, h.level + shift)}>${inline(h.text)}</h${Math.min(6, h.level + shift)}>`))
    .join("\n");
}

export function renderRich(md: string): { title: string | null; html: string; headings: Heading[] } {
  const blocks = parse(md);
  let title: string | null = null;
  if (blocks[0]?.kind === "h" && blocks[0].level === 1) title = plain((blocks.shift() as { text: string }).text);
  const used = new Set<string>();
  const headings: Heading[] = [];
  const html = blocks
    .map((b) =>
      blockHtml(b, (h) => {
        let id = slug(h.text);
        for (let k = 2; used.has(id); k++) id = `${slug(h.text)}-${k}`;
        used.add(id);
        headings.push({ level: h.level, id, text: plain(h.text) });
        return `<h${h.level} id="${id}">${inline(h.text)}</h${h.level}>`;
      }),
    )
    .join("\n");
  return { title, html, headings };
}
