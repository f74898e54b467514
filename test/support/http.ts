import { exports } from "cloudflare:workers";
import { expect } from "vitest";

// HTTP through the Worker's own fetch handler, for the tests that run inside workerd
// (the e2e tests talk to a real server instead: test/e2e/flows.ts).

export const BASE = "http://tchat.test";

/** An application/problem+json body, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

export interface Money {
  amount: number;
  currency: string;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CallOptions {
  /** Sent as JSON (with Content-Type: application/json unless `headers` set one). */
  body?: unknown;
  /** Sent as it is; the caller sets its Content-Type in `headers`. */
  raw?: BodyInit;
  /** A bearer access token. */
  token?: string;
  /** The client IP the edge would report (CF-Connecting-IP). */
  ip?: string;
  idempotencyKey?: string;
  headers?: HeadersInit;
}

/** One real HTTP request through the Worker's fetch handler. */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  if (options.ip) headers.set("CF-Connecting-IP", options.ip);
  if (options.idempotencyKey) headers.set("Idempotency-Key", options.idempotencyKey);
  // Problem details come in the caller's language, and most test accounts are Thai: tests read the
  // English details unless they name a language (test/i18n sends "*" to get the account's own).
  if (!headers.has("Accept-Language")) headers.set("Accept-Language", "en");
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body }));
}

/** The last argument of the shortcuts: a bearer token, or the options of `call`. */
export type Auth = string | Omit<CallOptions, "body"> | undefined;

const optionsOf = (auth: Auth): CallOptions => (typeof auth === "string" ? { token: auth } : { ...auth });

export const get = (path: string, auth?: Auth) => call("GET", path, optionsOf(auth));
export const post = (path: string, body?: unknown, auth?: Auth) => call("POST", path, { ...optionsOf(auth), body });
export const patch = (path: string, body: unknown, auth?: Auth) => call("PATCH", path, { ...optionsOf(auth), body });
export const put = (path: string, body?: unknown, auth?: Auth) => call("PUT", path, { ...optionsOf(auth), body });
export const del = (path: string, auth?: Auth) => call("DELETE", path, optionsOf(auth));

/** Asserts a well-formed problem+json answer with this status and code (never a stack trace), and returns it. */
export async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  expect(problem.code, text).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem.type).toBeTruthy();
  expect(problem.title).toBeTruthy();
  expect(problem.detail.length).toBeGreaterThan(0);
  expect(problem.requestId).toBe(res.headers.get("X-Request-ID"));
  expect(text).not.toMatch(/\n\s+at /);
  return problem;
}

/** Asserts a JSON answer with this status, and returns its body. */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return JSON.parse(text) as T;
}
