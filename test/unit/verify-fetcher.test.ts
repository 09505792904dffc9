import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hostnameProblem, safeFetch, type SafeFetchOptions } from "../../worker/verify/fetcher.ts";
import { startPlatformServer, type PlatformServer } from "./fixtures/platform-server.ts";

let fx: PlatformServer;
beforeAll(async () => {
  fx = await startPlatformServer();
});
afterAll(() => fx.close());

// Production mode against the fixture: public https names, bytes from 127.0.0.1.
const prod = (path: string, opts: Partial<SafeFetchOptions> = {}) =>
  safeFetch(`https://public.example.com${path}`, { dev: false, fetchImpl: fx.publicFetch, ...opts });

describe("safeFetch in development", () => {
  it("reads a local page over http", async () => {
    const r = await safeFetch(`${fx.base}/site/nothing`, { dev: true });
    expect(r).toMatchObject({ ok: true, status: 200, url: `${fx.base}/site/nothing` });
    if (r.ok) {
      expect(r.contentType).toContain("text/html");
      expect(r.body).toContain("Just a page");
    }
  });

  it("gives up on a slow answer after the timeout", async () => {
    const started = Date.now();
    const r = await safeFetch(`${fx.base}/slow`, { dev: true, timeoutMs: 200 });
    expect(r).toEqual({ ok: false, failure: "The page took longer than 200 milliseconds to answer." });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("gives up on a body that trickles past the timeout", async () => {
    const r = await safeFetch(`${fx.base}/slow-body`, { dev: true, timeoutMs: 200 });
    expect(r).toEqual({ ok: false, failure: "The page took longer than 200 milliseconds to answer." });
  });

  it("words the default timeout in seconds", async () => {
    vi.useFakeTimers();
    try {
      const never = (() => new Promise<Response>(() => {})) as typeof fetch;
      const pending = safeFetch("https://public.example.com/", { dev: false, fetchImpl: never });
      await vi.advanceTimersByTimeAsync(5000);
      expect(await pending).toEqual({ ok: false, failure: "The page took longer than 5 seconds to answer." });
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops reading a streamed body past maxBytes", async () => {
    const r = await safeFetch(`${fx.base}/big`, { dev: true, maxBytes: 50_000 });
    expect(r).toEqual({ ok: false, failure: "The page is larger than 50 kB." });
  });

  it("refuses a declared length past maxBytes before reading", async () => {
    const before = fx.requests.length;
    const r = await safeFetch(`${fx.base}/big-declared`, { dev: true, maxBytes: 250_000 });
    expect(r).toEqual({ ok: false, failure: "The page is larger than 250 kB." });
    expect(fx.requests.slice(before)).toEqual(["/big-declared"]);
    const mb = await safeFetch(`${fx.base}/big`, { dev: true, maxBytes: 100 });
    expect(mb).toEqual({ ok: false, failure: "The page is larger than 100 bytes." });
  });

  it("names the status of a non-2xx answer", async () => {
    expect(await safeFetch(`${fx.base}/status/404`, { dev: true })).toEqual({
      ok: false,
      failure: "The page answered with HTTP status 404 (Not Found).",
    });
    expect(await safeFetch(`${fx.base}/status/418`, { dev: true })).toEqual({
      ok: false,
      failure: "The page answered with HTTP status 418.",
    });
  });

  it("follows up to maxRedirects and reports the final URL", async () => {
    const r = await safeFetch(`${fx.base}/redirect/3`, { dev: true });
    expect(r).toMatchObject({ ok: true, url: `${fx.base}/redirect/0` });
  });

  it("stops after maxRedirects", async () => {
    expect(await safeFetch(`${fx.base}/redirect/4`, { dev: true })).toEqual({ ok: false, failure: "Redirected more than 3 times." });
    expect(await safeFetch(`${fx.base}/redirect/2`, { dev: true, maxRedirects: 1 })).toEqual({
      ok: false,
      failure: "Redirected more than 1 time.",
    });
  });

  it("fails a redirect without a Location", async () => {
    const r = await safeFetch(`${fx.base}/redirect-no-location`, { dev: true });
    expect(r).toEqual({ ok: false, failure: "The page answered with a redirect (302) but gave no new address." });
  });

  it("decodes the declared charset", async () => {
    const r = await safeFetch(`${fx.base}/latin1`, { dev: true });
    expect(r.ok && r.body).toBe("café");
  });

  it("sends an Accept header and a User-Agent", async () => {
    const r = await safeFetch(`${fx.base}/echo-headers`, { dev: true, accept: "application/json" });
    expect(r.ok).toBe(true);
    const headers = JSON.parse(r.ok ? r.body : "{}") as Record<string, string>;
    expect(headers.accept).toBe("application/json");
    expect(headers["user-agent"]).toMatch(/^CandorVerify\//);
  });

  it("reports a closed port as a readable sentence", async () => {
    const r = await safeFetch("http://127.0.0.1:1/", { dev: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^(127\.0\.0\.1:1 refused the connection\.|Could not connect to 127\.0\.0\.1:1 .*\.)$/);
  });

  it("rejects what is not a web address", async () => {
    expect(await safeFetch("not a url", { dev: true })).toEqual({ ok: false, failure: "The address “not a url” is not a valid web address." });
    expect(await safeFetch("file:///etc/passwd", { dev: true })).toEqual({
      ok: false,
      failure: "Refused to fetch file addresses: only web pages can be checked.",
    });
  });
});

describe("safeFetch outside development", () => {
  it("reads a public https page and follows redirects to it", async () => {
    const r = await prod("/redirect/2");
    expect(r).toMatchObject({ ok: true, url: "https://public.example.com/redirect/0" });
  });

  it("refuses plain http", async () => {
    const r = await safeFetch("http://public.example.com/", { dev: false, fetchImpl: fx.publicFetch });
    expect(r).toEqual({ ok: false, failure: "Refused to fetch http://public.example.com/: only https addresses are checked." });
  });

  it("refuses a redirect to a private address without requesting it", async () => {
    const before = fx.requests.length;
    const r = await prod("/redirect-private");
    expect(r).toEqual({ ok: false, failure: "Refused to fetch a private or loopback address (10.0.0.1)." });
    expect(fx.requests.slice(before)).toEqual(["/redirect-private"]);
  });

  it("refuses a redirect to the metadata address", async () => {
    expect(await prod("/redirect-metadata")).toEqual({ ok: false, failure: "Refused to fetch a cloud metadata address (169.254.169.254)." });
  });

  it("refuses a redirect down to http", async () => {
    expect(await prod("/redirect-http")).toEqual({
      ok: false,
      failure: "Refused to fetch http://public.example.com/site/nothing: only https addresses are checked.",
    });
  });

  it("still applies the timeout and size cap", async () => {
    expect(await prod("/slow", { timeoutMs: 200 })).toEqual({ ok: false, failure: "The page took longer than 200 milliseconds to answer." });
    expect(await prod("/big", { maxBytes: 1_000 })).toEqual({ ok: false, failure: "The page is larger than 1 kB." });
  });

  it("refuses loopback, private, link-local, CGNAT and metadata hosts directly", async () => {
    const cases: Array<[string, string]> = [
      ["https://127.0.0.1/", "Refused to fetch a private or loopback address (127.0.0.1)."],
      ["https://127.8.9.10/", "Refused to fetch a private or loopback address (127.8.9.10)."],
      ["https://2130706433/", "Refused to fetch a private or loopback address (127.0.0.1)."],
      ["https://0x7f.1/", "Refused to fetch a private or loopback address (127.0.0.1)."],
      ["https://[::1]/", "Refused to fetch a private or loopback address (::1)."],
      ["https://[::ffff:10.0.0.5]/", "Refused to fetch a private or loopback address (::ffff:a00:5)."],
      ["https://10.0.0.5/", "Refused to fetch a private or loopback address (10.0.0.5)."],
      ["https://172.16.0.1/", "Refused to fetch a private or loopback address (172.16.0.1)."],
      ["https://172.31.255.255/", "Refused to fetch a private or loopback address (172.31.255.255)."],
      ["https://192.168.1.1/", "Refused to fetch a private or loopback address (192.168.1.1)."],
      ["https://[fd00::1]/", "Refused to fetch a private or loopback address (fd00::1)."],
      ["https://[fe80::1]/", "Refused to fetch a private or loopback address (fe80::1)."],
      ["https://169.254.1.1/", "Refused to fetch a private or loopback address (169.254.1.1)."],
      ["https://100.64.0.1/", "Refused to fetch a private or loopback address (100.64.0.1)."],
      ["https://100.127.255.255/", "Refused to fetch a private or loopback address (100.127.255.255)."],
      ["https://0.0.0.0/", "Refused to fetch a private or loopback address (0.0.0.0)."],
      ["https://169.254.169.254/", "Refused to fetch a cloud metadata address (169.254.169.254)."],
      ["https://metadata.google.internal/", "Refused to fetch a cloud metadata address (metadata.google.internal)."],
      ["https://localhost/", "Refused to fetch a private or loopback address (localhost)."],
      ["https://LOCALHOST./", "Refused to fetch a private or loopback address (localhost)."],
      ["https://candor.localhost/", "Refused to fetch a private or loopback address (candor.localhost)."],
      ["https://8.8.8.8/", "Refused to fetch a bare IP address (8.8.8.8): use the site's domain name."],
      ["https://user:pw@example.com/", "Refused to fetch an address that contains a user name or password."],
    ];
    const never = (() => {
      throw new Error("must not be called");
    }) as typeof fetch;
    for (const [url, failure] of cases) {
      expect(await safeFetch(url, { dev: false, fetchImpl: never }), url).toEqual({ ok: false, failure });
    }
  });

  it("lets ordinary public names through", () => {
    for (const host of ["example.com", "mastodon.social", "100.63.0.1.nip.io", "172.32.0.1.example"]) expect(hostnameProblem(host), host).toBeNull();
    expect(hostnameProblem("intranet")).toBe("Refused to fetch a private or loopback address (intranet).");
  });
});
