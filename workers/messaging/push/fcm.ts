import type { Outbound, OutboundMessage, SendReceipt } from "../outbound";
import { isRetryableStatus, ProviderError } from "../sms/provider-error";
import { FCM_SCOPE, parseServiceAccount, type ServiceAccount, ServiceAccountAuth } from "./google-auth";

export interface FcmConfig {
  serviceAccount: ServiceAccount;
  /** For tests; default https://fcm.googleapis.com. */
  apiBase?: string;
  timeoutMs?: number;
  now?: () => number;
}

export interface FcmEnv {
  FCM_SERVICE_ACCOUNT?: string;
}

const DEFAULT_API_BASE = "https://fcm.googleapis.com";
const DEFAULT_TIMEOUT_MS = 10_000;
/** FCM's own error codes (google.firebase.fcm.v1.FcmError) that no retry can fix. */
const PERMANENT_FCM_ERRORS = new Set([
  "UNREGISTERED",
  "INVALID_ARGUMENT",
  "SENDER_ID_MISMATCH",
  "THIRD_PARTY_AUTH_ERROR",
]);

/** FCM HTTP v1's error body: a google.rpc.Status with FcmError details. */
interface FcmErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; errorCode?: string }[];
  };
}

/** True when FCM said the registration token is gone (app uninstalled, token rotated): forget the device. */
export function isUnregisteredToken(err: unknown): boolean {
  return err instanceof ProviderError && err.provider === "fcm" && err.providerCode === "UNREGISTERED";
}

/**
 * Push through Firebase Cloud Messaging HTTP v1: `POST /v1/projects/{project}/messages:send` with
 * an OAuth 2.0 access token of the service account (see google-auth.ts), one registration token per
 * request. FCM answers 200 with the Message, whose `name` ("projects/…/messages/…") is the receipt.
 * An expired access token (401) is renewed and the send tried once more.
 */
export class FcmPush implements Outbound {
  readonly name = "fcm";
  private readonly url: string;
  private readonly auth: ServiceAccountAuth;

  constructor(
    private readonly config: FcmConfig,
    private readonly fetchFn: typeof fetch,
  ) {
    const base = (config.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "");
    this.url = `${base}/v1/projects/${encodeURIComponent(config.serviceAccount.project_id)}/messages:send`;
    this.auth = new ServiceAccountAuth(config.serviceAccount, FCM_SCOPE, fetchFn, {
      timeoutMs: config.timeoutMs,
      now: config.now,
    });
  }

  /** The JSON body FCM receives for a message (exposed for tests and docs). */
  static body(message: OutboundMessage) {
    const collapse = message.collapseKey?.slice(0, 64);
    return {
      message: {
        token: message.to,
        notification: { title: message.subject ?? "", body: message.body },
        ...(message.data && Object.keys(message.data).length > 0 ? { data: message.data } : {}),
        android: {
          priority: message.urgent ? "HIGH" : "NORMAL",
          ...(collapse ? { collapse_key: collapse, notification: { tag: collapse } } : {}),
        },
        apns: {
          headers: {
            "apns-priority": message.urgent ? "10" : "5",
            ...(collapse ? { "apns-collapse-id": collapse } : {}),
          },
          ...(collapse ? { payload: { aps: { "thread-id": collapse } } } : {}),
        },
      },
    };
  }

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== "push") {
      throw new ProviderError(this.name, `FCM cannot send a ${message.channel} message`, { retryable: false });
    }
    if (!message.to) throw new ProviderError(this.name, "FCM needs a registration token", { retryable: false });
    const body = JSON.stringify(FcmPush.body(message));
    let response = await this.post(body);
    if (response.status === 401) {
      // The cached access token was revoked or expired early: take a new one, once.
      await response.body?.cancel();
      this.auth.invalidate();
      response = await this.post(body);
    }
    const json = (await response.json().catch(() => undefined)) as ({ name?: unknown } & FcmErrorBody) | undefined;
    if (response.ok) {
      if (typeof json?.name === "string" && json.name) return { provider: this.name, providerMessageId: json.name };
      throw new ProviderError(this.name, `FCM answered ${response.status} without a message name`, {
        status: response.status,
        retryable: false,
      });
    }
    const error = json?.error;
    const fcmCode = error?.details?.find((d) => d.errorCode)?.errorCode ?? error?.status;
    const retryable = fcmCode && PERMANENT_FCM_ERRORS.has(fcmCode) ? false : isRetryableStatus(response.status);
    throw new ProviderError(
      this.name,
      `FCM ${response.status}${fcmCode ? ` (${fcmCode})` : ""}: ${error?.message ?? response.statusText ?? "no details"}`,
      {
        status: response.status,
        retryable,
        providerCode: fcmCode,
        retryAfterSeconds: retryAfter(response.headers.get("Retry-After")),
      },
    );
  }

  private async post(body: string): Promise<Response> {
    const token = await this.auth.accessToken();
    try {
      return await this.fetchFn(this.url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json; charset=UTF-8" },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (err) {
      const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new ProviderError(this.name, `FCM request failed: ${reason}`, { retryable: true, cause: err });
    }
  }
}

/** The FCM sender configured in the environment, or undefined when FCM_SERVICE_ACCOUNT is unset. */
export function fcmFromEnv(
  env: FcmEnv,
  fetchFn: typeof fetch,
  options: { timeoutMs?: number } = {},
): FcmPush | undefined {
  const raw = env.FCM_SERVICE_ACCOUNT?.trim();
  if (!raw) return undefined;
  return new FcmPush({ serviceAccount: parseServiceAccount(raw), timeoutMs: options.timeoutMs }, fetchFn);
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
