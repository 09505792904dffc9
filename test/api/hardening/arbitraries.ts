import fc from "fast-check";

/**
 * Arbitraries for the fuzzing suite: dictionaries of hostile values, and generators of JSON
 * bodies, path segments, query strings and headers that stay close enough to valid requests to
 * reach the services, and far enough to probe every validator on the way.
 */

// ---------------------------------------------------------------------------------------------
// Dictionaries: values that have broken parsers, validators, SQL and URL handling elsewhere.

export const NASTY_STRINGS = [
  "", " ", "\t\n", "\u0000", "a\u0000b", "\uFEFF", "\u202Eevil", "😀", "\uD800", "\uDC00x", "👨‍👩‍👧‍👦", "e\u0301", "ÉCOLE", "İı", "ß",
  "../../etc/passwd", "..%2f..%2f", "%00", "%", "%ZZ", "%E0%A4%A", "<script>alert(1)</script>", "' OR 1=1 --", "\"", "\\", "'",
  "NaN", "Infinity", "-Infinity", "-0", "1e308", "1e999", "0x10", "null", "undefined", "true", "[]", "{}",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  "http://[/@abcd", "https://[::1]/@abcd", "http://%/@abcd", "https://x.example:99999/@abcd", "javascript:alert(1)", "data:text/html,x",
  "file:///etc/passwd", "http://127.0.0.1/", "https://169.254.169.254/latest", "https://xn--/", "https://a..b/", "mailto:a@b",
  "https://user:pass@example.com/", "//example.com", "http://localhost:8787/@abc", "https://github.com/", "https://github.com/%ZZ",
  "@", "@@", "@abc", "a".repeat(41), "*", "\"*\" OR x", "NEAR(a b)", "a AND b OR", "-x", "^", "a:b", "{a b}",
  "running", "FR", "fr", "us", "US;UK", "instagram", "paid", "2026-02-30T00:00:00Z", "2026-01-01", "9999-12-31T23:59:59Z",
  "0000-01-01T00:00:00Z", "2026-01-01T00:00:00+99:00", "-000001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z",
];
const NASTY_NUMBERS = [0, -0, 1, -1, 1.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, 1e21, 10_000, 10_001];
/** Number literals JSON.stringify cannot produce, spliced into raw JSON text. */
const RAW_LITERALS = ["1e999", "-1e999", "1e-400", "-0", "-0.0", "NaN", "Infinity", "01", "1.", ".5", "+1", "0x10", "1_000", "true", "null", "[]", "{}", '"\\ud800"', '"\\u0000"'];
const MALFORMED_JSON = [
  "", " ", "{", "}", "[", "{\"a\":", "{'a':1}", "[1,]", "{\"a\":1,}", "nul", "tru", "{\"a\":1}garbage", "\u0000", "\uFEFF{}", "{\"a\" 1}",
  "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"line\nbreak\"}", "\"just a string\"", "42", "null", "true", "[]", "[[[[", "{{}}",
  "{\"__proto__\":{\"polluted\":true}}", "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
];
const NASTY_SEGMENTS = [
  "", ".", "..", "%2e%2e", "%2E", "%00", "a%00b", "%ZZ", "%E0%A4%A", "%", "a%2Fb", "%2F", "%5C", "%20", "%0A", "%0D%0Aset-cookie:x",
  "%F0%9F%98%80", "%C3%A9", "%FF%FE", "%C0%AF", "null", "undefined", "__proto__", "constructor", "-1", "0", "1e999", "NaN", "9007199254740993",
  "@", "%40", "%40abc", "abc.svg", "a.json", "~", "*", "'", "%22", "%3Cscript%3E",
];
const CONTENT_TYPES = [
  "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=utf-16", "application/problem+json", "application/vnd.api+json",
  "text/plain", "text/csv", "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
  "*/*", "json", "application/json, text/csv", "text/csv; charset=latin1",
];
/** Garbage session cookies that must read as "anonymous". */
export const GARBAGE_COOKIES = [
  "candor_session=", "candor_session", "=;=;;", "candor_session=deadbeef", `candor_session=${"a".repeat(8000)}`, "candor_session=\"quoted\"",
  "other=%; candor_session=x", "candor_session=a=b=c", "candor_session=null; candor_session=undefined", "candor_session=%41%42", "; ;candor_session=+",
];
/** Session cookies whose value is not valid percent-encoding (decodeURIComponent throws on them). */
export const MALFORMED_PERCENT_COOKIES = ["candor_session=%", "candor_session=%ZZ", "candor_session=%E0%A4%A", "candor_session=%C0%AF", "theme=dark; candor_session=abc%"];
export const GARBAGE_AUTH = ["Bearer garbage", "Bearer ", "Bearer", "bearer cnd_abc_def", "Basic dXNlcjpwYXNz", "Bearer a b", `Bearer ${"k".repeat(5000)}`, "Token x", "Bearer %00"];

