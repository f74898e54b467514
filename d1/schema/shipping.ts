import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Live courier prices shown to buyers by POST /shipping/rates (docs/logistics.md "Rates"), so the
 * checkout charges the price the buyer was shown, not the rate card's. Keyed by what the price
 * depends on (shop, option, destination, weight, currency); kept until `expiresAt`
 * (SHIPPING_QUOTE_SECONDS), a newer quote for the same parcel replacing it.
 */
export const shippingQuotes = sqliteTable("shipping_quotes", {
  /** Hash of shop, option id, destination country and postal code, grams and currency. */
  key: text("key").primaryKey(),
  shopId: text("shop_id").notNull(),
  optionId: text("option_id").notNull(),
  amount: integer("amount").notNull(),
  currency: text("currency").notNull(),
  expiresAt: integer("expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
});
