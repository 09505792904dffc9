/**
 * The auditor's verifier: checks a creator's log entries against the log's signed checkpoint,
 * and that checkpoint against the last one this machine saw, trusting the server for nothing.
 *
 *   node scripts/verify.ts <base-url> <handle> [--key <verifier-key>] [--state <dir>]
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import {
  parseCheckpoint,
  parseVerifierKey,
  toBase64,
  fromBase64,
  verifyConsistency,
  verifyInclusion,
  verifyNote,
  type Checkpoint,
} from "../worker/domain/log/index.ts";
import { getJson, getText, mapLimit } from "./verify/http.ts";
import { loadState, saveState, type LogState } from "./verify/state.ts";
import { checkEntry, contiguousBatches, parseCreatorLog, parseEntries, parseProof, type Entry } from "./verify/checks.ts";
import { fetchTimeline, recordProblems } from "./verify/records.ts";

const USAGE = `usage: node scripts/verify.ts <base-url> <handle> [--key <verifier-key>] [--state <dir>]

Verifies a creator's entries in the Candor transparency log with no trust in the server:
  - the checkpoint's Ed25519 signature, against --key or the key pinned on first use;
  - each entry: canonical JSON body, leaf hash, inclusion proof against the checkpoint;
  - the checkpoint's consistency with the last one seen from this base URL (no fork, no rollback).

  --key <vkey>   the log's verifier key (<name>+<id>+<base64>); pinned if none is yet
  --state <dir>  where pinned keys and seen checkpoints live (default: ./.candor)
Exits 0 when everything verified, 1 on any failure.`;

let failures = 0;
const fail = (line: string) => {
  failures++;
  console.log(`FAIL ${line}`);
};
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { key: { type: "string" }, state: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const base = new URL(positionals[0]!).toString().replace(/\/+$/, "");
  const handle = positionals[1]!.replace(/^@/, "");
  const stateDir = resolve(values.state ?? ".candor");
  const state = await loadState(stateDir);
  const log: LogState = (state.logs[base] ??= {});

  const vkey = await resolveKey(base, log, values.key);
  const note = await getText(`${base}/api/v1/log/checkpoint`);
  const cp = parseCheckpoint((await verifyNote(note, vkey)).body);
  if (log.origin && cp.origin !== log.origin) throw new Error(`checkpoint origin "${cp.origin}" is not the pinned "${log.origin}"`);
  log.origin ??= cp.origin;
  console.log(`checkpoint ${cp.origin} size ${cp.size} root ${toBase64(cp.root)}: signature ok`);

  const consistent = await checkConsistency(base, log, cp);
  const verified = await checkCreator(base, handle, cp);

  if (consistent) {
    log.checkpoint = { size: cp.size, root: toBase64(cp.root), note, seen_at: new Date().toISOString() };
    await saveState(stateDir, state);
  }
  const verdict = failures === 0 ? "OK" : `FAILED (${failures} problem${failures === 1 ? "" : "s"})`;
  console.log(`verdict: ${verdict}: ${verified} entr${verified === 1 ? "y" : "ies"} of @${handle} verified against checkpoint size ${cp.size}`);
  return failures === 0 ? 0 : 1;
}

/** The verifier key: --key, else the pinned one, else fetched and pinned (trust on first use). */
async function resolveKey(base: string, log: LogState, given: string | undefined): Promise<string> {
  if (given) {
    await parseVerifierKey(given);
    if (log.verifier_key && log.verifier_key !== given) console.log(`note: --key differs from the key pinned ${log.pinned_at}; using --key`);
    if (!log.verifier_key) Object.assign(log, { verifier_key: given, pinned_at: new Date().toISOString() });
    return given;
  }
  if (log.verifier_key) return log.verifier_key;
  const data = (await getJson(`${base}/api/v1/log/key`)) as { origin?: unknown; verifier_key?: unknown };
  if (typeof data.verifier_key !== "string" || typeof data.origin !== "string") throw new Error("log key response is malformed");
  await parseVerifierKey(data.verifier_key);
  Object.assign(log, { verifier_key: data.verifier_key, origin: data.origin, pinned_at: new Date().toISOString() });
  console.log(`pinned log key ${data.verifier_key} (trust on first use: compare it with a copy published elsewhere)`);
  return data.verifier_key;
}

