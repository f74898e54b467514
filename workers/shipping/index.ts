import { createRouter } from "../platform/openapi";
import { shippingRatesHandler, shippingRatesRoute } from "./routes/rates";

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

/** Courier rate tables and quotes (docs/cart.md, "Shipping"). Checkout calls quoteShipping per shop. */
export const shippingRouter = createRouter().openapi(shippingRatesRoute, shippingRatesHandler);
