import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyConfigFromEnv, type VerifyConfig } from "../../worker/verify/config.ts";
import { joinTxtChunks, normalizeDomain, verifyDomain } from "../../worker/verify/domain.ts";
import { makeVerifyDeps } from "../../worker/verify/adapters/index.ts";
import { startPlatformServer, type PlatformServer } from "./fixtures/platform-server.ts";

let fx: PlatformServer;
let config: VerifyConfig;
beforeAll(async () => {
  fx = await startPlatformServer();
  config = verifyConfigFromEnv({
    ENVIRONMENT: "development",
    VERIFY_DOH_URL: `${fx.base}/dns-query`,
    VERIFY_WELL_KNOWN_BASE: `${fx.base}/wk/{domain}`,
  });
});
afterAll(() => fx.close());

const verify = (domain: string, token: string) => verifyDomain({ domain, token }, makeVerifyDeps(config));

describe("normalizeDomain", () => {
  const cases: Array<[string, string | null]> = [
    ["Example.COM", "example.com"],
    ["https://www.Example.com:8443/path?q=1#x", "www.example.com"],
    ["example.com.", "example.com"],
    ["  shop.example.co.uk/ ", "shop.example.co.uk"],
    ["user@example.com", "example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["localhost", null],
    ["com", null],
    ["192.168.1.1", null],
    ["http://10.0.0.5/", null],
    ["[::1]", null],
    ["exa_mple.com", null],
    ["-bad.example", null],
    ["", null],
    ["a..b", null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => expect(normalizeDomain(input)).toBe(expected));
  }
});

describe("joinTxtChunks", () => {
  it("joins quoted chunks and unescapes", () => {
    expect(joinTxtChunks('"candor-verify=" "abc"')).toBe("candor-verify=abc");
    expect(joinTxtChunks('"a \\"quoted\\" word"')).toBe('a "quoted" word');
    expect(joinTxtChunks("unquoted")).toBe("unquoted");
  });
});

describe("verifyDomain", () => {
  it("passes on a TXT record split into chunks", async () => {
    expect(await verify("https://Brand.Example/", "tok-brand")).toEqual({ ok: true, method: "dns-txt" });
  });

  it("passes on the well-known file when DNS has nothing", async () => {
    expect(await verify("wk.example", "tok-wk")).toEqual({ ok: true, method: "well-known" });
  });

  it("fails on another brand's token, naming both places", async () => {
    const r = await verify("other.example", "tok-mine");
    expect(r).toEqual({
      ok: false,
      method: "domain",
      failure:
        "The TXT record of other.example holds a Candor code that is not yours: yours is candor-verify=tok-mine. " +
        `${fx.base}/wk/other.example/.well-known/candor.txt does not contain your code tok-mine.`,
    });
  });

  it("does not accept a token that is only a prefix of the published one", async () => {
    expect((await verify("brand.example", "tok-bra")).ok).toBe(false);
  });

  it("fails readably when neither proof exists", async () => {
    const r = await verify("none.example", "tok-x");
    expect(r).toEqual({
      ok: false,
      method: "domain",
      failure:
        "No TXT record candor-verify=tok-x on none.example. " +
        `Could not read ${fx.base}/wk/none.example/.well-known/candor.txt. The page answered with HTTP status 404 (Not Found).`,
    });
  });

  it("says when the domain does not exist", async () => {
    const r = await verify("nx.example", "tok-x");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toMatch(/^The domain nx\.example does not exist in DNS\./);
  });

  it("rejects what is not a domain without fetching", async () => {
    const before = fx.requests.length;
    expect(await verify("127.0.0.1", "tok")).toEqual({ ok: false, method: "domain", failure: "“127.0.0.1” is not a domain name." });
    expect(fx.requests.length).toBe(before);
  });

  it("asks the resolver for TXT as dns-json", async () => {
    const before = fx.requests.length;
    await verify("brand.example", "tok-brand");
    expect(fx.requests.slice(before)).toEqual(["/dns-query?name=brand.example&type=TXT"]);
  });

  it("uses https://<domain> for the file outside dev and refuses private names", async () => {
    const seen: string[] = [];
    const recording = ((input: string | URL | Request, init?: RequestInit) => {
      const u = new URL(String(input));
      seen.push(u.href);
      // The fixture serves each domain's well-known file under /wk/<domain>.
      const path = u.pathname.startsWith("/.well-known/") ? `/wk/${u.hostname}${u.pathname}` : `${u.pathname}${u.search}`;
      return fetch(`${fx.base}${path}`, init);
    }) as typeof fetch;
    const prod = makeVerifyDeps({ ...verifyConfigFromEnv({}), dohUrl: "https://dns.example.net/dns-query" }, recording);
    expect(await verifyDomain({ domain: "wk.example", token: "tok-wk" }, prod)).toEqual({ ok: true, method: "well-known" });
    expect(seen).toEqual(["https://dns.example.net/dns-query?name=wk.example&type=TXT", "https://wk.example/.well-known/candor.txt"]);
    const r = await verifyDomain({ domain: "printer.local", token: "tok" }, prod);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure).toContain("Refused to fetch a private or loopback address (printer.local).");
  });
});
