import { importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";
import type { Role } from "../../schemas/identity";
import type { Config } from "../platform/config";
import { ApiError } from "../platform/errors";

/**
 * Access tokens: ES256 JWTs with `typ: at+jwt` and a `kid`. JWT_SIGNING_KEYS holds private JWKs;
 * the first signs, every one verifies and is published at /.well-known/jwks.json. To rotate, put a
 * new key first and drop the old one after ACCESS_TOKEN_TTL_SECONDS: tokens it signed stay valid
 * until they expire.
 */
const ALG = "ES256";
const TYP = "at+jwt";

interface KeyRing {
  signer: { kid: string; key: CryptoKey };
  verifiers: Map<string, CryptoKey>;
  publicJwks: JWK[];
}

const rings = new Map<string, Promise<KeyRing>>();

function keyRing(env: Pick<Env, "JWT_SIGNING_KEYS">): Promise<KeyRing> {
  let ring = rings.get(env.JWT_SIGNING_KEYS);
  if (!ring) {
    ring = loadKeyRing(env.JWT_SIGNING_KEYS);
    rings.set(env.JWT_SIGNING_KEYS, ring);
  }
  return ring;
}

async function loadKeyRing(raw: string): Promise<KeyRing> {
  const jwks = JSON.parse(raw) as (JWK & { kid?: string })[];
  if (!Array.isArray(jwks) || jwks.length === 0)
    throw new Error("JWT_SIGNING_KEYS must be a non-empty JSON array of JWKs");
  const verifiers = new Map<string, CryptoKey>();
  const publicJwks: JWK[] = [];
  let signer: KeyRing["signer"] | undefined;
  for (const jwk of jwks) {
    if (!jwk.kid || jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.d)
      throw new Error("Each signing key must be a private P-256 JWK with a kid");
    const { d: _d, key_ops: _ops, ext: _ext, ...publicPart } = jwk;
    const publicJwk: JWK = { ...publicPart, kid: jwk.kid, alg: ALG, use: "sig" };
    verifiers.set(jwk.kid, (await importJWK(publicJwk, ALG)) as CryptoKey);
    publicJwks.push(publicJwk);
    signer ??= { kid: jwk.kid, key: (await importJWK({ ...jwk, alg: ALG }, ALG)) as CryptoKey };
  }
  return { signer: signer!, verifiers, publicJwks };
}

export interface AccessClaims {
  userId: string;
  sessionId: string;
  roles: Role[];
}

export async function issueAccessToken(
  env: Env,
  config: Config,
  claims: AccessClaims,
): Promise<{ token: string; expiresIn: number }> {
  const ring = await keyRing(env);
  const expiresIn = config.identity.accessTokenTtlSeconds;
  const token = await new SignJWT({ sid: claims.sessionId, roles: claims.roles })
    .setProtectedHeader({ alg: ALG, typ: TYP, kid: ring.signer.kid })
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(`${expiresIn}s`)
    .setJti(crypto.randomUUID())
    .sign(ring.signer.key);
  return { token, expiresIn };
}

/**
 * Verifies signature first (only our own keys, chosen by `kid`; ES256 only), then typ, iss, aud,
 * exp and nbf. Any failure is the same 401: the caller learns nothing about why.
 */
export async function verifyAccessToken(env: Env, config: Config, token: string): Promise<AccessClaims> {
  const ring = await keyRing(env);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid ? ring.verifiers.get(header.kid) : undefined;
        if (!key) throw new Error("unknown kid");
        return key;
      },
      {
        algorithms: [ALG],
        typ: TYP,
        issuer: config.jwt.issuer,
        audience: config.jwt.audience,
        requiredClaims: ["sub", "exp", "iat", "sid"],
      },
    ));
  } catch {
    throw new ApiError("unauthorized", "The access token is invalid or expired. Refresh it or sign in again.", {
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
  }
  const roles = Array.isArray(payload.roles) ? (payload.roles.filter((r) => typeof r === "string") as Role[]) : [];
  return { userId: String(payload.sub), sessionId: String(payload.sid), roles };
}

export async function publicJwks(env: Env): Promise<{ keys: JWK[] }> {
  return { keys: (await keyRing(env)).publicJwks };
}
