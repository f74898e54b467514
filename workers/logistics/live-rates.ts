import type { Config } from "../platform/config";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import type { Money } from "../platform/money";
import { ProviderError } from "../platform/provider-http";
import {
  type LiveRates,
  type LiveRatesAnswer,
  type LiveRatesRequest,
  type ShippingOption,
  shippingOptionById,
} from "../shipping";
import { shopParty } from "./booking";
import { type Courier, courierFor, courierInfo, type RateRequest, UnpricedAddress } from "./couriers";

/**
 * Live quotes by courier, service, shop and its pickup address (the origin), destination, weight and
 * currency (cacheKeyOf), kept COURIER_RATES_CACHE_SECONDS (per isolate: a short cache).
 */
const CACHE = new Map<string, { until: number; cost: Money | null }>();

class CourierTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CourierTimeout(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function isTimeout(err: unknown): boolean {
  if (err instanceof CourierTimeout) return true;
  const cause = err instanceof ProviderError ? (err.cause as { name?: string } | undefined) : undefined;
  return cause?.name === "TimeoutError" || cause?.name === "AbortError";
}

/**
 * LiveRates for POST /shipping/rates (handed to shipping by workers/app.ts): each rate-card option
 * of a courier switched on here is priced by that courier, with COURIER_TIMEOUT_MS to answer and a
 * short cache; a courier that fails or does not answer in time keeps its rate-card price and is
 * named in `fallback`, so the buyer always gets options. Off unless COURIER_LIVE_RATES is on.
 */
export function courierLiveRates(fetchFn?: typeof fetch): LiveRates {
  return (env, config, request) => liveRates(env, config, request, fetchFn);
}

/** What one option's pricing came to: the option (repriced or not), and why its courier fell back if it did. */
type Priced = { option: LiveRatesAnswer["options"][number]; fallback?: LiveRatesAnswer["fallback"][number] };

export async function liveRates(
  env: Env,
  config: Config,
  request: LiveRatesRequest,
  fetchFn?: typeof fetch,
): Promise<LiveRatesAnswer> {
  // Cross-border is never priced live: the cards have no options for it, and no courier is asked.
  if (!config.logistics.liveRates || request.shopCountry !== request.destination.country) {
    return { options: [...request.options], fallback: [] };
  }
  // The shop's pickup address, read once per request and only when an option has a courier here
  // (a cached price too: the origin is in its key); one courier client per request, so services
  // priced by one call (Biteship's per company) share it.
  let origin: Promise<Origin> | undefined;
  const couriers = new Map<string, Courier>();
  const asking: Asking = {
    shopOrigin: () => {
      origin ??= shopAddress(env, request.shopId);
      return origin;
    },
    courier: (id) => {
      const courier =
        couriers.get(id) ??
        courierFor({ config, secrets: env, ...(fetchFn ? { fetchFn } : {}) }, id, request.destination.country);
      couriers.set(id, courier);
      return courier;
    },
  };
  const priced = await Promise.all(request.options.map((option) => priceOption(config, request, option, asking)));
  const fallback = new Map(priced.flatMap((p) => (p.fallback ? [[p.fallback.courier, p.fallback] as const] : [])));
  return { options: priced.map((p) => p.option), fallback: [...fallback.values()] };
}

/** What pricing one option may ask for, shared by the request's options. */
interface Asking {
  shopOrigin: () => Promise<Origin>;
  courier: (id: string) => Courier;
}

async function priceOption(
  config: Config,
  request: LiveRatesRequest,
  option: ShippingOption,
  { shopOrigin, courier: courierOf }: Asking,
): Promise<Priced> {
  // The card names the courier and service a seller books for it; that courier prices it.
  const book = shippingOptionById(option.id)?.book;
  const info = book ? courierInfo(config, book.courier) : undefined;
  const service = info?.services.find((s) => s.code === book?.service)?.code;
  if (!info || !service || !info.countries.includes(request.destination.country)) return { option };
  let cost: Money | null;
  try {
    // Read before the cache is: the origin is part of the price (see cacheKeyOf).
    const from = await shopOrigin();
    const key = cacheKeyOf(info.id, service, request, from);
    const now = Date.now();
    const cached = CACHE.get(key);
    if (cached && cached.until > now) {
      cost = cached.cost;
    } else {
      const asked = courierOf(info.id).rate({
        service,
        from: { country: request.shopCountry, ...from },
        to: request.destination,
        weightGrams: request.grams,
        currency: request.currency,
        shopId: request.shopId,
      });
      cost = await withTimeout(asked, config.logistics.timeoutMs);
      CACHE.set(key, { until: now + config.logistics.ratesCacheSeconds * 1000, cost });
    }
  } catch (err) {
    const fallback = fallbackOf(info.id, err);
    logEvent(err instanceof UnpricedAddress ? "info" : "warn", "courier_rates_fallback", {
      courier: info.id,
      reason: fallback.reason,
      error: String(err),
    });
    return { option, fallback };
  }
  if (!cost || cost.currency !== request.currency) return { option };
  return { option: { ...option, cost, source: "courier", ...(info.pricesByArea ? { byArea: true } : {}) } };
}

/**
 * A cached price's key: everything the courier is asked with. The origin is in it, so a seller's new
 * pickup address asks the courier again (keyed on the shop alone, the old origin's price outlived the
 * change by COURIER_RATES_CACHE_SECONDS).
 */
function cacheKeyOf(courier: string, service: string, request: LiveRatesRequest, from: Origin): string {
  const { destination: to } = request;
  return JSON.stringify([
    courier,
    service,
    request.shopId,
    request.shopCountry,
    from.postalCode ?? "",
    from.city ?? "",
    from.province ?? "",
    from.street ?? "",
    to.country,
    to.postalCode,
    to.city ?? "",
    to.province ?? "",
    to.street ?? "",
    request.grams,
    request.currency,
  ]);
}

/**
 * The detail of `origin_unresolved`, whichever courier could not place the shop: what its owner does
 * about it (each courier's own words name a field of the one-line address, which Shop settings replaces).
 */
const ORIGIN_UNRESOLVED =
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.";

function fallbackOf(courier: string, err: unknown): LiveRatesAnswer["fallback"][number] {
  if (err instanceof UnpricedAddress) {
    if (err.side === "origin") return { courier, reason: "origin_unresolved", detail: ORIGIN_UNRESOLVED };
    return { courier, reason: "destination_unresolved", detail: err.message };
  }
  return { courier, reason: isTimeout(err) ? "timeout" : "error" };
}

/** The rate request's origin: the shop's pickup address as booking gives it to the courier, its given fields only. */
type Origin = Omit<RateRequest["from"], "country">;

/**
 * The shop's pickup address as booking gives it to the courier: street, district (city), province and
 * postal code from its pickup address, or its one-line address alone (none when the shop has no contact).
 */
async function shopAddress(env: Env, shopId: string): Promise<Origin> {
  try {
    const party = await shopParty(env, database(env), { shopId });
    const fields = { street: party.street, city: party.city, province: party.province, postalCode: party.postalCode };
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return {};
    throw err;
  }
}
