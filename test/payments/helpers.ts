import { Buffer } from "node:buffer";
import { expect } from "vitest";
import { GatewayError } from "../../workers/payments/gateways/types";

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records each request and answers from a script (a Response, or an error to throw). */
export function recordingFetch(...script: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : "",
    });
    const next = script.shift();
    if (!next) throw new Error("unexpected extra request");
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { fetchFn, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

/** Awaits a promise that must reject with a GatewayError and returns the error. */
export async function gatewayFailure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

/** Base64 of "user:password", computed with node's Buffer (independent of the code under test). */
export function basic(user: string, password = ""): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/** A form body as a plain object (keys in order). */
export function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
