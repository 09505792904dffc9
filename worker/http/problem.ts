import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, PROBLEMS, type FieldError, type ProblemCode } from "../errors";
import { CursorError } from "../domain/cursor";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}

/** Builds an RFC 9457 problem document for a code. */
export function problemBody(
  code: ProblemCode,
  detail: string,
  extra: { fields?: FieldError[]; instance?: string; requestId?: string } = {},
): Problem {
  const { status, title } = PROBLEMS[code];
  return {
    type: `/problems/${code}`,
    title,
    status,
    detail,
    code,
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.requestId ? { request_id: extra.requestId } : {}),
    ...(extra.fields?.length ? { errors: extra.fields } : {}),
  };
}

export function problemResponse(
  c: Context,
  code: ProblemCode,
  detail: string,
  extra: { fields?: FieldError[]; retryAfter?: number } = {},
): Response {
  const body = problemBody(code, detail, {
    fields: extra.fields,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId" as never) as string | undefined,
  });
  const headers = new Headers(c.res?.headers);
  headers.set("content-type", "application/problem+json; charset=utf-8");
  headers.set("cache-control", "no-store");
  if (extra.retryAfter !== undefined) headers.set("retry-after", String(extra.retryAfter));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

const HTTP_CODES: Record<number, ProblemCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** The single error handler: every failure leaves as problem+json, never a stack trace. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    return problemResponse(c, err.code, err.message, {
      fields: err.fields,
      retryAfter: err.retryAfter,
    });
  }
  if (err instanceof CursorError) return problemResponse(c, "bad_request", err.message, { fields: [{ field: "cursor", message: err.message }] });
  if (err instanceof HTTPException) {
    const code = HTTP_CODES[err.status] ?? "bad_request";
    const detail = /malformed json/i.test(err.message)
      ? "The request body is not valid JSON."
      : err.message || PROBLEMS[code].title;
    return problemResponse(c, code, detail);
  }
  if (err instanceof SyntaxError) {
    return problemResponse(c, "bad_request", "The request body is not valid JSON.");
  }
  console.error(JSON.stringify({ level: "error", msg: err.message, stack: err.stack }));
  return problemResponse(c, "internal", "Something went wrong on our side; it has been logged.");
}
