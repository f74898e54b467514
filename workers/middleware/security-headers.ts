import policy from "./security-headers.json";

/** The Content-Security-Policy of every answer (unless its page has its own): only our own origin, no framing, no plugins. */
const CSP = Object.entries(policy.contentSecurityPolicy)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join("; ");

/**
 * nosniff, frame deny, HSTS, referrer policy and the cross-origin isolation headers: with the CSP
 * above, the list Hono's secureHeaders sent with our options (its defaults included), fixed once
 * per isolate. The web app's files carry the same (scripts/build-web.mjs writes them into _headers).
 */
const BESIDE_CSP: readonly (readonly [string, string])[] = Object.entries(policy.headers);

/**
 * Sets the security headers on an answer's headers, over any a handler set, and drops X-Powered-By.
 * `contentSecurityPolicy` is a page's own CSP (the API reference's: requestFrame's
 * `contentSecurityPolicy` variable), which replaces the global one and only that.
 */
export function setSecurityHeaders(headers: Headers, contentSecurityPolicy: string = CSP): void {
  headers.set("Content-Security-Policy", contentSecurityPolicy);
  for (const [name, value] of BESIDE_CSP) headers.set(name, value);
  headers.delete("X-Powered-By");
}
