// A brand proves it owns a domain with a DNS TXT record `candor-verify=<token>` (read over
// DNS-over-HTTPS, since Workers have no resolver API) or a file /.well-known/candor.txt.
import { wellKnownUrl } from "./config.ts";
import { asRecord, asString, containsToken, parseJson } from "./adapters/evidence.ts";
import type { ProofResult, VerifyDeps } from "./adapters/types.ts";

export const DNS_PROOF_PREFIX = "candor-verify=";

/**
 * "https://Shop.Example.com:443/x" → "shop.example.com". Null for IP addresses, single labels
 * and anything that is not a host name. Internationalised names come back in punycode.
 */
export function normalizeDomain(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\/\//, "");
  s = s.replace(/[/?#].*$/, "").replace(/^.*@/, "");
  if (s.startsWith("[")) return null; // IPv6 literal
  s = s.replace(/:\d*$/, "").replace(/\.+$/, "");
  if (s === "" || /[^a-z0-9.\-\u0080-\uffff]/.test(s)) return null;
  let host: string;
  try {
    host = new URL(`http://${s}/`).hostname; // punycode, and IPv4 spellings turned dotted
  } catch {
    return null;
  }
  const labels = host.split(".");
  if (host.length > 253 || labels.length < 2) return null;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null; // an IPv4 address, however spelled
  return host;
}

export async function verifyDomain(input: { domain: string; token: string }, deps: VerifyDeps): Promise<ProofResult> {
  const domain = normalizeDomain(input.domain);
  if (!domain) return { ok: false, method: "domain", failure: `“${input.domain}” is not a domain name.` };
  const failures: string[] = [];

  const dns = await readTxt(domain, deps);
  if (typeof dns === "string") failures.push(dns);
  else {
    const values = dns.map((v) => v.trim());
    if (values.includes(`${DNS_PROOF_PREFIX}${input.token}`)) return { ok: true, method: "dns-txt" };
    const other = values.some((v) => v.toLowerCase().startsWith(DNS_PROOF_PREFIX));
    failures.push(
      other
        ? `The TXT record of ${domain} holds a Candor code that is not yours: yours is ${DNS_PROOF_PREFIX}${input.token}.`
        : `No TXT record ${DNS_PROOF_PREFIX}${input.token} on ${domain}.`,
    );
  }

  const fileUrl = wellKnownUrl(deps.config, domain);
  const file = await deps.fetch(fileUrl, { accept: "text/plain,*/*;q=0.1", maxBytes: 64_000 });
  if (!file.ok) failures.push(`Could not read ${fileUrl}. ${file.failure}`);
  else if (containsToken(file.body, input.token)) return { ok: true, method: "well-known" };
  else failures.push(`${fileUrl} does not contain your code ${input.token}.`);

  return { ok: false, method: "domain", failure: failures.join(" ") };
}

/** TXT strings of a name, or a sentence saying why DNS could not be read. */
async function readTxt(domain: string, deps: VerifyDeps): Promise<string[] | string> {
  const url = `${deps.config.dohUrl}?name=${encodeURIComponent(domain)}&type=TXT`;
  const res = await deps.fetch(url, { accept: "application/dns-json", maxBytes: 64_000 });
  if (!res.ok) return `Could not look up the DNS records of ${domain}. ${res.failure}`;
  const answer = asRecord(parseJson(res.body));
  if (answer.Status === 3) return `The domain ${domain} does not exist in DNS.`;
  if (answer.Status !== 0) return `The DNS lookup for ${domain} failed.`;
  const records = Array.isArray(answer.Answer) ? answer.Answer.map(asRecord) : [];
  // type 16 is TXT; a CNAME on the way is skipped.
  return records.filter((r) => r.type === 16 || r.type === undefined).map((r) => joinTxtChunks(asString(r.data)));
}

/**
 * DoH returns TXT data as quoted strings, long values split into several chunks:
 * `"candor-verify=" "abc"` → `candor-verify=abc`. Unquoted data is taken as is.
 */
export function joinTxtChunks(data: string): string {
  const chunks = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, "$1"));
  return chunks.length > 0 ? chunks.join("") : data;
}
