import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { products, productVariants } from "../../d1/schema/catalog";
import { dialogMembers, dialogs } from "../../d1/schema/chat";
import { sessions, users } from "../../d1/schema/identity";
import { notificationDevices } from "../../d1/schema/notifications";
import { orderItems, orders } from "../../d1/schema/orders";
import { shops } from "../../d1/schema/shops";
import type { Locale } from "../../schemas/platform";
import { COUNTRY_LOCALE, COUNTRY_TIMEZONE, type CountryCode } from "../i18n/catalog";
import type { Database } from "../platform/db";
import { asLocale } from "../platform/locale";
import type { Currency } from "../platform/money";
import { decryptPii } from "../platform/pii";

/**
 * Read-only look-ups of who a notification is for and what it is about. The notification consumer
 * runs across time, after the domain's request: it reads the rows the event points at (orders,
 * shops, products, dialogs, users) and never writes them.
 */

/** Someone to notify: a user, or a guest reachable only by the order's contact email. */
export interface Recipient {
  userId: string | null;
  locale: Locale;
  timezone: string;
  email?: string;
  phone?: string;
  displayName?: string;
}

const CHUNK = 90;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Active users by id, with their contact details decrypted; deleted or suspended users are absent. */
export async function activeUsers(env: Env, db: Database, ids: readonly string[]): Promise<Map<string, Recipient>> {
  const out = new Map<string, Recipient>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .select()
      .from(users)
      .where(and(inArray(users.id, chunk), eq(users.status, "active")));
    for (const row of rows) {
      out.set(row.id, {
        userId: row.id,
        locale: asLocale(row.locale) ?? "en",
        timezone: row.timezone,
        email: row.emailEnc ? (await decryptPii(env, row.emailEnc)).toLowerCase() : undefined,
        phone: row.phoneEnc ? await decryptPii(env, row.phoneEnc) : undefined,
        displayName: row.displayName,
      });
    }
  }
  return out;
}

export interface OrderFacts {
  id: string;
  number: string;
  status: string;
  shopId: string;
  shopName: string;
  ownerId: string | null;
  customerId: string | null;
  contactEmail?: string;
  country: string;
  currency: Currency;
  total: number;
  /** Units ordered (sum of quantities). */
  units: number;
  courier?: string;
  trackingNumber?: string;
  reservationExpiresAt: number;
}

export async function orderFacts(env: Env, db: Database, ids: readonly string[]): Promise<Map<string, OrderFacts>> {
  const out = new Map<string, OrderFacts>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .select({ order: orders, shopName: shops.name, ownerId: shops.ownerId })
      .from(orders)
      .leftJoin(shops, eq(shops.id, orders.shopId))
      .where(inArray(orders.id, chunk));
    const units = await db
      .select({ orderId: orderItems.orderId, units: sql<number>`sum(${orderItems.quantity})` })
      .from(orderItems)
      .where(inArray(orderItems.orderId, chunk))
      .groupBy(orderItems.orderId);
    const unitsOf = new Map(units.map((u) => [u.orderId, Number(u.units)]));
    for (const { order, shopName, ownerId } of rows) {
      const shipping = order.shipping as { courier?: unknown; trackingNumber?: unknown };
      out.set(order.id, {
        id: order.id,
        number: order.number,
        status: order.status,
        shopId: order.shopId,
        shopName: shopName ?? "",
        ownerId,
        customerId: order.customerId,
        contactEmail: order.contactEmailEnc ? (await decryptPii(env, order.contactEmailEnc)).toLowerCase() : undefined,
        country: order.shippingCountry,
        currency: order.currency as Currency,
        total: order.total,
        units: unitsOf.get(order.id) ?? 0,
        courier: typeof shipping.courier === "string" ? shipping.courier : undefined,
        trackingNumber: typeof shipping.trackingNumber === "string" ? shipping.trackingNumber : undefined,
        reservationExpiresAt: order.reservationExpiresAt,
      });
    }
  }
  return out;
}

