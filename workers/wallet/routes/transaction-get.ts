import type { RouteHandler } from "@hono/zod-openapi";
import { TransactionParamSchema, TransactionSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { displayNameQuery } from "../../identity";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { walletStub } from "../keys";
import { presentTransaction } from "../present";

export const getTransactionRoute = defineRoute({
  method: "get",
  path: "/api/v1/wallet/transactions/{id}",
  tags: ["Wallet"],
  summary: "One of the caller's transactions",
  description: "Read from the caller's wallet itself (the truth), so a transaction just made is there at once.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: TransactionParamSchema },
  responses: { 200: jsonResponse("The transaction", TransactionSchema) },
  errors: [401, 404],
});

export const getTransactionHandler: RouteHandler<typeof getTransactionRoute, AppEnv> = async (c) => {
  // Only the caller's own wallet is asked: another user's transaction id is simply not found there.
  const stub = walletStub(c.env, currentAuth(c).userId);
  const { id } = c.req.valid("param");
  const [found, history] = await Promise.all([stub.transaction(id), stub.statusHistory(id)]);
  if (!found) throw new ApiError("not_found", "There is no wallet transaction with this id in your wallet.");
  const name = found.counterpartyUserId
    ? ((await displayNameQuery(database(c.env), found.counterpartyUserId).get())?.displayName ?? null)
    : null;
  const statusHistory = history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString() }));
  return c.json({ ...presentTransaction(found, name), statusHistory }, 200);
};
