/**
 * C2SP tlog-checkpoint bodies and C2SP signed-note Ed25519 signatures, on WebCrypto only so the
 * same code signs in workerd and verifies in the auditor's Node CLI.
 */
import { bytesEqual, concatBytes, fromBase64, toBase64, toHex } from "./base64.ts";

/** A parsed checkpoint body: the tree head at `size`. */
export type Checkpoint = { origin: string; size: number; root: Uint8Array; extensions: string[] };

/** A parsed C2SP verifier key (`<name>+<hex key id>+<base64(0x01 || pubkey)>`). */
export type VerifierKey = { name: string; keyId: Uint8Array; publicKeyRaw: Uint8Array };

const ED25519 = { name: "Ed25519" } as const;
const ED25519_TYPE = 0x01;
const EM_DASH = "\u2014";
const MAX_SIGNATURES = 100; // the spec asks verifiers to accept at least 16
const encoder = new TextEncoder();

/** Formats `<origin>\n<size>\n<base64 root>\n[extension lines]`. */
export function formatCheckpoint(cp: { origin: string; size: number; root: Uint8Array; extensions?: string[] }): string {
  if (cp.origin === "" || /[\n]/.test(cp.origin)) throw new Error("checkpoint: origin must be one non-empty line");
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new Error("checkpoint: size must be a non-negative integer");
  if (cp.root.length !== 32) throw new Error("checkpoint: root must be 32 bytes");
  const extensions = cp.extensions ?? [];
  if (extensions.some((l) => l === "" || l.includes("\n"))) throw new Error("checkpoint: extension lines must be non-empty lines");
  return [cp.origin, String(cp.size), toBase64(cp.root), ...extensions].map((l) => `${l}\n`).join("");
}

/** Parses a checkpoint body (the note text, signatures already checked and stripped). */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith("\n")) throw new Error("checkpoint: body must end with a newline");
  const lines = body.slice(0, -1).split("\n");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || sizeText === undefined || rootText === undefined) throw new Error("checkpoint: fewer than three lines");
  if (lines.some((l) => l === "")) throw new Error("checkpoint: empty line");
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new Error("checkpoint: size is not a canonical decimal");
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error("checkpoint: size is too large");
  let root: Uint8Array;
  try {
    root = fromBase64(rootText);
  } catch {
    throw new Error("checkpoint: root is not base64");
  }
  if (root.length !== 32) throw new Error("checkpoint: root is not 32 bytes");
  return { origin, size, root, extensions };
}

function checkKeyName(name: string): void {
  if (name === "" || /[\s+]/u.test(name) || hasForbiddenChars(name)) {
    throw new Error("signed note: key name must be non-empty, without spaces or '+'");
  }
}

// Signed notes are valid UTF-8 without ASCII control characters other than newline.
function hasForbiddenChars(text: string): boolean {
  return /[\x00-\x09\x0b-\x1f]|\p{Surrogate}/u.test(text);
}

/** C2SP Ed25519 key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
export async function keyId(name: string, publicKeyRaw: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest("SHA-256", concatBytes(encoder.encode(name), Uint8Array.of(0x0a, ED25519_TYPE), publicKeyRaw));
  return new Uint8Array(digest, 0, 4);
}

/** The verifier key auditors pin: `<name>+<8 hex key id>+<base64(0x01 || pubkey)>`. */
export async function verifierKeyString(name: string, publicKeyRaw: Uint8Array): Promise<string> {
  checkKeyName(name);
  if (publicKeyRaw.length !== 32) throw new Error("verifier key: Ed25519 public keys are 32 bytes");
  const id = await keyId(name, publicKeyRaw);
  return `${name}+${toHex(id)}+${toBase64(concatBytes(Uint8Array.of(ED25519_TYPE), publicKeyRaw))}`;
}

