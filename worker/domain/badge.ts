import { escapeXml as x } from "./xml";

export interface BadgeInput {
  handle: string;
  pledgeStatus: string;
  score: number | null;
}

/** Label, message and colour shared by the SVG badge and the shields.io endpoint. */
export function badgeContent(b: BadgeInput): { label: string; message: string; color: string } {
  const pledge = b.pledgeStatus === "signed" ? "pledge signed" : b.pledgeStatus === "none" ? "no pledge" : `pledge ${b.pledgeStatus}`;
  const message = b.score === null ? pledge : `${pledge} · score ${b.score}`;
  const color = b.pledgeStatus !== "signed" ? "lightgrey" : b.score === null ? "blue" : b.score >= 75 ? "brightgreen" : b.score >= 50 ? "yellow" : "orange";
  return { label: `candor @${b.handle}`, message, color };
}

const COLORS: Record<string, string> = { brightgreen: "#2e7d32", yellow: "#8a6d00", orange: "#b45309", blue: "#1d4ed8", lightgrey: "#555" };

/** A flat SVG badge with an accessible title; widths estimated at ~6.5 px per character. */
export function badgeSvg(b: BadgeInput): string {
  const { label, message, color } = badgeContent(b);
  const lw = Math.round(label.length * 6.5 + 12);
  const mw = Math.round(message.length * 6.5 + 12);
  const title = `${label}: ${message}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + mw}" height="20" role="img" aria-label="${x(title)}">
<title>${x(title)}</title>
<rect width="${lw}" height="20" fill="#333"/>
<rect x="${lw}" width="${mw}" height="20" fill="${COLORS[color] ?? "#555"}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14">${x(label)}</text>
<text x="${lw + 6}" y="14">${x(message)}</text>
</g>
</svg>
`;
}
