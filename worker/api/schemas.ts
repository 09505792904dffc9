import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input; `errors` lists each field",
  401: "Sign-in or API key required",
  403: "Not allowed (cross-site write)",
  404: "Not found",
  409: "Conflicts with the current state",
  413: "Body too large",
  429: "Rate limited; see Retry-After",
};

/** Problem+json responses for the OpenAPI document. */
export function problemSchemas(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? "Problem", content: { "application/problem+json": { schema: ProblemSchema } } }]),
  ) as Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }>;
}
