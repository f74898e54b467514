/** The Content-Security-Policy of every answer: only our own origin, no framing, no plugins. */
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
 * nosniff, frame deny, HSTS, referrer policy, the CSP above and the cross-origin isolation headers:
 * the list Hono's secureHeaders sent with our options (its defaults included), fixed once per isolate.
 */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["Content-Security-Policy", CSP],
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

/** Sets the security headers on an answer's headers, over any a handler set, and drops X-Powered-By. */
export function setSecurityHeaders(headers: Headers): void {
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
  headers.delete("X-Powered-By");
}
