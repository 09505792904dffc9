/**
 * The site's safe Markdown, for our own texts (manifesto, methodology): one parser in
 * public-markdown.ts. Everything is escaped before markup is added and raw HTML never passes.
 */
export { escapeHtml } from "./escape";
export { renderMarkdown, renderRich } from "./public-markdown";
