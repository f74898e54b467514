import type { FxRatesProvider, RatesSnapshot } from "../provider";

/**
 * The development rates table (FX_PROVIDER=fixed): real figures, frozen, so local quotes look like
 * real ones without a network or a key. Source: Open Exchange Rates `latest.json` (base USD),
 * published 2018-03-22 18:00:00 UTC (timestamp 1521741600), the public recording of one real
 * response that test/fx/fixtures.ts replays. They are years old: never use them for real money.
 */
export const FIXED_RATES: RatesSnapshot = {
  provider: "fixed",
  perUsd: {
    THB: "31.2785",
    SGD: "1.315632",
    IDR: "13762.313762",
    MYR: "3.9138",
    PHP: "52.3625",
    VND: "22785.432006",
    USD: "1",
  },
  publishedAt: Date.UTC(2018, 2, 22, 18, 0, 0),
};

export function fixedRatesProvider(): FxRatesProvider {
  return { id: "fixed", fixed: true, latest: async () => FIXED_RATES };
}
