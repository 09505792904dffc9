import { describe, expect, it } from "vitest";
import { computeScore, MIN_DISCLOSURES } from "../../worker/domain/score";
import { medianOf, type TrustStats } from "../../worker/domain/stats";

const now = new Date("2026-11-21T00:00:00Z");
const stats = (over: Partial<TrustStats> = {}): TrustStats => ({
  total: 20, byRelationship: { paid: 20 }, byVerdict: { pass: 20 }, brandConfirmed: 0, brandDisputed: 0, amended: 0,
  daysToRecord: { "1": 20 }, accountsVerified: 3, reportsUpheld: [], reportsOpen: 0, ...over,
});
const signed = { status: "signed", version: 1 };

describe("score", () => {
  it("is null below the published minimum, and says why", () => {
    const s = computeScore({ stats: stats({ total: MIN_DISCLOSURES - 1 }), pledge: signed, currentManifesto: 1, suspended: false, now });
    expect(s.value).toBeNull();
    expect(s.reason).toContain(`Fewer than ${MIN_DISCLOSURES}`);
  });

  it("is 100 for a perfect record except neutral components", () => {
    const s = computeScore({ stats: stats({ amended: 1, brandConfirmed: 3 }), pledge: signed, currentManifesto: 1, suspended: false, now });
    expect(s.value).toBe(100);
    expect(s.components.reduce((a, c) => a + c.weight, 0)).toBe(100);
  });

  it("counts upheld reports of the last 12 months against", () => {
    const base = computeScore({ stats: stats(), pledge: signed, currentManifesto: 1, suspended: false, now }).value!;
    const one = computeScore({ stats: stats({ reportsUpheld: ["2026-10-01T00:00:00Z"] }), pledge: signed, currentManifesto: 1, suspended: false, now }).value!;
    const old = computeScore({ stats: stats({ reportsUpheld: ["2024-10-01T00:00:00Z"] }), pledge: signed, currentManifesto: 1, suspended: false, now }).value!;
    expect(one).toBeLessThan(base);
    expect(old).toBe(base);
  });

  it("rewards passing disclosures and prompt records", () => {
    const good = computeScore({ stats: stats(), pledge: signed, currentManifesto: 1, suspended: false, now }).value!;
    const bad = computeScore({ stats: stats({ byVerdict: { fail: 20 }, daysToRecord: { "120": 20 } }), pledge: signed, currentManifesto: 1, suspended: false, now }).value!;
    expect(bad).toBeLessThan(good - 40);
  });

  it("computes medians from bounded histograms", () => {
    expect(medianOf({})).toBeNull();
    expect(medianOf({ "1": 1, "3": 1, "10": 1 })).toBe(3);
    expect(medianOf({ "2": 2, "8": 2 })).toBe(2);
  });
});
