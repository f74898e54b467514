import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ConversionSchema, CreateConversionSchema } from "../../schemas/fx";
import type { AppEnv } from "../app-env";
import { quoteOf } from "../fx";
import { currentAuth } from "../middleware/auth";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { sha256Hex } from "../platform/ids";
import { type Currency, money, toMajorString } from "../platform/money";
import { rpcTrace } from "../platform/request-context";
import { walletStub } from "./keys";
import type { ConvertRefusal } from "./object/conversions";
import { presentTransaction } from "./present";

/**
 * The id of the conversion a user's Idempotency-Key asks for: derived, never random, so a retry
 * (even after the key's stored answer expired) reaches the same conversion and moves nothing twice.
 */
export async function conversionIdOf(userId: string, idempotencyKey: string): Promise<string> {
  return `cnv_${(await sha256Hex(`wallet-conversion\n${userId}\n${idempotencyKey}`)).slice(0, 26)}`;
}

/** "1,250.00 THB": an amount as data in a detail (the sentence around it is translated, not this). */
function shown(amount: number, currency: Currency): string {
  return `${toMajorString(money(amount, currency))} ${currency}`;
}

function refusalError(r: ConvertRefusal): ApiError {
  switch (r.reason) {
    case "quote_expired":
      return new ApiError("quote_expired", "This quote has expired. Ask for a new quote and convert with it.");
    case "quote_used":
      return new ApiError("quote_used", "This quote was already used for a conversion. Ask for a new quote.");
    case "key_reused":
      return new ApiError(
        "idempotency_key_reused",
        "This Idempotency-Key already converted another quote. Use a new key for a new conversion.",
      );
    case "restricted":
      return new ApiError(
        "wallet_restricted",
        "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.",
      );
    case "insufficient_funds":
      return new ApiError(
        "insufficient_funds",
        `Your wallet has ${shown(r.available, r.currency)} available, less than this conversion. Top up or ask for a smaller quote.`,
      );
    case "limit_exceeded":
      return new ApiError(
        "limit_exceeded",
        `This wallet may hold at most ${shown(r.limitAmount, r.currency)}; ${shown(r.remaining, r.currency)} of room remains. Ask for a smaller quote.`,
      );
  }
}

/**
 * POST /wallet/conversions: reads the caller's quote (another user's is not found), derives the
 * conversion id from the Idempotency-Key, and has the caller's Wallet object apply both legs at
 * once (docs/fx.md). The object decides expiry and single use, so a retry of a conversion that
 * went through answers the same even after the quote expired.
 */
export async function createConversion(
  c: Context<AppEnv>,
  body: z.infer<typeof CreateConversionSchema>,
): Promise<z.infer<typeof ConversionSchema>> {
  const { userId } = currentAuth(c);
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("createConversion runs behind the idempotent middleware");
  const quote = await quoteOf(c.env, userId, body.quoteId);
  if (!quote) throw new ApiError("not_found", "There is no FX quote with this id. Ask for a quote first.");
  const result = await walletStub(c.env, userId).convert(
    {
      conversionId: await conversionIdOf(userId, claim.key),
      quoteId: quote.id,
      from: { currency: quote.fromCurrency, amount: quote.fromAmount },
      fee: quote.feeAmount,
      to: { currency: quote.toCurrency, amount: quote.toAmount },
      expiresAt: quote.expiresAt,
    },
    rpcTrace(),
  );
  if (!result.ok) throw refusalError(result);
  return { debit: presentTransaction(result.debit, null), credit: presentTransaction(result.credit, null) };
}
