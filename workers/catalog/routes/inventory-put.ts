import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { products } from "../../../d1/schema/catalog";
import { InventoryLevelSchema, SetInventorySchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { invalidateProduct } from "../cache";
import { PRODUCT_UPDATED, productEvent } from "../events";
import { inventoryLevel } from "../inventory";
import { loadProduct, ownedProduct } from "../products";
import { setOnHand } from "../stock";
import { ProductIdParamSchema } from "./inventory-get";

export const putInventoryRoute = defineRoute({
  method: "put",
  path: "/api/v1/inventory/{productId}",
  tags: ["Inventory"],
  summary: "Set on-hand stock (owner)",
  description:
    "Sets the on-hand count of the product, or of one variant (`variantId`, required when the product has variants). Units held by unpaid orders stay reserved: available = onHand − reserved.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: ProductIdParamSchema, ...jsonBody(SetInventorySchema) },
  responses: { 200: jsonResponse("Stock levels after the change", InventoryLevelSchema) },
  errors: [401, 403, 404],
});

export const putInventoryHandler: RouteHandler<typeof putInventoryRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const input = c.req.valid("json");
  const db = database(c.env);
  const loaded = ownedProduct(await loadProduct(db, c.req.valid("param").productId), userId);
  const { row, variants } = loaded;
  if (variants.length > 0 && !input.variantId) {
    throw new ApiError("validation_failed", "This product has variants: say which one with variantId.", {
      errors: [{ path: "variantId", message: `One of ${variants.map((v) => v.id).join(", ")}` }],
    });
  }
  if (input.variantId && !variants.some((v) => v.id === input.variantId)) {
    throw new ApiError(
      "validation_failed",
      variants.length > 0
        ? "variantId is not one of this product's variants."
        : "This product has no variants: leave variantId out.",
      { errors: [{ path: "variantId", message: "Not a variant of this product" }] },
    );
  }
  await setOnHand(c.env, row.id, input.variantId ?? null, input.onHand, { lowStockThreshold: input.lowStockThreshold });
  const level = await inventoryLevel(c.env, loaded);
  await db.batch([
    db.update(products).set({ stockSnapshot: level.available, updatedAt: nowMs() }).where(eq(products.id, row.id)),
    productEvent(db, PRODUCT_UPDATED, row, userId),
  ]);
  await invalidateProduct(new URL(c.req.url).origin, row.id);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(level, 200);
};
