// Shared helpers of `npm run bench`: machine facts, process-group bookkeeping, workerd CPU time
// from /proc, free ports, gzip sizes, formatting.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, release } from "node:os";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../lib/local.mjs";

export const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------------------------------------
// Process groups we started: killed on every way out (normal exit, error, Ctrl-C).

const groups = new Set();
export function trackGroup(pgid) {
  groups.add(pgid);
}
function alive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
/** SIGTERM the group, wait for it to go, SIGKILL what is left. */
export async function stopGroup(pgid, waitMs = 8000) {
  try {
    process.kill(-pgid, "SIGTERM");
  } catch {}
  const deadline = Date.now() + waitMs;
  while (alive(pgid) && Date.now() < deadline) await sleep(100);
  if (alive(pgid)) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {}
    await sleep(200);
  }
  groups.delete(pgid);
}
/** Our direct children that lead their own process group (wrangler is started detached). */
function childGroupLeaders() {
  const out = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[1]) === process.pid && Number(rest[2]) === Number(d)) out.push(Number(d));
    } catch {}
  }
  return out;
}
function killAllNow() {
  for (const pgid of childGroupLeaders()) groups.add(pgid);
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {}
  }
  groups.clear();
}
process.on("exit", killAllNow);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.error(`\n[bench] ${sig}: stopping servers`);
    killAllNow();
    process.exit(130);
  });
}
process.on("uncaughtException", (e) => {
  console.error("[bench] failed:", e?.stack ?? e);
  killAllNow();
  process.exit(1);
});
process.on("unhandledRejection", (e) => {
  console.error("[bench] failed:", e?.stack ?? e);
  killAllNow();
  process.exit(1);
});

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// CPU time of workerd, from /proc/<pid>/stat (utime + stime, in clock ticks).

export const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The pids of the process group, by /proc scan (pgrep -g would do the same). */
export function groupPids(pgid) {
  const out = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // rest[0] is field 3 (state); field 5 (pgrp) is rest[2].
      if (Number(rest[2]) === pgid) out.push(Number(d));
    } catch {}
  }
  return out;
}

export function workerdPids(pgid) {
  return groupPids(pgid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd";
    } catch {
      return false;
    }
  });
}

/** utime + stime of the given processes (all their threads), in seconds. */
export function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime is field 14 and stime field 15: rest[11] and rest[12].
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {}
  }
  return ticks / CLK_TCK;
}

// ---------------------------------------------------------------------------------------------

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

export const gz = (buf) => gzipSync(buf, { level: 6 }).length;

/** Every file under a directory, with its raw and gzipped size. */
export function dirSizes(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = resolve(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        const buf = readFileSync(p);
        files.push({ path: p.slice(dir.length + 1), bytes: buf.length, gzip: gz(buf) });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

// ---------------------------------------------------------------------------------------------
// The machine.

export function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? 0);
  const wranglerVersion = JSON.parse(readFileSync(resolve(ROOT, "node_modules/wrangler/package.json"), "utf8")).version;
  let workerdVersion = null;
  try {
    workerdVersion = JSON.parse(readFileSync(resolve(ROOT, "node_modules/workerd/package.json"), "utf8")).version;
  } catch {}
  const autocannonVersion = JSON.parse(readFileSync(resolve(ROOT, "node_modules/autocannon/package.json"), "utf8")).version;
  let virt = null;
  try {
    const cmdline = readFileSync("/proc/cmdline", "utf8");
    if (/firecracker/i.test(cmdline)) virt = `Firecracker microVM${/nested_pvm=1/.test(cmdline) ? " (nested virtualisation)" : ""}`;
  } catch {}
  if (!virt && /hypervisor/.test(cpuinfo)) virt = "virtual machine";
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
  return {
    cpu: model,
    mhz: mhz ? Math.round(Number(mhz)) : null,
    cores: cpus().length,
    ramGiB: memKb / 1024 / 1024,
    kernel: release(),
    virt,
    node: process.version,
    wrangler: wranglerVersion,
    workerd: workerdVersion,
    autocannon: autocannonVersion,
    commit: git.status === 0 ? git.stdout.trim() + (dirty.stdout?.trim() ? " (with uncommitted changes)" : "") : "unknown",
    date: new Date().toISOString(),
    clkTck: CLK_TCK,
    loadavg: loadavg(),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

export const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? "n/a" : Number(n).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kb = (bytes) => (bytes === null || bytes === undefined ? "n/a" : `${(bytes / 1024).toFixed(1)} KB`);
export const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || !b ? null : a / b);
export const pct = (x) => (x === null || x === undefined ? "n/a" : `${x.toFixed(2)}×`);

/** Machine-wide CPU ticks from /proc/stat: busy (user, nice, system, irq, softirq, steal) and total. */
export function systemTicks() {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy, total: busy + idle + iowait };
}

/**
 * Starts watching how much CPU other processes take while we measure: the machine may be
 * shared. stop() → { othersCores, oursCores }, in cores used on average.
 */
export function watchLoad(pgid) {
  const ours = () => cpuSeconds([process.pid, ...(pgid ? groupPids(pgid) : [])]) * CLK_TCK;
  const s0 = systemTicks();
  const o0 = ours();
  return () => {
    const s1 = systemTicks();
    const o1 = ours();
    const cores = cpus().length;
    const total = s1.total - s0.total;
    if (total <= 0) return null;
    return { othersCores: (cores * (s1.busy - s0.busy - (o1 - o0))) / total, oursCores: (cores * (o1 - o0)) / total };
  };
}
