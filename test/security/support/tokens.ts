import { env } from "cloudflare:test";
import { generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from "jose";
import { readConfig } from "../../../workers/platform/config";

// Access tokens an attacker could present: forged, expired, re-signed, or signed by the real key
// with claims the API must refuse. Built here with jose, independently of the code under test.

export interface TokenSubject {
  userId: string;
  /** The session id of a real, live session (from a real token). */
  sessionId: string;
}

const base64url = (value: unknown) =>
  btoa(typeof value === "string" ? value : JSON.stringify(value))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** The claims of a token in its payload (not verified). */
export function claimsOf(token: string): JWTPayload & { sid: string; roles: string[] } {
  const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(payload));
}

/** The platform's own signing key (the first of JWT_SIGNING_KEYS) and its kid. */
async function platformKey() {
  const [jwk] = JSON.parse(env.JWT_SIGNING_KEYS) as (JWK & { kid: string })[];
  return { kid: jwk.kid, key: await importJWK({ ...jwk, alg: "ES256" }, "ES256") };
}

function claims(subject: TokenSubject, extra: Record<string, unknown> = {}) {
  const config = readConfig(env);
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: config.jwt.issuer,
    aud: config.jwt.audience,
    sub: subject.userId,
    sid: subject.sessionId,
    roles: ["customer", "admin"],
    iat: now,
    nbf: now,
    exp: now + 600,
    jti: crypto.randomUUID(),
    ...extra,
  };
}

/** Signs claims with the platform's real key and the given header (what a leaked-clock or mis-issued token looks like). */
async function signedByPlatform(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { kid, key } = await platformKey();
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid, ...header }).sign(key);
}

/** Tokens that must each be refused with 401, by name. All name a real user and a live session. */
export async function forgedTokens(subject: TokenSubject, realToken: string): Promise<Record<string, string>> {
  const { kid } = await platformKey();
  const other = await generateKeyPair("ES256", { extractable: true });
  const [header, , signature] = realToken.split(".");
  const { d: _private, ...publicJwk } = (JSON.parse(env.JWT_SIGNING_KEYS) as JWK[])[0];
  const hmacSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
  const now = Math.floor(Date.now() / 1000);
  return {
    "alg none": `${base64url({ alg: "none", typ: "at+jwt", kid })}.${base64url(claims(subject))}.`,
    "signed by another key with the platform's kid": await new SignJWT(claims(subject))
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid })
      .sign(other.privateKey),
    "HS256 keyed with the public key (algorithm confusion)": await new SignJWT(claims(subject))
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid })
      .sign(hmacSecret),
    "real signature, payload swapped for admin roles": `${header}.${base64url({ ...claimsOf(realToken), roles: ["admin"] })}.${signature}`,
    "real signature, truncated": realToken.slice(0, -4),
    "expired (platform key)": await signedByPlatform(
      claims(subject, { iat: now - 3600, nbf: now - 3600, exp: now - 1800 }),
    ),
    "not yet valid (platform key)": await signedByPlatform(claims(subject, { nbf: now + 3600 })),
    "another issuer (platform key)": await signedByPlatform(claims(subject, { iss: "https://evil.example" })),
    "another audience (platform key)": await signedByPlatform(claims(subject, { aud: "someone-else" })),
    "no session id (platform key)": await signedByPlatform(claims(subject, { sid: undefined })),
    "a session that does not exist (platform key)": await signedByPlatform(claims(subject, { sid: "ses_forged" })),
    "another user's id on a real session (platform key)": await signedByPlatform(
      claims({ ...subject, userId: "usr_forged" }),
    ),
    "not an access token (typ JWT, platform key)": await signedByPlatform(claims(subject), { typ: "JWT" }),
    "unknown kid": await signedByPlatform(claims(subject), { kid: "not-a-key" }),
  };
}

/** Authorization header values that are not a bearer token at all. */
export const MALFORMED_AUTHORIZATIONS = [
  "Bearer",
  "Bearer ",
  "Bearer not.a.jwt",
  "Bearer a.b",
  "Basic dXNlcjpwYXNzd29yZA==",
  "Token abc",
  `Bearer ${"A".repeat(10_000)}`,
  "Bearer ../../etc/passwd",
  "Bearer ' OR '1'='1",
];
