import {
  callProvider,
  isRetryableStatus,
  ProviderError,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import type { Outbound, OutboundMessage, SendReceipt } from "../provider";

export interface ResendConfig {
  apiKey: string;
  /** Sender, a verified domain's address, optionally with a name: "Tchat <no-reply@tchat.example>". */
  from: string;
  replyTo?: string;
  /** For tests; default https://api.resend.com. */
  apiBase?: string;
  /** Give up on a request after this long (a network failure, so retryable); default 10 s. */
  timeoutMs?: number;
}

export interface ResendEnv {
  RESEND_API_KEY?: string;
  EMAIL_REPLY_TO?: string;
}

const RESEND = { id: "resend", label: "Resend" };
const DEFAULT_API_BASE = "https://api.resend.com";
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Resend's error body: `{ statusCode, message, name }` (https://resend.com/docs/api-reference/errors). */
interface ResendErrorBody {
  statusCode?: number;
  message?: string;
  name?: string;
}

/**
 * Resend errors worth retrying beyond rate limits and 5xx: another request with the same
 * idempotency key is still in flight (409 concurrent_idempotent_requests). A 409
 * invalid_idempotent_request (same key, another body) never succeeds.
 */
const RETRYABLE_NAMES = new Set(["concurrent_idempotent_requests", "rate_limit_exceeded", "daily_quota_exceeded"]);

/**
 * Email through Resend: one `POST /emails` per message, plain text. Resend answers 200 with
 * `{ id }`, the receipt. Every send carries an `Idempotency-Key` (our tracked message id), so a
 * retry after a timeout or a 5xx within 24 h returns the first answer instead of sending twice.
 */
export class ResendEmail implements Outbound {
  readonly name = "resend";
  private readonly url: string;

  constructor(
    private readonly config: ResendConfig,
    private readonly fetchFn: typeof fetch,
  ) {
    if (!config.apiKey) throw new Error("Resend needs an API key (RESEND_API_KEY)");
    if (!config.from) throw new Error("Resend needs a sender (EMAIL_FROM)");
    this.url = `${(config.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "")}/emails`;
  }

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== "email") {
      throw new ProviderError(this.name, `Resend cannot send a ${message.channel} message`, { retryable: false });
    }
    if (!EMAIL.test(message.to)) {
      throw new ProviderError(this.name, "Resend needs the recipient as an email address", { retryable: false });
    }
    if (!message.subject) {
      throw new ProviderError(this.name, "An email needs a subject", { retryable: false });
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.config.apiKey}`,
      Accept: "application/json",
    };
    if (message.idempotencyKey) headers["Idempotency-Key"] = message.idempotencyKey.slice(0, 256);
    const body = {
      from: this.config.from,
      to: [message.to],
      subject: message.subject,
      text: message.body,
      ...(this.config.replyTo ? { reply_to: this.config.replyTo } : {}),
    };
    const response = await callProvider(RESEND, this.fetchFn, {
      url: this.url,
      headers,
      json: body,
      timeoutMs: this.config.timeoutMs,
    });
    if (response.ok) {
      const id = (response.json as { id?: unknown } | undefined)?.id;
      if (typeof id === "string" && id.length > 0) return { provider: this.name, providerMessageId: id };
      // Accepted but unreadable: retrying with the same idempotency key would be safe, but the
      // answer would be the same; record it as failed rather than loop.
      throw unreadableAnswer(RESEND, response, "an email id");
    }
    const error = (response.json ?? {}) as ResendErrorBody;
    const name = typeof error.name === "string" ? error.name : undefined;
    throw providerErrorFrom(RESEND, response, {
      code: name,
      detail: typeof error.message === "string" ? redactEmails(error.message) : undefined,
      retryable: isRetryableStatus(response.status) || (name !== undefined && RETRYABLE_NAMES.has(name)),
    });
  }
}

/**
 * The Resend sender configured in the environment, or undefined when RESEND_API_KEY is unset (so
 * the caller says "no provider"). `from` comes from EMAIL_FROM (platform config).
 */
export function resendFromEnv(
  env: ResendEnv,
  fetchFn: typeof fetch,
  options: { from: string; timeoutMs?: number },
): ResendEmail | undefined {
  const apiKey = env.RESEND_API_KEY?.trim() || undefined;
  if (!apiKey) return undefined;
  const replyTo = env.EMAIL_REPLY_TO?.trim() || undefined;
  return new ResendEmail({ apiKey, from: options.from, replyTo, timeoutMs: options.timeoutMs }, fetchFn);
}

/** Provider messages may quote the address; it ends up in lastError and logs, so hide it. */
export function redactEmails(text: string): string {
  return text.replace(/[^\s@<>"']+@[^\s@<>"']+/g, (match) => `${match[0]}***@${match.split("@")[1]}`);
}
