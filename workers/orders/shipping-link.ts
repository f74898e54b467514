import type { Country } from "../../schemas/identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { Currency, Money } from "../platform/money";
import {
  heldQuotes,
  type ParcelItem,
  parcelGrams,
  quoteShipping,
  type ShippingOption,
  shippingOptionById,
} from "../shipping";

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

const parcelItems = (items: readonly ShippingQuoteItem[]): ParcelItem[] =>
  items.map((i) => ({
    quantity: i.quantity,
    weightGrams: i.weightGrams,
    dimensions: i.dimensionsMm
      ? { lengthMm: i.dimensionsMm[0], widthMm: i.dimensionsMm[1], heightMm: i.dimensionsMm[2] }
      : null,
  }));

interface ShopQuoteInput {
  shopId: string;
  shopCountry: string;
  /** City and province find a quote a courier gave by area (GHN) for this address. */
  destination: { country: Country; postalCode: string; city?: string; province?: string };
  currency: Currency;
  items: ShippingQuoteItem[];
  defaultWeightGrams: number;
}

/**
 * The live courier prices POST /shipping/rates showed for this shop's parcel and still holds
 * (SHIPPING_QUOTE_HOLD_SECONDS), by option id: the checkout charges these, not the cards' prices.
 */
export async function heldShippingQuotes(db: Database, input: ShopQuoteInput): Promise<Map<string, Money>> {
  const items = parcelItems(input.items);
  const options = quoteShipping({
    items,
    destination: input.destination,
    shopCountry: input.shopCountry,
    currency: input.currency,
    defaultWeightGrams: input.defaultWeightGrams,
  });
  return heldQuotes(
    db,
    {
      shopId: input.shopId,
      destination: input.destination,
      grams: parcelGrams(items, input.defaultWeightGrams),
      currency: input.currency,
    },
    options.map((o) => o.id),
  );
}

/**
 * The shipping of one shop's parcel: the option the buyer chose (if it serves this parcel) or the
 * cheapest, at the courier's price the buyer was shown where one is held (`held`), else the card's.
 * A shop that cannot ship to the address is 422, naming the shop.
 */
export function quoteForShop(
  input: ShopQuoteInput & { optionId?: string },
  held: ReadonlyMap<string, Money> = new Map(),
): ChosenShipping {
  const options = quoteShipping({
    items: parcelItems(input.items),
    destination: input.destination,
    shopCountry: input.shopCountry,
    currency: input.currency,
    defaultWeightGrams: input.defaultWeightGrams,
  })
    .map((o) => ({ ...o, cost: held.get(o.id) ?? o.cost }))
    .sort((a, b) => a.cost.amount - b.cost.amount || a.id.localeCompare(b.id));
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

/**
 * An order's shipping as presented: what was chosen at checkout, with the courier and service a
 * seller books for that option (`book`, GET /couriers ids), where the option is still on the cards.
 */
export function presentShipping<T extends { optionId: string }>(
  shipping: T,
): T & { book?: { courier: string; service: string } } {
  const book = shippingOptionById(shipping.optionId)?.book;
  return book ? { ...shipping, book: { ...book } } : shipping;
}

/** The shipping option an order was checked out with (its stored `shipping.optionId`), if it has one. */
export function shippingOptionOf(row: { shipping: unknown }): string | undefined {
  const id = (row.shipping as { optionId?: unknown } | null)?.optionId;
  return typeof id === "string" ? id : undefined;
}
