import type { OpenAPIHono } from "@hono/zod-openapi";

let cached: { servers: Array<{ url: string }> } | null = null;

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(app: OpenAPIHono<any>, origin: string) {
  if (!cached) {
    app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: "A brand API key (cnd_…): higher rate limits." });
    app.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "candor_session", description: "The site's session cookie (email sign-in)." });
    cached = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Candor API",
        version: "1.0.0",
        description: "Public, free-to-read API of Candor: creators' pledges, disclosure histories checked against the disclosure rules (ruleset 2026.1), trust profiles, and a verifiable transparency log. Errors are RFC 9457 problem+json. Rate limits are announced in RateLimit-Policy and RateLimit headers.",
        license: { name: "Data: open; code: see repository" },
      },
      servers: [{ url: origin }],
      security: [{}, { apiKey: [] }],
    }) as unknown as { servers: Array<{ url: string }> };
  }
  // The document is built once; only the server URL follows the asking origin.
  return { ...cached, servers: [{ url: origin }] };
}
