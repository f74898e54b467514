import type { Channel } from "../../schemas/messaging";
import type { Locale } from "../../schemas/platform";

/** One message for one provider to send. */
export interface OutboundMessage {
  channel: Channel;
  /** E.164 phone for sms, address for email, device token for push. */
  to: string;
  locale: Locale | string;
  /** Email subject, push title. */
  subject?: string;
  body: string;
  /** Push: key/value data for the app (strings only, as FCM requires). */
  data?: Record<string, string>;
  /** Push: a newer message with the same key replaces an older one on the device (e.g. one per dialog). */
  collapseKey?: string;
  /** Push: deliver at once even to a sleeping device (high priority); otherwise normal priority. */
  urgent?: boolean;
  /** Providers that support it (Resend) send once per key, so a retry after a timeout cannot duplicate. */
  idempotencyKey?: string;
}

/** What a provider answered for a message it took: its own id for it. */
export interface SendReceipt {
  provider: string;
  providerMessageId: string;
}

/**
 * A way out of the platform for one channel. Real providers (an SMS gateway, an email API,
 * FCM) implement it over an injected `fetch`; locally the dev outbox does.
 */
export interface Outbound {
  readonly name: string;
  send(message: OutboundMessage): Promise<SendReceipt>;
  /**
   * Many messages in one call, all taken or none (it throws), receipts in the same order: for an
   * outbound whose one call costs as much as one message (the dev outbox's one D1 batch). Without
   * it, a batch's messages are sent one request each, concurrently.
   */
  sendMany?(messages: OutboundMessage[]): Promise<SendReceipt[]>;
}
