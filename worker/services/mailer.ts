import { outbox } from "../../db/schema";
import type { ServiceCtx } from "./context";
import { isDev } from "./context";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/**
 * The one way mail leaves Candor. Development keeps it in the D1 outbox (/dev/outbox);
 * production posts JSON to the HTTP email API at MAIL_API_URL with the MAIL_API_KEY secret.
 */
export async function sendMail(ctx: Pick<ServiceCtx, "env" | "db">, mail: Mail): Promise<void> {
  if (isDev(ctx.env)) {
    await ctx.db.insert(outbox).values({ to: mail.to, subject: mail.subject, text: mail.text, links: mail.links });
    return;
  }
  const env = ctx.env as Env & { MAIL_API_URL?: string; MAIL_API_KEY?: string; MAIL_FROM?: string };
  if (!env.MAIL_API_URL || !env.MAIL_API_KEY) throw new Error("MAIL_API_URL and MAIL_API_KEY must be set in production");
  const res = await fetch(env.MAIL_API_URL, {
    method: "POST",
    headers: { authorization: `Bearer ${env.MAIL_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ from: env.MAIL_FROM ?? "Candor <no-reply@candor.example>", to: [mail.to], subject: mail.subject, text: mail.text }),
  });
  if (!res.ok) throw new Error(`email API answered ${res.status}`);
}
