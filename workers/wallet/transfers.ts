import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { CreateTransferSchema } from "../../schemas/wallet";
import type { AppEnv } from "../app-env";
import { currentAuth } from "../middleware/auth";
import { database } from "../platform/db";
import { keyClaimOf } from "../platform/idempotency";
import { rpcTrace } from "../platform/request-context";
import { transferIdOf, walletStub } from "./keys";
import { presentTransfer, selfTransferError, sendRefusalError } from "./present";
import { recipientOf } from "./recipients";

/**
 * POST /wallet/transfers: finds the recipient, derives the transfer id from the caller's
 * Idempotency-Key, and hands the transfer to the sender's Wallet object, which holds, credits the
 * recipient and settles (docs/wallet.md). Every refusal comes back before anything moved, or after
 * the hold was given back.
 */
export async function createTransfer(c: Context<AppEnv>, body: z.infer<typeof CreateTransferSchema>) {
  const { userId } = currentAuth(c);
  // The route's `idempotent` middleware took the key (and refused a request without one).
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("createTransfer runs behind the idempotent middleware");
  const toUserId = await recipientOf(c.env, database(c.env), body.to);
  if (toUserId === userId) throw selfTransferError();
  const result = await walletStub(c.env, userId).send(
    {
      transferId: await transferIdOf(userId, claim.key),
      toUserId,
      currency: body.amount.currency,
      amount: body.amount.amount,
      ...(body.note ? { note: body.note } : {}),
    },
    rpcTrace(),
  );
  if (!result.ok) throw sendRefusalError(result);
  return presentTransfer(result.transfer);
}
