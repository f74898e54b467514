import { type RouteHandler, z } from "@hono/zod-openapi";
import { LocaleQuerySchema, ProductSchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requestLocale } from "../../platform/locale";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { readProduct } from "../product-read";

export const getProductRoute = defineRoute({
  method: "get",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "A product, with live stock",
  description:
    "Served from a cache when possible (`X-Cache: HIT|MISS`): the Worker's own copy, used only while the product's catalog version (bumped by every write to it) is unchanged, else the edge cache. `available` is always read live from Inventory, and `flashSale` live too (the sale is picked by the clock at each read, its `remaining` read from Inventory: it is gone once the sale ends). Drafts, archived and deleted products are visible to their shop's owner only (404 to everyone else) and are never cached.",
  request: { params: IdParamSchema, query: LocaleQuerySchema },
  responses: {
    200: {
      ...jsonResponse("The product", ProductSchema),
      headers: z.object({
        "X-Cache": z
          .enum(["HIT", "MISS"])
          .openapi({ description: "Whether a cache answered (no read of the product's rows in D1)" }),
      }),
    },
  },
  errors: [404],
});

export const getProductHandler: RouteHandler<typeof getProductRoute, AppEnv> = async (c) => {
  const read = await readProduct(c.env, c.req.valid("param").id, {
    origin: new URL(c.req.url).origin,
    locale: requestLocale(c),
    viewerId: c.get("auth")?.userId,
    cacheTtlSeconds: c.get("config").limits.productCacheTtlSeconds,
  });
  c.header("X-Cache", read.cache);
  c.header("Cache-Control", read.public ? "no-cache" : "private, no-store");
  return c.json(read.product, 200);
};
