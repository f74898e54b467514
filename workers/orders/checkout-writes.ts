import type { BatchItem } from "drizzle-orm/batch";
import { orderItems, orders, voucherRedemptions } from "../../d1/schema/orders";
import type { Database } from "../platform/db";
import { stableId } from "../platform/ids";
import type { Money } from "../platform/money";
import { createEvent, recordEvent } from "../platform/outbox";
import type { CheckoutLine, ShippingAddress } from "./checkout-lines";
import { orderNumber } from "./numbers";
import { lineTotal, type OrderTotals, orderTotals } from "./pricing";
import type { ChosenShipping } from "./shipping-link";
import { timelineWrite } from "./transitions";

export type NewOrderRow = typeof orders.$inferInsert;

/** One shop's part of a checkout: its lines, the shipping chosen for its parcel, its subtotal. */
export interface ShopParcel {
  shopId: string;
  lines: CheckoutLine[];
  option: ChosenShipping;
  subtotal: Money;
}

/** What every order of one checkout shares. */
export interface CheckoutFacts {
  checkoutId: string;
  /** When the cart was handed to the checkout: the orders' creation time, the same on every retry. */
  now: number;
  expiresAt: number;
  customerId: string | null;
  guestTokenHash: string | null;
  /** Keyed hash of the checking-out IP (the per-IP hoarding caps count by it). */
  checkoutIpHash: string;
  /** `user:<id>` or `guest:<token hash>`: whose voucher use a redemption counts. */
  buyerKey: string;
  address: ShippingAddress;
  addressEnc: string;
  contactEmailEnc: string | null;
  taxRates: Parameters<typeof orderTotals>[4];
}

export type NewOrderItemRow = typeof orderItems.$inferSelect;

/**
 * The writes of one shop's order (the `index`-th of its checkout), for the checkout's single batch:
 * the order with its totals (subtotal − discount + shipping + tax), its items, its first timeline
 * entry, its `order.created` event, and a redemption for each voucher that discounted it.
 *
 * The order, item and redemption ids derive from the checkout id and the time the cart was handed
 * to it (`facts.now`), both the same on every retry: a retry that raced an attempt which already
 * wrote the orders collides with them (the batch fails) instead of writing them twice. The time
 * part counts up with the index, so the ids sort in the cart's order.
 */
export async function orderWrites(
  db: Database,
  facts: CheckoutFacts,
  parcel: ShopParcel,
  discount: { amount: Money; codes: string[] },
  index: number,
): Promise<{ row: NewOrderRow & { id: string }; items: NewOrderItemRow[]; writes: BatchItem<"sqlite">[] }> {
  const totals = parcelTotals(parcel, discount.amount, facts.address.country, facts.taxRates);
  const voucherCode = discount.codes[0];
  const id = await stableId("ord", facts.now + index, `${facts.checkoutId}:${parcel.shopId}`);
  const row = orderRow(id, facts, parcel, totals, voucherCode);
  const items = await Promise.all(
    parcel.lines.map(async (l, j) => ({
      id: await stableId("oit", facts.now + j, `${id}:${j}`),
      orderId: id,
      productId: l.productId,
      variantId: l.variantId,
      name: l.name,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice.amount,
      lineTotal: lineTotal(l.unitPrice, l.quantity).amount,
    })),
  );
  const writes: BatchItem<"sqlite">[] = [
    db.insert(orders).values(row),
    db.insert(orderItems).values(items),
    timelineWrite(db, id, "created", "customer", facts.customerId, {
      checkoutId: facts.checkoutId,
      total: totals.total,
      reservationExpiresAt: new Date(facts.expiresAt).toISOString(),
    }),
    recordEvent(
      db,
      "order_events",
      createEvent(
        "order.created",
        {
          orderId: id,
          shopId: parcel.shopId,
          customerId: facts.customerId,
          number: row.number,
          total: totals.total,
          checkoutId: facts.checkoutId,
        },
        {
          actor: facts.customerId ? { type: "user", id: facts.customerId } : { type: "user" },
          subject: { type: "order", id },
        },
      ),
    ),
  ];
  for (const code of discount.codes) {
    writes.push(
      db.insert(voucherRedemptions).values({
        id: await stableId("vrd", facts.now + index, `${id}:${code}`),
        code,
        userKey: facts.buyerKey,
        orderId: id,
        checkoutId: facts.checkoutId,
        createdAt: facts.now,
      }),
    );
  }
  return { row, items, writes };
}

/** One shop's order's money (pricing.ts), for the order the checkout writes and for the quote. */
export function parcelTotals(
  parcel: ShopParcel,
  discount: Money,
  country: ShippingAddress["country"],
  taxRates: CheckoutFacts["taxRates"],
): OrderTotals {
  return orderTotals(parcel.lines, parcel.option.cost, discount, country, taxRates);
}

/** The order row: its totals (rounded parts that add up), pending payment, its stock held until `expiresAt`. */
function orderRow(
  id: string,
  facts: CheckoutFacts,
  parcel: ShopParcel,
  totals: OrderTotals,
  voucherCode: string | undefined,
): NewOrderRow & { id: string } {
  return {
    id,
    number: orderNumber(facts.address.country, new Date(facts.now)),
    checkoutId: facts.checkoutId,
    shopId: parcel.shopId,
    customerId: facts.customerId,
    guestTokenHash: facts.guestTokenHash,
    checkoutIpHash: facts.checkoutIpHash,
    contactEmailEnc: facts.contactEmailEnc,
    status: "pending_payment",
    paymentStatus: "unpaid",
    currency: totals.total.currency,
    subtotal: totals.subtotal.amount,
    shippingCost: totals.shippingCost.amount,
    tax: totals.tax.amount,
    discount: totals.discount.amount,
    total: totals.total.amount,
    voucherCode: voucherCode ?? null,
    shippingAddressEnc: facts.addressEnc,
    shippingCountry: facts.address.country,
    shipping: {
      optionId: parcel.option.id,
      courier: parcel.option.courier,
      service: parcel.option.service,
      etd: parcel.option.etd,
    },
    reservationId: facts.checkoutId,
    reservationExpiresAt: facts.expiresAt,
    createdAt: facts.now,
    updatedAt: facts.now,
  };
}
