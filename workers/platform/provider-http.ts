import { base64Encode } from "./crypto";

/**
 * The one way out to an outside provider's HTTP API (SMS, email, push, OAuth token endpoints,
 * payment gateways, and in time couriers): a request through an injected `fetch` with a timeout,
 * and one error type, `ProviderError`, that says whether trying again may help.
 *
 * `callProvider` turns a failure to get any answer (DNS, reset, timeout) into a retryable
 * ProviderError and returns every answer, whatever its status, read in full: each provider words
 * its errors its own way, so the caller judges a non-2xx answer and maps it with
 * `providerErrorFrom` (429 and 5xx retryable unless the caller knows better, Retry-After kept).
 * A domain with an error type of its own (payments' GatewayError) makes it a subclass of
 * ProviderError and names it in its `Provider`, so every error of the call is of that type.
 */

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A provider refused or failed a call. `retryable` says whether the same call may succeed later
 * (rate limits, provider outages, network failures) or never will (a bad number, bad credentials,
 * a rejected body), so a consumer stops retrying the latter at once. Messages never hold personal
 * data, tokens or keys: they end up in stored errors and logs.
 */
export class ProviderError extends Error {
  override name = "ProviderError";
  readonly provider: string;
  /** The provider's HTTP status; undefined when no response came back (network failure, timeout). */
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** The provider's own error code, e.g. Twilio's 21211 for an invalid "To" number. */
  readonly providerCode: number | string | undefined;
  /** Seconds the provider asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(provider: string, message: string, details: ProviderErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = provider;
    this.status = details.status;
    this.retryable = details.retryable;
    this.providerCode = details.providerCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export interface ProviderErrorDetails {
  status?: number;
  retryable: boolean;
  providerCode?: number | string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Who is called, and how its calls fail. */
export interface Provider {
  /** The provider's id, in errors' `provider` ("twilio"). */
  id: string;
  /** Its name in messages ("Twilio"). */
  label: string;
  /** How long its calls may take unless a call says otherwise; default 10 s. */
  timeoutMs?: number;
  /** Builds its errors when its domain has a ProviderError subclass of its own; default ProviderError. */
  error?: (message: string, details: ProviderErrorDetails) => ProviderError;
}

function providerError(provider: Provider, message: string, details: ProviderErrorDetails): ProviderError {
  return provider.error?.(message, details) ?? new ProviderError(provider.id, message, details);
}

export interface ProviderRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  /** A JSON body (Content-Type application/json unless `headers` say otherwise). */
  json?: unknown;
  /** A form body (Content-Type application/x-www-form-urlencoded unless `headers` say otherwise). */
  form?: URLSearchParams | Record<string, string>;
  /** Sent as the `Idempotency-Key` header, when not empty: the provider answers a repeat with the first answer. */
  idempotencyKey?: string;
  /** Give up after this long (a network failure, so retryable); default the provider's `timeoutMs`. */
  timeoutMs?: number;
}

/** A provider's answer, read in full. */
export interface ProviderResponse {
  status: number;
  ok: boolean;
  statusText: string;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

/** One call to a provider through `fetchFn`. Throws only when no answer came back. */
export async function callProvider(
  provider: Provider,
  fetchFn: typeof fetch,
  request: ProviderRequest,
): Promise<ProviderResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.idempotencyKey) headers["Idempotency-Key"] = request.idempotencyKey;
  let body: string | undefined;
  if (request.form !== undefined) {
    body = new URLSearchParams(request.form).toString();
    headers["Content-Type"] ??= "application/x-www-form-urlencoded";
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers["Content-Type"] ??= "application/json";
  }
  let response: Response;
  try {
    response = await fetchFn(request.url, {
      method: request.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? provider.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw providerError(provider, `${provider.label} request failed: ${reason}`, {
      retryable: true,
      cause: err,
    });
  }
  const text = await response.text().catch(() => "");
  return {
    status: response.status,
    ok: response.ok,
    statusText: response.statusText,
    headers: response.headers,
    text,
    json: parseJson(text),
  };
}

/**
 * The error for a provider's failed answer: "<Label> <status> (<code>): <detail>". Retryable for
 * 429 and 5xx unless `retryable` says otherwise (a provider's own code may know better).
 */
export function providerErrorFrom(
  provider: Provider,
  response: ProviderResponse,
  details: {
    code?: number | string;
    detail?: string;
    retryable?: boolean;
    /**
     * The outcome as the provider reports it in its body, named instead of "<status> (<code>)"
     * (Midtrans answers with its own status_code, sometimes under an HTTP 200).
     */
    reported?: string;
  } = {},
): ProviderError {
  const code = details.code === "" ? undefined : details.code;
  const detail = details.detail || response.statusText || "no details";
  const outcome = details.reported ?? `${response.status}${code === undefined ? "" : ` (${code})`}`;
  return providerError(provider, `${provider.label} ${outcome}: ${detail}`, {
    status: response.status,
    retryable: details.retryable ?? isRetryableStatus(response.status),
    providerCode: code,
    retryAfterSeconds: retryAfterSeconds(response.headers.get("Retry-After")),
  });
}

/**
 * A 2xx answer without what it should carry (an id, a name): the provider may have acted on it,
 * so sending again could duplicate. Not retried, unless the call carried an idempotency key that
 * makes sending again safe (`retryable`).
 */
export function unreadableAnswer(
  provider: Provider,
  response: ProviderResponse,
  missing: string,
  { retryable = false }: { retryable?: boolean } = {},
): ProviderError {
  return providerError(provider, `${provider.label} answered ${response.status} without ${missing}`, {
    status: response.status,
    retryable,
  });
}

/** An `Authorization: Basic` value for a user and password (API key pairs). */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${base64Encode(new TextEncoder().encode(`${user}:${password}`))}`;
}

/** HTTP statuses worth retrying: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Retry-After as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