/** Parses and checks a verifier key string; the key id must match the name and key. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  // The base64 part may itself contain '+', so split only at the first two.
  const first = vkey.indexOf("+");
  const second = first < 0 ? -1 : vkey.indexOf("+", first + 1);
  if (second < 0) throw new Error("verifier key: expected <name>+<id>+<key>");
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  checkKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new Error("verifier key: key id must be 8 lowercase hex digits");
  let material: Uint8Array;
  try {
    material = fromBase64(vkey.slice(second + 1));
  } catch {
    throw new Error("verifier key: key is not base64");
  }
  if (material.length !== 33 || material[0] !== ED25519_TYPE) throw new Error("verifier key: not an Ed25519 key");
  const publicKeyRaw = material.slice(1);
  const id = await keyId(name, publicKeyRaw);
  if (toHex(id) !== idHex) throw new Error("verifier key: key id does not match the name and key");
  return { name, keyId: id, publicKeyRaw };
}

// Public halves of keys made by importSigningKey, so signNote can compute the key id from a
// non-extractable private key.
const publicKeys = new WeakMap<CryptoKey, Uint8Array>();

async function publicKeyOf(privateKey: CryptoKey): Promise<Uint8Array> {
  const known = publicKeys.get(privateKey);
  if (known) return known;
  if (!privateKey.extractable) throw new Error("signNote: pass publicKeyRaw, or a key from importSigningKey");
  const jwk = await crypto.subtle.exportKey("jwk", privateKey);
  return fromBase64Url(jwk.x ?? "");
}

/**
 * Signs a note body (which must end in a newline) with an Ed25519 key, returning the C2SP
 * signed note: body, blank line, `— <name> <base64(key id || signature)>`.
 */
export async function signNote(body: string, keyName: string, privateKey: CryptoKey, publicKeyRaw?: Uint8Array): Promise<string> {
  checkKeyName(keyName);
  if (!body.endsWith("\n") || hasForbiddenChars(body)) throw new Error("signNote: body must end with a newline and hold no control characters");
  const pub = publicKeyRaw ?? (await publicKeyOf(privateKey));
  const id = await keyId(keyName, pub);
  const sig = new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, encoder.encode(body)));
  return `${body}\n${EM_DASH} ${keyName} ${toBase64(concatBytes(id, sig))}\n`;
}

/**
 * Verifies a signed note against one trusted verifier key and returns its body. Signatures by
 * other keys are ignored, as the spec requires; throws unless the trusted key signed it.
 */
export async function verifyNote(note: string, verifierKey: string): Promise<{ body: string }> {
  const key = await parseVerifierKey(verifierKey);
  if (!note.endsWith("\n") || hasForbiddenChars(note)) throw new Error("signed note: malformed (control characters or no final newline)");
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new Error("signed note: no signature block");
  const body = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new Error("signed note: too many signatures");
  const publicKey = await crypto.subtle.importKey("raw", concatBytes(key.publicKeyRaw), ED25519, false, ["verify"]);
  const bodyBytes = encoder.encode(body);
  let verified = false;
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!m) throw new Error("signed note: malformed signature line");
    const [, name, sigText] = m as unknown as [string, string, string];
    let blob: Uint8Array<ArrayBuffer>;
    try {
      blob = fromBase64(sigText);
    } catch {
      throw new Error("signed note: signature is not base64");
    }
    if (blob.length < 5) throw new Error("signed note: signature too short");
    if (name !== key.name || !bytesEqual(blob.subarray(0, 4), key.keyId)) continue; // not our key
    const ok = blob.length === 68 && (await crypto.subtle.verify(ED25519, publicKey, blob.slice(4), bodyBytes));
    if (!ok) throw new Error(`signed note: invalid signature by ${name}`);
    verified = true;
  }
  if (!verified) throw new Error(`signed note: not signed by ${key.name}`);
  return { body };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const std = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(std + "=".repeat((4 - (std.length % 4)) % 4));
}

/**
 * Imports the log's signing secret, a base64 PKCS#8 Ed25519 private key. The returned private
 * key is not extractable; its public half comes from a one-off JWK export.
 */
export async function importSigningKey(secret: string): Promise<{ privateKey: CryptoKey; publicKeyRaw: Uint8Array }> {
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = fromBase64(secret.replace(/\s+/g, ""));
  } catch {
    throw new Error("signing key: not base64");
  }
  const exportable = await crypto.subtle.importKey("pkcs8", der, ED25519, true, ["sign"]);
  const jwk = await crypto.subtle.exportKey("jwk", exportable);
  if (jwk.crv !== "Ed25519" || !jwk.x) throw new Error("signing key: not an Ed25519 key");
  const publicKeyRaw = fromBase64Url(jwk.x);
  const privateKey = await crypto.subtle.importKey("pkcs8", der, ED25519, false, ["sign"]);
  publicKeys.set(privateKey, publicKeyRaw);
  return { privateKey, publicKeyRaw };
}

/** A fresh signing secret in the form importSigningKey reads (base64 PKCS#8 Ed25519). */
export async function generateSigningKeySecret(): Promise<string> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ["sign", "verify"])) as CryptoKeyPair;
  return toBase64(new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey)));
}
