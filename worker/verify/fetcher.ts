// The only code in Candor that fetches other people's sites. Anyone can submit a URL, so every
// request is bounded (time, size, redirects) and never aimed at our own infrastructure.
//
// Why name checks only: a Worker cannot see DNS resolution, so a public name that resolves to
// a private address cannot be caught here. The defence for that case is Cloudflare's own egress
// (Workers cannot reach private networks or the edge's loopback), and this module refuses every
// IP literal and every name that is private by definition. Redirects are followed by hand so
// each hop gets the same checks as the first URL.

export type SafeFetchOptions = {
  /** Local development: http and private/loopback hosts are allowed. */
  dev: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  /** Test seam: the transport. The URL checks above it still apply. */
  fetchImpl?: typeof fetch;
};

export type SafeFetchResult =
  | { ok: true; url: string; status: number; contentType: string; body: string }
  | { ok: false; failure: string };

const DEFAULT_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
const USER_AGENT = "CandorVerify/1.0 (+proof-of-identity checker)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(url: string, opts: SafeFetchOptions): Promise<SafeFetchResult> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxBytes = opts.maxBytes ?? 1_000_000;
  const maxRedirects = opts.maxRedirects ?? 3;
  const fetchImpl = opts.fetchImpl ?? fetch;

  // One deadline for the whole chain, so redirects cannot multiply the time budget.
  const controller = new AbortController();
  let timedOut = false;
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error("timeout"));
  });
  aborted.catch(() => {});
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    onAbort();
  }, timeoutMs);
  // Racing every await against the deadline keeps the timeout even if a transport ignores the signal.
  const within = <T>(p: Promise<T>): Promise<T> => Promise.race([p, aborted]);

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    clearTimeout(timer);
    return fail(`The address “${url}” is not a valid web address.`);
  }

  try {
    for (let hop = 0; ; hop++) {
      const refused = urlProblem(current, opts.dev);
      if (refused) return fail(refused);

      let res: Response;
      try {
        res = await within(
          fetchImpl(current.href, {
            method: "GET",
            redirect: "manual",
            signal: controller.signal,
            headers: { accept: opts.accept ?? DEFAULT_ACCEPT, "user-agent": USER_AGENT },
          }),
        );
      } catch (err) {
        if (timedOut) return fail(tooSlow(timeoutMs));
        return fail(networkFailure(current, err));
      }

      if (REDIRECT_STATUSES.has(res.status)) {
        await discard(res);
        const location = res.headers.get("location");
        if (!location) return fail(`The page answered with a redirect (${res.status}) but gave no new address.`);
        if (hop >= maxRedirects) return fail(`Redirected more than ${plural(maxRedirects, "time")}.`);
        try {
          current = new URL(location, current);
        } catch {
          return fail(`The page redirected to an invalid address (${location}).`);
        }
        continue;
      }

      if (res.status < 200 || res.status > 299) {
        await discard(res);
        return fail(`The page answered with HTTP status ${res.status}${statusName(res.status)}.`);
      }

      const declared = Number(res.headers.get("content-length") ?? "");
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discard(res);
        return fail(tooBig(maxBytes));
      }

      const contentType = res.headers.get("content-type") ?? "";
      let body: string | null;
      try {
        body = await readCapped(res, maxBytes, contentType, within);
      } catch (err) {
        if (timedOut) return fail(tooSlow(timeoutMs));
        return fail(`The page could not be read completely (${errorText(err)}).`);
      }
      if (body === null) return fail(tooBig(maxBytes));
      return { ok: true, url: current.href, status: res.status, contentType, body };
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Why this URL may not be fetched, as a sentence; null when it may. */
export function urlProblem(url: URL, dev: boolean): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `Refused to fetch ${url.protocol.replace(/:$/, "")} addresses: only web pages can be checked.`;
  }
  if (url.username || url.password) return "Refused to fetch an address that contains a user name or password.";
  if (dev) return null;
  const hostProblem = hostnameProblem(url.hostname);
  if (hostProblem) return hostProblem;
  if (url.protocol !== "https:") return `Refused to fetch ${url.href}: only https addresses are checked.`;
  return null;
}

