import type { RouteHandler, z } from "@hono/zod-openapi";
import { CartTokenHeaderSchema, CartTokenResponseHeaders } from "../../../schemas/cart";
import { ShippingRatesRequestSchema, ShippingRatesSchema, type ShopShippingSchema } from "../../../schemas/shipping";
import type { AppEnv } from "../../app-env";
import { readCart, resolveCart } from "../../cart";
import { checkPostalCode } from "../../identity";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { add } from "../../platform/money";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { supportedCountry } from "../../platform/phone";
import type { LiveRates, LiveRatesAnswer } from "../live-rates";
import { recordQuotes } from "../quotes";
import { type ParcelItem, parcelGrams, quoteShipping, type ShippingOption } from "../rates";

type ShopShipping = z.infer<typeof ShopShippingSchema>;

export const shippingRatesRoute = defineRoute({
  method: "post",
  path: "/api/v1/shipping/rates",
  tags: ["Shipping"],
  summary: "Shipping options for the caller's cart",
  description:
    "Priced by weight from the couriers' rate tables of the destination country (docs/cart.md). Each shop ships its own parcel, within its own country only: `shops` has every shop's options, `options` the services all of them offer with costs added up. Postal codes are checked per country (422). An empty cart is 409. Where live courier rates are on, a courier's options are priced by it (`source: courier`): Biteship (JNE, J&T, SiCepat) from the shop's postal code to the destination's, GHN by the destination's ward and district (send `city` and `province`); a courier that fails, times out, or cannot place an address keeps its rate card and is named in `fallback` with the reason.",
  security: [...bearerAuth, {}],
  request: { headers: CartTokenHeaderSchema, ...jsonBody(ShippingRatesRequestSchema) },
  responses: { 200: { ...jsonResponse("Shipping options", ShippingRatesSchema), headers: CartTokenResponseHeaders } },
  errors: [409],
});

/** The handler, given how couriers are asked for live prices (see LiveRates). */
export function shippingRatesHandler(liveRates: LiveRates): RouteHandler<typeof shippingRatesRoute, AppEnv> {
  return async (c) => {
    const { destination } = c.req.valid("json");
    const country = supportedCountry(destination.country);
    const postalCode = checkPostalCode(country, destination.postalCode, "destination.postalCode");
    const to = { ...destination, country, postalCode };
    const cart = await resolveCart(c);
    const contents =
      cart.owner.kind === "guest" && cart.owner.isNew ? null : await readCart(c.env, cart, new URL(c.req.url).origin);
    const items = contents?.items.filter((i) => i.purchasable && i.catalog) ?? [];
    const currency = contents?.snapshot.currency;
    if (items.length === 0 || !currency) {
      throw new ApiError("conflict", "Your cart has nothing to ship. Add products, then ask for shipping rates.");
    }
    const { defaultWeightGrams } = c.get("config").shipping;

    const byShop = new Map<string, { country: string; parcel: ParcelItem[] }>();
    for (const item of items) {
      const entry = item.catalog!;
      const shop = byShop.get(entry.shopId) ?? { country: entry.shopCountry, parcel: [] };
      shop.parcel.push({ weightGrams: entry.weightGrams, dimensions: entry.dimensions, quantity: item.line.quantity });
      byShop.set(entry.shopId, shop);
    }
    const fallback = new Map<string, LiveRatesAnswer["fallback"][number]>();
    const shops: ShopShipping[] = await Promise.all(
      [...byShop].map(async ([shopId, { country: from, parcel }]) => {
        const cards = quoteShipping({
          items: parcel,
          destination: { country, postalCode },
          shopCountry: from,
          currency,
          defaultWeightGrams,
        });
        const grams = parcelGrams(parcel, defaultWeightGrams);
        const live = await liveRates(c.env, c.get("config"), {
          shopId,
          shopCountry: from,
          destination: to,
          grams,
          currency,
          options: cards,
        });
        for (const f of live.fallback) fallback.set(f.courier, f);
        // The checkout charges the courier's price the buyer is shown here, not the card's.
        await recordQuotes(
          database(c.env),
          { shopId, destination: to, grams, currency },
          live.options,
          c.get("config").logistics.quoteHoldSeconds,
        );
        const options = live.options
          .map(({ byArea: _, ...option }) => option)
          .sort((a, b) => a.cost.amount - b.cost.amount || a.id.localeCompare(b.id));
        const reason = options.length > 0 ? undefined : from !== country ? "not_domestic" : "too_heavy";
        return {
          shopId,
          country: from,
          weightGrams: grams,
          options,
          ...(reason ? { reason, reasonDetail: REASONS[reason] } : {}),
        } as ShopShipping;
      }),
    );
    return c.json(
      {
        options: combined(shops),
        shops,
        currency,
        ...(fallback.size > 0 ? { fallback: [...fallback.values()] } : {}),
      },
      200,
    );
  };
}

/** Why a shop has no options, in a sentence for the buyer. */
const REASONS = {
  not_domestic: "This shop ships only within its own country; cross-border delivery is not offered.",
  too_heavy: "The parcel is heavier than any courier here takes; split the order into smaller ones.",
} as const;

/** The services every shop offers, each cost summed over the shops (the same option id applies to each parcel). */
function combined(shops: ShopShipping[]): ShippingOption[] {
  const [first, ...rest] = shops;
  return first.options
    .filter((o) => rest.every((s) => s.options.some((x) => x.id === o.id)))
    .map((o) => ({
      ...o,
      cost: rest.reduce((cost, s) => add(cost, s.options.find((x) => x.id === o.id)!.cost), o.cost),
    }))
    .sort((a, b) => a.cost.amount - b.cost.amount || a.id.localeCompare(b.id));
}
