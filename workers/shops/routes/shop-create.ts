import type { RouteHandler } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import { shops } from "../../../d1/schema/shops";
import { CreateShopSchema, ShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { grantSellerRole } from "../../identity";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { encryptContact, normalizeContact, presentShop } from "../present";
import { shopCountryAndCurrency } from "../rules";

/** Enough for a seller with a few brands; more looks like abuse. */
const MAX_SHOPS_PER_OWNER = 10;

export const createShopRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops",
  tags: ["Shops"],
  summary: "Open a shop",
  description:
    "The caller becomes the owner and can act on the shop at once with the token they hold; the shop starts `pending` until an admin verifies it. The currency must be the country's (TH THB, SG SGD, ID IDR, MY MYR, PH PHP, VN VND).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(CreateShopSchema),
  responses: { 201: jsonResponse("The new shop", ShopSchema) },
  errors: [401, 409],
});

export const createShopHandler: RouteHandler<typeof createShopRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const input = c.req.valid("json");
  const { country, currency } = shopCountryAndCurrency(input.country, input.currency);
  const contact = input.contact ? normalizeContact(input.contact, country) : undefined;
  const db = database(c.env);
  const owned = await db.select({ n: count() }).from(shops).where(eq(shops.ownerId, userId)).get();
  if ((owned?.n ?? 0) >= MAX_SHOPS_PER_OWNER) {
    throw new ApiError("conflict", `You already own ${MAX_SHOPS_PER_OWNER} shops, the most one account may have.`);
  }
  const now = nowMs();
  const [shop] = await db.batch([
    db
      .insert(shops)
      .values({
        id: newId("shp"),
        ownerId: userId,
        name: input.name,
        description: input.description ?? null,
        category: input.category,
        country,
        currency,
        contactEnc: contact ? await encryptContact(c.env, contact) : null,
        verificationStatus: "pending",
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    // The owner is a seller from now on, in the same transaction as the shop.
    grantSellerRole(db, userId, now),
  ]);
  return c.json(await presentShop(c.env, shop[0], true), 201);
};
