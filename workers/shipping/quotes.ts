import { and, eq, gt, lt } from "drizzle-orm";
import { shippingQuotes } from "../../d1/schema/shipping";
import { type Database, inList, nowMs } from "../platform/db";
import { sha256Hex } from "../platform/ids";
import type { Currency, Money } from "../platform/money";
import type { RateSource } from "./live-rates";
import type { ShippingOption } from "./rates";

/**
 * What a quoted price depends on: the shop's parcel, where it goes, and in what currency. City and
 * province count only for a price a courier gave by area (GHN's ward and district): held for that area.
 */
export interface QuotedParcel {
  shopId: string;
  destination: { country: string; postalCode: string; city?: string; province?: string };
  grams: number;
  currency: Currency;
}

const normalPostalCode = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();
const normalPlace = (name = "") => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

function quoteKey(parcel: QuotedParcel, optionId: string, byArea = false): Promise<string> {
  const { shopId, destination, grams, currency } = parcel;
  const key = [shopId, optionId, destination.country, normalPostalCode(destination.postalCode), grams, currency];
  // An area-priced quote keys on the area too; a postal-code one keeps its key as it always was.
  const area = byArea ? [normalPlace(destination.city), normalPlace(destination.province)] : [];
  return sha256Hex(JSON.stringify([...key, ...area]));
}

/**
 * Keeps the courier-priced options POST /shipping/rates showed for a shop's parcel, for `holdSeconds`,
 * so the checkout charges that price (docs/logistics.md "Rates"). Rate-card options need no record:
 * the checkout prices them the same way. A newer quote for the same parcel replaces the older one.
 */
export async function recordQuotes(
  db: Database,
  parcel: QuotedParcel,
  options: readonly (ShippingOption & { source?: RateSource; byArea?: boolean })[],
  holdSeconds: number,
): Promise<void> {
  const live = options.filter((o) => o.source === "courier");
  if (live.length === 0 || holdSeconds <= 0) return;
  const now = nowMs();
  const rows = await Promise.all(
    live.map(async (o) => ({
      key: await quoteKey(parcel, o.id, o.byArea),
      shopId: parcel.shopId,
      optionId: o.id,
      amount: o.cost.amount,
      currency: o.cost.currency,
      expiresAt: now + holdSeconds * 1000,
      createdAt: now,
    })),
  );
  await db.batch([
    // Expired quotes go as new ones come: the table holds only what a checkout may still use.
    db.delete(shippingQuotes).where(lt(shippingQuotes.expiresAt, now - 86_400_000)),
    ...rows.map((row) =>
      db
        .insert(shippingQuotes)
        .values(row)
        .onConflictDoUpdate({
          target: shippingQuotes.key,
          set: { amount: row.amount, currency: row.currency, expiresAt: row.expiresAt, createdAt: row.createdAt },
        }),
    ),
  ]);
}

/**
 * The live prices still held for a shop's parcel, by option id (the checkout charges these over the
 * cards'): quoted for its postal code, or by area for its city and province; the newer one if both.
 */
export async function heldQuotes(
  db: Database,
  parcel: QuotedParcel,
  optionIds: readonly string[],
): Promise<Map<string, Money>> {
  if (optionIds.length === 0) return new Map();
  const keys = await Promise.all(optionIds.flatMap((id) => [quoteKey(parcel, id), quoteKey(parcel, id, true)]));
  const rows = await db
    .select()
    .from(shippingQuotes)
    .where(
      and(
        inList(shippingQuotes.key, keys),
        eq(shippingQuotes.shopId, parcel.shopId),
        gt(shippingQuotes.expiresAt, nowMs()),
      ),
    );
  return new Map(
    rows
      .filter((r) => r.currency === parcel.currency)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((r) => [r.optionId, { amount: r.amount, currency: r.currency as Currency }]),
  );
}
