/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte string a log entry body hashes to.
 *
 * Accepts JSON data only: null, booleans, finite numbers, strings of valid Unicode, arrays and
 * plain objects. Object members whose value is `undefined` are omitted (as JSON.stringify does);
 * anything else that JSON cannot represent (undefined elsewhere, NaN, Infinity, bigint, lone
 * surrogates, class instances, cycles) throws rather than being silently coerced.
 */
export function canonicalize(value: unknown): string {
  return serialize(value, new Set(), "$");
}

function serialize(value: unknown, ancestors: Set<object>, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalize: ${path} is not a finite number`);
      // ECMAScript Number::toString is exactly the serialization RFC 8785 section 3.2.2.3 asks
      // for; JSON.stringify also maps -0 to "0".
      return JSON.stringify(value);
    case "string":
      return serializeString(value, path);
    case "object":
      break;
    default:
      throw new TypeError(`canonicalize: ${path} is a ${typeof value}, not JSON data`);
  }
  const obj = value as object;
  if (ancestors.has(obj)) throw new TypeError(`canonicalize: ${path} is a cycle`);
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.map((item: unknown, i) => {
        if (item === undefined) throw new TypeError(`canonicalize: ${path}[${i}] is undefined`);
        return serialize(item, ancestors, `${path}[${i}]`);
      });
      return `[${items.join(",")}]`;
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalize: ${path} is not a plain object`);
    }
    const record = obj as Record<string, unknown>;
    // Array.prototype.sort without a comparator orders strings by UTF-16 code units, which is
    // the order RFC 8785 section 3.2.3 specifies.
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${serializeString(key, path)}:${serialize(member, ancestors, `${path}.${key}`)}`);
    }
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(obj);
  }
}

function serializeString(s: string, path: string): string {
  // Lone surrogates are not Unicode; I-JSON (which JCS builds on) forbids them.
  if (/\p{Surrogate}/u.test(s)) throw new TypeError(`canonicalize: ${path} holds a lone surrogate`);
  // For well-formed strings JSON.stringify escapes exactly what RFC 8785 section 3.2.2.2 does:
  // '"', '\\', \b \t \n \f \r by name, other controls as lowercase \u00xx, nothing else.
  return JSON.stringify(s);
}
