/**
 * The label matcher: finds the terms of terms.ts in a caption or an overlay.
 *
 * One hand-written pass cuts the string into tokens (URLs, e-mails and @handles become "skip"
 * tokens; then hashtags and words), with offsets in the ORIGINAL string. Tokens are folded
 * (lowercase, accents off) only to look them up: ASCII tokens walk a trie built once at module
 * load, so the common token costs no allocation; the rare non-ASCII token is folded char by
 * char. No regex runs per token and none is built per call; brands are compiled once, cached.
 */
import { BRAND_ROLES, CUTOFFS, TERMS } from "./terms.ts";
import type { FoundLabel, LabelClass, Platform, Where } from "./types.ts";
import { LABEL_CLASSES } from "./types.ts";

// ---------------------------------------------------------------------------------------------
// Characters

const HASH = 35;
const AT = 64;
const DOT = 46;
const PLUS = 43;
const DASH = 45;
const UNDERSCORE = 95;
const SLASH = 47;

/** ASCII word characters: letters, digits, underscore (as in hashtags). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE) ASCII_WORD[c] = 1;
}
/** Beyond ASCII a word character is a letter, a mark or a number; cached per UTF-16 unit (0: not yet known). */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const bmpWord = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

/** Width (1 or 2 UTF-16 units) of the word character at k, or 0. */
function wordWidth(src: string, k: number): number {
  if (k >= src.length) return 0;
  const c = src.charCodeAt(k);
  if (c < 128) return ASCII_WORD[c]!;
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = src.codePointAt(k)!;
    if (cp <= 0xffff) return 0; // a lone surrogate
    let w = astralWord.get(cp);
    if (w === undefined) {
      w = WORD_CHAR.test(String.fromCodePoint(cp));
      astralWord.set(cp, w);
    }
    return w ? 2 : 0;
  }
  const known = bmpWord[c]!;
  return (known === 0 ? learnBmp(c) : known) === 1 ? 1 : 0;
}

/** 1 if the BMP unit c is a word character, else 2; remembered in bmpWord. */
function learnBmp(c: number): number {
  const known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  bmpWord[c] = known;
  return known;
}

/** The same set as JS `\s`. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function allSpace(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(src.charCodeAt(i))) return false;
  return true;
}

function nextSpace(src: string, from: number): number {
  let e = from;
  while (e < src.length && !isSpace(src.charCodeAt(e))) e++;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Folding: lowercase, then drop combining marks (é → e, e + U+0301 → e)

const MARKS_G = /\p{M}/gu;
const unitFolds = new Map<number, string>();

function foldUnit(c: number): string {
  let f = unitFolds.get(c);
  if (f === undefined) {
    f = String.fromCharCode(c).toLowerCase().normalize("NFD").replace(MARKS_G, "");
    unitFolds.set(c, f);
  }
  return f;
}

/** Folds src[s, e); with `joiners` false, drops - and _ (a hashtag's words run together). */
function foldRange(src: string, s: number, e: number, joiners: boolean): string {
  let out = "";
  for (let k = s; k < e; k++) {
    const c = src.charCodeAt(k);
    if (!joiners && (c === DASH || c === UNDERSCORE)) continue;
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : src[k];
    else if (c >= 0xd800 && c <= 0xdfff) out += src[k]; // astral: no Latin letter lives there
    else out += foldUnit(c);
  }
  return out;
}

/** Folds a whole string the same way tokens are folded (for terms and brand names). */
export function foldText(s: string): string {
  return foldRange(s, 0, s.length, true);
}

// ---------------------------------------------------------------------------------------------
// Term indexes, built once

interface Entry {
  readonly cls: number;
  readonly strength: "strong" | "bare" | undefined;
  /** English terms must be spelled as written: accents are optional only in French terms. */
  readonly exact: boolean;
  /** Phrase words after the first (empty for one-word terms). */
  readonly rest: readonly string[];
}

