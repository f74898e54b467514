import { type RouteHandler, z } from "@hono/zod-openapi";
import { LocaleQuerySchema, ProductSchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { requestLocale } from "../../platform/locale";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { cachedProduct, cacheProduct } from "../cache";
import { isPublic, loadProduct, presentProduct, visibleProduct, withStock } from "../products";
import { productStock } from "../stock";

export const getProductRoute = defineRoute({
  method: "get",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "A product, with live stock",
  description:
    "Served from the edge cache when possible (`X-Cache: HIT|MISS`); `available` is always read live from Inventory. Drafts, archived and deleted products are visible to their shop's owner only (404 to everyone else) and are never cached.",
  request: { params: IdParamSchema, query: LocaleQuerySchema },
  responses: {
    200: {
      ...jsonResponse("The product", ProductSchema),
      headers: z.object({
        "X-Cache": z.enum(["HIT", "MISS"]).openapi({ description: "Whether the edge cache answered (no D1 read)" }),
      }),
    },
  },
  errors: [404],
});

export const getProductHandler: RouteHandler<typeof getProductRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const origin = new URL(c.req.url).origin;
  const locale = requestLocale(c);
  c.header("Cache-Control", "no-cache");

  const cached = await cachedProduct(origin, id, locale);
  if (cached) {
    const stock = await productStock(
      c.env,
      cached.id,
      cached.variants.map((v) => v.id),
    );
    c.header("X-Cache", "HIT");
    return c.json(withStock(cached, stock), 200);
  }

  const loaded = visibleProduct(await loadProduct(database(c.env), id), c.get("auth")?.userId);
  const product = presentProduct(loaded.row, loaded.variants, loaded.images, origin);
  const [stock] = await Promise.all([
    productStock(
      c.env,
      product.id,
      product.variants.map((v) => v.id),
    ),
    isPublic(loaded.row)
      ? cacheProduct(origin, locale, product, c.get("config").limits.productCacheTtlSeconds)
      : undefined,
  ]);
  c.header("X-Cache", "MISS");
  if (!isPublic(loaded.row)) c.header("Cache-Control", "private, no-store");
  return c.json(withStock(product, stock), 200);
};
