import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env";
import { logEvent } from "./log";

/**
 * The closed set of error codes the API answers with. Every code has exactly one status and one
 * title; CONTRACT.md fixes the public ones, domains add theirs here and nowhere else.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, title: "Bad request" },
  idempotency_key_required: { status: 400, title: "Idempotency-Key header required" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  rate_limited: { status: 429, title: "Too many requests" },
  // Identity
  invalid_phone: { status: 422, title: "Invalid phone number" },
  unsupported_country: { status: 422, title: "Unsupported country" },
  invalid_code: { status: 401, title: "Invalid code" },
  otp_locked: { status: 429, title: "Too many wrong codes" },
  invalid_credentials: { status: 401, title: "Invalid credentials" },
  token_reused: { status: 401, title: "Refresh token reused" },
  // Cart and checkout
  insufficient_stock: { status: 409, title: "Insufficient stock" },
  currency_mismatch: { status: 409, title: "Currency mismatch" },
  // Chat and realtime
  upgrade_required: { status: 426, title: "WebSocket upgrade required" },
  // Orders and payments
  invalid_transition: { status: 409, title: "Invalid status change" },
  // Reviews
  not_a_buyer: { status: 403, title: "Not a buyer of this product" },
  internal_error: { status: 500, title: "Internal error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** The one error type of the API: thrown anywhere, rendered as problem+json by `renderError`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail: string, options: ApiErrorOptions = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

export function problemType(code: ErrorCode): string {
  return `urn:tchat:problem:${code}`;
}

export function toProblem(error: ApiError, requestId: string): Problem {
  return {
    type: problemType(error.code),
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    requestId,
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}

export function problemResponse(error: ApiError, requestId: string): Response {
  const headers = new Headers(error.headers);
  headers.set("Content-Type", "application/problem+json");
  headers.set("X-Request-ID", requestId);
  return new Response(JSON.stringify(toProblem(error, requestId)), {
    status: error.status,
    headers,
  });
}

/** Maps anything thrown during a request to an ApiError; unknown errors become a bare 500. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) return fromHttpException(err);
  if (err instanceof SyntaxError) {
    return new ApiError("bad_request", "The request body is not valid JSON. Send a JSON document.");
  }
  return new ApiError(
    "internal_error",
    "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.",
  );
}

function fromHttpException(err: HTTPException): ApiError {
  switch (err.status) {
    case 400:
      return new ApiError("bad_request", err.message || "The request could not be read.");
    case 401:
      return new ApiError("unauthorized", err.message || "Sign in and send a Bearer token.");
    case 404:
      return new ApiError("not_found", err.message || "Nothing exists at this address.");
    case 413:
      return new ApiError("payload_too_large", err.message || "The request body is too large.");
    case 415:
      return new ApiError("unsupported_media_type", err.message || "Unsupported Content-Type.");
    case 429:
      return new ApiError("rate_limited", err.message || "Too many requests. Retry later.");
    default:
      return err.status >= 500
        ? new ApiError("internal_error", "Something went wrong on our side. Retry the request.")
        : new ApiError("bad_request", err.message || "The request could not be processed.");
  }
}

/** The single `onError` of the app. Stack traces go to the log, never to the client. */
export function renderError(err: unknown, c: Context<AppEnv>): Response {
  const apiError = toApiError(err);
  const requestId = c.get("requestId") ?? crypto.randomUUID();
  if (apiError.status >= 500) {
    logEvent("error", "unhandled_error", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
  }
  return problemResponse(apiError, requestId);
}
