import type { z } from "@hono/zod-openapi";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Context } from "hono";
import { payouts, shopBalances } from "../../d1/schema/earnings";
import type { CreatePayoutSchema } from "../../schemas/earnings";
import type { AppEnv } from "../app-env";
import { checkBankAccount, PAYOUT_COUNTRIES, providerNameFor, requestDisbursement } from "../disbursements";
import { currentAuth } from "../middleware/auth";
import { ONE_ROW } from "../platform/batch-guard";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { sha256Hex } from "../platform/ids";
import { logEvent } from "../platform/log";
import { CURRENCIES, type Currency, money, toMajorString } from "../platform/money";
import { encryptPii } from "../platform/pii";
import { rpcTrace } from "../platform/request-context";
import { ownedShop } from "../shops";
import { walletStub } from "../wallet";
import {
  balanceOf,
  balanceRowWrite,
  balanceRunApplied,
  balanceWrite,
  entryWrite,
  payoutRunApplied,
  runToken,
} from "./ledger";

export type PayoutRow = typeof payouts.$inferSelect;
type CreatePayout = z.infer<typeof CreatePayoutSchema>;

/** The payout an owner's Idempotency-Key asks for: derived, so a retry reaches the same payout. */
export async function payoutIdOf(shopId: string, userId: string, key: string): Promise<string> {
  return `pyo_${(await sha256Hex(`shop-payout\n${shopId}\n${userId}\n${key}`)).slice(0, 26)}`;
}

export async function payoutById(db: Database, id: string): Promise<PayoutRow | undefined> {
  return db.select().from(payouts).where(eq(payouts.id, id)).get();
}

interface Destination {
  destination: "wallet" | "bank";
  bankCode: string | null;
  accountNumberEnc: string | null;
  accountNameEnc: string | null;
  accountLast4: string | null;
}

/** The destination checked (a bank account for the shop's currency, a provider that pays it) and encrypted. */
async function destinationOf(env: Env, currency: Currency, body: CreatePayout): Promise<Destination> {
  if (body.destination === "wallet") {
    return { destination: "wallet", bankCode: null, accountNumberEnc: null, accountNameEnc: null, accountLast4: null };
  }
  if (!PAYOUT_COUNTRIES[currency] || !providerNameFor(env, currency)) {
    const supported = Object.keys(PAYOUT_COUNTRIES).join(", ");
    throw new ApiError(
      "validation_failed",
      `Payouts to a bank are available in ${supported}. Pay out to your wallet instead.`,
      {
        errors: [{ path: "destination", message: "No bank payouts in this currency" }],
      },
    );
  }
  const checked = checkBankAccount(currency, body.destination);
  if (!checked.ok) {
    throw new ApiError("validation_failed", checked.detail, {
      errors: [{ path: `destination.${checked.path.replace(/^bankAccount\./, "")}`, message: checked.message }],
    });
  }
  return {
    destination: "bank",
    bankCode: checked.bank.code,
    accountNumberEnc: await encryptPii(env, checked.accountNumber),
    accountNameEnc: await encryptPii(env, checked.accountName),
    accountLast4: checked.accountNumber.slice(-4),
  };
}

/**
 * POST /shops/:id/payouts. The commit point is one D1 batch: the available balance goes down only
 * if it holds the amount (a conditional update, so of concurrent payouts of the whole balance
 * exactly one applies) and the payout with its entry is written only where that update applied.
 * Then the money is sent: credited to the owner's wallet (once by the payout id) or asked of the
 * disbursement provider (its idempotency key is the payout id). A retry resumes a pending payout.
 */
