import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Locale } from "../../../schemas/platform";
import { TransactionParamSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { displayNameQuery, readingPreferences } from "../../identity";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { requestLocale } from "../../platform/locale";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { walletStub } from "../keys";
import { presentTransaction } from "../present";
import { receiptHtml } from "../receipt";

export const transactionReceiptRoute = defineRoute({
  method: "get",
  path: "/api/v1/wallet/transactions/{id}/receipt",
  tags: ["Wallet"],
  summary: "One of the caller's transactions as a printable HTML receipt, in the caller's language",
  description:
    "Read from the caller's wallet (the truth), with every status the transaction took and when. Another user's transaction → 404.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: TransactionParamSchema },
  responses: { 200: { description: "HTML receipt", content: { "text/html": { schema: z.string() } } } },
  errors: [401, 404],
});

export const transactionReceiptHandler: RouteHandler<typeof transactionReceiptRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const stub = walletStub(c.env, userId);
  const [found, history] = await Promise.all([stub.transaction(id), stub.statusHistory(id)]);
  if (!found) throw new ApiError("not_found", "There is no wallet transaction with this id in your wallet.");
  const db = database(c.env);
  const [reader, counterparty] = await Promise.all([
    readingPreferences(db, userId),
    found.counterpartyUserId ? displayNameQuery(db, found.counterpartyUserId).get() : undefined,
  ]);
  const locale: Locale = reader?.locale ?? requestLocale(c);
  const transaction = {
    ...presentTransaction(found, counterparty?.displayName ?? null),
    statusHistory: history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString() })),
  };
  c.header("Cache-Control", "private, no-store");
  return c.html(receiptHtml(transaction, locale, reader?.timezone ?? "UTC"), 200);
};
