import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Locale } from "../../schemas/platform";
import { ERROR_CODES, type ErrorCode } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { translateDetail } from "../i18n/problem-details";
import { problemLocale } from "./locale";
import { logEvent } from "./log";

export { ERROR_CODES, type ErrorCode };

export interface FieldError {
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Another status than the code's own, where the contract gives one code two (mfa_required: 401 or 403). */
  status?: 401 | 403;
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
    this.status = options.status ?? ERROR_CODES[code].status;
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

/**
 * The problem document; its `detail` in `locale` (the code, type and title stay the same), and each
 * field message that is one of the translated sentences too: the web app shows those under the field.
 */
export function toProblem(error: ApiError, requestId: string, locale: Locale = "en"): Problem {
  const errors = error.errors?.map((e) => ({ ...e, message: translateDetail(e.message, locale) }));
  return {
    type: problemType(error.code),
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail: translateDetail(error.detail, locale),
    code: error.code,
    requestId,
    ...(errors?.length ? { errors } : {}),
  };
}

export function problemResponse(error: ApiError, requestId: string, locale: Locale = "en"): Response {
  const headers = new Headers(error.headers);
  headers.set("Content-Type", "application/problem+json");
  headers.set("X-Request-ID", requestId);
  headers.set("Content-Language", locale);
  return new Response(JSON.stringify(toProblem(error, requestId, locale)), {
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
  return problemResponse(apiError, requestId, problemLocale(c));
}
