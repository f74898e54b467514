import { notificationDevices } from "../../d1/schema/notifications";
import type { Locale } from "../../schemas/platform";
import { productSummary } from "../catalog";
import { COUNTRY_LOCALE, COUNTRY_TIMEZONE, type CountryCode } from "../i18n/catalog";
import { activeUserContacts, liveSessionsOfUsers } from "../identity";
import { type OrderSummary, orderSummaries } from "../orders";
import { type Database, inList } from "../platform/db";
import { asLocale } from "../platform/locale";
import { decryptPii } from "../platform/pii";
import { connectedAmong } from "../realtime";
import { shopSummaries } from "../shops";
import { type Preferences, preferenceRows, preferencesFrom } from "./preferences";

/**
 * Who a notification is for and what it is about. The notification consumer runs across time,
 * after the domain's request: it asks each domain's face about the things the event points at
 * (orders, shops, products, dialogs, accounts) and never writes them.
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

/** Active users by id, with their contact details; deleted or suspended users are absent. */
export async function activeUsers(env: Env, db: Database, ids: readonly string[]): Promise<Map<string, Recipient>> {
  const contacts = await activeUserContacts(env, db, ids);
  const out = new Map<string, Recipient>();
  for (const [id, contact] of contacts) {
    out.set(id, {
      userId: id,
      locale: asLocale(contact.locale) ?? "en",
      timezone: contact.timezone,
      email: contact.email?.toLowerCase(),
      phone: contact.phone,
      displayName: contact.displayName,
    });
  }
  return out;
}

/** Active users by id (what activeUsers answers), however the ids are fetched. */
export type UserLookup = (ids: readonly string[]) => Promise<Map<string, Recipient>>;

/** activeUsers for one event. */
export const userLookup =
  (env: Env, db: Database): UserLookup =>
  (ids) =>
    activeUsers(env, db, ids);

/** The users whose recipient data recording needs (recipientData). */
export interface RecipientIds {
  notified: string[];
  push: string[];
  live: string[];
}

/** What a queue batch's planning and recording read through, shared by all of its events. */
export interface SharedReads {
  users: UserLookup;
  recipients(ids: RecipientIds): Promise<RecipientData>;
}

/**
 * The reads of a batch of events planned at the same time: the user lookups asked in one turn of
 * the event loop become one query (a user read once is not read again), and alongside each such
 * query the same users' recipient data (preferences, push devices, presence) is read, which
 * recording asks for once planning is done: a round trip after planning saved, since recipients
 * are almost always users the planners looked up. Anyone else is read then. Made for one
 * handleMany call; only that call awaits its promises.
 */
export function sharedReads(env: Env, db: Database, now: number): SharedReads {
  const known = new Map<string, Promise<Recipient | undefined>>();
  const alongside: { ids: Set<string>; data: Promise<RecipientData> }[] = [];
  let waiting: { ids: Set<string>; done: Promise<Map<string, Recipient>> } | null = null;
  const fetchSoon = (id: string): Promise<Recipient | undefined> => {
    if (!waiting) {
      const ids = new Set<string>();
      const turn = new Promise<void>((resolve) => setTimeout(resolve, 0));
      const done = turn.then(() => {
        waiting = null;
        return activeUsers(env, db, [...ids]);
      });
      const data = turn.then(() => recipientData(env, db, { notified: [...ids], push: [...ids], live: [...ids] }, now));
      // Awaited by recipients(), if planning gets that far; a failure then surfaces there.
      data.catch(() => undefined);
      alongside.push({ ids, data });
      waiting = { ids, done };
    }
    waiting.ids.add(id);
    return waiting.done.then((found) => found.get(id));
  };
  const users: UserLookup = async (ids) => {
    for (const id of ids) if (!known.has(id)) known.set(id, fetchSoon(id));
    const out = new Map<string, Recipient>();
    for (const id of ids) {
      const person = await known.get(id);
      if (person) out.set(id, person);
    }
    return out;
  };
  const recipients = async (wanted: RecipientIds): Promise<RecipientData> => {
    const parts = await Promise.all(alongside.map((a) => a.data));
    const read = new Set(alongside.flatMap((a) => [...a.ids]));
    const notRead = (list: string[]) => list.filter((id) => !read.has(id));
    const rest = { notified: notRead(wanted.notified), push: notRead(wanted.push), live: notRead(wanted.live) };
    if (rest.notified.length + rest.push.length + rest.live.length > 0) {
      parts.push(await recipientData(env, db, rest, now));
    }
    return {
      prefs: new Map(parts.flatMap((p) => [...p.prefs])),
      devices: new Map(parts.flatMap((p) => [...p.devices])),
      connected: new Set(parts.flatMap((p) => [...p.connected])),
    };
  };
  return { users, recipients };
}

/** An order with the shop it is from: its name and owner (the seller to notify). */
export interface OrderFacts extends OrderSummary {
  shopName: string;
  ownerId: string | null;
}

export async function orderFacts(env: Env, db: Database, ids: readonly string[]): Promise<Map<string, OrderFacts>> {
  const orders = await orderSummaries(env, db, ids);
  const shops = await shopSummaries(
    db,
    [...orders.values()].map((o) => o.shopId),
  );
  const out = new Map<string, OrderFacts>();
  for (const [id, order] of orders) {
    const shop = shops.get(order.shopId);
    out.set(id, {
      ...order,
      contactEmail: order.contactEmail?.toLowerCase(),
      shopName: shop?.name ?? "",
      ownerId: shop?.ownerId ?? null,
    });
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
  const product = await productSummary(db, productId, variantId);
  if (!product) return null;
  const shop = (await shopSummaries(db, [product.shopId])).get(product.shopId);
  return { ...product, ownerId: shop?.ownerId ?? null };
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

/** What recording a batch of notifications needs about its recipients, read once for all of them. */
export interface RecipientData {
  prefs: Map<string, Preferences>;
  /** Registered push devices of users whose registering session is still live. */
  devices: Map<string, PushTarget[]>;
  /** Users with their realtime stream open: only their hubs are called (realtime's presence). */
  connected: Set<string>;
}

/**
 * The preferences of the users notified, the push devices (with their sessions' liveness) of those
 * a push may go to, and which of the users shown something live have a socket open: four
 * statements in one D1 round trip, however many users.
 */
export async function recipientData(env: Env, db: Database, users: RecipientIds, now: number): Promise<RecipientData> {
  const push = [...new Set(users.push)];
  const [prefRows, devices, sessions, connected] = await db.batch([
    preferenceRows(db, users.notified),
    db
      .select({
        id: notificationDevices.id,
        userId: notificationDevices.userId,
        sessionId: notificationDevices.sessionId,
        tokenEnc: notificationDevices.tokenEnc,
        platform: notificationDevices.platform,
      })
      .from(notificationDevices)
      .where(inList(notificationDevices.userId, push)),
    liveSessionsOfUsers(db, push, now),
    connectedAmong(db, users.live),
  ]);
  const liveSessions = new Set(sessions.map((s) => s.id));
  const out = new Map<string, PushTarget[]>();
  for (const row of devices) {
    if (!liveSessions.has(row.sessionId)) continue;
    const list = out.get(row.userId) ?? [];
    list.push({ deviceId: row.id, token: await decryptPii(env, row.tokenEnc), platform: row.platform });
    out.set(row.userId, list);
  }
  return {
    prefs: preferencesFrom(prefRows, users.notified),
    devices: out,
    connected: new Set(connected.map((c) => c.userId)),
  };
}
