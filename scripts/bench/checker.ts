// Checker throughput on 2,000-character captions, in-process on one core (the caller pins it with
// taskset when available). Prints one JSON line: { captions, seconds, perSecond, ... }.
// Run: node --import tsx scripts/bench/checker.ts [--seconds 3]
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { checkDisclosure } from "../../worker/domain/disclosure/check.ts";
import type { CheckInput } from "../../worker/domain/disclosure/types.ts";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const seconds = arg("seconds", 3);
// --profile FILE: write a V8 CPU profile of the timed loop only (not of start-up or input generation).
const profileAt = process.argv.indexOf("--profile");
const profileFile = profileAt > 0 ? process.argv[profileAt + 1] : null;
const LENGTH = 2000;

// A deterministic PRNG so every run checks the same captions.
let state = 0x9e3779b9;
const rand = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

const WORDS = [
  "morning", "routine", "with", "my", "favourite", "serum", "honestly", "could", "not", "be", "happier", "texture", "scent",
  "lasts", "all", "day", "running", "shoes", "trail", "weekend", "recipe", "kitchen", "travel", "hotel", "beach", "review",
  "unboxing", "tested", "three", "weeks", "before", "after", "result", "link", "bio", "code", "discount", "nouvelle", "crème",
  "préférée", "testée", "pendant", "semaines", "vous", "dis", "tout", "en", "story", "adorable", "read", "made", "adventure",
  "already", "badly", "padding", "spread", "ready", "road", "headline", "grade",
];
const HASHTAGS = ["#skincare", "#beauty", "#running", "#fitness", "#travel", "#food", "#ootd", "#glow", "#selfcare", "#adventure", "#adidas", "#ADHD", "#made", "#vegan", "#marathon"];
// Labels of every class, in English and French, some accented, some run together as hashtags.
const LABELS = [
  "#ad", "Ad |", "[AD]", "(ad)", "advertisement feature", "sponsored by Stride", "#paidpartnership", "paid partnership with Lumen",
  "#StridePartner", "Stride ambassador", "I was paid by Stride", "sent me this for free", "I earn a commission", "#gifted", "PR product",
  "affiliate link", "#affiliate", "#aff", "Publicité", "publicite", "#collaborationcommerciale", "collaboration commerciale", "sponsorisé",
  "en partenariat avec Lumen", "#pub", "#sp", "#collab", "thank you", "merci", "sneak peek", "images retouchées", "image virtuelle",
];
const NOISE = ["@adstudio", "example.com/ad", "https://shop.example/ad?ref=pub", "@stride_partner"];
const PLACES = ["start", "before-cutoff", "middle", "end", "buried", "none", "overlay"] as const;
const PLATFORMS = ["instagram", "tiktok", "youtube", "facebook", "linkedin", "pinterest", "x", "twitch", "snapchat", "blog", "other"] as const;
const MEDIA = ["text", "image", "carousel", "video", "reel", "story", "live"] as const;
const RELATIONSHIPS = ["paid", "gifted", "affiliate", "ambassador", "own_brand", "employee", "event", "loan", "none"] as const;
const JURIS = [["US"], ["UK"], ["FR"], ["US", "UK"], ["US", "UK", "FR"], ["FR", "US"]] as const;

function filler(len: number): string {
  let s = "";
  while (s.length < len) {
    const r = rand();
    s += (s ? " " : "") + (r < 0.08 ? pick(HASHTAGS) : r < 0.1 ? pick(NOISE) : pick(WORDS)) + (rand() < 0.06 ? "." : "");
  }
  return s.slice(0, len);
}

