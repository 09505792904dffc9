/** Words that would collide with site paths or impersonate staff. */
export const RESERVED_HANDLES = new Set([
  "admin", "administrator", "api", "dev", "log", "en", "fr", "www", "candor", "about", "help",
  "support", "moderator", "moderators", "mod", "staff", "root", "system", "badge", "badges",
  "feed", "feeds", "sign", "signin", "login", "logout", "auth", "me", "dashboard", "check",
  "creators", "brands", "developers", "methodology", "manifesto", "signatories", "static",
  "assets", "security", "privacy", "terms", "null", "undefined", "official", "team",
]);

export type HandleCheck = { ok: true; handle: string } | { ok: false; problem: string };

/** Handles are 3–30 of a-z, 0-9 and `_`, compared case-insensitively (stored lowercase). */
export function checkHandle(input: string): HandleCheck {
  const handle = input.trim().replace(/^@/, "").toLowerCase();
  if (handle.length < 3 || handle.length > 30) return { ok: false, problem: "A handle has 3 to 30 characters." };
  if (!/^[a-z0-9_]+$/.test(handle)) return { ok: false, problem: "A handle uses only a-z, 0-9 and _." };
  if (RESERVED_HANDLES.has(handle)) return { ok: false, problem: `The handle "${handle}" is reserved.` };
  return { ok: true, handle };
}
