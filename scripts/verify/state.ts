/**
 * What the auditor remembers between runs, per log base URL: the pinned verifier key and the
 * last checkpoint it verified, so the next run can demand a consistency proof from it.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type SavedCheckpoint = { size: number; root: string; note: string; seen_at: string };
export type LogState = { verifier_key?: string; origin?: string; pinned_at?: string; checkpoint?: SavedCheckpoint };
export type State = { version: 1; logs: Record<string, LogState> };

export function stateFile(dir: string): string {
  return join(dir, "verify-state.json");
}

/** Loads the state file; a missing file is an empty state, a corrupt one is an error. */
export async function loadState(dir: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(stateFile(dir), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, logs: {} };
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<State>;
  if (parsed.version !== 1 || typeof parsed.logs !== "object" || parsed.logs === null) {
    throw new Error(`${stateFile(dir)} is not a verify state file`);
  }
  return parsed as State;
}

/** Writes the state file atomically (temp file, then rename). */
export async function saveState(dir: string, state: State): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = `${stateFile(dir)}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, "utf8");
  await rename(tmp, stateFile(dir));
}
