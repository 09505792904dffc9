import { escapeXml as x } from "./xml";

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
  categories: string[];
}

/** An Atom 1.0 feed (RFC 4287); every text is escaped. */
export function atomFeed(feed: { id: string; title: string; selfUrl: string; htmlUrl: string; updated: string; author: string; entries: AtomEntry[] }): string {
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title>${x(e.title)}</title>
    <updated>${x(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${x(e.link)}"/>
${e.categories.map((c) => `    <category term="${x(c)}"/>`).join("\n")}
    <summary type="text">${x(e.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(feed.id)}</id>
  <title>${x(feed.title)}</title>
  <updated>${x(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.htmlUrl)}"/>
  <author><name>${x(feed.author)}</name></author>
${entries}
</feed>
`;
}
