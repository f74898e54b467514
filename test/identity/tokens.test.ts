import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import {
  base64url,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { issueAccessToken, verifyAccessToken } from "../../workers/identity/tokens";
import { readConfig } from "../../workers/platform/config";
import { ApiError } from "../../workers/platform/errors";
import { expectJson, expectProblem, get, me, otpSignIn, registerUser, type Tokens, thaiMobile } from "./helpers";

const ISSUER = env.JWT_ISSUER;
const AUDIENCE = env.JWT_AUDIENCE;
const DEV_KEY = (JSON.parse(env.JWT_SIGNING_KEYS) as (JWK & { kid: string })[])[0];

interface Jwks {
  keys: (JWK & { kid: string })[];
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/** A token signed with `key` (the real signing key unless told otherwise), with overridable parts. */
async function forge(
  claims: JWTPayload,
  options: { key?: CryptoKey | Uint8Array; alg?: string; header?: Record<string, unknown> } = {},
): Promise<string> {
  const key = options.key ?? ((await importJWK(DEV_KEY, "ES256")) as CryptoKey);
  const alg = options.alg ?? "ES256";
  return new SignJWT(claims).setProtectedHeader({ alg, typ: "at+jwt", kid: DEV_KEY.kid, ...options.header }).sign(key);
}

let signedIn: Tokens;
let goodClaims: JWTPayload;

beforeAll(async () => {
  signedIn = await otpSignIn(thaiMobile());
  const now = Math.floor(Date.now() / 1000);
  const { sid, sub } = decodeJwt(signedIn.accessToken);
  goodClaims = { iss: ISSUER, aud: AUDIENCE, sub, sid, roles: ["customer"], iat: now, nbf: now, exp: now + 600 };
});

describe("access tokens", () => {
  it("are ES256 JWTs with kid and typ at+jwt, and iss, aud, sub, exp, roles, sid; valid ≤ 15 minutes", async () => {
    const header = decodeProtectedHeader(signedIn.accessToken);
    expect(header).toMatchObject({ alg: "ES256", typ: "at+jwt", kid: DEV_KEY.kid });
    const claims = decodeJwt(signedIn.accessToken);
    expect(claims.iss).toBe(ISSUER);
    expect(claims.aud).toBe(AUDIENCE);
    expect(claims.sub).toBe(signedIn.user.id);
    expect(claims.roles).toEqual(["customer"]);
    expect(typeof claims.sid).toBe("string");
    expect(typeof claims.jti).toBe("string");
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
    expect(claims.exp! - claims.iat!).toBe(signedIn.expiresIn);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
    // sid names the live session of this sign-in.
    const session = await env.DB.prepare("SELECT user_id FROM sessions WHERE id = ? AND revoked_at IS NULL")
      .bind(claims.sid)
      .first<{ user_id: string }>();
    expect(session?.user_id).toBe(signedIn.user.id);
    // No personal data in the token.
    expect(JSON.stringify(claims)).not.toContain(signedIn.user.phone!.slice(1));
  });

  it("GET /.well-known/jwks.json publishes the public key (no private d) and the token verifies with it", async () => {
    const res = await get("/.well-known/jwks.json");
    const jwks = await expectJson<Jwks>(res, 200);
    const key = jwks.keys.find((k) => k.kid === DEV_KEY.kid);
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", x: DEV_KEY.x, y: DEV_KEY.y });
    for (const k of jwks.keys) {
      expect(k).not.toHaveProperty("d");
      for (const secret of ["p", "q", "dp", "dq", "qi", "k"]) expect(k).not.toHaveProperty(secret);
    }
    expect(JSON.stringify(jwks)).not.toContain(DEV_KEY.d!);

    const { payload, protectedHeader } = await jwtVerify(signedIn.accessToken, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
      typ: "at+jwt",
      algorithms: ["ES256"],
    });
    expect(payload.sub).toBe(signedIn.user.id);
    expect(protectedHeader.kid).toBe(DEV_KEY.kid);
  });

  it("a correctly forged token with the real key is accepted (so the refusals below are about one defect each)", async () => {
    const res = await me(await forge(goodClaims));
    expect((await expectJson<{ id: string }>(res, 200)).id).toBe(signedIn.user.id);
  });

  const refused: [string, () => Promise<string>][] = [
    [
      "tampered signature",
      async () => {
        const [h, p, s] = signedIn.accessToken.split(".");
        const mid = Math.floor(s.length / 2);
        const flipped = s[mid] === "A" ? "B" : "A";
        return `${h}.${p}.${s.slice(0, mid)}${flipped}${s.slice(mid + 1)}`;
      },
    ],
    [
      "tampered payload (roles: admin) with the original signature",
      async () => {
        const [h, , s] = signedIn.accessToken.split(".");
        return `${h}.${encode({ ...decodeJwt(signedIn.accessToken), roles: ["customer", "admin"] })}.${s}`;
      },
    ],
    ["alg none", async () => `${encode({ alg: "none", typ: "at+jwt", kid: DEV_KEY.kid })}.${encode(goodClaims)}.`],
    [
      "signed by another key with the same kid",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        return forge(goodClaims, { key: privateKey });
      },
    ],
    [
      "HS256 keyed with the public JWK (algorithm confusion)",
      async () => {
        const { d: _d, ...publicJwk } = DEV_KEY;
        return forge(goodClaims, { alg: "HS256", key: new TextEncoder().encode(JSON.stringify(publicJwk)) });
      },
    ],
    ["wrong audience", () => forge({ ...goodClaims, aud: "some-other-api" })],
    ["wrong issuer", () => forge({ ...goodClaims, iss: "https://evil.example" })],
    [
      "expired",
      () =>
        forge({ ...goodClaims, iat: goodClaims.iat! - 1000, nbf: goodClaims.iat! - 1000, exp: goodClaims.iat! - 100 }),
    ],
    ["not yet valid (nbf in the future)", () => forge({ ...goodClaims, nbf: goodClaims.iat! + 600 })],
    ["wrong typ (an ID token)", () => forge(goodClaims, { header: { typ: "JWT" } })],
    ["unknown kid", () => forge(goodClaims, { header: { kid: "someone-elses-key" } })],
    ["no sid", () => forge({ ...goodClaims, sid: undefined })],
    ["a sid that is not this user's session", () => forge({ ...goodClaims, sid: "ses_01ZZZZZZZZZZZZZZZZZZZZZZZZ" })],
    ["not a JWT at all", async () => "not-a-jwt"],
  ];

  for (const [what, make] of refused) {
    it(`refuses a token: ${what} → 401 problem+json`, async () => {
      const res = await me(await make());
      await expectProblem(res, 401, "unauthorized");
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    });
  }

  it("refuses a non-Bearer scheme with 401", async () => {
    await expectProblem(
      await get("/api/v1/users/me", { headers: { Authorization: `Basic ${btoa("a:b")}` } }),
      401,
      "unauthorized",
    );
  });
});

