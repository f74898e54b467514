import { constantTimeEqual } from "../../platform/crypto";
import type { Money } from "../../platform/money";
import {
  callProvider,
  type Provider,
  type ProviderResponse,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import {
  BITESHIP_SERVICES,
  historyUpdates,
  labelLines,
  orderBody,
  postalCodeIn,
  priceOf,
  ratesBody,
  webhookUpdates,
} from "./biteship-wire";
import { labelPdf } from "./label-pdf";
import {
  type Booking,
  type BookingRequest,
  type Courier,
  type CourierInfo,
  type RateRequest,
  type TrackingUpdate,
  UnpricedAddress,
  type WebhookRequest,
} from "./types";

export const BITESHIP_INFO: CourierInfo = {
  id: "biteship",
  name: "Biteship",
  countries: ["ID"],
  services: BITESHIP_SERVICES,
};

export interface BiteshipConfig {
  /** https://api.biteship.com (a biteship_test.* key is the sandbox, a biteship_live.* key the real thing). */
  baseUrl: string;
  apiKey: string;
  /** The header Biteship sends with each webhook, and its value: both set when the webhook is made in Biteship's dashboard. */
  webhookHeader: string;
  webhookSecret: string;
  timeoutMs: number;
  fetchFn: typeof fetch;
  now?: () => number;
}

/** How long after booking the courier comes for the parcel (Biteship books the pickup with the order). */
const PICKUP_WINDOW_MS = 24 * 3_600_000;

/** Biteship's refusal: `{ success: false, error, code, details? }`. */
function refusal(res: ProviderResponse) {
  const body = (res.json ?? {}) as { error?: unknown; code?: unknown; details?: Record<string, unknown> };
  return {
    message: typeof body.error === "string" ? body.error.slice(0, 300) : undefined,
    code: typeof body.code === "number" || typeof body.code === "string" ? body.code : undefined,
    details: body.details ?? {},
  };
}

/**
 * Biteship, the aggregator of Indonesia's couriers (JNE, J&T, SiCepat...), per its documented HTTP
 * API (biteship.com/en/docs/api): `Authorization: <API key>`, rates (POST /v1/rates/couriers),
 * orders (POST /v1/orders, GET /v1/orders/{id}, POST /v1/orders/{id}/cancel), and webhooks that
 * carry the header and secret set in its dashboard. Our tracking number is Biteship's order id:
 * every call and webhook names the order by it, and the courier's waybill (which may come later)
 * is printed on the label.
 */
export class BiteshipCourier implements Courier {
  readonly info = BITESHIP_INFO;
  private readonly provider: Provider;
  /** Rates calls of this client by body (it lives for one request's quotes). */
  private readonly pricing = new Map<string, Promise<ProviderResponse>>();

  constructor(private readonly config: BiteshipConfig) {
    this.provider = { id: "biteship", label: "Biteship", timeoutMs: config.timeoutMs };
  }

  private now(): number {
    return this.config.now?.() ?? Date.now();
  }

  private call(method: "GET" | "POST", path: string, json?: unknown) {
    return callProvider(this.provider, this.config.fetchFn, {
      method,
      url: `${this.config.baseUrl.replace(/\/$/, "")}${path}`,
      headers: { Authorization: this.config.apiKey, Accept: "application/json" },
      ...(json === undefined ? {} : { json }),
    });
  }

  /**
   * Priced between the shop's postal code (its field, else the last five digits of its one-line
   * address, as booking reads it) and the recipient's. Without either, UnpricedAddress: the rate
   * card stands and the answer says which end lacks it.
   */
  async rate(request: RateRequest): Promise<Money | null> {
    const origin = postalCodeIn(request.from);
    if (origin === undefined) {
      throw new UnpricedAddress("origin", "The shop's address has no five-digit postal code (kode pos).");
    }
    if (postalCodeIn({ postalCode: request.to.postalCode }) === undefined) {
      throw new UnpricedAddress("destination", "The delivery address needs a five-digit postal code (kode pos).");
    }
    const body = ratesBody(request, origin);
    // Biteship prices every service of a courier company in one answer: services asked together share it.
    const key = JSON.stringify(body);
    const asked = this.pricing.get(key) ?? this.call("POST", "/v1/rates/couriers", body);
    this.pricing.set(key, asked);
    const res = await asked;
    if (!res.ok) throw providerErrorFrom(this.provider, res, { code: refusal(res).code, detail: refusal(res).message });
    return priceOf(res.json, request.service, request.currency);
  }

  /**
   * A retried booking sends the same reference_id (our shipment id); Biteship refuses a reference
   * it already booked and names that order in `details.order_id`, which is then the booking.
   */
  async book(request: BookingRequest): Promise<Booking> {
    const res = await this.call("POST", "/v1/orders", orderBody(request));
    let id = (res.json as { id?: unknown } | undefined)?.id;
    if (!res.ok) {
      const { message, code, details } = refusal(res);
      if (details.reference_id !== request.reference || typeof details.order_id !== "string") {
        throw providerErrorFrom(this.provider, res, { code, detail: message });
      }
      id = details.order_id;
    }
    if (typeof id !== "string" || !id) throw unreadableAnswer(this.provider, res, "an order id");
    const from = this.now();
    return { trackingNumber: id, pickup: { reference: id, from, until: from + PICKUP_WINDOW_MS } };
  }

  async cancel(trackingNumber: string): Promise<void> {
    const res = await this.call("POST", `/v1/orders/${encodeURIComponent(trackingNumber)}/cancel`, {
      cancellation_reason_code: "others",
      cancellation_reason: "Cancelled by the seller before pickup",
    });
    if (!res.ok) throw providerErrorFrom(this.provider, res, { code: refusal(res).code, detail: refusal(res).message });
  }

  private async order(trackingNumber: string) {
    const res = await this.call("GET", `/v1/orders/${encodeURIComponent(trackingNumber)}`);
    if (!res.ok) throw providerErrorFrom(this.provider, res, { code: refusal(res).code, detail: refusal(res).message });
    return res.json;
  }

  /** Biteship hands out no label file through its API: ours is drawn from the order (courier, waybill, both ends, COD). */
  async label(trackingNumber: string): Promise<Uint8Array> {
    return labelPdf(labelLines(await this.order(trackingNumber), trackingNumber));
  }

  /** The order's courier history (GET /v1/orders/{id}), each status once. */
  async track(trackingNumber: string): Promise<TrackingUpdate[]> {
    return historyUpdates(await this.order(trackingNumber), trackingNumber, this.now());
  }

  /**
   * Biteship proves a webhook by the header and secret set with it in the dashboard, sent as they
   * are: the value is compared in constant time. The order.status event moves the parcel; others
   * (order.price, order.waybill_id) are acknowledged with no update.
   */
  async verifyWebhook({ rawBody, headers }: WebhookRequest): Promise<TrackingUpdate[] | null> {
    const sent = headers.get(this.config.webhookHeader) ?? "";
    if (!this.config.webhookSecret || !sent) return null;
    if (!(await constantTimeEqual(sent, this.config.webhookSecret))) return null;
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return null;
    }
    return webhookUpdates(body, this.now());
  }
}
