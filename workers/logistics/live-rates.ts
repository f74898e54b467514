import type { Config } from "../platform/config";
import { logEvent } from "../platform/log";
import type { Money } from "../platform/money";
import { ProviderError } from "../platform/provider-http";
import type { LiveRates, LiveRatesAnswer, LiveRatesRequest } from "../shipping";
import { type CourierSecrets, courierFor, courierInfo } from "./couriers";

/** The rate cards' courier names (workers/shipping/rates.ts) that a real courier here can price. */
const CARD_COURIERS: Record<string, string> = { "Ninja Van": "ninjavan", "Flash Express": "flash" };

/** Live quotes by courier, route, weight and service, kept COURIER_RATES_CACHE_SECONDS (per isolate: a short cache). */
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

export async function liveRates(
  secrets: CourierSecrets,
  config: Config,
  request: LiveRatesRequest,
  fetchFn?: typeof fetch,
): Promise<LiveRatesAnswer> {
  const fallback = new Map<string, "timeout" | "error">();
  const options = await Promise.all(
    request.options.map(async (option) => {
      const id = CARD_COURIERS[option.courier];
      const info = id && config.logistics.liveRates ? courierInfo(config, id) : undefined;
      if (!id || !info?.countries.includes(request.destination.country)) return option;
      const service = option.service.toLowerCase();
      const key = [
        id,
        request.shopCountry,
        request.destination.country,
        request.destination.postalCode,
        request.grams,
        service,
        request.currency,
      ].join("|");
      const now = Date.now();
      const cached = CACHE.get(key);
      let cost = cached && cached.until > now ? cached.cost : undefined;
      if (cost === undefined) {
        try {
          const courier = courierFor(
            { config, secrets, ...(fetchFn ? { fetchFn } : {}) },
            id,
            request.destination.country,
          );
          const asked = courier.rate({
            service,
            from: { country: request.shopCountry },
            to: request.destination,
            weightGrams: request.grams,
            currency: request.currency,
          });
          cost = await withTimeout(asked, config.logistics.timeoutMs);
          CACHE.set(key, { until: now + config.logistics.ratesCacheSeconds * 1000, cost });
        } catch (err) {
          fallback.set(id, isTimeout(err) ? "timeout" : "error");
          logEvent("warn", "courier_rates_fallback", { courier: id, error: String(err) });
          return option;
        }
      }
      return cost && cost.currency === request.currency ? { ...option, cost, source: "courier" as const } : option;
    }),
  );
  return { options, fallback: [...fallback].map(([courier, reason]) => ({ courier, reason })) };
}
