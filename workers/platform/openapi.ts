import { createRoute, OpenAPIHono, type RouteConfig, type z } from "@hono/zod-openapi";
import type { Router } from "hono/router";
import type { H, RouterRoute } from "hono/types";
import { ProblemSchema } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { ApiError, type ERROR_CODES, type FieldError } from "./errors";

/** Turns a failed zod parse into the 422 every route answers for invalid input. */
export function validationError(error: z.ZodError, target?: string): ApiError {
  const errors: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : (target ?? "body"),
    message: issue.message,
  }));
  return new ApiError("validation_failed", invalidDetail(target, errors[0]), { errors });
}

/** One whole sentence per part of the request (translated as a unit); the first field error is quoted. */
function invalidDetail(target: string | undefined, first: FieldError | undefined): string {
  switch (target) {
    case "query":
      return first
        ? `The query string is invalid (${first.path}: ${first.message}). Fix the fields listed in errors and send it again.`
        : "The query string is invalid. Fix the fields listed in errors and send it again.";
    case "param":
      return first
        ? `The path is invalid (${first.path}: ${first.message}). Fix the fields listed in errors and send it again.`
        : "The path is invalid. Fix the fields listed in errors and send it again.";
    case "header":
    case "cookie":
      return first
        ? `The request headers are invalid (${first.path}: ${first.message}). Fix the fields listed in errors and send it again.`
        : "The request headers are invalid. Fix the fields listed in errors and send it again.";
    default:
      // json, form, or a body checked outside a route's schema.
      return first
        ? `The request body is invalid (${first.path}: ${first.message}). Fix the fields listed in errors and send it again.`
        : "The request body is invalid. Fix the fields listed in errors and send it again.";
  }
}

/**
 * A router for one domain; invalid input anywhere becomes the same 422 problem. The app's root
 * passes its own `router` (route-memo.ts): only the root's router matches requests.
 */
export function createRouter(options: { router?: Router<[H, RouterRoute]> } = {}) {
  return new OpenAPIHono<AppEnv>({
    ...options,
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}

type ErrorStatus = (typeof ERROR_CODES)[keyof typeof ERROR_CODES]["status"];

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (bad JSON, missing Idempotency-Key)",
  401: "Missing, invalid or expired credentials",
  403: "Authenticated but not allowed to do this",
  404: "No such resource",
  409: "Conflicts with the current state",
  413: "Body larger than the limit",
  415: "Content-Type not accepted",
  422: "Input failed validation; see errors[]",
  429: "Too many requests; see Retry-After",
  500: "Unexpected server error",
  503: "A dependency is unavailable",
};

function problemResponses(statuses: readonly ErrorStatus[]) {
  const responses: Record<
    number,
    { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }
  > = {};
  for (const status of statuses) {
    responses[status] = {
      description: STATUS_DESCRIPTIONS[status] ?? "Error",
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return responses;
}

/**
 * createRoute plus the error responses every route can give (400, 422 with input; 429, 500
 * always) and the ones it names. Each route lists its own errors so the OpenAPI document is honest.
 */
export function defineRoute<R extends RouteConfig>(config: R & { errors?: readonly ErrorStatus[] }): R {
  const { errors = [], ...route } = config;
  const takesInput = Boolean(route.request);
  const statuses = new Set<ErrorStatus>([...(takesInput ? ([400, 422] as const) : []), ...errors, 429, 500]);
  return createRoute({
    ...route,
    responses: { ...problemResponses([...statuses].sort()), ...route.responses },
  } as unknown as R);
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { body: { required: true, description, content: { "application/json": { schema } } } } as const;
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { "application/json": { schema } } } as const;
}

export const noContent = { description: "Done; no body" } as const;
export const bearerAuth = [{ bearerAuth: [] }];
