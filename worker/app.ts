import { Hono } from "hono";
export const app = new Hono<{ Bindings: Env }>();
app.get("/api/v1/health", (c) => c.json({ ok: true }));
export default app;
