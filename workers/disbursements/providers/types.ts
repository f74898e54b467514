import type { Money } from "../../platform/money";
import type { Provider } from "../../platform/provider-http";

/*
 * One interface for every way money leaves the platform for a bank account (docs/disbursements.md):
 * create a disbursement, ask where it stands, verify a webhook. Each provider is called through an
 * injected fetch; the sandbox answers locally and sends its outcome through the same webhook path.
 */

export type DisbursementProviderName = "sandbox" | "xendit" | "omise";

export const DISBURSEMENT_PROVIDERS: readonly DisbursementProviderName[] = ["sandbox", "xendit", "omise"];

export type DisbursementOutcome = "pending" | "succeeded" | "failed";

export interface CreateDisbursementInput {
  /** Our disbursement id: the provider's reference and idempotency key, so a repeat is the same payout. */
  id: string;
  amount: Money;
  /** The provider's own code of the bank (Xendit channel_code, Omise bank brand). */
  channel: string;
  accountNumber: string;
  accountName: string;
  description: string;
}

/** Where one disbursement stands at the provider. */
export interface DisbursementState {
  providerRef: string;
  outcome: DisbursementOutcome;
  /** The provider's reason for a failure (e.g. INVALID_DESTINATION, insufficient_fund). */
  failureCode?: string;
}

export interface DisbursementEvent extends DisbursementState {
  /** Dedupe key: the provider's event id, or the payout and its status where it has none. */
  eventId: string;
  /** Our id, recovered from what we sent (reference_id, metadata). */
  disbursementId: string;
}

export type DisbursementWebhook =
  | { ok: true; event: DisbursementEvent }
  /**
   * Not applied. `authentic: false`: the signature or token is missing or wrong (401, nothing
   * changes); `authentic: true`: a genuine event we do not act on (200, so the provider stops).
   */
  | { ok: false; authentic: boolean; reason: string };

export interface WebhookRequest {
  headers: Headers;
  rawBody: string;
}

export interface DisbursementProvider {
  readonly name: DisbursementProviderName;
  /** Sends the money (idempotent by `input.id`). Throws a ProviderError when it could not. */
  create(input: CreateDisbursementInput): Promise<DisbursementState>;
  /** Asks where a disbursement stands (its webhook never came). Throws a ProviderError on failure. */
  fetchStatus(ref: { disbursementId: string; providerRef: string }): Promise<DisbursementState>;
  verifyWebhook(request: WebhookRequest, now?: Date): Promise<DisbursementWebhook>;
}

/** Options every provider takes besides its secrets (tests and regional endpoints). */
export interface ProviderOptions {
  apiBase?: string;
  timeoutMs?: number;
}

/** A provider as the platform's provider call knows it (its errors are ProviderErrors). */
export function disbursementProvider(id: DisbursementProviderName, label: string): Provider {
  return { id, label, timeoutMs: 15_000 };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

export function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(raw);
    return isRecord(body) ? body : undefined;
  } catch {
    return undefined;
  }
}
