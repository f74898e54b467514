import { eq } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { ShopRow } from "./present";

export async function findShop(db: Database, id: string): Promise<ShopRow> {
  const shop = await db.select().from(shops).where(eq(shops.id, id)).get();
  if (!shop) throw new ApiError("not_found", "There is no shop with this id.");
  return shop;
}

/**
 * The shop, if `userId` owns it. Ownership is read from the shop row on every request, never from
 * a role in the token, so a new owner can act on their shop at once.
 */
export async function ownedShop(db: Database, id: string, userId: string): Promise<ShopRow> {
  const shop = await findShop(db, id);
  if (shop.ownerId !== userId) throw new ApiError("forbidden", "Only the shop's owner can do this.");
  return shop;
}

/** Owners and admins see a shop's contact and verification note. */
export function seesPrivateShopFields(shop: ShopRow, auth: { userId: string; roles: string[] } | undefined): boolean {
  return auth !== undefined && (auth.userId === shop.ownerId || auth.roles.includes("admin"));
}
