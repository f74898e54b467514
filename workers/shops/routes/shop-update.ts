import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { shops } from "../../../d1/schema/shops";
import type { Country } from "../../../schemas/identity";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopSchema, UpdateShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { encryptContact, normalizeContact, presentShop } from "../present";
import { ownedShop } from "../queries";

export const updateShopRoute = defineRoute({
  method: "patch",
  path: "/api/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Change a shop's name, description, category or contact (owner)",
  description: "Country and currency are fixed when the shop opens: every price of the shop is in that currency.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateShopSchema) },
  responses: { 200: jsonResponse("The updated shop", ShopSchema) },
  errors: [401, 403, 404],
});

export const updateShopHandler: RouteHandler<typeof updateShopRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, userId);
  const patch = c.req.valid("json");
  let contactEnc: string | null | undefined;
  if (patch.contact === null) contactEnc = null;
  else if (patch.contact) {
    contactEnc = await encryptContact(c.env, normalizeContact(patch.contact, shop.country as Country));
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
  return c.json(await presentShop(c.env, updated ?? shop, true), 200);
};
