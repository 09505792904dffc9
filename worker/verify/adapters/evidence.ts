// What counts as a proof and how a missing one is explained. Every adapter feeds the bits of a
// page it trusts (links, bio text) into one Evidence and returns early when the proof is there.
import type { ProofContext, ProofResult } from "./types.ts";

export const PROOF_PREFIX = "candor-verify:";
export const proofString = (token: string): string => `${PROOF_PREFIX}${token}`;

const HANDLE = "[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?";
const TOKEN_CHAR = /[A-Za-z0-9_-]/;

const bareHandle = (h: string) => h.replace(/^@/, "").toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The profile URL split into the host and the path before "/@handle". */
function profileParts(profileUrl: string): { host: string; prefix: string } {
  const u = new URL(profileUrl);
  const at = u.pathname.lastIndexOf("/@");
  return { host: u.host.toLowerCase(), prefix: (at === -1 ? "" : u.pathname.slice(0, at)).toLowerCase() };
}

/**
 * The Candor handle a URL points at, or null when it is not a Candor profile URL. Scheme and
 * host case are ignored, as are a trailing slash, query and fragment: the proof is that the
 * account owner wrote the address, and those parts add nothing to that.
 */
export function candorHandleOf(candidate: string, profileUrl: string): string | null {
  const { host, prefix } = profileParts(profileUrl);
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(candidate) ? candidate : `https://${candidate.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  if (u.host.toLowerCase() !== host) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  const m = new RegExp(`^${escapeRe(prefix)}/@(${HANDLE})/*$`, "i").exec(path);
  return m ? m[1]!.toLowerCase() : null;
}

type TextFinding = { token: boolean; profile: boolean; otherHandles: string[]; otherToken: boolean };

/** Looks for our proof string and profile URL (with or without scheme) in free text. */
export function findInText(text: string, ctx: Pick<ProofContext, "token" | "handle" | "profileUrl">): TextFinding {
  const finding: TextFinding = { token: false, profile: false, otherHandles: [], otherToken: false };
  const prefixRe = new RegExp(escapeRe(PROOF_PREFIX), "gi");
  for (let m = prefixRe.exec(text); m; m = prefixRe.exec(text)) {
    const after = m.index + m[0].length;
    const end = after + ctx.token.length;
    if (ctx.token !== "" && text.startsWith(ctx.token, after) && !TOKEN_CHAR.test(text[end] ?? "")) finding.token = true;
    else if (TOKEN_CHAR.test(text[after] ?? "")) finding.otherToken = true;
  }
  const { host, prefix } = profileParts(ctx.profileUrl);
  const urlRe = new RegExp(`(?<![A-Za-z0-9.-])(?:https?://)?${escapeRe(host)}${escapeRe(prefix)}/@(${HANDLE})`, "gi");
  const mine = bareHandle(ctx.handle);
  for (const m of text.matchAll(urlRe)) {
    const h = m[1]!.toLowerCase();
    if (h === mine) finding.profile = true;
    else finding.otherHandles.push(h);
  }
  return finding;
}

/** Collects what was seen across a platform's sources and phrases the failure. */
export class Evidence {
  private others = new Set<string>();
  private otherToken = false;
  private looked: string[] = [];
  private failures: string[] = [];
  private notes: string[] = [];
  private ctx: ProofContext;

  constructor(ctx: ProofContext) {
    this.ctx = ctx;
  }

  /** A source was read; `where` names it in the failure ("https://alice.example/"). */
  read(where: string): void {
    this.looked.push(where);
  }

  /** A source could not be read; `failure` is the fetcher's sentence. */
  unreadable(where: string, failure: string): void {
    this.failures.push(`Could not read ${where}. ${failure}`);
  }

  /** A finding that does not fit the usual sentences, added to the failure as is. */
  note(sentence: string): void {
    this.notes.push(sentence);
  }

  /** True when one of the URLs is the creator's profile; other Candor profiles are remembered. */
  links(urls: string[], base?: string): boolean {
    const mine = bareHandle(this.ctx.handle);
    let found = false;
    for (const href of urls) {
      let absolute = href;
      try {
        absolute = base ? new URL(href, base).href : href;
      } catch {
        continue;
      }
      const h = candorHandleOf(absolute, this.ctx.profileUrl);
      if (h === mine) found = true;
      else if (h) this.others.add(h);
    }
    return found;
  }

  /** "token" or "profile-link" when the text holds the proof; profile links only if allowed. */
  text(text: string, opts: { profileLinks: boolean } = { profileLinks: true }): "token" | "profile-link" | null {
    const f = findInText(text, this.ctx);
    if (f.otherToken) this.otherToken = true;
    if (opts.profileLinks) for (const h of f.otherHandles) this.others.add(h);
    if (f.token) return "token";
    if (opts.profileLinks && f.profile) return "profile-link";
    return null;
  }

  fail(method: string, subject: string): ProofResult {
    const proof = proofString(this.ctx.token);
    const tail = [...this.notes, ...this.failures];
    let first: string | null = null;
    if (this.others.size > 0) {
      const names = [...this.others].map((h) => `@${h}`).join(", ");
      first = `${subject} links to another Candor profile (${names}), not to yours (${this.ctx.profileUrl}).`;
    } else if (this.otherToken) {
      first = `${subject} shows a Candor proof code that is not yours: yours is ${proof}.`;
    } else if (this.looked.length > 0) {
      first = `Found neither a link to ${this.ctx.profileUrl} nor ${proof} on ${this.looked.join(" or ")}.`;
    }
    const failure = [first, ...tail].filter((s): s is string => !!s).join(" ");
    return { ok: false, method, failure: failure || `${subject} could not be checked.` };
  }
}

/** The token as a whole word (alone, or after "candor-verify:" or "="), not inside a longer code. */
export function containsToken(text: string, token: string): boolean {
  if (token === "") return false;
  for (let i = text.indexOf(token); i !== -1; i = text.indexOf(token, i + 1)) {
    if (!TOKEN_CHAR.test(text[i - 1] ?? "") && !TOKEN_CHAR.test(text[i + token.length] ?? "")) return true;
  }
  return false;
}

/** Parses JSON without throwing; null when the body is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

export const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const asString = (v: unknown): string => (typeof v === "string" ? v : "");
