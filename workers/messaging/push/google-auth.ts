import { importPKCS8, SignJWT } from "jose";
import { callProvider, ProviderError, providerErrorFrom } from "../../platform/provider-http";

/** The fields of a Google service account JSON key that the OAuth 2.0 JWT-bearer flow needs. */
export interface ServiceAccount {
  project_id: string;
  client_email: string;
  /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). */
  private_key: string;
  private_key_id?: string;
  /** Default https://oauth2.googleapis.com/token. */
  token_uri?: string;
}

export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
/** Google's OAuth token endpoint, as errors name it ("Token endpoint 400 (invalid_grant): ..."). */
const GOOGLE_OAUTH = { id: "google_oauth", label: "Token endpoint" };
const DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
/** Google accepts assertions valid for at most an hour. */
const ASSERTION_LIFETIME_SECONDS = 3600;
/** Renew a cached access token this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Access tokens per (service account, scope), shared by every request of this isolate. */
const tokenCache = new Map<string, CachedToken>();

/**
 * OAuth 2.0 for a service account (RFC 7523 JWT bearer grant, as Google documents it): a JWT
 * signed RS256 with the account's private key, `iss` = client_email, `scope`, `aud` = token_uri,
 * `iat`/`exp` an hour apart, is exchanged at token_uri for an access token, which is cached until
 * shortly before it expires.
 */
export class ServiceAccountAuth {
  private readonly tokenUri: string;
  private readonly cacheKey: string;
  private keyPromise: Promise<CryptoKey> | undefined;

  constructor(
    private readonly account: ServiceAccount,
    private readonly scope: string,
    private readonly fetchFn: typeof fetch,
    private readonly options: { timeoutMs?: number; now?: () => number } = {},
  ) {
    this.tokenUri = account.token_uri || DEFAULT_TOKEN_URI;
    this.cacheKey = `${account.client_email}|${scope}|${this.tokenUri}`;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** A valid access token (cached, or freshly exchanged). */
  async accessToken(): Promise<string> {
    const cached = tokenCache.get(this.cacheKey);
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > this.now()) return cached.accessToken;
    const fresh = await this.exchange();
    tokenCache.set(this.cacheKey, fresh);
    return fresh.accessToken;
  }

  /** Forgets the cached token (the API said it is no longer valid). */
  invalidate(): void {
    tokenCache.delete(this.cacheKey);
  }

  /** The signed assertion (exposed for tests). */
  async assertion(): Promise<string> {
    this.keyPromise ??= importPKCS8(this.account.private_key, "RS256");
    const key = await this.keyPromise;
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ scope: this.scope })
      .setProtectedHeader({
        alg: "RS256",
        typ: "JWT",
        ...(this.account.private_key_id ? { kid: this.account.private_key_id } : {}),
      })
      .setIssuer(this.account.client_email)
      .setAudience(this.tokenUri)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
      .sign(key);
  }

  private async exchange(): Promise<CachedToken> {
    let assertion: string;
    try {
      assertion = await this.assertion();
    } catch (err) {
      throw new ProviderError(
        GOOGLE_OAUTH.id,
        "The service account's private key could not sign (check FCM_SERVICE_ACCOUNT)",
        { retryable: false, cause: err },
      );
    }
    const response = await callProvider(GOOGLE_OAUTH, this.fetchFn, {
      url: this.tokenUri,
      headers: { Accept: "application/json" },
      form: { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion },
      timeoutMs: this.options.timeoutMs,
    });
    const json = response.json as
      | { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown }
      | undefined;
    if (response.ok && typeof json?.access_token === "string") {
      const expiresIn = typeof json.expires_in === "number" && json.expires_in > 0 ? json.expires_in : 3600;
      return { accessToken: json.access_token, expiresAt: this.now() + expiresIn * 1000 };
    }
    // invalid_grant / invalid_client: a wrong key or clock; retrying the same assertion cannot help.
    throw providerErrorFrom(GOOGLE_OAUTH, response, {
      code: typeof json?.error === "string" ? json.error : undefined,
      detail: typeof json?.error_description === "string" ? json.error_description : undefined,
    });
  }
}

/** Parses the FCM_SERVICE_ACCOUNT secret (the JSON key file as downloaded from Google Cloud). */
export function parseServiceAccount(raw: string): ServiceAccount {
  let parsed: Partial<ServiceAccount> & { type?: string };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    throw new Error("FCM_SERVICE_ACCOUNT is not JSON; paste the service account key file as it is");
  }
  const missing = (["project_id", "client_email", "private_key"] as const).filter((k) => !parsed[k]);
  if (missing.length > 0) throw new Error(`FCM_SERVICE_ACCOUNT lacks ${missing.join(", ")}`);
  return parsed as ServiceAccount;
}
