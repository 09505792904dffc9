/**
 * Security headers for rendered pages. Pages ship no third-party code: scripts only from our
 * origin, styles inline (Astro inlines small stylesheets) or from our origin.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

export function withPageHeaders(res: Response): Response {
  const out = new Response(res.body, res);
  const h = out.headers;
  if (!h.has("content-security-policy")) h.set("content-security-policy", CSP);
  h.set("x-content-type-options", "nosniff");
  h.set("referrer-policy", "strict-origin-when-cross-origin");
  h.set("x-frame-options", "DENY");
  h.set("cross-origin-opener-policy", "same-origin");
  h.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  if (!h.has("x-request-id")) h.set("x-request-id", crypto.randomUUID());
  return out;
}
