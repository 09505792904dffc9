// Every worked case of shared/corpus/disclosure-cases.jsonl must give its expected verdict.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDisclosure, checkInputSchema, checkOutputSchema } from "../../worker/domain/disclosure/index.ts";

interface Case {
  id: string;
  input: unknown;
  expected: "pass" | "review" | "fail";
  note: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(here, "../../../shared/corpus/disclosure-cases.jsonl");
const cases: Case[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Case);

describe("disclosure corpus (ruleset 2026.1)", () => {
  it("holds the 50 worked cases", () => {
    expect(cases).toHaveLength(50);
  });

  it.each(cases.map((c) => [`${c.id} (${c.note})`, c] as const))("%s", (_name, c) => {
    const out = checkDisclosure(checkInputSchema.parse(c.input));
    expect(checkOutputSchema.parse(out)).toEqual(out);
    expect(out.verdict).toBe(c.expected);
  });
});
