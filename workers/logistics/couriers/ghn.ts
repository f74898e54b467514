import { constantTimeEqual } from "../../platform/crypto";
import { ApiError } from "../../platform/errors";
import type { Money } from "../../platform/money";
import { fromMajor } from "../../platform/money";
import {
  callProvider,
  type Provider,
  ProviderError,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import { type MasterData, resolveArea } from "./ghn-areas";
import { findStore, type GhnAccountCall, registerStore } from "./ghn-stores";
import {
  createOrderBody,
  dataOf,
  detailUpdates,
  GHN_SERVICE_TYPES,
  type GhnArea,
  isRecord,
  refusalOf,
  str,
} from "./ghn-wire";
import { downloadLabel, isPdf, labelPdf } from "./label-pdf";
import type { CourierStore, CourierStores } from "./stores";
import {
  type BookingRequest,
  type Courier,
  type CourierInfo,
  type RateRequest,
  type TrackingUpdate,
  UnpricedAddress,
  type WebhookRequest,
} from "./types";
import { rereadOrRetry } from "./webhook-reread";

/** The query parameter of the callback URL registered with GHN that carries GHN_WEBHOOK_SECRET. */
export const GHN_WEBHOOK_SECRET_PARAM = "secret";

export const GHN_INFO: CourierInfo = {
  id: "ghn",
  name: "GHN (Giao Hàng Nhanh)",
  countries: ["VN"],
  services: [{ code: "standard", name: "Standard", codCountries: ["VN"] }],
  pricesByArea: true,
};

export interface GhnConfig {
  /** https://online-gateway.ghn.vn (production) or https://dev-online-gateway.ghn.vn. */
  baseUrl: string;
  /** The API token (header Token) and the shop (header ShopId) parcels are booked for. */
  token: string;
  shopId: string;
  /** Carried by the callback URL registered with GHN (`?secret=`): GHN's callbacks are not signed. */
  webhookSecret: string;
  timeoutMs: number;
  fetchFn: typeof fetch;
  /** Each seller's own GHN store (D1 courier_stores); without it every parcel goes under `shopId`. */
  stores?: CourierStores;
}

/** Where a shop's parcels leave from, as the requests carry it. */
type Origin = { name?: string; phone?: string; street?: string; city?: string; province?: string };

const hasPickupAddress = (from: Origin) => Boolean(from.province?.trim() && from.city?.trim());
const sameArea = (kept: CourierStore, area: GhnArea) =>
  kept.districtId === area.districtId && kept.wardCode === area.wardCode;

/**
 * GHN (Giao Hàng Nhanh) per its documented HTTP API (api.ghn.vn, "shiip public-api" v2): fee
 * (POST /v2/shipping-order/fee), create (POST /v2/shipping-order/create), cancel
 * (POST /v2/switch-status/cancel), detail (POST /v2/shipping-order/detail and
 * /detail-by-client-code), print token (POST /v2/a5/gen-token, then GET /a5/public-api/printA5),
 * master data for district and ward ids (ghn-areas.ts), a store per seller (ghn-stores.ts).
 * Headers Token and ShopId. Vietnam, dong.
 */
export class GhnCourier implements Courier {
  readonly info = GHN_INFO;
  private readonly provider: Provider;

  constructor(private readonly config: GhnConfig) {
    this.provider = { id: "ghn", label: "GHN", timeoutMs: config.timeoutMs };
  }

  private origin(): string {
    return this.config.baseUrl.replace(/\/$/, "");
  }

  /** One API call: `data` of a `{ code: 200 }` answer, or a ProviderError in GHN's words. */
  private async call(
    path: string,
    json: unknown,
    { shop = true, shopId = this.config.shopId }: { shop?: boolean; shopId?: string } = {},
  ): Promise<unknown> {
    const res = await callProvider(this.provider, this.config.fetchFn, {
      url: `${this.origin()}/shiip/public-api${path}`,
      headers: { Token: this.config.token, ...(shop ? { ShopId: shopId } : {}) },
      ...(json === undefined ? { method: "GET" as const } : { json }),
    });
    const data = dataOf(res.json);
    if (res.ok && data !== undefined) return data;
    if (res.ok) throw unreadableAnswer(this.provider, res, "code 200");
    const refusal = refusalOf(res.json);
    throw providerErrorFrom(this.provider, res, { detail: refusal.message, code: refusal.code });
  }

  private readonly masterData: MasterData = async (path, body) => {
    const data = await this.call(path, body, { shop: false });
    return Array.isArray(data) ? data : [];
  };

  private readonly account: GhnAccountCall = (path, json) => this.call(path, json, { shop: false });

  private area(to: { province?: string; city?: string; street?: string }): Promise<GhnArea | null> {
    if (!to.province || !to.city) return Promise.resolve(null);
    // Cached per origin and account (a token of its own keeps a test's lists apart).
    return resolveArea(`${this.origin()}|${this.config.token}`, this.masterData, {
      province: to.province,
      city: to.city,
      street: to.street,
    });
  }

  /**
   * The fee of a parcel to a Vietnamese address, from the shop's pickup district (rateOrigin; GHN's
   * default without one: the configured ShopId's registered district); null for a service GHN does
   * not sell here. An address GHN cannot place (no ward and district in its master data) is
   * UnpricedAddress.
   */
  async rate(request: RateRequest): Promise<Money | null> {
    const serviceTypeId = GHN_SERVICE_TYPES[request.service];
    if (request.to.country !== "VN" || request.currency !== "VND" || !serviceTypeId) return null;
    const to = await this.area(request.to);
    if (!to) {
      throw new UnpricedAddress(
        "destination",
        "GHN prices by ward and district: send destination.city as the ward and district (for example Phường 14, Quận 10) and destination.province.",
      );
    }
    const origin = await this.rateOrigin(request);
    const data = await this.call(
      "/v2/shipping-order/fee",
      {
        service_type_id: serviceTypeId,
        ...origin.fields,
        to_district_id: to.districtId,
        to_ward_code: to.wardCode,
        weight: Math.max(1, Math.round(request.weightGrams)),
      },
      { shopId: origin.shopId },
    );
    return (isRecord(data) ? fromMajor(data.total, "VND") : undefined) ?? null;
  }

  async book(request: BookingRequest) {
    const serviceTypeId = GHN_SERVICE_TYPES[request.service] ?? GHN_SERVICE_TYPES.standard;
    if (request.cod && request.cod.currency !== "VND") {
      throw new ApiError("cod_not_allowed", "GHN collects cash on delivery in Vietnamese dong only.");
    }
    const to = await this.area(request.to);
    if (!to) {
      throw new ApiError(
        "validation_failed",
        "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.",
        { errors: [{ path: "courier", message: "Address not found in GHN's master data" }] },
      );
    }
    const shopId = await this.bookingStore(request);
    try {
      const body = createOrderBody(request, to, serviceTypeId);
      const data = await this.call("/v2/shipping-order/create", body, { shopId });
      const code = isRecord(data) ? str(data.order_code) : undefined;
      if (!code) throw new ProviderError("ghn", "GHN answered without an order_code", { retryable: false });
      return { trackingNumber: code };
    } catch (err) {
      // Booked already (a retry after a crash): client_order_code is unique, so GHN refused it; find that order.
      const earlier =
        err instanceof ProviderError && !err.retryable ? await this.byClientCode(request.reference, shopId) : null;
      if (earlier) return { trackingNumber: earlier };
      throw err;
    }
  }

  /**
   * The store a shop's parcels are booked under (header ShopId): its own, registered from its
   * pickup address, kept in D1; else found among the token's stores by phone and address, else
   * registered (find before register: a crash between GHN's answer and our row registers nothing
   * twice); a new pickup district gets its store the same way. The configured GHN_SHOP_ID for a
   * shop with no pickup address yet; one GHN cannot place is refused before anything is booked.
   */
  private async bookingStore({ shopId, from }: BookingRequest): Promise<string> {
    const stores = this.config.stores;
    if (!shopId || !stores || !hasPickupAddress(from)) return this.config.shopId;
    const area = await this.area(from);
    if (!area) {
      throw new ApiError(
        "validation_failed",
        "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.",
        { errors: [{ path: "shop.contact.pickupAddress", message: "Address not found in GHN's master data" }] },
      );
    }
    const kept = await stores.get("ghn", shopId);
    if (kept && sameArea(kept, area)) return kept.storeId;
    const owner = {
      name: from.name,
      phone: from.phone,
      address: [from.street, from.city, from.province].filter(Boolean).join(", "),
    };
    const storeId = (await findStore(this.account, owner, area)) ?? (await registerStore(this.account, owner, area));
    // Safe to try again: the next attempt finds the store GHN may have registered.
    if (!storeId) throw new ProviderError("ghn", "GHN registered the store without a shop_id", { retryable: true });
    await stores.put("ghn", shopId, { storeId, ...area });
    return storeId;
  }

  /**
   * Where a fee is priced from: the shop's pickup district and ward (from_district_id,
   * from_ward_code) when its address is known, under its own store once booking registered one;
   * else GHN's default, the configured store's district. Pricing registers nothing.
   */
  private async rateOrigin({ shopId, from }: RateRequest): Promise<{ shopId: string; fields: object }> {
    if (!hasPickupAddress(from)) return { shopId: this.config.shopId, fields: {} };
    const area = await this.area(from);
    if (!area) {
      throw new UnpricedAddress(
        "origin",
        "GHN prices from the shop's ward and district: write them (for example Phường 14, Quận 10) and the province in the shop's pickup address.",
      );
    }
    const kept = shopId && this.config.stores ? await this.config.stores.get("ghn", shopId) : null;
    return {
      shopId: kept && sameArea(kept, area) ? kept.storeId : this.config.shopId,
      fields: { from_district_id: area.districtId, from_ward_code: area.wardCode },
    };
  }

  private async byClientCode(reference: string, shopId: string): Promise<string | null> {
    try {
      const data = await this.call(
        "/v2/shipping-order/detail-by-client-code",
        { client_order_code: reference },
        { shopId },
      );
      const order = Array.isArray(data) ? data[0] : data;
      return (isRecord(order) && str(order.order_code)) || null;
    } catch {
      return null;
    }
  }

  /** Under the store the parcel was booked for: the shop's own where it has one (an order belongs to its store). */
  async cancel(trackingNumber: string, shopId?: string) {
    const kept = shopId && this.config.stores ? await this.config.stores.get("ghn", shopId) : null;
    const data = await this.call(
      "/v2/switch-status/cancel",
      { order_codes: [trackingNumber] },
      { shopId: kept?.storeId ?? this.config.shopId },
    );
    const result = Array.isArray(data) ? data.find((r) => isRecord(r) && r.order_code === trackingNumber) : undefined;
    if (!isRecord(result) || result.result !== true) {
      const why = isRecord(result) ? str(result.message) : undefined;
      throw new ProviderError("ghn", `GHN did not cancel ${trackingNumber}: ${why ?? "no result"}`, {
        retryable: false,
      });
    }
  }

  /**
   * GHN prints through a token (POST /v2/a5/gen-token, valid 30 minutes) and its A5 print page.
   * That page is kept when it is a PDF; it is an HTML page for a browser otherwise, which a Worker
   * cannot turn into a PDF, so the stored label is drawn here with GHN's order code, what its
   * drivers scan and write down, and the print page stays GHN's (khachhang.ghn.vn).
   */
  async label(trackingNumber: string): Promise<Uint8Array> {
    const data = await this.call("/v2/a5/gen-token", { order_codes: [trackingNumber] }, { shop: false });
    const token = isRecord(data) ? str(data.token) : undefined;
    if (!token) throw new ProviderError("ghn", "GHN gave no print token", { retryable: false });
    const url = `${this.origin()}/a5/public-api/printA5?token=${encodeURIComponent(token)}`;
    const bytes = await downloadLabel(this.provider, this.config.fetchFn, url, {
      headers: { Accept: "application/pdf" },
      timeoutMs: this.config.timeoutMs,
    });
    if (isPdf(bytes)) return bytes;
    return labelPdf(["GHN - Giao Hang Nhanh", `Ma don hang: ${trackingNumber}`, "Order code for the GHN driver"]);
  }

  async track(trackingNumber: string): Promise<TrackingUpdate[]> {
    return detailUpdates(
      { code: 200, data: await this.call("/v2/shipping-order/detail", { order_code: trackingNumber }) },
      trackingNumber,
    );
  }

  /**
   * GHN's callbacks carry no signature. One is believed only when its URL holds this environment's
   * GHN_WEBHOOK_SECRET (compared in constant time), and even then its body is not: it only names the
   * order, whose events are read again from GHN (shipping-order/detail). A leaked URL can then make
   * us re-read an order, never invent an event; the same events come from the cron's polls.
   */
  async verifyWebhook({ rawBody, url }: WebhookRequest): Promise<TrackingUpdate[] | null> {
    const given = url ? (new URL(url).searchParams.get(GHN_WEBHOOK_SECRET_PARAM) ?? "") : "";
    if (!this.config.webhookSecret || !given || !(await constantTimeEqual(given, this.config.webhookSecret))) {
      return null;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const orderCode = isRecord(body) ? str(body.OrderCode) : undefined;
    if (!orderCode) return [];
    // GHN calls again (up to 10 times) on anything but 200: no update is lost by answering 503.
    return rereadOrRetry(
      () => this.track(orderCode),
      "GHN could not be asked about this order just now. Nothing was changed.",
    );
  }
}
