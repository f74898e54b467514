import type { Country } from "../../schemas/identity";
import { readConfig } from "../platform/config";
import { taxRates } from "./tax";

export interface OrderConfig {
  reservationSeconds: number;
  reservationGraceSeconds: number;
  taxRates: Record<Country, number>;
}

/** The order settings of the platform config, with the tax table resolved. */
export function readOrderConfig(env: Env): OrderConfig {
  const { orders } = readConfig(env);
  return {
    reservationSeconds: orders.reservationSeconds,
    reservationGraceSeconds: orders.reservationGraceSeconds,
    taxRates: taxRates(orders.taxRatesOverride || undefined),
  };
}
