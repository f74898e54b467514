import type { z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { products, productVariants } from "../../d1/schema/catalog";
import { addresses } from "../../d1/schema/identity";
import { orderItems, orders, voucherRedemptions } from "../../d1/schema/orders";
import { shops } from "../../d1/schema/shops";
import type { Country } from "../../schemas/identity";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { cartTokenHash, guestCartToken } from "../cart";
import { normalizeAddress, presentAddress } from "../identity";
import { inventoryKey, releaseItems, reserveItems } from "../inventory";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { type Currency, type Money, money, sum } from "../platform/money";
import { createEvent, drainSoon, recordEvent } from "../platform/outbox";
import { decryptPii, encryptPii } from "../platform/pii";
import { type CheckoutCart, takeCartForCheckout } from "./cart-link";
import { readOrderConfig } from "./config";
import { orderNumber } from "./numbers";
import { type Order, presentOrders } from "./present";
import { orderTotals, splitDiscount } from "./pricing";
import { quoteForShop, type ShippingQuoteItem } from "./shipping-link";
import { timelineWrite } from "./transitions";
import { claimVoucherUse, releaseVoucherUse, voucherDiscount } from "./vouchers";

type CreateOrders = z.infer<typeof CreateOrdersSchema>;
type ShippingAddress = Order["shippingAddress"];

interface Line {
  productId: string;
  variantId: string | null;
  shopId: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  weightGrams: number | null;
  dimensionsMm: [number, number, number] | null;
}

/** The buyer's delivery address: one of their saved addresses, or the one sent inline. */
async function shippingAddressFor(
  c: Context<AppEnv>,
  input: CreateOrders,
): Promise<ShippingAddress & { country: Country }> {
  const auth = c.get("auth");
  if (input.shippingAddressId) {
    if (!auth)
      throw new ApiError("validation_failed", "Guests send the address inline as shippingAddress.", {
        errors: [{ path: "shippingAddressId", message: "Only for signed-in buyers" }],
      });
    const row = await database(c.env)
      .select()
      .from(addresses)
      .where(and(eq(addresses.id, input.shippingAddressId), eq(addresses.userId, auth.userId)))
      .get();
    if (!row)
      throw new ApiError("validation_failed", "You have no saved address with this id.", {
        errors: [{ path: "shippingAddressId", message: "Unknown address" }],
      });
    const { id: _id, isPrimary: _p, ...address } = await presentAddress(c.env, row);
    return address as ShippingAddress & { country: Country };
  }
  const { isPrimary: _p, ...address } = normalizeAddress({ ...input.shippingAddress!, isPrimary: false });
  return address as ShippingAddress & { country: Country };
}

/** Re-reads every cart line from the catalog: current price, name, sku, availability for sale. */
async function priceLines(
  c: Context<AppEnv>,
  cartLines: { productId: string; variantId: string | null; quantity: number }[],
): Promise<Line[]> {
  const db = database(c.env);
  const productIds = [...new Set(cartLines.map((l) => l.productId))];
  const variantIds = cartLines.map((l) => l.variantId).filter((v): v is string => v !== null);
  const [productRows, variantRows] = await Promise.all([
    db.select().from(products).where(inArray(products.id, productIds)),
    variantIds.length
      ? db.select().from(productVariants).where(inArray(productVariants.id, variantIds))
      : Promise.resolve([]),
  ]);
  const productById = new Map(productRows.map((p) => [p.id, p]));
  const variantById = new Map(variantRows.map((v) => [v.id, v]));
  const unavailable: string[] = [];
  const lines: Line[] = [];
  for (const line of cartLines) {
    const product = productById.get(line.productId);
    const variant = line.variantId ? variantById.get(line.variantId) : undefined;
    if (
      product?.status !== "active" ||
      product.deletedAt ||
      (line.variantId && (!variant || variant.deletedAt || variant.productId !== product.id))
    ) {
      unavailable.push(line.productId);
      continue;
    }
    lines.push({
      productId: product.id,
      variantId: variant?.id ?? null,
      shopId: product.shopId,
      name: variant ? `${product.name} (${variant.name})` : product.name,
      sku: variant?.sku ?? product.sku,
      quantity: line.quantity,
      unitPrice: money(variant?.priceAmount ?? product.priceAmount, product.currency as Currency),
      weightGrams: product.weightGrams,
      dimensionsMm:
        product.lengthMm && product.widthMm && product.heightMm
          ? [product.lengthMm, product.widthMm, product.heightMm]
          : null,
    });
  }
  if (unavailable.length) {
    throw new ApiError(
      "conflict",
      "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.",
      {
        errors: unavailable.map((id) => ({ path: `cart.${id}`, message: "unavailable" })),
      },
    );
  }
  const currencies = new Set(lines.map((l) => l.unitPrice.currency));
  if (currencies.size > 1)
    throw new ApiError(
      "currency_mismatch",
      "Your cart mixes currencies. Keep items of one currency and check out again.",
    );
  return lines;
}

/**
 * POST /orders: splits the cart into one order per shop, prices each (catalog prices, shipping
 * by courier table, voucher, tax), reserves all stock at once (all or nothing; short stock is 409
 * insufficient_stock and nothing stays reserved), writes the orders with their timeline and
 * `order.created` events in one batch, then empties the cart.
 */
export async function placeOrders(c: Context<AppEnv>, input: CreateOrders): Promise<Order[]> {
  const auth = c.get("auth");
  const guestToken = auth ? undefined : guestCartToken(c);
  if (!auth && !guestToken) {
    throw new ApiError(
      "validation_failed",
      "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).",
      { errors: [{ path: "cart", message: "empty" }] },
    );
  }
  if (!auth && !input.contactEmail) {
    throw new ApiError("validation_failed", "Guests need a contactEmail for the order confirmation.", {
      errors: [{ path: "contactEmail", message: "Required for guest checkout" }],
    });
  }
  const cart = await takeCartForCheckout(c);
  try {
    return await ordersFromCart(c, input, cart.lines, auth, guestToken);
  } catch (err) {
    await cart.giveBack().catch(() => undefined);
    throw err;
  }
}

async function ordersFromCart(
  c: Context<AppEnv>,
  input: CreateOrders,
  cartLines: CheckoutCart["lines"],
  auth: AppEnv["Variables"]["auth"],
  guestToken: string | undefined,
): Promise<Order[]> {
  const config = readOrderConfig(c.env);
  const db = database(c.env);
  if (cartLines.length === 0) {
    throw new ApiError("validation_failed", "Your cart is empty. Add items first.", {
      errors: [{ path: "cart", message: "empty" }],
    });
  }
  const lines = await priceLines(c, cartLines);
  const address = await shippingAddressFor(c, input);
  const currency = lines[0].unitPrice.currency;

  const shopIds = [...new Set(lines.map((l) => l.shopId))];
  const shopRows = await db
    .select({ id: shops.id, country: shops.country })
    .from(shops)
    .where(inArray(shops.id, shopIds));
  const shopCountry = new Map(shopRows.map((s) => [s.id, s.country]));

  const groups = shopIds.map((shopId) => {
    const shopLines = lines.filter((l) => l.shopId === shopId);
    const items: ShippingQuoteItem[] = shopLines.map((l) => ({
      quantity: l.quantity,
      weightGrams: l.weightGrams,
      dimensionsMm: l.dimensionsMm,
    }));
    const option = quoteForShop({
      shopId,
      shopCountry: shopCountry.get(shopId) ?? "",
      destination: address,
      currency,
      items,
      optionId: input.shippingOptionId,
      defaultWeightGrams: c.get("config").shipping.defaultWeightGrams,
    });
    const subtotal = sum(
      shopLines.map((l) => money(l.unitPrice.amount * l.quantity, currency)),
      currency,
    );
    return { shopId, lines: shopLines, option, subtotal };
  });

  const buyerKey = auth ? `user:${auth.userId}` : `guest:${await cartTokenHash(guestToken!)}`;
  let discounts = groups.map(() => money(0, currency));
  let voucherCode: string | undefined;
  if (input.voucherCode) {
    const total = sum(
      groups.map((g) => g.subtotal),
      currency,
    );
    const preview = await voucherDiscount(db, input.voucherCode, buyerKey, total, shopIds);
    const { voucher } = preview;
    if (voucher.shopId) {
      const index = groups.findIndex((g) => g.shopId === voucher.shopId);
      const own = await voucherDiscount(db, input.voucherCode, buyerKey, groups[index].subtotal, shopIds);
      discounts = groups.map((_, i) => (i === index ? own.discount : money(0, currency)));
    } else {
      discounts = splitDiscount(
        preview.discount,
        groups.map((g) => g.subtotal),
      );
    }
    if (!(await claimVoucherUse(db, voucher.code))) {
      throw new ApiError("validation_failed", "This voucher has just been fully used.", {
        errors: [{ path: "voucherCode", message: "Fully used" }],
      });
    }
    voucherCode = voucher.code;
  }

  const now = nowMs();
  const checkoutId = newId("chk");
  const expiresAt = now + config.reservationSeconds * 1000;
  const reservation = await reserveItems(
    c.env,
    checkoutId,
    lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId), quantity: l.quantity })),
    (config.reservationSeconds + config.reservationGraceSeconds) * 1000,
  );
  if (!reservation.ok) {
    if (voucherCode) await releaseVoucherUse(db, voucherCode);
    if (reservation.code !== "insufficient_stock") {
      throw new ApiError("conflict", "This checkout could not reserve its stock. Check out again.");
    }
    throw new ApiError(
      "insufficient_stock",
      "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.",
      {
        errors: reservation.items.map((s) => ({
          path: `items.${s.key}`,
          message: `requested ${s.requested}, available ${s.available}`,
        })),
      },
    );
  }

  const addressEnc = await encryptPii(c.env, JSON.stringify(address));
  const contactEmailEnc = input.contactEmail ? await encryptPii(c.env, input.contactEmail.toLowerCase()) : null;
  const guestTokenHash = guestToken ? await cartTokenHash(guestToken) : null;
  const rows: (typeof orders.$inferInsert)[] = [];
  const writes: BatchItem<"sqlite">[] = [];
  groups.forEach((group, i) => {
    const totals = orderTotals(
      group.lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity })),
      group.option.cost,
      discounts[i],
      address.country,
      config.taxRates,
    );
    const id = newId("ord");
    const row: typeof orders.$inferInsert = {
      id,
      number: orderNumber(address.country, new Date(now)),
      checkoutId,
      shopId: group.shopId,
      customerId: auth?.userId ?? null,
      guestTokenHash,
      contactEmailEnc,
      status: "pending_payment",
      paymentStatus: "unpaid",
      currency,
      subtotal: totals.subtotal.amount,
      shippingCost: totals.shippingCost.amount,
      tax: totals.tax.amount,
      discount: totals.discount.amount,
      total: totals.total.amount,
      voucherCode: discounts[i].amount > 0 ? (voucherCode ?? null) : null,
      shippingAddressEnc: addressEnc,
      shippingCountry: address.country,
      shipping: {
        optionId: group.option.id,
        courier: group.option.courier,
        service: group.option.service,
        etd: group.option.etd,
      },
      reservationId: checkoutId,
      reservationExpiresAt: expiresAt,
      createdAt: now,
      updatedAt: now,
    };
    rows.push(row);
    writes.push(
      db.insert(orders).values(row),
      db.insert(orderItems).values(
        group.lines.map((l) => ({
          id: newId("oit"),
          orderId: id,
          productId: l.productId,
          variantId: l.variantId,
          name: l.name,
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: l.unitPrice.amount,
          lineTotal: l.unitPrice.amount * l.quantity,
        })),
      ),
      timelineWrite(db, id, "created", auth ? "customer" : "customer", auth?.userId ?? null, {
        checkoutId,
        total: totals.total,
        reservationExpiresAt: new Date(expiresAt).toISOString(),
      }),
      recordEvent(
        db,
        "order_events",
        createEvent(
          "order.created",
          {
            orderId: id,
            shopId: group.shopId,
            customerId: auth?.userId ?? null,
            number: row.number,
            total: totals.total,
            checkoutId,
          },
          { actor: auth ? { type: "user", id: auth.userId } : { type: "user" }, subject: { type: "order", id } },
        ),
      ),
    );
    if (voucherCode && discounts[i].amount > 0) {
      writes.push(
        db
          .insert(voucherRedemptions)
          .values({ id: newId("vrd"), code: voucherCode, userKey: buyerKey, orderId: id, createdAt: now }),
      );
    }
  });

  try {
    const [first, ...rest] = writes;
    await db.batch([first, ...rest]);
  } catch (err) {
    await releaseItems(
      c.env,
      checkoutId,
      lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId) })),
    ).catch(() => undefined);
    if (voucherCode) await releaseVoucherUse(db, voucherCode).catch(() => undefined);
    throw err;
  }
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentOrders(c.env, db, rows as (typeof orders.$inferSelect)[]);
}

export async function contactEmailOf(env: Env, row: { contactEmailEnc: string | null }): Promise<string | undefined> {
  return row.contactEmailEnc ? decryptPii(env, row.contactEmailEnc) : undefined;
}
