import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { CreateWithdrawalSchema } from "../../schemas/wallet";
import type { AppEnv } from "../app-env";
import { checkBankAccount, PAYOUT_COUNTRIES, providerNameFor } from "../disbursements";
import { currentAuth } from "../middleware/auth";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { encryptPii } from "../platform/pii";
import { rpcTrace } from "../platform/request-context";
import { walletStub, withdrawalIdOf } from "./keys";
import type { WithdrawRefusal } from "./object/types";
import { presentTransaction, sendRefusalError } from "./present";

/**
 * POST /wallet/withdrawals: checks the bank account for the currency's country, encrypts it, and
 * hands the withdrawal to the caller's Wallet object, which holds the amount and asks the
 * disbursement provider, with the withdrawal id (derived from the caller's key) as the provider's
 * idempotency key. The amount stays held until the provider answers (docs/wallet.md).
 */
export async function createWithdrawal(c: Context<AppEnv>, body: z.infer<typeof CreateWithdrawalSchema>) {
  const { userId } = currentAuth(c);
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("createWithdrawal runs behind the idempotent middleware");
  const { currency } = body.amount;
  const checked = checkBankAccount(currency, body.bankAccount);
  if (!checked.ok) {
    throw new ApiError("validation_failed", checked.detail, {
      errors: [{ path: checked.path, message: checked.message }],
    });
  }
  if (!providerNameFor(c.env, currency)) {
    const supported = Object.keys(PAYOUT_COUNTRIES).join(", ");
    throw new ApiError("validation_failed", `Withdrawals in ${currency} are not available here. Use ${supported}.`, {
      errors: [{ path: "amount.currency", message: "No payout provider for this currency" }],
    });
  }
  const result = await walletStub(c.env, userId).withdraw(
    {
      withdrawalId: await withdrawalIdOf(userId, claim.key),
      currency,
      amount: body.amount.amount,
      bankCode: checked.bank.code,
      accountNumberEnc: await encryptPii(c.env, checked.accountNumber),
      accountNameEnc: await encryptPii(c.env, checked.accountName),
      accountLast4: checked.accountNumber.slice(-4),
    },
    rpcTrace(),
  );
  if (!result.ok) throw withdrawRefusalError(result);
  return presentTransaction(result.transaction, null);
}

function withdrawRefusalError(r: WithdrawRefusal): ApiError {
  if (r.reason === "restricted") {
    return new ApiError(
      "wallet_restricted",
      "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.",
    );
  }
  if (r.reason === "key_reused") {
    return new ApiError(
      "idempotency_key_reused",
      "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.",
    );
  }
  // Short funds and the per-transfer and 24-hour limits read the same as for a transfer.
  return sendRefusalError(r);
}