const CLASS_INDEX = new Map<LabelClass, number>(LABEL_CLASSES.map((c, i) => [c, i]));
const BRAND_ROLE = CLASS_INDEX.get("brand-role")!;
const VAGUE = CLASS_INDEX.get("vague")!;

/** First word of a term → its entries, longest phrase first. */
const BY_FIRST_WORD = new Map<string, Entry[]>();
/** Hashtag body (the term's words run together) → entries. */
const BY_TAG = new Map<string, Entry[]>();

function addEntry(index: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = index.get(key) ?? [];
  const same = (x: Entry): boolean =>
    x.cls === entry.cls && x.strength === entry.strength && x.rest.join(" ") === entry.rest.join(" ");
  if (!list.some(same)) list.push(entry);
  list.sort((a, b) => b.rest.length - a.rest.length);
  index.set(key, list);
}

for (const term of TERMS) {
  const cls = CLASS_INDEX.get(term.class)!;
  const exact = term.lang === "en";
  const strength = term.strength;
  if (term.term.startsWith("#")) {
    addEntry(BY_TAG, foldText(term.term.slice(1)), { cls, strength, exact, rest: [] });
    continue;
  }
  const words = foldText(term.term).trim().split(/\s+/);
  addEntry(BY_FIRST_WORD, words[0]!, { cls, strength, exact, rest: words.slice(1) });
  addEntry(BY_TAG, words.join(""), { cls, strength, exact, rest: [] });
}

/**
 * A trie over a-z 0-9 _ - holding every word of every term (and "partner"/"ambassador") and
 * every hashtag body: an ASCII token finds its key string here, or learns it is no term,
 * without building a string.
 */
const SYM = new Int8Array(128).fill(-1);
for (let c = 97; c <= 122; c++) SYM[c] = SYM[c - 32] = c - 97;
for (let c = 48; c <= 57; c++) SYM[c] = 26 + c - 48;
const SYM_UNDERSCORE = 36;
const SYM_DASH = 37;
SYM[UNDERSCORE] = SYM_UNDERSCORE;
SYM[DASH] = SYM_DASH;
const NSYM = 38;
/** The tokenizer's one lookup per ASCII character: a trie symbol (word characters, -), or a class. */
const DOT_OR_PLUS = -1;
const OTHER = -2;
const ACLS = Int8Array.from(SYM, (x) => (x >= 0 ? x : OTHER));
ACLS[DOT] = ACLS[PLUS] = DOT_OR_PLUS;

const trieNext: number[] = [];
const trieWord: (string | null)[] = [];
const trieTag: (string | null)[] = [];
// State 0 is a dead end that loops on itself, so the hot loops step without a test; 1 is the root.
const DEAD = 0;
const ROOT = 1;
function newState(): number {
  for (let k = 0; k < NSYM; k++) trieNext.push(DEAD);
  trieWord.push(null);
  trieTag.push(null);
  return trieWord.length - 1;
}
newState();
newState();
function insert(key: string, into: (string | null)[]): void {
  let st = ROOT;
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    const sym = c < 128 ? SYM[c]! : -1;
    // Terms are data: a term the tokenizer could never produce is a mistake in terms.ts.
    if (sym < 0) throw new Error(`disclosure term "${key}" has a character no token can hold`);
    let nx = trieNext[st * NSYM + sym]!;
    if (nx === DEAD) {
      nx = newState();
      trieNext[st * NSYM + sym] = nx;
    }
    st = nx;
  }
  into[st] = key;
}
for (const [first, entries] of BY_FIRST_WORD) {
  insert(first, trieWord);
  for (const e of entries) for (const w of e.rest) insert(w, trieWord);
}
for (const role of BRAND_ROLES) insert(role, trieWord);
for (const body of BY_TAG.keys()) insert(body, trieTag);
const NEXT = Int32Array.from(trieNext);

/** foldUnit as one number per BMP unit: 0 not yet known, else FOLD_DROP, FOLD_MANY or the folded unit. */
const FOLD = new Uint16Array(0x10000);
const FOLD_DROP = 0xffff;
const FOLD_MANY = 0xfffe;

