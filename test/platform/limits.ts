import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import { createApp } from "../../workers/app";
import { BASE, type CallOptions, expectProblem } from "../support/http";

// Helpers of the rate-limit tests: the Worker's app with some variables changed (tight limits), as
// test/identity/otp.test.ts does for the OTP limits; counters are keyed by account and IP, so each
// test uses its own accounts and IPs.

const app = createApp();

export interface LimitedCallOptions extends CallOptions {
  /** A guest's X-Cart-Token. */
  cartToken?: string;
}

/** `call` of test/support/http, through an env with `vars` overriding the development values. */
export function withVars(vars: Record<string, string>) {
  const changed = { ...env, ...vars } as Env;
  return async (method: string, path: string, options: LimitedCallOptions = {}): Promise<Response> => {
    const headers = new Headers(options.headers);
    if (options.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
    if (options.ip) headers.set("CF-Connecting-IP", options.ip);
    if (options.idempotencyKey) headers.set("Idempotency-Key", options.idempotencyKey);
    if (options.cartToken) headers.set("X-Cart-Token", options.cartToken);
    // The test accounts are Thai (their locale is th): these tests read the English details.
    if (!headers.has("Accept-Language")) headers.set("Accept-Language", "en");
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${BASE}${path}`, { method, headers, body }), changed, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}

/** An IP no other test uses (a random one in 10.0.0.0/8). */
export function uniqueIp(): string {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3));
  return `10.${a}.${b}.${c}`;
}

/** A 429 rate_limited with a Retry-After of 1 to `windowSeconds` that the detail repeats. */
export async function expectLimited(res: Response, windowSeconds: number, who = "this account"): Promise<number> {
  const problem = await expectProblem(res, 429, "rate_limited");
  const retryAfter = Number(res.headers.get("Retry-After"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(problem.detail).toContain(`from ${who}`);
  expect(problem.detail).toMatch(new RegExp(`Try again in ${retryAfter} seconds?\\.`));
  return retryAfter;
}
