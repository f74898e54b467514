import type { RouteHandler } from "@hono/zod-openapi";
import { CreateFlashSaleSchema, FlashSaleSchema } from "../../../schemas/flash-sales";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { nowMs } from "../../platform/clock";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createFlashSale } from "../create";
import type { FlashSalesDeps } from "../facts";
import { presentSale } from "../present";

export const createFlashSaleRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/flash-sales",
  tags: ["Flash sales"],
  summary: "Schedule a flash sale of the shop's products (owner)",
  description:
    "Each item sells up to `quota` units at `salePrice` while the sale is live, at most `perUserLimit` per buyer; units beyond either are charged the normal price. The sale price must be below the product's price and in its currency; the window must be in the future; no two sales of one product (or variant) may overlap.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateFlashSaleSchema) },
  responses: { 201: jsonResponse("The scheduled sale", FlashSaleSchema) },
  errors: [401, 403, 404, 422],
});

export const createFlashSaleHandler =
  (deps: FlashSalesDeps): RouteHandler<typeof createFlashSaleRoute, AppEnv> =>
  async (c) => {
    const sale = await createFlashSale(
      c.env,
      deps,
      c.req.valid("param").id,
      currentAuth(c).userId,
      c.req.valid("json"),
    );
    return c.json(await presentSale(c.env, sale, nowMs()), 201);
  };
