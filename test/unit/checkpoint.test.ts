import { describe, expect, it } from "vitest";
import {
  concatBytes,
  formatCheckpoint,
  fromBase64,
  fromHex,
  generateSigningKeySecret,
  importSigningKey,
  keyId,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  toBase64,
  toHex,
  verifierKeyString,
  verifyNote,
} from "../../worker/domain/log/index.ts";

// The signed-note example of golang.org/x/mod/sumdb/note (the reference implementation of
// C2SP signed-note). Ed25519 is deterministic, so signing must reproduce it byte for byte.
const GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

/** Wraps a raw 32-byte Ed25519 seed as base64 PKCS#8 (RFC 8410), the form importSigningKey reads. */
function pkcs8FromSeed(seed: Uint8Array): string {
  return toBase64(concatBytes(fromHex("302e020100300506032b657004220420"), seed));
}
const goSecret = () => pkcs8FromSeed(fromBase64(GO_SIGNER.split("+").slice(4).join("+")).slice(1));

describe("signed notes (C2SP signed-note, Ed25519)", () => {
  it("reproduces the Go reference note and verifier key", async () => {
    const { privateKey, publicKeyRaw } = await importSigningKey(goSecret());
    expect(privateKey.extractable).toBe(false);
    expect(await verifierKeyString("PeterNeumann", publicKeyRaw)).toBe(GO_VKEY);
    expect(await signNote(GO_TEXT, "PeterNeumann", privateKey)).toBe(GO_NOTE);
    expect(await verifyNote(GO_NOTE, GO_VKEY)).toEqual({ body: GO_TEXT });
  });

  it("computes the key id as SHA-256(name || 0x0A || 0x01 || key)[:4]", async () => {
    const { publicKeyRaw } = await importSigningKey(goSecret());
    const preimage = concatBytes(new TextEncoder().encode("PeterNeumann\n"), Uint8Array.of(1), publicKeyRaw);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", preimage));
    expect(toHex(await keyId("PeterNeumann", publicKeyRaw))).toBe(toHex(digest.slice(0, 4)));
    expect(toHex(digest.slice(0, 4))).toBe("c74f20a3");
  });

  it("round-trips a checkpoint with a generated key, and rejects the wrong key", async () => {
    const secret = await generateSigningKeySecret();
    expect(fromBase64(secret)).toHaveLength(48);
    const { privateKey, publicKeyRaw } = await importSigningKey(secret);
    const origin = "candor.localhost/log";
    const body = formatCheckpoint({ origin, size: 42, root: new Uint8Array(32).fill(7) });
    const note = await signNote(body, origin, privateKey);
    const vkey = await verifierKeyString(origin, publicKeyRaw);
    const opened = await verifyNote(note, vkey);
    expect(parseCheckpoint(opened.body)).toEqual({ origin, size: 42, root: new Uint8Array(32).fill(7), extensions: [] });

    const other = await importSigningKey(await generateSigningKeySecret());
    await expect(verifyNote(note, await verifierKeyString(origin, other.publicKeyRaw))).rejects.toThrow(/not signed by/);
    // Same name and key id cannot be faked: a different key under our id fails verification.
    const forged = await signNote(body, origin, other.privateKey, publicKeyRaw);
    await expect(verifyNote(forged, vkey)).rejects.toThrow(/invalid signature/);
  });

  it("rejects a tampered body or signature", async () => {
    await expect(verifyNote(GO_NOTE.replace("cryptography", "cryptographY"), GO_VKEY)).rejects.toThrow(/invalid signature/);
    await expect(verifyNote(GO_NOTE.replace("x08go", "x08gp"), GO_VKEY)).rejects.toThrow();
    await expect(verifyNote(GO_NOTE.replace("AM=\n", "AM="), GO_VKEY)).rejects.toThrow(/malformed/);
    await expect(verifyNote(GO_TEXT, GO_VKEY)).rejects.toThrow(/no signature/);
    await expect(verifyNote(GO_NOTE.replace("\u2014", "-"), GO_VKEY)).rejects.toThrow(/signature line/);
    await expect(verifyNote(`\u0007${GO_NOTE}`, GO_VKEY)).rejects.toThrow(/control/);
  });

  it("ignores signatures by other keys, whatever their name", async () => {
    const other = await importSigningKey(await generateSigningKeySecret());
    const cosigned = await signNote(GO_TEXT, "witness.example/w1", other.privateKey);
    const extraLine = cosigned.slice(cosigned.lastIndexOf("\u2014"));
    expect(await verifyNote(GO_NOTE + extraLine, GO_VKEY)).toEqual({ body: GO_TEXT });
    // Same name, different key id: also someone else's, ignored.
    const sameName = await signNote(GO_TEXT, "PeterNeumann", other.privateKey);
    const sameNameLine = sameName.slice(sameName.lastIndexOf("\u2014"));
    expect(await verifyNote(GO_NOTE + sameNameLine, GO_VKEY)).toEqual({ body: GO_TEXT });
    await expect(verifyNote(`${GO_TEXT}\n${sameNameLine}`, GO_VKEY)).rejects.toThrow(/not signed by/);
  });

  it("keeps empty lines inside the text: the last blank line separates the signatures", async () => {
    const { privateKey } = await importSigningKey(goSecret());
    const text = "a\n\nb\n";
    const note = await signNote(text, "PeterNeumann", privateKey);
    expect(await verifyNote(note, GO_VKEY)).toEqual({ body: text });
  });

  it("refuses to sign a body that is not a note text", async () => {
    const { privateKey } = await importSigningKey(goSecret());
    await expect(signNote("no newline", "PeterNeumann", privateKey)).rejects.toThrow();
    await expect(signNote("tab\there\n", "PeterNeumann", privateKey)).rejects.toThrow();
    await expect(signNote("ok\n", "bad name", privateKey)).rejects.toThrow(/key name/);
    await expect(signNote("ok\n", "a+b", privateKey)).rejects.toThrow(/key name/);
  });

  it("signs with an extractable key it did not import, deriving the public key", async () => {
    const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const note = await signNote("x\n", "k", pair.privateKey);
    expect(await verifyNote(note, await verifierKeyString("k", raw))).toEqual({ body: "x\n" });
  });
});

