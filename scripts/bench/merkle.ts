// Log integration rate of the pure integrate() (worker/domain/log/merkle.ts) in Node, folding
// leaf hashes in batches of 1,000 as the sequencer does. Prints one JSON line per size.
// Run: node --import tsx scripts/bench/merkle.ts --sizes 10000,1000000
import { randomBytes } from "node:crypto";
import { integrate, type TreeNode } from "../../worker/domain/log/merkle.ts";

const i = process.argv.indexOf("--sizes");
const sizes = (i > 0 ? process.argv[i + 1]! : "10000,1000000").split(",").map(Number);
const BATCH = 1000;

for (const n of sizes) {
  const pool = randomBytes(32 * n);
  const leaves = Array.from({ length: n }, (_, k) => new Uint8Array(pool.buffer, pool.byteOffset + 32 * k, 32));
  let frontier: TreeNode[] = [];
  let size = 0;
  let nodes = 0;
  let root: Uint8Array = new Uint8Array();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let start = 0; start < n; start += BATCH) {
    const r = await integrate(frontier, size, leaves.slice(start, start + BATCH));
    frontier = r.frontier;
    size = r.size;
    nodes += r.nodes.length;
    root = r.root;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ leaves: n, batch: BATCH, seconds, perSecond: n / seconds, cpuSeconds, perCpuSecond: n / cpuSeconds, nodes, root: Buffer.from(root).toString("base64") }));
}