/** The first unit of c folded (NaN if it folds to nothing), for quick refusals. */
function foldFirst(c: number): number {
  const f = FOLD[c]!;
  return f !== 0 && f < FOLD_MANY ? f : foldUnit(c).charCodeAt(0);
}

/** One trie step for the non-ASCII, non-surrogate unit c, folded (é walks as e; a mark, not at all). */
function stepFolded(st: number, c: number): number {
  let f = FOLD[c]!;
  if (f === 0) {
    const s = foldUnit(c);
    f = s.length === 0 ? FOLD_DROP : s.length === 1 && s.charCodeAt(0) < FOLD_MANY ? s.charCodeAt(0) : FOLD_MANY;
    FOLD[c] = f;
  }
  if (f === FOLD_DROP) return st;
  if (f < 128) return SYM[f]! >= 0 ? NEXT[st * NSYM + SYM[f]!]! : DEAD;
  if (f === FOLD_MANY) {
    const s = foldUnit(c);
    for (let q = 0; q < s.length; q++) {
      const d = s.charCodeAt(q);
      st = d < 128 && SYM[d]! >= 0 ? NEXT[st * NSYM + SYM[d]!]! : DEAD;
    }
    return st;
  }
  return DEAD; // a letter with no ASCII fold (ß, œ, ø…): no term holds one
}

/**
 * Key of the token src[s, e) (a hashtag's body: without - and _), folded as it is read, or
 * null if it is no term word. No string is built: the key comes from the trie.
 */
function trieKey(src: string, s: number, e: number, tag: boolean): string | null {
  let st = ROOT;
  for (let k = s; k < e; k++) {
    const c = src.charCodeAt(k);
    if (tag && (c === DASH || c === UNDERSCORE)) continue;
    if (c < 128) st = NEXT[st * NSYM + SYM[c]!]!;
    else if (c >= 0xd800 && c <= 0xdfff) return null; // astral: no Latin letter lives there
    else st = stepFolded(st, c);
    if (st === DEAD) return null;
  }
  return tag ? trieTag[st]! : trieWord[st]!;
}

// ---------------------------------------------------------------------------------------------
// Tokens. Module-level buffers, reset per call: the matcher is synchronous and never re-entered,
// and reusing them keeps a 2,000-character caption from allocating hundreds of small objects.

const SKIP = 0;
const WORD = 1;
const TAG = 2;

let tCount = 0;
let tKind = new Uint8Array(512);
let tStart = new Int32Array(512);
let tEnd = new Int32Array(512);
/** 1: all ASCII, so it can match English terms (which take no accents). */
let tPlain = new Uint8Array(512);
/** The token's key from the trie (a term word or hashtag body), null if it is none. */
const tKey: (string | null)[] = [];

function pushToken(kind: number, s: number, e: number, key: string | null, plain: boolean): void {
  if (tCount === tKind.length) {
    const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    tKind = grow(tKind, new Uint8Array(tCount * 2));
    tStart = grow(tStart, new Int32Array(tCount * 2));
    tEnd = grow(tEnd, new Int32Array(tCount * 2));
    tPlain = grow(tPlain, new Uint8Array(tCount * 2));
  }
  tKind[tCount] = kind;
  tStart[tCount] = s;
  tEnd[tCount] = e;
  tPlain[tCount] = plain ? 1 : 0;
  tKey[tCount] = key;
  tCount++;
}

/** A word or hashtag found by the general path: work out its key. */
function pushTerm(src: string, kind: number, s: number, e: number): void {
  const from = kind === TAG ? s + 1 : s;
  let plain = true;
  for (let k = from; k < e; k++) {
    if (src.charCodeAt(k) >= 128) {
      plain = false;
      break;
    }
  }
  pushToken(kind, s, e, trieKey(src, from, e, kind === TAG), plain);
}

