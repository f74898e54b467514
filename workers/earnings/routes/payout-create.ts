import type { RouteHandler } from "@hono/zod-openapi";
import { CreatePayoutSchema, PayoutSchema } from "../../../schemas/earnings";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { shopOwnerOnly } from "../owner";
import { createPayout } from "../payouts";
import { presentPayout } from "../present";

export const createPayoutRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/payouts",
  tags: ["Earnings"],
  summary: "Pay out the shop's available earnings (its owner)",
  description:
    'Needs an Idempotency-Key: one key pays out once. destination "wallet" credits the owner\'s wallet at once (status paid); a bank account (THB, IDR, PHP; see docs/disbursements.md) is paid through the disbursement provider (status pending until it confirms: paid, or failed and the amount is available again). More than available → 409 insufficient_funds; concurrent payouts never take more than available. The account number is stored encrypted and shown masked.',
  security: bearerAuth,
  middleware: [requireAuth, shopOwnerOnly, idempotent, limitWrites("transfer")] as const,
  request: { params: IdParamSchema, ...jsonBody(CreatePayoutSchema) },
  responses: { 201: jsonResponse("The payout", PayoutSchema) },
  errors: [401, 403, 404, 409],
});

export const createPayoutHandler: RouteHandler<typeof createPayoutRoute, AppEnv> = async (c) => {
  const payout = await createPayout(c, c.req.valid("param").id, c.req.valid("json"));
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(await presentPayout(c.env, payout), 201);
};
