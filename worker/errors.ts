/** The closed set of problems the API can answer; each maps to one HTTP status and title. */
export const PROBLEMS = {
  bad_request: { status: 400, title: "Bad request" },
  validation_failed: { status: 400, title: "The request has invalid fields" },
  unauthorized: { status: 401, title: "Sign-in or API key required" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict with the current state" },
  gone: { status: 410, title: "No longer available" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  unprocessable: { status: 422, title: "The request cannot be processed" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type services and routes throw; `onError` turns it into problem+json. */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly fields?: FieldError[];
  readonly retryAfter?: number;

  constructor(
    code: ProblemCode,
    detail: string,
    extra: { fields?: FieldError[]; retryAfter?: number } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.retryAfter = extra.retryAfter;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
