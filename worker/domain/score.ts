import { medianOf, upheldWithin12Months, type TrustStats } from "./stats";

export const SCORE_VERSION = "score-2026.1";
/** Below this many recorded collaborations the score is null: too little history to judge. */
export const MIN_DISCLOSURES = 5;

export interface ScoreInput {
  stats: TrustStats;
  pledge: { status: string; version: number | null };
  currentManifesto: number;
  suspended: boolean;
  now: Date;
}

export interface ScoreComponent {
  name: string;
  value: number;
  weight: number;
  explanation: string;
}

export interface Score {
  value: number | null;
  confidence: "none" | "low" | "medium" | "high";
  reason: string | null;
  version: string;
  components: ScoreComponent[];
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The published formula (see /methodology): a weighted mean of components, each in [0, 1],
 * every one derived from counters that can be traced to log entries.
 */
export function computeScore(input: ScoreInput): Score {
  const s = input.stats;
  const total = s.total;
  const pass = s.byVerdict.pass ?? 0;
  const review = s.byVerdict.review ?? 0;
  const median = medianOf(s.daysToRecord);
  const upheld = upheldWithin12Months(s.reportsUpheld, input.now);
  const brandActs = s.brandConfirmed + s.brandDisputed;

  const pledge =
    input.pledge.status === "signed" ? (input.pledge.version === input.currentManifesto ? 1 : 0.5) : 0;
  const components: ScoreComponent[] = [
    { name: "pledge", weight: 15, value: pledge, explanation: pledge === 1 ? "Signed the current manifesto." : pledge ? "Signed an earlier manifesto version." : "No active pledge." },
    { name: "verified_accounts", weight: 15, value: clamp(s.accountsVerified / 3), explanation: `${s.accountsVerified} verified account(s); 3 or more count in full.` },
    { name: "disclosure_quality", weight: 30, value: total ? clamp((pass + review / 2) / total) : 0, explanation: `${pass} pass, ${review} review, ${s.byVerdict.fail ?? 0} fail among ${total} current records (review counts half).` },
    { name: "promptness", weight: 15, value: median === null ? 0 : clamp(1 - Math.max(0, median - 7) / 83), explanation: median === null ? "No records yet." : `Median ${median} day(s) from post to record; 7 or fewer count in full, 90 or more count nothing.` },
    { name: "brand_confirmation", weight: 10, value: brandActs ? clamp(s.brandConfirmed / brandActs) : 0.5, explanation: brandActs ? `${s.brandConfirmed} confirmed, ${s.brandDisputed} disputed by brands.` : "No brand has confirmed or disputed yet (neutral 0.5)." },
    { name: "corrections", weight: 5, value: s.amended > 0 ? 1 : 0.5, explanation: s.amended > 0 ? `${s.amended} public correction(s) made.` : "No public correction yet (neutral 0.5)." },
    { name: "reports", weight: 10, value: upheld === 0 ? 1 : upheld === 1 ? 0.5 : 0, explanation: `${upheld} upheld report(s) in the last 12 months; each one halves this, two or more zero it.` },
  ].map((c) => ({ ...c, value: round2(c.value) }));

  const base = { version: SCORE_VERSION, components };
  if (input.suspended) return { ...base, value: null, confidence: "none", reason: "The creator is suspended." };
  if (total < MIN_DISCLOSURES) {
    return { ...base, value: null, confidence: "none", reason: `Fewer than ${MIN_DISCLOSURES} recorded collaborations (${total}): too little history for a score.` };
  }
  const weight = components.reduce((a, c) => a + c.weight, 0);
  const value = Math.round((100 * components.reduce((a, c) => a + c.weight * c.value, 0)) / weight);
  return { ...base, value, confidence: total >= 50 ? "high" : total >= 20 ? "medium" : "low", reason: null };
}
