/**
 * A message provider refused or failed a send. `retryable` says whether the same send may succeed
 * later (rate limits, provider outages, network failures) or never will (a bad number, bad
 * credentials, a rejected body), so a consumer can stop retrying the latter at once.
 *
 * The message never holds the recipient's phone number (it ends up in `lastError` and in logs).
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

  constructor(
    provider: string,
    message: string,
    details: {
      status?: number;
      retryable: boolean;
      providerCode?: number | string;
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = provider;
    this.status = details.status;
    this.retryable = details.retryable;
    this.providerCode = details.providerCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** HTTP statuses worth retrying: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
