import { constantTimeEqual } from "../../platform/crypto";
import { ApiError } from "../../platform/errors";
import type { Money } from "../../platform/money";
import {
  callProvider,
  type Provider,
  ProviderError,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import { bangkokDate, notifyFields, openPickupOf, PICKUP_EXISTS, pickupOf } from "./flash-pickup";
import {
  createOrderFields,
  envelopeOf,
  estimateRateFields,
  flashSign,
  isRecord,
  routesUpdates,
  webhookParams,
  webhookParcel,
} from "./flash-wire";
import { downloadLabel, isPdf } from "./label-pdf";
import type {
  Booking,
  BookingRequest,
  Courier,
  CourierInfo,
  Pickup,
  PickupRequest,
  RateRequest,
  TrackingUpdate,
  WebhookRequest,
} from "./types";
import { PickupBusy } from "./types";
import { rereadOrRetry } from "./webhook-reread";

export const FLASH_INFO: CourierInfo = {
  id: "flash",
  name: "Flash Express",
  countries: ["TH"],
  services: [{ code: "standard", name: "Standard", codCountries: ["TH"] }],
};

/** What Flash must read in the answer to a webhook to count it delivered (it sends again until then). */
export const FLASH_WEBHOOK_ACK = { errorCode: "1", state: "success" } as const;

/** Flash's refusals that a retry will not change (1000+: a bad request, a refused order...). */
const isRefusal = (code: number) => code >= 1000;
/** 1003 "Order is exists": the outTradeNo (our shipment id) was booked already. */
const ORDER_EXISTS = 1003;

export interface FlashConfig {
  /** https://open-api-tra.flashexpress.com (training) or https://open-api.flashexpress.com (production). */
  baseUrl: string;
  /** The merchant number (mchId) and its secret key, both issued by Flash's support. */
  mchId: string;
  secretKey: string;
  timeoutMs: number;
  fetchFn: typeof fetch;
  /** The nonceStr of each call (random by default; tests fix it to record the signed body). */
  nonce?: () => string;
  /** The clock (ms), for the day whose pickups are listed; tests fix it. */
  now?: () => number;
}

/**
 * Flash Express (Thailand) per its Open API (open-docs.flashexpress.com; see flash-wire.ts for
 * what was read where): every call a signed form POST (mchId, nonceStr, sign) answered by a
 * `{ code, message, data }` envelope; rates (POST /open/v1/orders/estimate_rate), orders
 * (POST /open/v3/orders, POST /open/v1/orders/{pno}/cancel), the 100x180 mm label
 * (POST /open/v1/orders/{pno}/pre_print, a PDF), routes (POST /open/v1/orders/{pno}/routes), and
 * courier pickups (POST /open/v1/notify, flash-pickup.ts), and webhooks signed over mchId and
 * nonceStr. Money in satang, weight in grams.
 */
export class FlashCourier implements Courier {
  readonly info = FLASH_INFO;
  readonly webhookAck = FLASH_WEBHOOK_ACK;
  private readonly provider: Provider;

  constructor(private readonly config: FlashConfig) {
    this.provider = { id: "flash", label: "Flash Express", timeoutMs: config.timeoutMs };
  }

  private url(path: string): string {
    return `${this.config.baseUrl.replace(/\/$/, "")}${path}`;
  }

  /** The form of one call: its fields, mchId and a fresh nonceStr, signed. */
  private async signed(fields: Record<string, string>): Promise<Record<string, string>> {
    const nonceStr = this.config.nonce?.() ?? crypto.randomUUID().replace(/-/g, "");
    const params = { mchId: this.config.mchId, nonceStr, ...fields };
    return { ...params, sign: await flashSign(params, this.config.secretKey) };
  }

  /** One API call: the `data` of a `code: 1` answer, or a ProviderError with Flash's code and message. */
  private async call(path: string, fields: Record<string, string> = {}): Promise<unknown> {
    const res = await callProvider(this.provider, this.config.fetchFn, {
      method: "POST",
      url: this.url(path),
      headers: { Accept: "application/json", "Accept-Language": "en" },
      form: await this.signed(fields),
    });
    const envelope = envelopeOf(res.json);
    if (res.ok && envelope?.code === 1) return envelope.data;
    if (res.ok && !envelope) throw unreadableAnswer(this.provider, res, "a code");
    // Flash answers refusals with HTTP 200 and its own code: only its internal error (0) may pass on a retry.
    throw providerErrorFrom(this.provider, res, {
      code: envelope?.code,
      detail: envelope?.message,
      ...(envelope && res.ok ? { retryable: !isRefusal(envelope.code) } : {}),
    });
  }

  /** Flash's estimate in satang; null (the rate card stands) outside Thailand; UnpricedAddress without both ends' areas. */
  async rate(request: RateRequest): Promise<Money | null> {
    const fields = request.to.country === "TH" && request.currency === "THB" ? estimateRateFields(request) : null;
    if (!fields) return null;
    const data = await this.call("/open/v1/orders/estimate_rate", fields);
    const satang = isRecord(data) ? Number(data.estimatePrice) : Number.NaN;
    return Number.isSafeInteger(satang) && satang >= 0 ? { amount: satang, currency: "THB" } : null;
  }

  async book(request: BookingRequest): Promise<Booking> {
    if (request.cod && request.cod.currency !== "THB") {
      throw new ApiError("cod_not_allowed", "Flash Express collects cash on delivery in Thai baht only.");
    }
    try {
      const data = await this.call("/open/v3/orders", createOrderFields(request));
      const pno = isRecord(data) && typeof data.pno === "string" && data.pno ? data.pno : undefined;
      if (!pno) throw new ProviderError("flash", "Flash Express answered without a pno", { retryable: false });
      return { trackingNumber: pno };
    } catch (err) {
      // A retry after Flash booked it (a crash, a label that failed): Flash refuses the outTradeNo
      // again and offers no way to read that order's pno back, so the seller is told what to do.
      if (err instanceof ProviderError && err.providerCode === ORDER_EXISTS) {
        throw new ApiError(
          "conflict",
          "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.",
        );
      }
      throw err;
    }
  }

  async cancel(trackingNumber: string): Promise<void> {
    await this.call(`/open/v1/orders/${encodeURIComponent(trackingNumber)}/cancel`);
  }

  /** The 100x180 mm label: a PDF, or Flash's JSON envelope when it refuses (HTTP 200 either way). */
  async label(trackingNumber: string): Promise<Uint8Array> {
    const bytes = await downloadLabel(
      this.provider,
      this.config.fetchFn,
      this.url(`/open/v1/orders/${encodeURIComponent(trackingNumber)}/pre_print`),
      {
        method: "POST",
        headers: { Accept: "application/pdf", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(await this.signed({})).toString(),
        timeoutMs: this.config.timeoutMs,
      },
    );
    if (isPdf(bytes)) return bytes;
    const envelope = envelopeOf(parseText(bytes));
    throw new ProviderError("flash", `Flash Express label: ${envelope?.message || "not a PDF"}`, {
      retryable: envelope?.code === 0,
      providerCode: envelope?.code,
    });
  }

  async track(trackingNumber: string): Promise<TrackingUpdate[]> {
    return routesUpdates(
      await this.call(`/open/v1/orders/${encodeURIComponent(trackingNumber)}/routes`),
      trackingNumber,
    );
  }

  /**
   * A courier to the shop (POST /open/v1/notify). Flash takes one open pickup per merchant and
   * not per parcel, so the shop's pickup still open today (POST /open/v1/notifications) is looked
   * for first and given back: a second parcel, or a retry after a crash between Flash's answer and
   * our write, never orders a second courier. A 1010 refusal reads the list again: the shop's own
   * pickup (another request asked at the same moment) is given back; none means another shop's
   * pickup holds the merchant account, so PickupBusy (the pickup waits, pickup.ts). Anything else
   * is a ProviderError (503 for the seller).
   */
  async requestPickup(request: PickupRequest): Promise<Pickup> {
    const fields = notifyFields(request);
    const open = await this.openPickup(fields, request.readyAt);
    if (open) return open;
    try {
      const pickup = pickupOf(await this.call("/open/v1/notify", fields), request.readyAt);
      if (!pickup)
        throw new ProviderError("flash", "Flash Express answered without a ticketPickupId", { retryable: false });
      return pickup;
    } catch (err) {
      const again =
        err instanceof ProviderError && err.providerCode === PICKUP_EXISTS
          ? await this.openPickup(fields, request.readyAt)
          : undefined;
      if (again) return again;
      if (err instanceof ProviderError && err.providerCode === PICKUP_EXISTS) {
        throw new PickupBusy("Flash Express has another shop's pickup open under the platform's account");
      }
      throw err;
    }
  }

  private async openPickup(fields: Record<string, string>, readyAt: number): Promise<Pickup | undefined> {
    const today = bangkokDate(this.config.now?.() ?? Date.now());
    const row = openPickupOf(await this.call("/open/v1/notifications", { date: today }), fields);
    return row ? pickupOf(row, readyAt) : undefined;
  }

  /**
   * Flash signs a webhook over its mchId and nonceStr alone (its documented rule), so the signature
   * proves the sender and not the body: a webhook with our mchId and a sign that matches (compared
   * in constant time) only names the parcel, whose routes are read again from Flash. A replayed
   * webhook can then make us re-read a parcel, never invent an event; the cron's polls read the same.
   */
  async verifyWebhook({ rawBody }: WebhookRequest): Promise<TrackingUpdate[] | null> {
    const hook = webhookParams(rawBody);
    const { mchId = "", nonceStr = "", sign = "" } = hook?.params ?? {};
    if (!hook || !this.config.secretKey || !sign || !nonceStr || mchId !== this.config.mchId) return null;
    const expected = await flashSign({ mchId, nonceStr }, this.config.secretKey);
    if (!(await constantTimeEqual(sign.toUpperCase(), expected))) return null;
    const pno = webhookParcel(hook.data);
    if (!pno) return [];
    // Flash sends again until it reads the acknowledgement: nothing is lost by answering 503.
    return rereadOrRetry(
      () => this.track(pno),
      "Flash Express could not be asked about this parcel just now. Nothing was changed.",
    );
  }
}

function parseText(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
