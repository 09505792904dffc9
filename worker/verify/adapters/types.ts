// Shapes shared by every proof adapter, kept apart so adapters and the dispatcher can both import them.
import type { Platform, VerifyConfig } from "../config.ts";
import type { SafeFetchResult } from "../fetcher.ts";

export type ProofContext = {
  platform: Platform;
  /** The account URL the creator gave (normalised by parseAccountUrl). */
  url: string;
  /** The creator's Candor handle, without "@". */
  handle: string;
  /** The proof token; the proof string is `candor-verify:<token>`. */
  token: string;
  /** The creator's Candor profile, e.g. https://candor.example/@handle */
  profileUrl: string;
  /** Domains the creator has already proven (a Bluesky handle on one of them is a proof). */
  verifiedDomains?: string[];
};

/** Per-request fetch options an adapter may set; dev mode comes from the config. */
export type VerifyFetchOptions = { accept?: string; timeoutMs?: number; maxBytes?: number; maxRedirects?: number };

export type VerifyDeps = {
  fetch: (url: string, opts?: VerifyFetchOptions) => Promise<SafeFetchResult>;
  config: VerifyConfig;
};

export type ProofResult = { ok: true; method: string } | { ok: false; method: string; failure: string };
