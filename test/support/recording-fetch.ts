import { expect } from "vitest";

// A stand-in for `fetch` in the tests of provider clients (payment gateways, email, SMS, push).

/** One request a provider client made. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records each request and answers from a script (a Response, or an error to throw). */
export function recordingFetch(...script: (Response | Error)[]) {
  const calls: RecordedCall[] = [];
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

/** A JSON answer as a provider sends it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

/** Awaits a promise that must reject with an instance of `type`, and returns the error. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: any error class, whatever its constructor takes
  type: new (...args: any[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