describe("signing key rotation", () => {
  let newKey: JWK & { kid: string };

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    newKey = { ...(await exportJWK(privateKey)), kid: "rotation-test-new", alg: "ES256", use: "sig" };
  });

  it("a token of the old key still verifies after rotation; new tokens carry the new kid; removing the old key ends it", async () => {
    const claims = { userId: "usr_rotation", sessionId: "ses_rotation", roles: ["customer" as const] };
    const oldEnv: Env = env;
    const rotatedEnv: Env = { ...env, JWT_SIGNING_KEYS: JSON.stringify([newKey, DEV_KEY]) };
    const newOnlyEnv: Env = { ...env, JWT_SIGNING_KEYS: JSON.stringify([newKey]) };

    const old = await issueAccessToken(oldEnv, readConfig(oldEnv), claims);
    expect(decodeProtectedHeader(old.token).kid).toBe(DEV_KEY.kid);

    // Rotated: the old token verifies, new tokens are signed by the new key.
    expect(await verifyAccessToken(rotatedEnv, readConfig(rotatedEnv), old.token)).toEqual(claims);
    const fresh = await issueAccessToken(rotatedEnv, readConfig(rotatedEnv), claims);
    expect(decodeProtectedHeader(fresh.token).kid).toBe(newKey.kid);
    expect(await verifyAccessToken(rotatedEnv, readConfig(rotatedEnv), fresh.token)).toEqual(claims);
    // Tokens of the new key are unknown to a deployment that has not rotated yet.
    await expect(verifyAccessToken(oldEnv, readConfig(oldEnv), fresh.token)).rejects.toBeInstanceOf(ApiError);

    // Old key removed: its tokens fail, the new key's still verify.
    const error = await verifyAccessToken(newOnlyEnv, readConfig(newOnlyEnv), old.token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe("unauthorized");
    expect(await verifyAccessToken(newOnlyEnv, readConfig(newOnlyEnv), fresh.token)).toEqual(claims);
  });

  it("through the API: both keys published, old sessions keep working, new sign-ins get the new kid", async () => {
    const app = createApp();
    const rotatedEnv: Env = { ...env, JWT_SIGNING_KEYS: JSON.stringify([newKey, DEV_KEY]) };
    const newOnlyEnv: Env = { ...env, JWT_SIGNING_KEYS: JSON.stringify([newKey]) };
    const fetchWith = async (target: Env, path: string, init?: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`http://tchat.test${path}`, init), target, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

    const jwks = await expectJson<Jwks>(await fetchWith(rotatedEnv, "/.well-known/jwks.json"), 200);
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKey.kid, DEV_KEY.kid]);
    for (const k of jwks.keys) expect(k).not.toHaveProperty("d");

    const before = await registerUser(); // signed by the old key
    expect((await fetchWith(rotatedEnv, "/api/v1/users/me", bearer(before.accessToken))).status).toBe(200);

    const after = await expectJson<Tokens>(
      await fetchWith(rotatedEnv, "/api/v1/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: before.email, password: before.password }),
      }),
      200,
    );
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKey.kid);
    await jwtVerify(after.accessToken, createLocalJWKSet(jwks), { issuer: ISSUER, audience: AUDIENCE });

    await expectProblem(
      await fetchWith(newOnlyEnv, "/api/v1/users/me", bearer(before.accessToken)),
      401,
      "unauthorized",
    );
    expect((await fetchWith(newOnlyEnv, "/api/v1/users/me", bearer(after.accessToken))).status).toBe(200);
  });
});
