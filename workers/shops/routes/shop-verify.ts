import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopSchema, ShopVerificationInputSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentShop } from "../present";
import { decideVerification } from "../shop-changes";

export const verifyShopRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/shops/{id}/verification",
  tags: ["Admin"],
  summary: "Verify or reject a shop (admins)",
  description:
    "Sets the shop's verificationStatus to verified or rejected, with an optional note the owner can read. An admin may revise an earlier decision. A rejected shop cannot list new products.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema, ...jsonBody(ShopVerificationInputSchema) },
  responses: { 200: jsonResponse("The shop with its new status", ShopSchema) },
  errors: [401, 403, 404],
});

export const verifyShopHandler: RouteHandler<typeof verifyShopRoute, AppEnv> = async (c) => {
  const shop = await decideVerification(c.env, c.req.valid("param").id, c.req.valid("json"));
  return c.json(await presentShop(c.env, shop, true), 200);
};
