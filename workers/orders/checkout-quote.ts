import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { CheckoutQuoteSchema, CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { resolveCart } from "../cart";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { type Money, sum, zero } from "../platform/money";
import { shopSummaries } from "../shops";
import { priceLines } from "./checkout-lines";
import { buyerKeyOf, callerCartToken, checkoutParcels, holderOf } from "./checkout-steps";
import { parcelTotals, type ShopParcel } from "./checkout-writes";
import { readOrderConfig } from "./config";
import { quotedSalePrices } from "./flash-sale-lines";
import type { OrderTotals } from "./pricing";
import { lineTotal } from "./pricing";
import { presentShipping } from "./shipping-link";
import { type CheckoutVouchers, checkoutVouchers } from "./vouchers";

type CheckoutQuote = z.infer<typeof CheckoutQuoteSchema>;

/**
 * POST /checkout/quote: what `POST /orders` would charge for the caller's cart now, worked out by
 * the checkout's own steps (checkout.ts: price the lines, the address and the shop parcels, the
 * voucher, each order's totals), so the two cannot disagree; a live flash sale's units at its price
 * as far as its quota and the buyer's limit would grant them now (nothing is held). Unlike the checkout it takes nothing:
 * the cart keeps its lines (read, not handed off), no stock is held, no voucher use is counted and
 * the hoarding caps are not applied (they count orders, and a quote makes none). Its refusals are
 * the checkout's: an empty cart, a line no longer for sale, an address no shop ships to, a voucher
 * that does not apply, each with the checkout's code and detail.
 */
export async function quoteCheckout(
  c: Context<AppEnv>,
  input: z.infer<typeof CreateOrdersSchema>,
): Promise<CheckoutQuote> {
  const guestToken = callerCartToken(c);
  const db = database(c.env);
  const { stub } = await resolveCart(c);
  const snapshot = await stub.snapshot();
  if (snapshot.lines.length === 0) {
    throw new ApiError("validation_failed", "Your cart is empty. Add items first.", {
      errors: [{ path: "cart", message: "empty" }],
    });
  }
  const buyerKey = buyerKeyOf(await holderOf(c, guestToken));
  // The units a live flash sale would grant now, at its price: what the checkout would charge.
  const lines = await quotedSalePrices(c.env, await priceLines(db, snapshot.lines), buyerKey);
  const { address, currency, parcels } = await checkoutParcels(c, input, lines);
  const [voucher, shops] = await Promise.all([
    checkoutVouchers(db, input, buyerKey, currency, parcels),
    shopSummaries(
      db,
      parcels.map((p) => p.shopId),
    ),
  ]);
  const { taxRates } = readOrderConfig(c.env);
  const totals = parcels.map((p, i) => parcelTotals(p, voucher.discounts[i], address.country, taxRates));
  const whole = (part: keyof OrderTotals): Money =>
    sum(
      totals.map((t) => t[part]),
      currency,
    );
  const discount = whole("discount");
  return {
    orders: parcels.map((p, i) => quotedOrder(p, totals[i], shops.get(p.shopId)?.name)),
    subtotal: whole("subtotal"),
    shippingCost: whole("shippingCost"),
    tax: whole("tax"),
    discount,
    total: whole("total"),
    currency,
    ...quotedVouchers(input, voucher),
  };
}

function quotedOrder(parcel: ShopParcel, totals: OrderTotals, shopName: string | undefined) {
  const { id, courier, service, etd } = parcel.option;
  return {
    shopId: parcel.shopId,
    ...(shopName !== undefined ? { shopName } : {}),
    items: parcel.lines.map((l) => ({
      productId: l.productId,
      ...(l.variantId !== null ? { variantId: l.variantId } : {}),
      name: l.name,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: lineTotal(l.unitPrice, l.quantity),
    })),
    shipping: presentShipping({ optionId: id, courier, service, ...(etd ? { etd } : {}) }),
    ...totals,
    currency: totals.total.currency,
  };
}

/**
 * The vouchers asked for: `voucher` for the first code (the contract's voucherCode), `vouchers` for
 * each code with what it takes off. A code that passed the checks but gives nothing is `applied: false`.
 */
function quotedVouchers(input: { voucherCode?: string; voucherCodes?: string[] }, vouchers: CheckoutVouchers) {
  const codes = [input.voucherCode, ...(input.voucherCodes ?? [])]
    .filter((c): c is string => !!c)
    .map((c) => c.trim().toUpperCase());
  if (codes.length === 0) return {};
  const currency = vouchers.discounts[0].currency;
  const quoted = [...new Set(codes)].map((code) => {
    const applied = vouchers.applied.find((a) => a.code === code);
    return { code, applied: !!applied, discount: applied ? sum(applied.shares, currency) : zero(currency) };
  });
  return { voucher: { code: quoted[0].code, applied: quoted[0].applied }, vouchers: quoted };
}
