import type { Country } from "../../schemas/identity";
import { type Config, readConfig } from "../platform/config";
import { taxRates } from "./tax";

export interface OrderConfig {
  reservationSeconds: number;
  reservationGraceSeconds: number;
  taxRates: Record<Country, number>;
  /** Stock hoarding caps per buyer and per IP (workers/orders/checkout-caps.ts). */
  caps: Config["orders"]["caps"];
  /** When a checkout's cart checks whether it was abandoned (cart/object/handoffs.ts). */
  abandonSeconds: number;
}

/** The order settings of the platform config, with the tax table resolved. */
export function readOrderConfig(env: Env): OrderConfig {
  const { orders } = readConfig(env);
  return {
    reservationSeconds: orders.reservationSeconds,
    reservationGraceSeconds: orders.reservationGraceSeconds,
    taxRates: taxRates(orders.taxRatesOverride || undefined),
    caps: orders.caps,
    abandonSeconds: orders.abandonSeconds,
  };
}
