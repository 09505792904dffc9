// Summarises a V8 .cpuprofile: self time per function, as shares of the whole profile.
import { readFileSync } from "node:fs";

export function topFunctions(file, limit = 8) {
  const p = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    const n = byId.get(p.samples[i]);
    if (!n) continue;
    const url = n.callFrame.url ?? "";
    // The profiler's own start/stop and idle time are not the code under test.
    if (url.startsWith("node:inspector") || n.callFrame.functionName === "(idle)" || n.callFrame.functionName === "(program)") continue;
    total += dt;
    const where = url.includes("/worker/") ? url.slice(url.indexOf("/worker/") + 1) : url.includes("/scripts/") ? url.slice(url.indexOf("/scripts/") + 1) : url ? "(dependencies / Node)" : "";
    const key = `${n.callFrame.functionName || "(anonymous)"}${where ? ` — ${where}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, t]) => ({ fn, share: total ? t / total : 0 }));
}
