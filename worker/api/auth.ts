import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../errors";
import { newRouter } from "../http/router";
import { serviceCtx } from "../http/service-ctx";
import { clientIp } from "../http/rate-limit";
import { clearedSessionCookie, consumeSignIn, requestSignIn, safeNext, secureCookies, sessionCookie, signOut } from "../services/auth";
import { problemSchemas } from "./schemas";

const emailRoute = createRoute({
  method: "post",
  path: "/auth/email",
  tags: ["auth"],
  summary: "Send a single-use sign-in link (valid 15 minutes)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            email: z.email().max(254),
            next: z.string().max(200).optional(),
            lang: z.enum(["fr", "en"]).optional(),
          }),
        },
      },
    },
  },
  responses: {
    202: { description: "Sent if the address can receive mail (the same answer either way)", content: { "application/json": { schema: z.object({ sent: z.literal(true), detail: z.string() }) } } },
    ...problemSchemas(400, 429),
  },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/auth/callback",
  tags: ["auth"],
  summary: "Open a sign-in link: starts a session and redirects",
  request: { query: z.object({ token: z.string().min(10).max(200), next: z.string().max(200).optional() }) },
  responses: { 303: { description: "Signed in; redirected to `next`" }, ...problemSchemas(400, 410) },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "End the session",
  responses: { 204: { description: "Signed out" } },
});

export const authRoutes = newRouter()
  .openapi(emailRoute, async (c) => {
    const body = c.req.valid("json");
    await requestSignIn(serviceCtx(c), body.email, new URL(c.req.url).origin, body.next, body.lang ?? "en", clientIp(c.req.raw.headers));
    return c.json({ sent: true as const, detail: "If this address can receive mail, a sign-in link is on its way. It is valid for 15 minutes." }, 202);
  })
  .openapi(callbackRoute, async (c) => {
    const { token, next } = c.req.valid("query");
    let session;
    try {
      session = await consumeSignIn(serviceCtx(c), token);
    } catch (e) {
      // A person who clicked an old link in their mail should land on a page, not on JSON.
      if (e instanceof AppError && e.code === "gone" && (c.req.header("accept") ?? "").includes("text/html")) {
        const en = safeNext(next).startsWith("/en/");
        return c.redirect(`${en ? "/en" : ""}/sign?link=expired`, 303);
      }
      throw e;
    }
    const { sessionToken, expires } = session;
    c.header("set-cookie", sessionCookie(sessionToken, expires, secureCookies(c.req.url)));
    c.header("cache-control", "no-store");
    return c.redirect(safeNext(next), 303);
  })
  .openapi(logoutRoute, async (c) => {
    await signOut(serviceCtx(c));
    c.header("set-cookie", clearedSessionCookie(secureCookies(c.req.url)));
    return c.body(null, 204);
  });
