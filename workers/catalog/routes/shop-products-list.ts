import type { RouteHandler } from "@hono/zod-openapi";
import { ProductSchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import { pageOf } from "../../../schemas/platform";
import { ShopProductsQuerySchema } from "../../../schemas/seller-products";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { withListFlashSales } from "../product-read";
import { presentProduct } from "../products";
import { shopProducts } from "../shop-products";

export const listShopProductsRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/products",
  tags: ["Catalog"],
  summary: "A shop's products, newest first",
  description:
    "The shop's owner (with their bearer token) sees every status: drafts, active and archived, narrowed by `status`. Anyone else sees active products only (asking for another status gives an empty page). Deleted products are not listed.",
  request: { params: IdParamSchema, query: ShopProductsQuerySchema },
  responses: { 200: jsonResponse("A page of products", pageOf(ProductSchema, "ShopProductPage")) },
  errors: [404],
});

export const listShopProductsHandler: RouteHandler<typeof listShopProductsRoute, AppEnv> = async (c) => {
  const page = await shopProducts(c.env, c.req.valid("param").id, c.get("auth")?.userId, c.req.valid("query"));
  const origin = new URL(c.req.url).origin;
  const items = await withListFlashSales(
    c.env,
    page.items.map((p) => presentProduct(p.row, p.variants, p.images, origin)),
  );
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