/** Strings that survive `encodeURIComponent` (it throws on lone surrogates). */
export const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
const enc = (s: string) => encodeURIComponent(wellFormed(s));
/** A header value must be a ByteString without CR, LF or NUL. */
const headerSafe = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

export function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function nest(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY_STRINGS), { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).chain((n) => fc.constantFrom("x".repeat(n), "é".repeat(n), "😀".repeat(n >> 1), "\u0000".repeat(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 3_000 }).map(nest) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown) },
);

/** A value that still looks like `v` but sits on an edge: case, padding, unicode, length, duplicates. */
function edgeOf(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === "string") {
    return fc.oneof(
      fc.constantFrom(v.toUpperCase(), ` ${v} `, `${v}é😀`, `${v}\u0000`, `\u202E${v}`, v.repeat(3), v.slice(0, 1), `${v}\uD800`, v.normalize("NFD"), `${v}\n${v}`),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    );
  }
  if (typeof v === "number") return fc.constantFrom(v + 1, v - 1, 0, v * 1000, -v, v + 0.5);
  if (typeof v === "boolean") return fc.constant(!v);
  if (Array.isArray(v)) {
    return fc.constantFrom([], [...v, ...v], v.slice(0, 1), v.map((x) => (typeof x === "string" ? x.toUpperCase() : x)), v.map((x) => (typeof x === "string" ? ` ${x.toLowerCase()} ` : x)), [...v].reverse());
  }
  return fc.constantFrom("", 0, false);
}

/** A valid body with one field replaced, removed, or joined by a hostile key; or anything at all. */
function jsonValueFor(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const options: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: nastyValue },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "extra", "", "\u0000", "a".repeat(2000)), nastyValue).map(([k, v]) => {
        const o = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
        Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
        return o;
      }),
    },
  ];
  if (keys.length) {
    options.push(
      { weight: 6, arbitrary: fc.constantFrom(...keys).chain((k) => edgeOf(valid[k]).map((v) => ({ ...valid, [k]: v }))) },
      { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...keys), nastyValue).map(([k, v]) => ({ ...valid, [k]: v })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...keys), nastyValue, fc.constantFrom(...keys), nastyValue).map(([k, v, k2, v2]) => ({ ...valid, [k]: v, [k2]: v2 })) },
      { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k))) },
    );
  }
  return fc.oneof(...options);
}

/** Raw JSON text: serialised values, spliced literals, duplicate keys, deep nesting, malformed text. */
function jsonTextFor(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  const validText = JSON.stringify(valid);
  const options: Array<fc.WeightedArbitrary<string>> = [
    { weight: 24, arbitrary: jsonValueFor(valid).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 60_000 }).map((n) => "[".repeat(n) + "]".repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(`\uFEFF${validText}`, `${validText}\u0000`, `${validText}${validText}`, ` \n\t${validText}\n`, validText.slice(0, -1)) },
  ];
  if (keys.length) {
    options.push(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...RAW_LITERALS)).map(([k, lit]) => JSON.stringify({ ...valid, [k]: "__RAW__" }).replace('"__RAW__"', lit)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...keys), nastyValue).map(([k, v]) => `${validText.slice(0, -1)},${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}}`) },
      { weight: 1, arbitrary: fc.constant(`{"__proto__":{"polluted":true},${validText.slice(1)}`) },
    );
  }
  return fc.oneof(...options);
}

