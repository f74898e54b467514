import type { RouteHandler } from "@hono/zod-openapi";
import { CreateTopupSchema, TopupSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { idempotentLimited } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { startTopup } from "../topups";

// Mounted by payments, not wallet: a top-up is a payment, and the wallet domain may not import payments.
export const createTopupRoute = defineRoute({
  method: "post",
  path: "/api/v1/wallet/topups",
  tags: ["Wallet"],
  summary: "Top up the wallet through a payment gateway",
  description:
    "Needs an Idempotency-Key: one key makes one top-up. Answers the wallet's topup transaction (pending) and the payment to make (its nextAction, as POST /payments). The wallet is credited exactly once when that payment succeeds (its webhook, a status check, or the sandbox's simulate); the transaction fails if the payment fails or expires. An amount that would pass the wallet's balance limit → 422 limit_exceeded; should the limit be passed by other money before the payment succeeds, the payment is refunded in full.",
  security: bearerAuth,
  middleware: [requireAuth, idempotentLimited("payment")] as const,
  request: jsonBody(CreateTopupSchema),
  responses: { 201: jsonResponse("The top-up started", TopupSchema) },
  errors: [401, 409, 503],
});

export const createTopupHandler: RouteHandler<typeof createTopupRoute, AppEnv> = async (c) =>
  c.json(await startTopup(c, c.req.valid("json")), 201);
