import { createRouter } from "../platform/openapi";
import { cardRatesOnly, type LiveRates } from "./live-rates";
import { shippingRatesHandler, shippingRatesRoute } from "./routes/rates";

export {
  cardRatesOnly,
  type FallbackReason,
  type LiveRates,
  type LiveRatesAnswer,
  type LiveRatesRequest,
  type RateDestination,
  type RateSource,
} from "./live-rates";
export { heldQuotes, type QuotedParcel, recordQuotes } from "./quotes";
export {
  chargeableGrams,
  type ParcelItem,
  parcelGrams,
  quoteShipping,
  RATE_CARDS,
  type RateCard,
  type ShippingOption,
  type ShippingQuoteInput,
  shippingCost,
  shippingOptionById,
} from "./rates";

/**
 * Courier rate tables and quotes (docs/cart.md, "Shipping"). Checkout calls quoteShipping per shop;
 * POST /shipping/rates also asks the couriers for live prices through `liveRates` (logistics,
 * handed in by workers/app.ts), falling back to the cards.
 */
export function createShippingRouter({ liveRates = cardRatesOnly }: { liveRates?: LiveRates } = {}) {
  return createRouter().openapi(shippingRatesRoute, shippingRatesHandler(liveRates));
}
