import { type MockInstance, vi } from "vitest";

// The Worker's outbound HTTP requests (payment gateways, SMS, email and push providers call out
// through the global fetch, which the tests share with the Worker's code): recorded, and
// answered from a script instead of the network.

export interface OutboundCall {
  url: string;
  method: string;
  body: string;
}

/** A scripted answer: a Response, an error to throw, or a function of the request. */
export type Answer = Response | Error | ((call: OutboundCall) => Response);

/** Replaces the global fetch until `restore()`: every call is recorded and gets `answer`. */
export function interceptOutbound(answer: () => Answer) {
  const calls: OutboundCall[] = [];
  const spy: MockInstance<typeof fetch> = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    // Bytes decoded by hand: Request.text() on a form body makes workerd print a warning.
    const body = new TextDecoder().decode(await request.arrayBuffer());
    const call = { url: request.url, method: request.method, body };
    calls.push(call);
    const next = answer();
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next(call) : next.clone();
  });
  return { calls, restore: () => spy.mockRestore() };
}

export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
