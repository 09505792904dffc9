import { desc } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { notFound } from "../errors";
import type { ServiceCtx } from "./context";
import { isDev } from "./context";

/** The development mail sink, newest first; it does not exist outside development. */
export async function readOutbox(ctx: Pick<ServiceCtx, "env" | "db">, limit = 50) {
  if (!isDev(ctx.env)) throw notFound("This page");
  const rows = await ctx.db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
  return { items: rows.map((r) => ({ to: r.to, subject: r.subject, text: r.text, links: r.links, sent_at: r.sentAt })) };
}
