import type { z } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import { shops } from "../../d1/schema/shops";
import type { Country } from "../../schemas/identity";
import type { CreateShopSchema, ShopVerificationInputSchema, UpdateShopSchema } from "../../schemas/shops";
import { grantSellerRole } from "../identity";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { encryptContact, normalizeContact, type ShopRow } from "./present";
import { findShop, ownedShop } from "./queries";
import { shopCountryAndCurrency } from "./rules";

/** Enough for a seller with a few brands; more looks like abuse. */
const MAX_SHOPS_PER_OWNER = 10;

/**
 * Opens a shop for `ownerId`, pending verification. The owner becomes a seller in the same D1
 * transaction as the shop, so they can act on it at once with the token they hold.
 */
export async function openShop(env: Env, ownerId: string, input: z.infer<typeof CreateShopSchema>): Promise<ShopRow> {
  const { country, currency } = shopCountryAndCurrency(input.country, input.currency);
  const contact = input.contact ? normalizeContact(input.contact, country) : undefined;
  const db = database(env);
  const owned = await db.select({ n: count() }).from(shops).where(eq(shops.ownerId, ownerId)).get();
  if ((owned?.n ?? 0) >= MAX_SHOPS_PER_OWNER) {
    throw new ApiError("conflict", `You already own ${MAX_SHOPS_PER_OWNER} shops, the most one account may have.`);
  }
  const now = nowMs();
  const [shop] = await db.batch([
    db
      .insert(shops)
      .values({
        id: newId("shp"),
        ownerId,
        name: input.name,
        description: input.description ?? null,
        category: input.category,
        country,
        currency,
        contactEnc: contact ? await encryptContact(env, contact) : null,
        verificationStatus: "pending",
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    grantSellerRole(db, ownerId, now),
  ]);
  return shop[0];
}

/** The owner changes what a shop says about itself; country and currency stay as opened. */
export async function changeShop(
  env: Env,
  shopId: string,
  ownerId: string,
  patch: z.infer<typeof UpdateShopSchema>,
): Promise<ShopRow> {
  const db = database(env);
  const shop = await ownedShop(db, shopId, ownerId);
  let contactEnc: string | null | undefined;
  if (patch.contact === null) contactEnc = null;
  else if (patch.contact) {
    contactEnc = await encryptContact(env, normalizeContact(patch.contact, shop.country as Country));
  }
  const updated = await db
    .update(shops)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(contactEnc !== undefined ? { contactEnc } : {}),
      updatedAt: nowMs(),
    })
    .where(eq(shops.id, shop.id))
    .returning()
    .get();
  return updated ?? shop;
}

/** An admin's decision on a shop: verified or rejected, with a note the owner can read. */
export async function decideVerification(
  env: Env,
  shopId: string,
  decision: z.infer<typeof ShopVerificationInputSchema>,
): Promise<ShopRow> {
  const db = database(env);
  const shop = await findShop(db, shopId);
  const now = nowMs();
  const updated = await db
    .update(shops)
    .set({
      verificationStatus: decision.status,
      verificationNote: decision.note ?? null,
      verifiedAt: decision.status === "verified" ? now : null,
      updatedAt: now,
    })
    .where(eq(shops.id, shop.id))
    .returning()
    .get();
  return updated ?? shop;
}
