import { z } from "zod";
import { base64Decode, constantTimeEqual, hmacSha256Hex } from "../../platform/crypto";
import {
  basicAuthorization,
  callProvider,
  ProviderError,
  type ProviderResponse,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import {
  type CreateDisbursementInput,
  type DisbursementProvider,
  type DisbursementState,
  type DisbursementWebhook,
  disbursementProvider,
  isRecord,
  type ProviderOptions,
  parseJsonObject,
  str,
  type WebhookRequest,
} from "./types";

export interface OmiseTransfersConfig {
  /** OMISE_SECRET_KEY (skey_...), Basic auth with an empty password. */
  secretKey: string;
  /** OMISE_WEBHOOK_SECRET as the dashboard shows it (base64); the HMAC key is its decoded bytes. */
  webhookSecret: string;
  /** Oldest (or most future) signed timestamp accepted, in seconds; default 300. */
  toleranceSeconds?: number;
}

const OMISE = disbursementProvider("omise", "Omise Transfers");
/** The API version the shapes below were read from (the payments gateway pins the same one). */
export const OMISE_TRANSFERS_API_VERSION = "2019-05-29";

const RecipientSchema = z.object({ object: z.literal("recipient"), id: z.string().startsWith("recp_") });

/** A transfer (POST /transfers, GET /transfers/{id}, and the data of transfer.* events). */
const TransferSchema = z.object({
  object: z.literal("transfer"),
  id: z.string().startsWith("trsf_"),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  sent: z.boolean(),
  paid: z.boolean(),
  failure_code: z.string().nullable().optional(),
  /** true: a failure is final; false: Omise retries it later (and may still pay it). */
  fail_fast: z.boolean().optional(),
  /** A transfer destroyed before it was sent (DELETE /transfers/{id}, event transfer.destroy). */
  deleted: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});
type Transfer = z.infer<typeof TransferSchema>;

/**
 * `paid` is money in the account. A `failure_code` is final only when `fail_fast` is true (we ask
 * for it on create): with fail_fast false Omise retries the transfer and may still pay it, so
 * releasing the hold then could pay the person twice. A transfer `deleted` unpaid never pays.
 * Anything else is on its way. Attributes: https://docs.omise.co/transfers-api
 */
function stateOf(t: Transfer): DisbursementState {
  if (t.paid) return { providerRef: t.id, outcome: "succeeded" };
  if (t.deleted) return { providerRef: t.id, outcome: "failed", failureCode: t.failure_code ?? "transfer_deleted" };
  if (t.failure_code && t.fail_fast !== false) {
    return { providerRef: t.id, outcome: "failed", failureCode: t.failure_code };
  }
  return { providerRef: t.id, outcome: "pending" };
}

/**
 * The transfer events Omise sends (https://docs.omise.co/api-webhooks, "Transfer events"):
 * transfer.create, transfer.update, transfer.send, transfer.pay, transfer.fail, transfer.destroy.
 * Each carries the transfer; the outcome is read from it (stateOf), not from the key, so a
 * transfer.update that reports paid counts as much as transfer.pay.
 */
const TRANSFER_EVENTS: ReadonlySet<string> = new Set([
  "transfer.create",
  "transfer.update",
  "transfer.send",
  "transfer.pay",
  "transfer.fail",
  "transfer.destroy",
]);

/**
 * Omise (Opn) Transfers for Thailand: a recipient with the bank account (POST /recipients), then a
 * transfer of `amount` satang to it (POST /transfers) with our id in its metadata. Both calls
 * carry an Idempotency-Key derived from our id, so a repeat after a lost answer creates neither
 * twice. Omise verifies a new recipient before paying it (docs.omise.co/transferring-funds): a
 * transfer to one it rejects fails, and that failure comes back as a transfer.fail event.
 * Webhooks are signed: Omise-Signature = hex HMAC-SHA256(base64-decoded secret, "<timestamp>.<raw body>").
 */
export class OmiseTransfers implements DisbursementProvider {
  readonly name = "omise" as const;
  private readonly base: string;
  private readonly authorization: string;
  private readonly webhookKey: Uint8Array;

  constructor(
    private readonly config: OmiseTransfersConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: ProviderOptions = {},
  ) {
    const key = config.webhookSecret.trim() ? base64Decode(config.webhookSecret) : undefined;
    if (!config.secretKey.trim() || !key)
      throw new Error("Omise transfers need OMISE_SECRET_KEY and OMISE_WEBHOOK_SECRET");
    this.webhookKey = key;
    this.base = (options.apiBase ?? "https://api.omise.co").replace(/\/+$/, "");
    this.authorization = basicAuthorization(config.secretKey, "");
  }

  async create(input: CreateDisbursementInput): Promise<DisbursementState> {
    if (input.amount.currency !== "THB") {
      throw new ProviderError("omise", "Omise transfers pay out THB only", {
        retryable: false,
        providerCode: "unsupported_currency",
      });
    }
    const recipientAnswer = await this.request(
      "POST",
      "/recipients",
      new URLSearchParams({
        name: input.accountName,
        type: "individual",
        description: input.description,
        "bank_account[brand]": input.channel,
        "bank_account[number]": input.accountNumber,
        "bank_account[name]": input.accountName,
      }),
      `${input.id}-recipient`,
    );
    const recipient = RecipientSchema.safeParse(this.answer(recipientAnswer));
    if (!recipient.success) {
      throw unreadableAnswer(OMISE, recipientAnswer, "a recipient in the documented shape", { retryable: true });
    }
    const response = await this.request(
      "POST",
      "/transfers",
      new URLSearchParams({
        amount: String(input.amount.amount),
        recipient: recipient.data.id,
        // A failure is then final (no silent retry by Omise): the wallet can give the money back.
        fail_fast: "true",
        "metadata[disbursement_id]": input.id,
      }),
      input.id,
    );
    return stateOf(this.transfer(response));
  }

  async fetchStatus(ref: { disbursementId: string; providerRef: string }): Promise<DisbursementState> {
    return stateOf(this.transfer(await this.request("GET", `/transfers/${encodeURIComponent(ref.providerRef)}`)));
  }

  async verifyWebhook(request: WebhookRequest, now: Date = new Date()): Promise<DisbursementWebhook> {
    const signatures = request.headers.get("Omise-Signature");
    const timestamp = request.headers.get("Omise-Signature-Timestamp")?.trim();
    if (!signatures || !timestamp || !/^\d{1,12}$/.test(timestamp)) {
      return { ok: false, authentic: false, reason: "missing or malformed Omise-Signature headers" };
    }
    if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > (this.config.toleranceSeconds ?? 300)) {
      return { ok: false, authentic: false, reason: "timestamp outside the tolerance window" };
    }
    const expected = await hmacSha256Hex(this.webhookKey, `${timestamp}.${request.rawBody}`);
    let match = false;
    // Two signatures during a secret rotation: either may match; every one is compared.
    for (const candidate of signatures.split(",")) {
      if (await constantTimeEqual(candidate.trim().toLowerCase(), expected)) match = true;
    }
    if (!match) return { ok: false, authentic: false, reason: "Omise-Signature does not match" };
    const body = parseJsonObject(request.rawBody);
    const key = body ? str(body.key) : undefined;
    if (body?.object !== "event" || !key || !TRANSFER_EVENTS.has(key)) {
      return { ok: false, authentic: true, reason: `event ${key ?? "(none)"} is not acted on` };
    }
    const transfer = TransferSchema.safeParse(body.data);
    const disbursementId = transfer.success ? str(transfer.data.metadata?.disbursement_id) : undefined;
    if (!transfer.success || !disbursementId) {
      return { ok: false, authentic: true, reason: "transfer event without a transfer of ours" };
    }
    const state = stateOf(transfer.data);
    if (state.outcome === "pending") return { ok: false, authentic: true, reason: `${key} is not final` };
    return {
      ok: true,
      event: { ...state, eventId: str(body.id) ?? `omise:${transfer.data.id}:${key}`, disbursementId },
    };
  }

  private request(method: "GET" | "POST", path: string, form?: URLSearchParams, idempotencyKey?: string) {
    return callProvider(OMISE, this.fetchFn, {
      method,
      url: `${this.base}${path}`,
      headers: {
        Authorization: this.authorization,
        Accept: "application/json",
        "Omise-Version": OMISE_TRANSFERS_API_VERSION,
      },
      ...(form ? { form } : {}),
      idempotencyKey,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** A 2xx object, else the ProviderError of Omise's error body `{ object: "error", code, message }`. */
  private answer(response: ProviderResponse): Record<string, unknown> {
    const json = isRecord(response.json) ? response.json : {};
    if (response.ok && isRecord(response.json)) return json;
    throw providerErrorFrom(OMISE, response, { code: str(json.code), detail: str(json.message) });
  }

  private transfer(response: ProviderResponse): Transfer {
    const parsed = TransferSchema.safeParse(this.answer(response));
    if (parsed.success) return parsed.data;
    throw unreadableAnswer(OMISE, response, "a transfer in the documented shape", { retryable: true });
  }
}
