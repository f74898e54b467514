import { base64Encode, constantTimeEqual, hmac } from "../../platform/crypto";
import type { Money } from "../../platform/money";
import {
  callProvider,
  type Provider,
  ProviderError,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import { downloadLabel, isPdf } from "./label-pdf";
import { orderBody, pickupWindow, priceBody, priceOf, trackingEventsOf, updateOf } from "./ninjavan-wire";
import type { BookingRequest, Courier, CourierInfo, RateRequest, TrackingUpdate, WebhookRequest } from "./types";

export const NINJAVAN_SIGNATURE_HEADER = "X-Ninjavan-Hmac-Sha256";

export const NINJAVAN_INFO: CourierInfo = {
  id: "ninjavan",
  name: "Ninja Van",
  countries: ["SG", "MY", "PH", "ID", "TH", "VN"],
  services: [
    { code: "standard", name: "Standard", codCountries: ["MY", "PH", "ID", "TH", "VN"] },
    { code: "express", name: "Express", codCountries: [] },
  ],
};

export interface NinjaVanConfig {
  /** e.g. https://api.ninjavan.co (production) or https://api-sandbox.ninjavan.co; the country code follows it. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Which country's API this instance speaks to (Ninja Van runs one per country). */
  country: string;
  timeoutMs: number;
  fetchFn: typeof fetch;
  now?: () => number;
}

/** Access tokens by base URL, client and country: minted once and reused until five minutes before they expire. */
const TOKENS = new Map<string, { token: string; expiresAt: number }>();

/**
 * Ninja Van per its documented HTTP API (api-docs.ninjavan.co): OAuth client credentials
 * (POST /{cc}/2.0/oauth/access_token), orders (POST /{cc}/4.2/orders, DELETE /{cc}/2.2/orders/{tn}),
 * waybills (GET /{cc}/2.0/reports/waybill), tracking events of one parcel
 * (GET /{cc}/1.0/orders/tracking-events/{trackingNumber}), price estimates (Tariff API,
 * POST /{cc}/1.0/public/price), and webhooks signed with
 * X-Ninjavan-Hmac-Sha256 = base64(HMAC-SHA256(client secret, raw body)).
 */
export class NinjaVanCourier implements Courier {
  readonly info = NINJAVAN_INFO;
  private readonly provider: Provider;
  /**
   * The token being minted, shared by this client's calls only: a client serves one request, and a
   * promise one request's fetch made must never be awaited by another (it hangs if that request ends).
   */
  private minting: Promise<string> | null = null;

  constructor(private readonly config: NinjaVanConfig) {
    this.provider = { id: "ninjavan", label: "Ninja Van", timeoutMs: config.timeoutMs };
  }

  private url(path: string): string {
    return `${this.config.baseUrl.replace(/\/$/, "")}/${this.config.country.toLowerCase()}${path}`;
  }

  private now(): number {
    return this.config.now?.() ?? Date.now();
  }

  private tokenKey(): string {
    return `${this.config.baseUrl}|${this.config.clientId}|${this.config.country}`;
  }

  /** One token request at a time per client: calls made together (rates for two services) share it. */
  private async token(): Promise<string> {
    const cached = TOKENS.get(this.tokenKey());
    if (cached && cached.expiresAt - 300_000 > this.now()) return cached.token;
    this.minting ??= this.mint().finally(() => {
      this.minting = null;
    });
    return this.minting;
  }

  private async mint(): Promise<string> {
    const res = await callProvider(this.provider, this.config.fetchFn, {
      url: this.url("/2.0/oauth/access_token"),
      json: {
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
        grant_type: "client_credentials",
      },
    });
    if (!res.ok) throw providerErrorFrom(this.provider, res, { retryable: res.status >= 500 || res.status === 429 });
    const body = res.json as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== "string") throw unreadableAnswer(this.provider, res, "an access_token");
    const ttl = typeof body.expires_in === "number" ? body.expires_in * 1000 : 3_600_000;
    TOKENS.set(this.tokenKey(), { token: body.access_token, expiresAt: this.now() + ttl });
    return body.access_token;
  }

  private async authorized(method: "GET" | "POST" | "DELETE", path: string, json?: unknown) {
    const res = await callProvider(this.provider, this.config.fetchFn, {
      method,
      url: this.url(path),
      headers: { Authorization: `Bearer ${await this.token()}`, Accept: "application/json" },
      ...(json === undefined ? {} : { json }),
    });
    if (res.status === 401) TOKENS.delete(this.tokenKey());
    return res;
  }

  async rate(request: RateRequest): Promise<Money | null> {
    const res = await this.authorized("POST", "/1.0/public/price", priceBody(request));
    if (!res.ok) throw providerErrorFrom(this.provider, res);
    return priceOf(res.json, request.currency);
  }

  async book(request: BookingRequest) {
    const res = await this.authorized("POST", "/4.2/orders", orderBody(request, this.now()));
    if (!res.ok) {
      const error = (res.json as { error?: { title?: unknown; message?: unknown } } | undefined)?.error ?? {};
      const message = courierText(error.message);
      throw providerErrorFrom(this.provider, res, { detail: message });
    }
    const trackingNumber = (res.json as { tracking_number?: unknown } | undefined)?.tracking_number;
    if (typeof trackingNumber !== "string" || !trackingNumber) {
      throw unreadableAnswer(this.provider, res, "a tracking_number");
    }
    // The pickup is part of the order (parcel_job.is_pickup_required): scheduled with the booking.
    const window = pickupWindow(request.from.country, this.now());
    return { trackingNumber, pickup: { reference: trackingNumber, from: window.from, until: window.until } };
  }

  async cancel(trackingNumber: string) {
    const res = await this.authorized("DELETE", `/2.2/orders/${encodeURIComponent(trackingNumber)}`);
    if (!res.ok) throw providerErrorFrom(this.provider, res);
  }

  /** The waybill is binary (application/pdf): fetched as bytes (downloadLabel). */
  async label(trackingNumber: string): Promise<Uint8Array> {
    const url = `${this.url("/2.0/reports/waybill")}?tids=${encodeURIComponent(trackingNumber)}&h=0`;
    const bytes = await downloadLabel(this.provider, this.config.fetchFn, url, {
      headers: { Authorization: `Bearer ${await this.token()}`, Accept: "application/pdf" },
      timeoutMs: this.config.timeoutMs,
    });
    if (!isPdf(bytes)) throw new ProviderError("ninjavan", "Ninja Van waybill: not a PDF", { retryable: false });
    return bytes;
  }

  async track(trackingNumber: string): Promise<TrackingUpdate[]> {
    // "Get events for single parcel": GET /{cc}/1.0/orders/tracking-events/{trackingNumber}.
    const res = await this.authorized("GET", `/1.0/orders/tracking-events/${encodeURIComponent(trackingNumber)}`);
    if (!res.ok) throw providerErrorFrom(this.provider, res);
    return trackingEventsOf(res.json, trackingNumber);
  }

  async verifyWebhook({ rawBody, headers }: WebhookRequest): Promise<TrackingUpdate[] | null> {
    const signature = headers.get(NINJAVAN_SIGNATURE_HEADER) ?? "";
    if (!this.config.clientSecret || !signature) return null;
    const expected = base64Encode(await hmac("SHA-256", this.config.clientSecret, rawBody));
    if (!(await constantTimeEqual(signature, expected))) return null;
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const update = updateOf(body);
    return update ? [update] : [];
  }
}

/** Ninja Van's own wording of a refusal, for logs and stored errors (never shown as a problem detail). */
function courierText(text: unknown): string | undefined {
  return typeof text === "string" ? text.slice(0, 300) : undefined;
}
