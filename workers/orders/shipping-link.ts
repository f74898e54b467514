import type { Country } from "../../schemas/identity";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { quoteShipping, type ShippingOption } from "../shipping";

export interface ShippingQuoteItem {
  quantity: number;
  weightGrams: number | null;
  dimensionsMm: [number, number, number] | null;
}

export interface ChosenShipping {
  id: string;
  courier: string;
  service: string;
  cost: ShippingOption["cost"];
  etd: string;
}

/**
 * The shipping of one shop's parcel: the option the buyer chose (if it serves this parcel) or the
 * cheapest. A shop that cannot ship to the address is 422, naming the shop.
 */
export function quoteForShop(input: {
  shopId: string;
  shopCountry: string;
  destination: { country: Country; postalCode: string };
  currency: Currency;
  items: ShippingQuoteItem[];
  optionId?: string;
  defaultWeightGrams: number;
}): ChosenShipping {
  const options = quoteShipping({
    items: input.items.map((i) => ({
      quantity: i.quantity,
      weightGrams: i.weightGrams,
      dimensions: i.dimensionsMm
        ? { lengthMm: i.dimensionsMm[0], widthMm: i.dimensionsMm[1], heightMm: i.dimensionsMm[2] }
        : null,
    })),
    destination: input.destination,
    shopCountry: input.shopCountry,
    currency: input.currency,
    defaultWeightGrams: input.defaultWeightGrams,
  });
  if (options.length === 0) {
    throw new ApiError(
      "validation_failed",
      input.shopCountry
        ? `Shop ${input.shopId} ships within ${input.shopCountry} only; it cannot deliver to ${input.destination.country}.`
        : `Shop ${input.shopId} ships within its own country only; it cannot deliver to ${input.destination.country}.`,
      {
        errors: [{ path: "shippingAddress.country", message: `Not served by shop ${input.shopId}` }],
      },
    );
  }
  const chosen = options.find((o) => o.id === input.optionId) ?? options[0];
  return {
    id: chosen.id,
    courier: chosen.courier,
    service: chosen.service,
    cost: chosen.cost,
    etd: `${chosen.etd.minDays}-${chosen.etd.maxDays} days`,
  };
}
