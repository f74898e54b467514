import type { RouteHandler } from "@hono/zod-openapi";
import { CreateTransferSchema, TransferSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createTransfer } from "../transfers";

export const createTransferRoute = defineRoute({
  method: "post",
  path: "/api/v1/wallet/transfers",
  tags: ["Wallet"],
  summary: "Send money to another user, by phone number or user id",
  description:
    "Needs an Idempotency-Key: one key moves money once, however often it is sent. Short funds → 409 insufficient_funds; over a limit (per transfer, per 24 hours, or the recipient's balance limit) → 422 limit_exceeded; to oneself → 422 validation_failed; unknown recipient → 404 recipient_not_found; a restricted wallet → 403 wallet_restricted. Nothing moves on any error. status is pending when the recipient's wallet did not answer in time; the sender's wallet completes it by itself.",
  security: bearerAuth,
  middleware: [requireAuth, idempotent, limitWrites("transfer")] as const,
  request: jsonBody(CreateTransferSchema),
  responses: { 201: jsonResponse("The transfer", TransferSchema) },
  errors: [401, 403, 404, 409],
});

export const createTransferHandler: RouteHandler<typeof createTransferRoute, AppEnv> = async (c) =>
  c.json(await createTransfer(c, c.req.valid("json")), 201);