export interface Payload {
  body: string | Uint8Array;
  contentType: string | null;
}

/** A body and its content type: mostly JSON, sometimes the wrong type, none, or invalid UTF-8. */
export function jsonPayload(valid: Record<string, unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    { weight: 10, arbitrary: jsonTextFor(valid).map((body) => ({ body, contentType: "application/json" })) },
    { weight: 3, arbitrary: fc.tuple(jsonTextFor(valid), fc.constantFrom(...CONTENT_TYPES)).map(([body, contentType]) => ({ body, contentType })) },
    { weight: 1, arbitrary: jsonTextFor(valid).map((t) => ({ body: new TextEncoder().encode(t), contentType: null })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((body) => ({ body, contentType: "application/json" })) },
  );
}

/** A path segment: usually one of the real ids, else something hostile (already URL-encoded or raw). */
export function segment(valids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...valids) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS).map(enc) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 50 }).map(enc) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) .map(enc) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 16_000 }).map((n) => "a".repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(...valids).map((v) => `${v.toUpperCase()}%00`) },
  );
}

/** A query-string value: a valid one, a hostile one, or junk. */
export function qv(valids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...valids) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map(wellFormed) },
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 20_000 }).map((n) => "9".repeat(n)) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  );
}

/**
 * A query string: all parameters valid, one hostile, or any hostile (each given or not), plus
 * sometimes extra, repeated or malformed parameters. `hostile` overrides the default junk.
 */
export function query(valid: Record<string, string[]>, hostile: Record<string, fc.Arbitrary<string>> = {}, required: string[] = []): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  const good = (k: string) => fc.constantFrom(...valid[k]!);
  const bad = (k: string) => hostile[k] ?? qv(valid[k]!);
  const rec = (pick: (k: string) => fc.Arbitrary<string>, req: string[]) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, pick(k)])), { requiredKeys: req }) as unknown as fc.Arbitrary<Record<string, string>>;
  const chosen = fc.oneof(
    { weight: 3, arbitrary: rec(good, required) },
    { weight: 4, arbitrary: fc.constantFrom(...keys).chain((h) => rec((k) => (k === h ? bad(k) : good(k)), [...new Set([...required, h])])) },
    { weight: 2, arbitrary: rec(bad, required) },
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as Array<[string, string]>) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys, "", "__proto__", "constructor", "a[b]", "x"), headerSafe), qv(["1"])), { minLength: 1, maxLength: 3 }) },
  );
  const raw = fc.oneof(
    { weight: 5, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("&", "&&&", "=", "=x", "%ZZ=1", "a=%ZZ", "limit", "cursor=%E0%A4%A", "q=%00", "limit=1&limit=2", "start=1&start=x", "sort[]=x") },
  );
  return fc.tuple(chosen, extra, raw).map(([c, ex, r]) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(c)) sp.append(k, wellFormed(v));
    for (const [k, v] of ex) sp.append(k, wellFormed(v));
    const s = [sp.toString(), r].filter(Boolean).join("&");
    return s ? `?${s}` : "";
  });
}

/** Odd headers: mostly none; sometimes a huge Idempotency-Key, garbage cookies, a foreign Origin… */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        "idempotency-key": fc.oneof(headerSafe, fc.constant("k".repeat(10_240)), fc.constant(""), fc.constant("é")),
        origin: fc.constantFrom("https://evil.example", "null", "http://localhost", "http://localhost", "http://localhost:8787", "https://localhost"),
        "sec-fetch-site": fc.constantFrom("cross-site", "same-site", "same-origin", "same-origin", "none", "garbage"),
        "x-request-id": fc.oneof(headerSafe, fc.constant("r".repeat(5000))),
        "if-none-match": fc.oneof(headerSafe, fc.constant("*"), fc.constant('W/"x", "y"')),
        accept: fc.constantFrom("*/*", "text/html", "application/xml", "", "application/json;q=0"),
        "x-forwarded-for": headerSafe,
        "accept-language": headerSafe,
        "content-encoding": fc.constantFrom("gzip", "br", "identity", "x"),
      },
      { requiredKeys: [] },
    ),
  },
);
