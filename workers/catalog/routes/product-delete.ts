import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { products } from "../../../d1/schema/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { invalidateProduct } from "../cache";
import { PRODUCT_DELETED, productEvent } from "../events";
import { loadProduct, ownedProduct } from "../products";

export const deleteProductRoute = defineRoute({
  method: "delete",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "Delete a product (owner)",
  description:
    "A soft delete: the product leaves listings and search and answers 404 to everyone but its owner; orders that name it keep it. Its SKUs stay reserved in the shop.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404],
});

export const deleteProductHandler: RouteHandler<typeof deleteProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const { row } = ownedProduct(await loadProduct(db, c.req.valid("param").id), userId);
  const now = nowMs();
  await db.batch([
    db.update(products).set({ deletedAt: now, updatedAt: now }).where(eq(products.id, row.id)),
    productEvent(db, PRODUCT_DELETED, row, userId),
  ]);
  await invalidateProduct(new URL(c.req.url).origin, row.id);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.body(null, 204);
};