export async function createPayout(c: Context<AppEnv>, shopId: string, body: CreatePayout): Promise<PayoutRow> {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const shop = await ownedShop(db, shopId, userId);
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("createPayout runs behind the idempotent middleware");
  const currency = shop.currency as Currency;
  if (body.amount.currency !== currency) {
    throw new ApiError("validation_failed", `This shop is paid out in ${currency}. Ask for an amount in ${currency}.`, {
      errors: [{ path: "amount.currency", message: "Not the shop's currency" }],
    });
  }
  if (body.amount.amount % CURRENCIES[currency].step !== 0) {
    throw new ApiError(
      "validation_failed",
      "The amount is not a whole number of the currency's smallest unit. Round it.",
      {
        errors: [{ path: "amount.amount", message: "Not on the currency's step" }],
      },
    );
  }
  const id = await payoutIdOf(shopId, userId, claim.key);
  const existing = await payoutById(db, id);
  if (existing) return resumePayout(c.env, existing);
  const destination = await destinationOf(c.env, currency, body);
  const amount = body.amount.amount;
  const token = runToken();
  const now = nowMs();
  const applied = balanceRunApplied(shopId, token);
  const [, debited] = await db.batch([
    balanceRowWrite(db, shopId, currency),
    db
      .update(shopBalances)
      .set({ available: sql`${shopBalances.available} - ${amount}`, lastRun: token, updatedAt: now })
      .where(
        and(
          eq(shopBalances.shopId, shopId),
          gte(shopBalances.available, amount),
          sql`NOT EXISTS (SELECT 1 FROM ${payouts} WHERE ${payouts.id} = ${id})`,
        ),
      )
      .returning({ shopId: shopBalances.shopId }),
    db
      .insert(payouts)
      .select(
        db
          .select({
            id: sql<string>`${id}`.as("id"),
            shopId: sql<string>`${shopId}`.as("shop_id"),
            ownerId: sql<string>`${userId}`.as("owner_id"),
            currency: sql<string>`${currency}`.as("currency"),
            amount: sql<number>`${amount}`.as("amount"),
            destination: sql<"wallet" | "bank">`${destination.destination}`.as("destination"),
            bankCode: sql<string | null>`${destination.bankCode}`.as("bank_code"),
            accountNumberEnc: sql<string | null>`${destination.accountNumberEnc}`.as("account_number_enc"),
            accountNameEnc: sql<string | null>`${destination.accountNameEnc}`.as("account_name_enc"),
            accountLast4: sql<string | null>`${destination.accountLast4}`.as("account_last4"),
            status: sql<"pending">`'pending'`.as("status"),
            failureCode: sql<string | null>`NULL`.as("failure_code"),
            lastRun: sql<string | null>`NULL`.as("last_run"),
            createdAt: sql<number>`${now}`.as("created_at"),
            updatedAt: sql<number>`${now}`.as("updated_at"),
            completedAt: sql<number | null>`NULL`.as("completed_at"),
          })
          .from(ONE_ROW)
          .where(applied),
      )
      .onConflictDoNothing(),
    entryWrite(
      db,
      { id, shopId, type: "payout", payoutId: id, currency, pendingDelta: 0, availableDelta: -amount },
      applied,
    ),
  ]);
  const payout = await payoutById(db, id);
  if (payout) return resumePayout(c.env, payout);
  if (debited.length > 0) throw new Error(`Payout ${id} vanished after its commit`);
  const available = (await balanceOf(db, shopId))?.available ?? 0;
  const shown = `${toMajorString(money(Math.max(0, available), currency))} ${currency}`;
  throw new ApiError("insufficient_funds", `Only ${shown} is available to pay out. Ask for at most that amount.`);
}

/**
 * Sends a pending payout's money (again): idempotent by the payout id at the wallet and at the
 * provider. `fetchFn` reaches the disbursement provider (tests pass a recording one).
 */
export async function resumePayout(env: Env, payout: PayoutRow, fetchFn?: typeof fetch): Promise<PayoutRow> {
  if (payout.status !== "pending") return payout;
  const db = database(env);
  if (payout.destination === "wallet") {
    const credited = await walletStub(env, payout.ownerId).credit(
      {
        movementId: payout.id,
        currency: payout.currency as Currency,
        amount: payout.amount,
        type: "payout",
        reference: payout.shopId,
      },
      rpcTrace(),
    );
    await settlePayout(env, payout.id, credited.ok ? "paid" : "failed", credited.ok ? undefined : "wallet_limit");
  } else {
    try {
      const sent = await requestDisbursement(
        env,
        {
          id: payout.id,
          purpose: "payout",
          ownerId: payout.ownerId,
          amount: money(payout.amount, payout.currency as Currency),
          bankCode: payout.bankCode ?? "",
          accountNumberEnc: payout.accountNumberEnc ?? "",
          accountNameEnc: payout.accountNameEnc ?? "",
          accountLast4: payout.accountLast4 ?? "",
        },
        fetchFn,
      );
      if (sent.status === "succeeded") await settlePayout(env, payout.id, "paid");
      if (sent.status === "failed") await settlePayout(env, payout.id, "failed", sent.failureCode ?? "failed");
    } catch (err) {
      // The provider could not be reached: the payout stays pending; the owner's retry (same key) or the
      // minute cron (resumePendingPayouts) sends it again.
      logEvent("warn", "payout_request_failed", {
        payoutId: payout.id,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return (await payoutById(db, payout.id)) ?? payout;
}

/**
 * A payout's final status, once: paid adds to paidOut; failed gives the amount back to available
 * (an entry of its own). A repeated or late outcome finds it final and changes nothing.
 */
export async function settlePayout(
  env: Env,
  payoutId: string,
  outcome: "paid" | "failed",
  failureCode?: string,
): Promise<boolean> {
  const db = database(env);
  const payout = await payoutById(db, payoutId);
  if (!payout || payout.status !== "pending") return false;
  const token = runToken();
  const now = nowMs();
  const applied = payoutRunApplied(payoutId, token);
  const [moved] = await db.batch([
    db
      .update(payouts)
      .set({
        status: outcome,
        failureCode: outcome === "failed" ? (failureCode ?? "failed").slice(0, 100) : null,
        lastRun: token,
        updatedAt: now,
        completedAt: now,
      })
      .where(and(eq(payouts.id, payoutId), eq(payouts.status, "pending")))
      .returning({ id: payouts.id }),
    outcome === "paid"
      ? balanceWrite(db, payout.shopId, { paidOut: payout.amount }, applied)
      : balanceWrite(db, payout.shopId, { available: payout.amount }, applied),
    ...(outcome === "failed"
      ? [
          entryWrite(
            db,
            {
              id: `${payoutId}:returned`,
              shopId: payout.shopId,
              type: "payout_returned",
              payoutId,
              currency: payout.currency,
              pendingDelta: 0,
              availableDelta: payout.amount,
            },
            applied,
          ),
        ]
      : []),
  ]);
  return moved.length > 0;
}
