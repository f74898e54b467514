import type { z } from "@hono/zod-openapi";
import type { CartItemSchema, CartSchema } from "../../schemas/cart";
import { type CartCatalogEntry, type CartLineRef, cachedCartCatalog, cartLineKey, mediaUrl } from "../catalog";
import { type Currency, type Money, money, multiply, sum } from "../platform/money";
import { loadAvailability } from "./availability";
import type { CartLine, CartSnapshot } from "./object/types";
import type { CartStub } from "./tokens";

export type CartView = z.infer<typeof CartSchema>;
export type CartItemView = z.infer<typeof CartItemSchema>;

/** One line with everything the Worker knows about it now (for the view, validation, shipping, checkout). */
export interface CartItemDetail {
  line: CartLine;
  /** Absent when the product no longer exists. */
  catalog: CartCatalogEntry | undefined;
  /** Can be bought: the product is for sale, the variant live, and priced in the cart's currency. */
  purchasable: boolean;
  /** Units in stock now (0 for a line that can't be bought). */
  available: number;
  /** The current catalog price (the last seen one for a line that can't be bought). */
  unitPrice: Money;
  lineTotal: Money;
  /** The current price differs from the one recorded in the line. */
  priceChanged: boolean;
}

export interface CartContents {
  cart: CartView;
  items: CartItemDetail[];
  snapshot: CartSnapshot;
}

/** What a caller already read (e.g. for the line it just added), so it is not read again. */
export interface KnownFacts {
  catalog?: Map<string, CartCatalogEntry>;
  stock?: Map<string, number>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The cart as the API shows it: the object's lines with prices and stock read fresh. */
export async function readCart(env: Env, cart: { id: string; stub: CartStub }, origin: string): Promise<CartContents> {
  return composeCart(env, cart.id, await cart.stub.snapshot(), origin);
}

/**
 * Prices the snapshot's lines from the catalog (one D1 query for all lines; a cart of one product
 * from the isolate's copy while its catalog version holds: cachedCartCatalog) and reads each line's
 * stock at the same time (in parallel), reusing whatever `known` already holds. Lines that can't be
 * bought stay in the view (purchasable: false, available: 0) but count toward no subtotal.
 */
export async function composeCart(
  env: Env,
  id: string,
  snapshot: CartSnapshot,
  origin: string,
  known: KnownFacts = {},
): Promise<CartContents> {
  const refs: CartLineRef[] = snapshot.lines.map((l) => ({ productId: l.productId, variantId: l.variantId }));
  const catalog = new Map(known.catalog);
  const stock = new Map(known.stock);
  const currency = snapshot.currency;
  const sellable = (r: CartLineRef) => {
    const entry = catalog.get(cartLineKey(r));
    return entry !== undefined && entry.unavailable === null && entry.currency === currency;
  };
  const missing = refs.filter((r) => !catalog.has(cartLineKey(r)));
  // Stock is read beside the catalog (one round trip of waiting, not two): for every line not known
  // to be unsellable, so a line the catalog then finds unsellable costs a read that is not shown.
  const unread = refs.filter((r) => !stock.has(cartLineKey(r)) && (!catalog.has(cartLineKey(r)) || sellable(r)));
  const [read, levels] = await Promise.all([
    missing.length > 0 ? cachedCartCatalog(env, missing) : undefined,
    unread.length > 0 ? loadAvailability(env, unread) : undefined,
  ]);
  for (const [k, v] of read ?? []) catalog.set(k, v);
  for (const [k, v] of levels ?? []) stock.set(k, v);

  const items = snapshot.lines.map((line): CartItemDetail => {
    const ref = { productId: line.productId, variantId: line.variantId };
    const entry = catalog.get(cartLineKey(ref));
    const purchasable = sellable(ref);
    const cartCurrency = (currency ?? entry?.currency ?? "USD") as Currency;
    // A live flash sale's price is shown; the checkout charges it for the units within its quota.
    const livePrice = entry ? (entry.flashSale?.price.amount ?? entry.unitPrice) : line.unitPrice;
    const unitPrice = money(purchasable ? livePrice : line.unitPrice, cartCurrency);
    return {
      line,
      catalog: entry,
      purchasable,
      available: purchasable ? (stock.get(cartLineKey(ref)) ?? 0) : 0,
      unitPrice,
      lineTotal: multiply(unitPrice, line.quantity),
      priceChanged: purchasable && unitPrice.amount !== line.unitPrice,
    };
  });
  return { cart: presentCart(id, snapshot, items, origin), items, snapshot };
}

export function presentCart(id: string, snapshot: CartSnapshot, items: CartItemDetail[], origin: string): CartView {
  const currency = snapshot.currency;
  return {
    id,
    items: items.map((item) => presentItem(item, origin)),
    subtotal:
      currency === null
        ? null
        : sum(
            items.filter((i) => i.purchasable).map((i) => i.lineTotal),
            currency,
          ),
    itemCount: items.reduce((n, i) => n + i.line.quantity, 0),
    currency,
    updatedAt: snapshot.updatedAt === null ? null : iso(snapshot.updatedAt),
    expiresAt: snapshot.expiresAt === null ? null : iso(snapshot.expiresAt),
  };
}

function presentItem(item: CartItemDetail, origin: string): CartItemView {
  const { line, catalog } = item;
  return {
    id: line.id,
    productId: line.productId,
    ...(line.variantId ? { variantId: line.variantId } : {}),
    name: catalog?.name ?? line.name,
    ...(catalog?.variantName ? { variantName: catalog.variantName } : {}),
    sku: catalog?.sku ?? null,
    shopId: catalog?.shopId ?? null,
    image: catalog?.imageId ? mediaUrl(origin, catalog.imageId) : null,
    quantity: line.quantity,
    unitPrice: item.unitPrice,
    lineTotal: item.lineTotal,
    available: item.available,
    purchasable: item.purchasable,
    priceChanged: item.priceChanged,
    addedAt: iso(line.addedAt),
  };
}

/** The cart of a guest whose request had no token: nothing is stored for it yet. */
export function emptyCart(id: string): CartContents {
  const snapshot: CartSnapshot = { lines: [], currency: null, updatedAt: null, expiresAt: null };
  return { cart: presentCart(id, snapshot, [], ""), items: [], snapshot };
}
