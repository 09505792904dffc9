import { secureHeaders } from "hono/secure-headers";
import { problemResponse, onError } from "./http/problem";
import { bodyLimit, caller, csrf, database, requestId } from "./http/middleware";
import { rateLimit } from "./http/rate-limit";
import { newRouter } from "./http/router";
import { healthRoutes } from "./api/health";
import { manifestoRoutes } from "./api/manifesto";
import { authRoutes } from "./api/auth";
import { meRoutes } from "./api/me";
import { devRoutes } from "./api/dev";
import { signatoryRoutes } from "./api/signatories";
import { badgeRoutes, creatorRoutes } from "./api/creators";
import { openApiDocument } from "./api/openapi";
import { checkRoutes } from "./api/check";
import { logRoutes } from "./api/log";
import { accountRoutes } from "./api/accounts";
import { brandRoutes } from "./api/brands";
import { reportRoutes } from "./api/reports";
import { disclosureRoutes, feedRoutes } from "./api/disclosures";

/** The Hono app: /api/v1/*, badges and feeds. Routes are thin; verbs live in services/. */
export const app = newRouter();

// The baseline for benchmarks: a route that does nothing, registered before any middleware.
app.get("/api/bare", (c) => c.json({ ok: true }));

app.use("*", requestId);
app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
app.use("*", database);
app.use("*", bodyLimit(2 * 1024 * 1024));
app.use("*", caller);
app.use("/api/*", rateLimit);
app.use("*", csrf);

app.route("/api/v1", healthRoutes);
app.route("/api/v1", manifestoRoutes);
app.route("/api/v1", authRoutes);
app.route("/api/v1", meRoutes);
app.route("/api/v1", devRoutes);
app.route("/api/v1", signatoryRoutes);
app.route("/api/v1", creatorRoutes);
app.route("/api/v1", checkRoutes);
app.route("/api/v1", logRoutes);
app.route("/api/v1", accountRoutes);
app.route("/api/v1", brandRoutes);
app.route("/api/v1", reportRoutes);
app.route("/api/v1", disclosureRoutes);
app.route("/", feedRoutes);
app.route("/", badgeRoutes);

app.get("/api/v1/openapi.json", (c) => c.json(openApiDocument(app, new URL(c.req.url).origin), 200, { "cache-control": "public, max-age=300" }));

app.notFound((c) => problemResponse(c, "not_found", `No API route matches ${c.req.method} ${new URL(c.req.url).pathname}.`));
app.onError(onError);

export default app;
