import {
  callProvider,
  isRetryableStatus,
  ProviderError,
  type ProviderResponse,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import type { Outbound, OutboundMessage, SendReceipt } from "../provider";
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

const FCM = { id: "fcm", label: "FCM" };
const DEFAULT_API_BASE = "https://fcm.googleapis.com";
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
    const body = FcmPush.body(message);
    let response = await this.post(body);
    if (response.status === 401) {
      // The cached access token was revoked or expired early: take a new one, once.
      this.auth.invalidate();
      response = await this.post(body);
    }
    const json = response.json as ({ name?: unknown } & FcmErrorBody) | undefined;
    if (response.ok) {
      if (typeof json?.name === "string" && json.name) return { provider: this.name, providerMessageId: json.name };
      throw unreadableAnswer(FCM, response, "a message name");
    }
    const error = json?.error;
    const fcmCode = error?.details?.find((d) => d.errorCode)?.errorCode ?? error?.status;
    throw providerErrorFrom(FCM, response, {
      code: fcmCode,
      detail: error?.message,
      retryable: fcmCode && PERMANENT_FCM_ERRORS.has(fcmCode) ? false : isRetryableStatus(response.status),
    });
  }

  private async post(body: unknown): Promise<ProviderResponse> {
    const token = await this.auth.accessToken();
    return callProvider(FCM, this.fetchFn, {
      url: this.url,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json; charset=UTF-8" },
      json: body,
      timeoutMs: this.config.timeoutMs,
    });
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
