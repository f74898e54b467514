import type { RouteHandler } from "@hono/zod-openapi";
import { ProductListQuerySchema, ProductSchema } from "../../../schemas/catalog";
import { pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { readProductPage } from "../product-read";

export const listProductsRoute = defineRoute({
  method: "get",
  path: "/api/v1/products",
  tags: ["Catalog"],
  summary: "Browse active products",
  description:
    "Filters combine; `categoryId` includes every sub-category; prices are minor units of the product's currency (add `currency` or `shopId` to compare like with like). `available` in lists is a recent snapshot; GET /products/{id} reads it live. Pages are keyset cursors: stable while products are added.",
  request: { query: ProductListQuerySchema },
  responses: { 200: jsonResponse("A page of products", pageOf(ProductSchema, "ProductPage")) },
});

const JSON_TYPE = { "Content-Type": "application/json" };

export const listProductsHandler: RouteHandler<typeof listProductsRoute, AppEnv> = async (c) => {
  const read = await readProductPage(c.env, c.req.valid("query"), new URL(c.req.url).origin);
  // The kept bytes of a page are what c.json would send for it, with the same Content-Type.
  if ("body" in read) return c.body(read.body, 200, JSON_TYPE) as never;
  return c.json(read.page, 200);
};