/** Checks the new checkpoint extends the last one seen; false means do not save it. */
async function checkConsistency(base: string, log: LogState, cp: Checkpoint): Promise<boolean> {
  const old = log.checkpoint;
  if (!old) {
    console.log("first checkpoint seen from this log: nothing earlier to compare");
    return true;
  }
  const oldRoot = fromBase64(old.root);
  try {
    if (old.size > cp.size) throw new Error(`log shrank from size ${old.size} to ${cp.size} (rollback)`);
    if (old.size === cp.size) {
      if (old.root !== toBase64(cp.root)) throw new Error(`two different roots at size ${cp.size} (fork)`);
    } else if (old.size === 0) {
      // Every tree extends the empty one; there is no proof to ask for.
      if (!(await verifyConsistency(0, cp.size, [], oldRoot, cp.root))) throw new Error("saved empty checkpoint has a non-empty root");
    } else {
      const proof = parseProof(await getJson(`${base}/api/v1/log/proof/consistency?from=${old.size}&to=${cp.size}`), { from: old.size, to: cp.size });
      if (!(await verifyConsistency(old.size, cp.size, proof, oldRoot, cp.root))) throw new Error("consistency proof does not verify (fork)");
    }
  } catch (err) {
    fail(`consistency with size ${old.size} seen ${old.seen_at}: ${message(err)}`);
    return false;
  }
  console.log(`ok   consistent with size ${old.size} seen ${old.seen_at}`);
  return true;
}

/** Verifies each of the creator's entries in the checkpoint; returns how many verified. */
async function checkCreator(base: string, handle: string, cp: Checkpoint): Promise<number> {
  let indexes: number[];
  try {
    indexes = parseCreatorLog(await getJson(`${base}/api/v1/creators/${encodeURIComponent(handle)}/log`));
  } catch (err) {
    fail(`@${handle}: ${message(err)}`);
    return 0;
  }
  const inTree = indexes.filter((i) => i < cp.size);
  const entries = new Map<number, Entry | Error>();
  for (const [start, end] of contiguousBatches(inTree, 1000)) {
    try {
      const got = parseEntries(await getJson(`${base}/api/v1/log/entries?start=${start}&end=${end}`));
      for (let i = start; i < end; i++) entries.set(i, got.get(i) ?? new Error("missing from the entries response"));
    } catch (err) {
      for (let i = start; i < end; i++) entries.set(i, err instanceof Error ? err : new Error(String(err)));
    }
  }
  const results = await mapLimit(inTree, 8, async (i) => {
    const entry = entries.get(i)!;
    const label = entry instanceof Error ? `#${i}` : `#${i} ${entry.kind} ${entry.subject}`;
    try {
      if (entry instanceof Error) throw entry;
      const leaf = await checkEntry(entry);
      const url = `${base}/api/v1/log/proof/inclusion?index=${i}&size=${cp.size}`;
      const proof = parseProof(await getJson(url), { index: i, size: cp.size });
      if (!(await verifyInclusion(leaf, i, cp.size, proof, cp.root))) throw new Error("inclusion proof does not verify");
      return { ok: true, line: label };
    } catch (err) {
      return { ok: false, line: `${label}: ${message(err)}` };
    }
  });
  for (const r of results) {
    if (r.ok) console.log(`ok   ${r.line}`);
    else fail(r.line);
  }
  for (const i of indexes.filter((i) => i >= cp.size)) console.log(`wait #${i}: not yet in the checkpoint (size ${cp.size})`);
  if (indexes.length === 0) console.log(`@${handle} has no log entries`);
  await checkRecords(base, handle, indexes, entries, cp);
  return results.filter((r) => r.ok).length;
}

/** Each timeline record must match the log entry it names, and that entry must be the creator's. */
async function checkRecords(base: string, handle: string, indexes: number[], entries: Map<number, Entry | Error>, cp: Checkpoint) {
  let records;
  let subject: string;
  try {
    records = await fetchTimeline(base, handle);
    subject = ((await getJson(`${base}/api/v1/creators/${encodeURIComponent(handle)}/log`)) as { subject: string }).subject;
  } catch (err) {
    fail(`@${handle} timeline: ${message(err)}`);
    return;
  }
  const listed = new Set(indexes);
  let ok = 0;
  for (const r of records) {
    if (r.log_index !== null && r.log_index >= cp.size) continue;
    let entry = r.log_index === null ? undefined : entries.get(r.log_index);
    if (r.log_index !== null && (entry === undefined || entry instanceof Error)) {
      const got = parseEntries(await getJson(`${base}/api/v1/log/entries?start=${r.log_index}&end=${r.log_index + 1}`));
      entry = got.get(r.log_index);
    }
    const problems = recordProblems(r, entry instanceof Error ? undefined : entry, subject);
    if (r.log_index !== null && !listed.has(r.log_index) && problems.length === 0) problems.push(`record ${r.id}'s log entry #${r.log_index} is not listed in @${handle}'s log`);
    if (problems.length) for (const p of problems) fail(`#${r.log_index ?? "?"} ${p}`);
    else ok++;
  }
  console.log(`${ok === records.length ? "ok  " : "    "} ${ok}/${records.length} timeline records match their log entries`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    fail(message(err));
    console.log("verdict: FAILED");
    process.exit(1);
  },
);