/** A 2,000-character caption with zero to three labels in the given place. */
function caption(place: (typeof PLACES)[number]): { text: string; overlay: string | null } {
  const labels = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(LABELS));
  let text: string;
  let overlay: string | null = null;
  switch (place) {
    case "start":
      text = `${labels.join(" ")} ${filler(LENGTH)}`;
      break;
    case "before-cutoff":
      text = `${filler(40)} ${labels[0]} ${filler(LENGTH)}`;
      break;
    case "middle":
      text = `${filler(900)} ${labels.join(" ")} ${filler(LENGTH)}`;
      break;
    case "end": {
      const tail = ` ${labels.join(" ")}`;
      text = filler(LENGTH - tail.length) + tail;
      break;
    }
    case "buried": {
      const run = ` #travel #food #glow ${labels.map((l) => (l.startsWith("#") ? l : `#${l.replace(/\W+/g, "")}`)).join(" ")} #vegan`;
      text = filler(LENGTH - run.length) + run;
      break;
    }
    case "overlay":
      text = filler(LENGTH);
      overlay = labels.join(" ");
      break;
    default:
      text = filler(LENGTH);
  }
  return { text: text.slice(0, LENGTH).padEnd(LENGTH, " "), overlay };
}

const INPUTS: CheckInput[] = [];
for (let i = 0; i < 1000; i++) {
  const { text, overlay } = caption(PLACES[i % PLACES.length]!);
  INPUTS.push({
    text,
    overlay,
    platform: pick(PLATFORMS),
    media: pick(MEDIA),
    relationship: pick(RELATIONSHIPS),
    jurisdictions: [...pick(JURIS)],
    platform_tool: rand() < 0.1,
    retouched: rand() < 0.1,
    ai_generated: rand() < 0.05,
    brand: rand() < 0.7 ? "Stride" : null,
  } as CheckInput);
}

// Warm up (JIT), then count checks in rounds of ~0.25 s until the time is up. The machine may be
// shared: besides wall-clock rates, the rate per CPU-second of this process is reported (what one
// core does when it is not taken away), and the best and median rounds.
const verdicts: Record<string, number> = {};
for (let i = 0; i < 3000; i++) checkDisclosure(INPUTS[i % INPUTS.length]!);
let session: Session | null = null;
if (profileFile) {
  session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
let n = 0;
const rounds: number[] = [];
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const deadline = t0 + BigInt(Math.round(seconds * 1e9));
let now = t0;
while (now < deadline) {
  const r0 = now;
  let k = 0;
  while (now - r0 < 250_000_000n) {
    for (let i = 0; i < 100; i++) {
      const out = checkDisclosure(INPUTS[n % INPUTS.length]!);
      if (n < INPUTS.length) verdicts[out.verdict] = (verdicts[out.verdict] ?? 0) + 1;
      n++;
      k++;
    }
    now = process.hrtime.bigint();
  }
  rounds.push(k / (Number(now - r0) / 1e9));
}
const cpu = process.cpuUsage(cpu0);
const elapsed = Number(now - t0) / 1e9;
if (session) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(profileFile!, JSON.stringify(profile));
  session.disconnect();
}

// Calibration: the least any matcher must do, one pass over the caption's UTF-16 units counting
// word starts, timed the same way (per CPU-second). It says how fast this machine is at the
// checker's innermost work, so the checker's figure can be read against it.
let sink = 0;
const scan = (t: string) => {
  let words = 0;
  let inWord = false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127 || c === 35;
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
};
for (let i = 0; i < 3000; i++) sink += scan(INPUTS[i % INPUTS.length]!.text);
const scanCpu0 = process.cpuUsage();
let scans = 0;
const scanT0 = process.hrtime.bigint();
while (process.hrtime.bigint() - scanT0 < 500_000_000n) {
  for (let i = 0; i < 100; i++) sink += scan(INPUTS[scans++ % INPUTS.length]!.text);
}
const scanCpu = process.cpuUsage(scanCpu0);
const scanPerCpuSecond = scans / ((scanCpu.user + scanCpu.system) / 1e6);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
rounds.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    captions: n,
    seconds: elapsed,
    cpuSeconds,
    perSecond: n / elapsed,
    perCpuSecond: n / cpuSeconds,
    bestRound: rounds[rounds.length - 1],
    medianRound: rounds[Math.floor(rounds.length / 2)],
    rounds: rounds.length,
    scanPerCpuSecond,
    scanSink: sink % 7,
    captionLength: LENGTH,
    distinctCaptions: INPUTS.length,
    places: PLACES,
    verdicts,
  }),
);
