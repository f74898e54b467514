import type { RouteHandler } from "@hono/zod-openapi";
import { FlashSaleSchema } from "../../../schemas/flash-sales";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { nowMs } from "../../platform/clock";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { cancelFlashSale } from "../cancel";
import { presentSale } from "../present";

export const cancelFlashSaleRoute = defineRoute({
  method: "post",
  path: "/api/v1/flash-sales/{id}/cancel",
  tags: ["Flash sales"],
  summary: "Cancel an upcoming flash sale (owner)",
  description: "Only before it starts (409 afterwards: it ends at its endsAt). Cancelling again changes nothing.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The cancelled sale", FlashSaleSchema) },
  errors: [401, 403, 404, 409],
});

export const cancelFlashSaleHandler: RouteHandler<typeof cancelFlashSaleRoute, AppEnv> = async (c) => {
  const sale = await cancelFlashSale(c.env, c.req.valid("param").id, currentAuth(c).userId);
  return c.json(await presentSale(c.env, sale, nowMs()), 200);
};
