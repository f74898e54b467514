import type { RouteHandler } from "@hono/zod-openapi";
import { CreateWithdrawalSchema, TransactionSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createWithdrawal } from "../withdrawals";

export const createWithdrawalRoute = defineRoute({
  method: "post",
  path: "/api/v1/wallet/withdrawals",
  tags: ["Wallet"],
  summary: "Withdraw money to a bank account",
  description:
    "Needs an Idempotency-Key: one key withdraws once. The amount is held in the wallet until the disbursement provider confirms (the transaction becomes completed) or fails (the money returns, the transaction becomes failed). Withdrawals count toward the per-transfer and 24-hour limits. Banks per country: THB (Thailand), IDR (Indonesia), PHP (Philippines); see docs/disbursements.md. A bad bank code, account number or name → 422 validation_failed; short funds → 409 insufficient_funds; over a limit → 422 limit_exceeded; a restricted wallet → 403 wallet_restricted. The account number is stored encrypted and shown masked.",
  security: bearerAuth,
  middleware: [requireAuth, idempotent, limitWrites("transfer")] as const,
  request: jsonBody(CreateWithdrawalSchema),
  responses: { 201: jsonResponse("The withdrawal's transaction (pending)", TransactionSchema) },
  errors: [401, 403, 409],
});

export const createWithdrawalHandler: RouteHandler<typeof createWithdrawalRoute, AppEnv> = async (c) =>
  c.json(await createWithdrawal(c, c.req.valid("json")), 201);