describe("verifier keys", () => {
  it("parses the Go reference key, whose base64 may contain '+'", async () => {
    const key = await parseVerifierKey(GO_VKEY);
    expect(key.name).toBe("PeterNeumann");
    expect(toHex(key.keyId)).toBe("c74f20a3");
    expect(key.publicKeyRaw).toHaveLength(32);
    const plus = await parseVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
    expect(plus.name).toBe("TEST");
  });

  it("rejects mangled keys", async () => {
    const bad = [
      "",
      "PeterNeumann",
      "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // wrong id
      "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // id not lowercase
      "PeterNeumanX+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // id belongs to another name
      "PeterNeumann+c74f20a3+AhqcZwcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", // wrong type byte
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10",
      "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ];
    for (const k of bad) await expect(parseVerifierKey(k), k).rejects.toThrow();
  });
});

describe("signing secrets", () => {
  it("imports the test environment's secret", async () => {
    const { publicKeyRaw } = await importSigningKey("MC4CAQAwBQYDK2VwBCIEIE3Q2ViZ4bTmYgH0sP2hXh7cVZ2p3Yb5E9yXk2aQmN1r");
    expect(publicKeyRaw).toHaveLength(32);
  });

  it("rejects what is not a base64 PKCS#8 Ed25519 key", async () => {
    await expect(importSigningKey("not base64!")).rejects.toThrow(/base64/);
    await expect(importSigningKey(toBase64(new Uint8Array(48)))).rejects.toThrow();
  });
});

describe("checkpoint bodies (C2SP tlog-checkpoint)", () => {
  it("parses the spec's example", () => {
    const cp = parseCheckpoint("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    expect(cp.origin).toBe("example.com/behind-the-sofa");
    expect(cp.size).toBe(20852163);
    expect(toBase64(cp.root)).toBe("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
    expect(cp.extensions).toEqual([]);
  });

  it("formats and parses back, extension lines included", () => {
    const root = Uint8Array.from({ length: 32 }, (_, i) => i);
    const body = formatCheckpoint({ origin: "o", size: 0, root, extensions: ["ext one"] });
    expect(body).toBe(`o\n0\n${toBase64(root)}\next one\n`);
    expect(parseCheckpoint(body)).toEqual({ origin: "o", size: 0, root, extensions: ["ext one"] });
  });

  it("rejects malformed bodies", () => {
    const root = toBase64(new Uint8Array(32));
    const bad = [
      `o\n1\n${root}`, // no final newline
      `o\n1\n`, // two lines
      `o\n01\n${root}\n`, // leading zero
      `o\n-1\n${root}\n`,
      `o\n1.5\n${root}\n`,
      `o\n99999999999999999999\n${root}\n`,
      `o\n1\n${toBase64(new Uint8Array(31))}\n`,
      `o\n1\n${root.slice(0, -1)}\n`,
      `o\n1\n${root}\n\n`, // empty extension line
      `\n1\n${root}\n`, // empty origin
    ];
    for (const b of bad) expect(() => parseCheckpoint(b), JSON.stringify(b)).toThrow();
    expect(() => formatCheckpoint({ origin: "a\nb", size: 1, root: new Uint8Array(32) })).toThrow();
    expect(() => formatCheckpoint({ origin: "a", size: -1, root: new Uint8Array(32) })).toThrow();
    expect(() => formatCheckpoint({ origin: "a", size: 1, root: new Uint8Array(31) })).toThrow();
  });
});

describe("base64 and hex helpers", () => {
  it("agree with Node's Buffer on every length and byte", () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 255);
      const b64 = Buffer.from(bytes).toString("base64");
      expect(toBase64(bytes)).toBe(b64);
      expect(fromBase64(b64)).toEqual(bytes);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString("hex"));
      expect(fromHex(toHex(bytes))).toEqual(bytes);
    }
    expect(toBase64(Uint8Array.of(0xff, 0xfe, 0xfd))).toBe("//79");
  });

  it("decode strictly", () => {
    for (const bad of ["A", "AB=", "AB", "A===", "QQ=A", "QR==", "Q Q=", "-_8=", "éé=="]) {
      expect(() => fromBase64(bad), bad).toThrow();
    }
    expect(() => fromHex("abc")).toThrow();
    expect(() => fromHex("zz")).toThrow();
  });
});
