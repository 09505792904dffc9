/** Hashing and random tokens over WebCrypto (available in workerd and Node alike). */
const enc = new TextEncoder();

export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = (typeof input === "string" ? enc.encode(input) : input) as Uint8Array<ArrayBuffer>;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unguessable token: `bytes` random bytes, base64url. */
export function randomToken(bytes = 24): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Sortable unique id: a time prefix then randomness, so ids order by creation. */
export function newId(prefix: string, at = Date.now()): string {
  const time = at.toString(36).padStart(9, "0");
  const rand = base64url(crypto.getRandomValues(new Uint8Array(9))).toLowerCase().replace(/[^a-z0-9]/g, "0");
  return `${prefix}_${time}${rand}`;
}

/** Keyed hash for personal data that must be compared but never shown (reporters, contacts). */
export async function saltedHash(secret: string, value: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(value)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}