/** Refuses IP literals and names that are private by definition (non-dev only). */
export function hostnameProblem(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const bare = host.replace(/^\[|\]$/g, "");
  const v4 = parseIPv4(bare);
  const v6 = v4 ? null : parseIPv6(bare);
  if (v4 || v6) {
    const kind = v4 ? ipv4Kind(v4) : ipv6Kind(v6!);
    if (kind === "metadata") return `Refused to fetch a cloud metadata address (${bare}).`;
    if (kind === "private") return `Refused to fetch a private or loopback address (${bare}).`;
    // Public literals are refused too: no real profile lives on a bare IP, and there are too many
    // spellings of private addresses (mapped, NAT64, 6to4) to allow-list literals safely.
    return `Refused to fetch a bare IP address (${bare}): use the site's domain name.`;
  }
  if (host === "metadata.google.internal" || host === "metadata") {
    return `Refused to fetch a cloud metadata address (${host}).`;
  }
  if (host === "localhost" || /\.(localhost|internal|local|home\.arpa)$/.test(host) || !host.includes(".")) {
    return `Refused to fetch a private or loopback address (${host}).`;
  }
  return null;
}

type IpKind = "public" | "private" | "metadata";

function parseIPv4(s: string): number[] | null {
  // The URL parser already turned every IPv4 spelling (hex, octal, single number) into dotted form.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

function ipv4Kind([a, b, c, d]: number[]): IpKind {
  if (a === 169 && b === 254 && c === 169 && d === 254) return "metadata";
  if (
    a === 0 || a === 10 || a === 127 || a! >= 224 || // this-network, private, loopback, multicast/reserved
    (a === 100 && b! >= 64 && b! <= 127) || // CGNAT 100.64/10
    (a === 169 && b === 254) || // link-local
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) // benchmarking
  ) {
    return "private";
  }
  return "public";
}

function parseIPv6(s: string): number[] | null {
  if (!s.includes(":") || !/^[0-9a-f:.]+$/.test(s)) return null;
  let tail: number[] = [];
  let text = s;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]!);
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    text = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === "" ? [] : h.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + rest.length + tail.length;
  if (head.some(Number.isNaN) || rest.some(Number.isNaN) || known > 8) return null;
  if (halves.length === 1 && known !== 8) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

function ipv6Kind(g: number[]): IpKind {
  const allZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (allZero(0, 8) || (allZero(0, 7) && g[7] === 1)) return "private"; // :: and ::1
  if (allZero(0, 5) && g[5] === 0xffff) {
    // IPv4-mapped: judge the embedded IPv4 address.
    return ipv4Kind([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]);
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return "private"; // link-local fe80::/10
  if ((g[0]! & 0xff00) === 0xff00) return "private"; // multicast
  return "public";
}

/** Reads the body, giving up (null) as soon as it passes maxBytes. */
async function readCapped(
  res: Response,
  maxBytes: number,
  contentType: string,
  within: <T>(p: Promise<T>) => Promise<T>,
): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await within(reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch (err) {
    reader.cancel().catch(() => {});
    throw err;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return decoder(contentType).decode(bytes);
}

function decoder(contentType: string): TextDecoder {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8");
  } catch {
    return new TextDecoder("utf-8"); // unknown or unsupported label (workerd supports few)
  }
}

async function discard(res: Response): Promise<void> {
  // Free the connection without waiting on a body we will not read.
  res.body?.cancel().catch(() => {});
}

function fail(failure: string): SafeFetchResult {
  return { ok: false, failure };
}

function tooSlow(ms: number): string {
  const span = ms >= 1000 ? plural(Math.round(ms / 100) / 10, "second") : plural(ms, "millisecond");
  return `The page took longer than ${span} to answer.`;
}

function tooBig(bytes: number): string {
  const size =
    bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : bytes >= 1000 ? `${Math.round(bytes / 100) / 10} kB` : plural(bytes, "byte");
  return `The page is larger than ${size}.`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

const STATUS_NAMES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  410: "Gone",
  429: "Too Many Requests",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function statusName(status: number): string {
  const name = STATUS_NAMES[status];
  return name ? ` (${name})` : "";
}

function networkFailure(url: URL, err: unknown): string {
  // Node puts the system error code on `cause`; workerd gives only a message.
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `The name ${url.hostname} could not be found in DNS.`;
  if (code === "ECONNREFUSED") return `${url.host} refused the connection.`;
  return `Could not connect to ${url.host} (${errorText(err)}).`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
