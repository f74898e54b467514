import {
  basicAuthorization,
  callProvider,
  ProviderError,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import type { Outbound, OutboundMessage, SendReceipt } from "../provider";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Sender: a Twilio phone number in E.164 or an alphanumeric sender id. */
  from?: string;
  /** A Messaging Service (MG...) picks the sender itself; it wins over `from` when both are set. */
  messagingServiceSid?: string;
  /** For tests and regional edges; default https://api.twilio.com. */
  apiBase?: string;
  /** Give up on a request after this long (a network failure, so retryable); default 10 s. */
  timeoutMs?: number;
  /** Twilio reports each message's status (delivered, undelivered, ...) to this URL. */
  statusCallbackUrl?: string;
}

export interface TwilioEnv {
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_MESSAGING_SERVICE_SID?: string;
}

const TWILIO = { id: "twilio", label: "Twilio" };
const DEFAULT_API_BASE = "https://api.twilio.com";
const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio's REST error body: `{ code, message, more_info, status }`. */
interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

/**
 * SMS through Twilio Programmable Messaging: one POST to the account's Messages resource per
 * message. Twilio answers 201 with the created Message, whose `sid` (SM...) is the receipt.
 * Twilio has no idempotency key for sends, so a retry after a 5xx or a timeout may, rarely,
 * deliver the same text twice.
 */
export class TwilioSms implements Outbound {
  readonly name = "twilio";
  private readonly url: string;
  private readonly authorization: string;

  constructor(
    private readonly config: TwilioConfig,
    private readonly fetchFn: typeof fetch,
  ) {
    if (!config.accountSid || !config.authToken) throw new Error("Twilio needs an account SID and an auth token");
    if (!config.from && !config.messagingServiceSid) {
      throw new Error("Twilio needs a sender: TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID");
    }
    const base = (config.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "");
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = basicAuthorization(config.accountSid, config.authToken);
  }

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.channel !== "sms") {
      throw new ProviderError(this.name, `Twilio SMS cannot send a ${message.channel} message`, { retryable: false });
    }
    if (!E164.test(message.to)) {
      throw new ProviderError(this.name, "Twilio SMS needs the recipient in E.164 (+ and 7 to 15 digits)", {
        retryable: false,
      });
    }
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    if (this.config.messagingServiceSid) form.set("MessagingServiceSid", this.config.messagingServiceSid);
    else form.set("From", this.config.from!);
    if (this.config.statusCallbackUrl) form.set("StatusCallback", this.config.statusCallbackUrl);

    const response = await callProvider(TWILIO, this.fetchFn, {
      url: this.url,
      headers: { Authorization: this.authorization, Accept: "application/json" },
      form,
      timeoutMs: this.config.timeoutMs,
    });
    if (response.ok) {
      const sid = (response.json as { sid?: unknown } | undefined)?.sid;
      if (typeof sid === "string" && sid.length > 0) return { provider: this.name, providerMessageId: sid };
      // Twilio took the request but the answer is unreadable; sending again could duplicate it.
      throw unreadableAnswer(TWILIO, response, "a message sid");
    }
    const error = (response.json ?? {}) as TwilioErrorBody;
    throw providerErrorFrom(TWILIO, response, {
      code: typeof error.code === "number" ? error.code : undefined,
      detail: typeof error.message === "string" ? redactPhoneNumbers(error.message) : undefined,
    });
  }
}

/**
 * The Twilio sender configured in the environment, or undefined when no Twilio variable is set.
 * Throws when it is only half configured, so a missing secret is found at the first send
 * rather than hidden behind "no provider".
 */
export function twilioFromEnv(
  env: TwilioEnv,
  fetchFn: typeof fetch,
  options: { statusCallbackUrl?: string } = {},
): TwilioSms | undefined {
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim() || undefined;
  const authToken = env.TWILIO_AUTH_TOKEN?.trim() || undefined;
  const from = env.TWILIO_FROM?.trim() || undefined;
  const messagingServiceSid = env.TWILIO_MESSAGING_SERVICE_SID?.trim() || undefined;
  if (!accountSid && !authToken && !from && !messagingServiceSid) return undefined;
  const missing = [
    accountSid ? undefined : "TWILIO_ACCOUNT_SID",
    authToken ? undefined : "TWILIO_AUTH_TOKEN",
    from || messagingServiceSid ? undefined : "TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID",
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`Twilio is partly configured; missing ${missing.join(", ")}`);
  return new TwilioSms(
    { accountSid: accountSid!, authToken: authToken!, from, messagingServiceSid, ...options },
    fetchFn,
  );
}

/** Twilio's messages quote the number ("The 'To' number +66... is not valid"); keep only its last 2 digits. */
function redactPhoneNumbers(text: string): string {
  return text.replace(/\+?\d[\d ()-]{5,}\d/g, (match) => {
    const digits = match.replace(/\D/g, "");
    return `${match.startsWith("+") ? "+" : ""}${"*".repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  });
}
