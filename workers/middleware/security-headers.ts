/** The Content-Security-Policy of every answer (unless its page has its own): only our own origin, no framing, no plugins. */
const CSP = Object.entries({
  "default-src": "'self'",
  "base-uri": "'self'",
  "frame-ancestors": "'none'",
  "object-src": "'none'",
  "img-src": "'self' data: blob:",
  "connect-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self' 'unsafe-inline'",
})
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join("; ");

/**
 * nosniff, frame deny, HSTS, referrer policy and the cross-origin isolation headers: with the CSP
 * above, the list Hono's secureHeaders sent with our options (its defaults included), fixed once per isolate.
 */
const BESIDE_CSP: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-site"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

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