/** The language and zone of the country an order ships to (for guests, who have no profile). */
export function countryDefaults(country: string): { locale: Locale; timezone: string } {
  const code = country as CountryCode;
  return { locale: COUNTRY_LOCALE[code] ?? "en", timezone: COUNTRY_TIMEZONE[code] ?? "UTC" };
}

/** The buyer of an order: the account, or the guest's contact email. Null when neither exists. */
export function buyerOf(order: OrderFacts, people: Map<string, Recipient>): Recipient | null {
  if (order.customerId) {
    const user = people.get(order.customerId);
    if (!user) return null;
    // A phone-only account still gets the order email at the address given at checkout.
    return user.email || !order.contactEmail ? user : { ...user, email: order.contactEmail };
  }
  if (!order.contactEmail) return null;
  return { userId: null, ...countryDefaults(order.country), email: order.contactEmail };
}

export interface ProductFacts {
  productId: string;
  name: string;
  shopId: string;
  ownerId: string | null;
  variantName?: string;
}

export async function productFacts(
  db: Database,
  productId: string,
  variantId: string | null,
): Promise<ProductFacts | null> {
  const row = await db
    .select({ name: products.name, shopId: products.shopId, ownerId: shops.ownerId })
    .from(products)
    .leftJoin(shops, eq(shops.id, products.shopId))
    .where(eq(products.id, productId))
    .get();
  if (!row) return null;
  let variantName: string | undefined;
  if (variantId) {
    const variant = await db
      .select({ name: productVariants.name })
      .from(productVariants)
      .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)))
      .get();
    variantName = variant?.name;
  }
  return { productId, name: row.name, shopId: row.shopId, ownerId: row.ownerId, variantName };
}

/** `p:<productId>` or `p:<productId>:v:<variantId>` (the inventory key of workers/inventory/keys.ts). */
export function parseInventoryKey(sku: string): { productId: string; variantId: string | null } | null {
  const match = /^p:([^:#]+)(?::v:([^:#]+))?$/.exec(sku);
  return match ? { productId: match[1], variantId: match[2] ?? null } : null;
}

export interface PushTarget {
  deviceId: string;
  token: string;
  platform: string;
}

/** Registered push devices of users whose registering session is still live. */
export async function pushTargets(
  env: Env,
  db: Database,
  userIds: readonly string[],
  now: number,
): Promise<Map<string, PushTarget[]>> {
  const out = new Map<string, PushTarget[]>();
  for (const chunk of chunks([...new Set(userIds)])) {
    const rows = await db
      .select({
        id: notificationDevices.id,
        userId: notificationDevices.userId,
        tokenEnc: notificationDevices.tokenEnc,
        platform: notificationDevices.platform,
      })
      .from(notificationDevices)
      .innerJoin(sessions, eq(sessions.id, notificationDevices.sessionId))
      .where(and(inArray(notificationDevices.userId, chunk), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
    for (const row of rows) {
      const list = out.get(row.userId) ?? [];
      list.push({ deviceId: row.id, token: await decryptPii(env, row.tokenEnc), platform: row.platform });
      out.set(row.userId, list);
    }
  }
  return out;
}

export interface ChatFacts {
  type: string;
  name: string | null;
  lastSeq: number;
  members: Map<string, { lastReadSeq: number; muted: boolean }>;
}

export async function chatFacts(db: Database, dialogId: string, userIds: readonly string[]): Promise<ChatFacts | null> {
  const dialog = await db
    .select({ type: dialogs.type, name: dialogs.name, lastSeq: dialogs.lastSeq })
    .from(dialogs)
    .where(eq(dialogs.id, dialogId))
    .get();
  if (!dialog) return null;
  const members = new Map<string, { lastReadSeq: number; muted: boolean }>();
  for (const chunk of chunks([...new Set(userIds)])) {
    const rows = await db
      .select({ userId: dialogMembers.userId, lastReadSeq: dialogMembers.lastReadSeq, muted: dialogMembers.muted })
      .from(dialogMembers)
      .where(and(eq(dialogMembers.dialogId, dialogId), inArray(dialogMembers.userId, chunk)));
    for (const r of rows) members.set(r.userId, { lastReadSeq: r.lastReadSeq, muted: r.muted });
  }
  return { ...dialog, members };
}