/** End of a word: word characters joined by single hyphens ("ad-free" is one word, not "ad"). */
function wordEnd(src: string, p: number): number {
  let e = p;
  for (;;) {
    const w = wordWidth(src, e);
    if (w > 0) e += w;
    else if (e < src.length && src.charCodeAt(e) === DASH && wordWidth(src, e + 1) > 0) e++;
    else return e;
  }
}

function startsWithCI(src: string, i: number, prefix: string): boolean {
  if (i + prefix.length > src.length) return false;
  for (let k = 0; k < prefix.length; k++) if ((src.charCodeAt(i + k) | 32) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** Bare domains are recognised by these endings; a dotted name followed by a path is always a URL. */
const TLDS = new Set(
  ("com net org edu gov io co ai app dev tv ly gg fm be ee me shop store link bio info biz xyz site online " +
    "blog page uk fr de es nl ch ca eu au").split(" "),
);

/**
 * A run of word characters, dots and hyphens: a domain (skip), a URL when a path follows
 * (skip to the next space), or words with punctuation ("ad-free.", "ad.Thanks"). Returns its end.
 */
function dotted(src: string, a: number, b: number, pathMayFollow: boolean): number {
  let lastDot = -1;
  for (let k = a; k < b; k++) if (src.charCodeAt(k) === DOT && wordWidth(src, k + 1) > 0) lastDot = k;
  if (lastDot >= 0) {
    if (pathMayFollow && b < src.length && src.charCodeAt(b) === SLASH) {
      const e = nextSpace(src, b);
      pushToken(SKIP, a, e, null, true);
      return e;
    }
    let t = lastDot + 1;
    for (let w = wordWidth(src, t); t < b && w > 0; w = wordWidth(src, t)) t += w;
    if (TLDS.has(src.slice(lastDot + 1, t).toLowerCase())) {
      pushToken(SKIP, a, b, null, true);
      return b;
    }
  }
  for (let p = a; p < b; ) {
    if (wordWidth(src, p) > 0) {
      const e = wordEnd(src, p);
      pushTerm(src, WORD, p, e);
      p = e;
    } else p++;
  }
  return b;
}

/** Skips an e-mail's domain or a handle: word characters, dots (and hyphens in a domain). */
function addressEnd(src: string, e: number, hyphens: boolean): number {
  for (;;) {
    const w = wordWidth(src, e);
    if (w > 0) e += w;
    else if (e < src.length && (src.charCodeAt(e) === DOT || (hyphens && src.charCodeAt(e) === DASH))) e++;
    else return e;
  }
}

function tokenize(src: string): void {
  tCount = 0;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (c === HASH) {
      if (wordWidth(src, i + 1) === 0) {
        i++;
        continue;
      }
      // Fast path: an ASCII hashtag walks the trie as it is read (skipping - and _).
      let k = i + 1;
      let st = ROOT;
      let plain = true;
      while (k < n) {
        const d = src.charCodeAt(k);
        if (d < 128) {
          const x = ACLS[d]!;
          if (x >= 0 && x < SYM_DASH) {
            if (x !== SYM_UNDERSCORE) st = NEXT[st * NSYM + x]!;
            k++;
          } else if (x === SYM_DASH && wordWidth(src, k + 1) > 0) k++;
          else break;
        } else if (d < 0xd800 || d > 0xdfff) {
          if ((bmpWord[d] || learnBmp(d)) !== 1) break;
          plain = false;
          st = stepFolded(st, d);
          k++;
        } else {
          const w = wordWidth(src, k);
          if (w === 0) break;
          plain = false;
          st = DEAD; // astral: no Latin letter lives there
          k += w;
        }
      }
      pushToken(TAG, i, k, trieTag[st]!, plain);
      i = k;
      continue;
    }
    if (c === AT) {
      if (wordWidth(src, i + 1) === 0) {
        i++;
        continue;
      }
      const e = addressEnd(src, i + 1, false); // a handle
      pushToken(SKIP, i, e, null, true);
      i = e;
      continue;
    }
    if ((c | 32) === 104 || (c | 32) === 119) {
      if (startsWithCI(src, i, "http://") || startsWithCI(src, i, "https://") || startsWithCI(src, i, "www.")) {
        const e = nextSpace(src, i);
        pushToken(SKIP, i, e, null, true);
        i = e;
        continue;
      }
    }
    // The run of characters an e-mail's local part or a domain may hold: word characters and
    // . + -. In the common case it is one plain ASCII word, keyed by walking the trie as we read.
    let k = i;
    let st = ROOT;
    let plain = true;
    let punct = false;
    while (k < n) {
      const d = src.charCodeAt(k);
      if (d < 128) {
        const x = ACLS[d]!;
        if (x >= 0 && x < SYM_DASH) {
          st = NEXT[st * NSYM + x]!;
          k++;
        } else if (x === SYM_DASH || x === DOT_OR_PLUS) {
          punct = true;
          k++;
        } else break;
      } else if (d < 0xd800 || d > 0xdfff) {
        if ((bmpWord[d] || learnBmp(d)) !== 1) break;
        plain = false;
        st = stepFolded(st, d);
        k++;
      } else {
        const w = wordWidth(src, k);
        if (w === 0) break;
        plain = false;
        st = DEAD; // astral: no Latin letter lives there
        k += w;
      }
    }
    if (k === i) {
      i++; // neither a word character nor the start of a token
      continue;
    }
    if (k < n && src.charCodeAt(k) === AT && wordWidth(src, k + 1) > 0 && wordWidth(src, i) > 0) {
      const e = addressEnd(src, k + 1, true); // an e-mail address
      pushToken(SKIP, i, e, null, true);
      i = e;
      continue;
    }
    if (!punct) {
      pushToken(WORD, i, k, trieWord[st]!, plain);
      i = k;
      continue;
    }
    let end = k;
    for (let a = i; a < k; ) {
      let b = a;
      while (b < k && src.charCodeAt(b) !== PLUS) b++;
      end = Math.max(end, dotted(src, a, b, b === k));
      a = b + 1;
    }
    i = end;
  }
}

// ---------------------------------------------------------------------------------------------
// Brands: `<brand> partner`, `#<brand>partner` and the ambassador forms

interface Brand {
  readonly words: readonly string[];
  /** Separators between the brand's words, normalised (" " for any whitespace). */
  readonly gaps: readonly string[];
  /** What must stand between the brand and "partner": its trailing punctuation, then a space. */
  readonly before: string;
  /** Hashtag bodies: the brand's words run together, then partner or ambassador. */
  readonly tags: readonly string[];
}

const normGap = (g: string): string => g.replace(/\s+/g, " ").replace(/[’‘ʼ′`]/g, "'");
const brands = new Map<string, Brand | null>();

function compileBrand(name: string): Brand | null {
  let b = brands.get(name);
  if (b !== undefined) return b;
  const f = foldText(name.trim().replace(/^[@#]+/, ""));
  const words: string[] = [];
  const gaps: string[] = [];
  let last = -1;
  for (let p = 0; p < f.length; ) {
    if (wordWidth(f, p) === 0) {
      p++;
      continue;
    }
    const e = wordEnd(f, p);
    if (last >= 0) gaps.push(normGap(f.slice(last, p)));
    words.push(f.slice(p, e));
    last = e;
    p = e;
  }
  if (words.length === 0) b = null;
  else {
    const joined = words.join("").replace(/[-_]/g, "");
    b = { words, gaps, before: normGap(f.slice(last)) + " ", tags: BRAND_ROLES.map((r) => joined + r) };
  }
  if (brands.size >= 512) brands.clear(); // bounded: brand names come from requests
  brands.set(name, b);
  return b;
}

/** Does token i read `target` (a folded word, or a hashtag body without - and _)? */
function tokenIs(src: string, i: number, target: string): boolean {
  const tag = tKind[i] === TAG;
  const s = tag ? tStart[i]! + 1 : tStart[i]!;
  const e = tEnd[i]!;
  // Cheap refusals first: this runs on every token when a brand is given.
  const c = src.charCodeAt(s);
  const first = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldFirst(c);
  if (first !== target.charCodeAt(0) && !(tag && (c === DASH || c === UNDERSCORE))) return false;
  if (tPlain[i] === 0) return foldRange(src, s, e, !tag) === target;
  if (!tag && e - s !== target.length) return false;
  let p = 0;
  for (let k = s; k < e; k++) {
    let d = src.charCodeAt(k);
    if (tag && (d === DASH || d === UNDERSCORE)) continue;
    if (d >= 65 && d <= 90) d += 32;
    if (d !== target.charCodeAt(p++)) return false;
  }
  return p === target.length;
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Raw {
  cls: number;
  strength: "strong" | "bare" | undefined;
  s: number;
  e: number;
  /** Token index of a hashtag label (for burial), -1 for a word label. */
  tag: number;
}

/** Tokens after i are the phrase's words, each after whitespace only. Returns its last token, or -1. */
function phraseEnd(src: string, i: number, rest: readonly string[], exact: boolean): number {
  let j = i;
  for (const w of rest) {
    j++;
    if (j >= tCount || tKind[j] !== WORD || tKey[j] !== w || (exact && tPlain[j] === 0)) return -1;
    if (!allSpace(src, tEnd[j - 1]!, tStart[j]!)) return -1;
  }
  return j;
}

function brandEnd(src: string, i: number, b: Brand): number {
  let j = i;
  for (let k = 1; k < b.words.length; k++) {
    j++;
    if (j >= tCount || tKind[j] !== WORD || !tokenIs(src, j, b.words[k]!)) return -1;
    if (normGap(src.slice(tEnd[j - 1]!, tStart[j]!)) !== b.gaps[k - 1]) return -1;
  }
  j++;
  if (j >= tCount || tKind[j] !== WORD) return -1;
  const role = tKey[j];
  if (role !== "partner" && role !== "ambassador") return -1;
  if (normGap(src.slice(tEnd[j - 1]!, tStart[j]!)) !== b.before) return -1;
  return j;
}

function rawMatches(src: string, brand: Brand | null): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < tCount; i++) {
    const kind = tKind[i];
    const key = tKey[i] ?? null;
    if (kind === SKIP || (key === null && brand === null)) continue;
    const s = tStart[i]!;
    if (kind === TAG) {
      const list = key === null ? undefined : BY_TAG.get(key);
      if (list) {
        for (const x of list) {
          if (!x.exact || tPlain[i] === 1) out.push({ cls: x.cls, strength: x.strength, s, e: tEnd[i]!, tag: i });
        }
      }
      if (brand && (tokenIs(src, i, brand.tags[0]!) || tokenIs(src, i, brand.tags[1]!))) {
        out.push({ cls: BRAND_ROLE, strength: undefined, s, e: tEnd[i]!, tag: i });
      }
      continue;
    }
    const list = key === null ? undefined : BY_FIRST_WORD.get(key);
    if (list) {
      for (const x of list) {
        if (x.exact && tPlain[i] === 0) continue;
        const j = x.rest.length === 0 ? i : phraseEnd(src, i, x.rest, x.exact);
        if (j >= 0) out.push({ cls: x.cls, strength: x.strength, s, e: tEnd[j]!, tag: -1 });
      }
    }
    if (brand && tokenIs(src, i, brand.words[0]!)) {
      const j = brandEnd(src, i, brand);
      if (j >= 0) out.push({ cls: BRAND_ROLE, strength: undefined, s, e: tEnd[j]!, tag: -1 });
    }
  }
  return out;
}

/**
 * Overlaps: within a class, leftmost-longest ("paid partnership with" over "paid partnership",
 * "affiliate links" (strong) over "affiliate" (bare)). Across classes both stay, because a
 * term listed in two classes counts for both ("sponsored by"), "Paid ad" does show "ad" and
 * "Gifted by" does show "gifted". Only a vague word inside a longer label of another class
 * goes ("PR" in "PR product"): it is part of that label, not a second, vaguer one.
 */
function resolve(raw: Raw[]): Raw[] {
  raw.sort((a, b) => a.cls - b.cls || a.s - b.s || b.e - a.e);
  const kept: Raw[] = [];
  let cls = -1;
  let lastEnd = -1;
  for (const r of raw) {
    if (r.cls !== cls) {
      cls = r.cls;
      lastEnd = -1;
    }
    if (r.s >= lastEnd) {
      kept.push(r);
      lastEnd = r.e;
    }
  }
  const specific = kept.filter((r) => r.cls !== VAGUE);
  const out = kept.filter(
    (r) => r.cls !== VAGUE || !specific.some((o) => o.s <= r.s && o.e >= r.e && o.e - o.s > r.e - r.s),
  );
  out.sort((a, b) => a.s - b.s || a.cls - b.cls);
  return out;
}

/** Per token: a hashtag that is 3rd or later in a run of 4+ hashtags separated only by whitespace. */
function buriedTags(src: string): Uint8Array {
  const buried = new Uint8Array(tCount);
  let i = 0;
  while (i < tCount) {
    if (tKind[i] !== TAG) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tCount && tKind[j + 1] === TAG && allSpace(src, tEnd[j]!, tStart[j + 1]!)) j++;
    if (j - i + 1 >= 4) for (let k = i + 2; k <= j; k++) buried[k] = 1;
    i = j + 1;
  }
  return buried;
}

/** An astral character (most emoji): one character to a reader, two UTF-16 units. */
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;

export interface MatchOptions {
  /** The brand's name, for brand-role terms; null or blank: no brand-role terms. */
  readonly brand?: string | null;
  /** For `text`: the platform whose cut-off decides `visible`. Without it all text is visible. */
  readonly platform?: Platform;
}

/**
 * The labels in `s`, in order of position (then class order). A term listed in two classes
 * gives one label per class. Offsets are UTF-16 offsets in `s` itself; `visible` and `buried`
 * describe `text` (in `overlay` a label is always visible and never buried).
 */
export function matchLabels(s: string, where: Where, options: MatchOptions = {}): FoundLabel[] {
  if (s.length === 0) return [];
  const brandName = options.brand?.trim() ? options.brand : null;
  const brand = brandName ? compileBrand(brandName) : null;
  tokenize(s);
  const found = resolve(rawMatches(s, brand));
  if (found.length === 0) return [];

  const cutoff = where === "text" && options.platform ? CUTOFFS[options.platform] : null;
  const buried = where === "text" && found.some((r) => r.tag >= 0) ? buriedTags(s) : null;
  // Cut-offs count characters as a reader does. Labels come in order of position, so one
  // walk counts the astral characters before each; without any, units are characters.
  const astral = cutoff !== null && ASTRAL.test(s);
  let at = 0;
  let pairs = 0;
  const labels: FoundLabel[] = [];
  for (const r of found) {
    if (astral) {
      for (; at < r.s; at++) {
        const c = s.charCodeAt(at);
        if (c >= 0xdc00 && c <= 0xdfff && at > 0) {
          const p = s.charCodeAt(at - 1);
          if (p >= 0xd800 && p <= 0xdbff) pairs++;
        }
      }
    }
    const label: FoundLabel = {
      text: s.slice(r.s, r.e),
      where,
      start: r.s,
      end: r.e,
      class: LABEL_CLASSES[r.cls]!,
      visible: cutoff === null || r.s - pairs < cutoff,
      buried: buried !== null && r.tag >= 0 && buried[r.tag] === 1,
    };
    if (r.strength) label.strength = r.strength;
    labels.push(label);
  }
  return labels;
}
