import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { payments } from "../../d1/schema/payments";
import type { PaymentBody } from "../../schemas/payments";
import type { AppEnv } from "../app-env";
import { buyerOf } from "../orders";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { type Currency, money, sum } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { rpcTrace } from "../platform/request-context";
import { walletStub } from "../wallet";
import { cancelAtGateway } from "./gateway-calls";
import { claimPayment } from "./open-payments";
import { type Payment, type PaymentRow, presentPayment } from "./present";
import { payableOrders, recordStartFailure } from "./service";
import { walletPaymentIdOf } from "./wallet-ids";
import {
  walletMethodError,
  walletPaymentVoidError,
  walletRestrictedError,
  walletShortError,
  walletSignInError,
} from "./wallet-problems";
import { applyWalletDebit, walletPaymentInput } from "./wallet-status";

type CreatePayment = PaymentBody;

/**
 * POST /payments with gateway "wallet": the signed-in buyer's orders paid at once from their
 * wallet in the orders' currency (docs/wallet.md "Paying orders from the wallet").
 *
 * 1. The payment id is derived from the caller and their Idempotency-Key, so a retry finds the
 *    payment an earlier attempt recorded and resumes it.
 * 2. Short funds are refused before anything is written (409 insufficient_funds).
 * 3. The pending payment is recorded and takes the orders (claimPayment, as every gateway's).
 * 4. The wallet debits it once by its id: the commit point. A refusal here (another payment spent
 *    the money between 2 and 4) fails this payment: nothing was taken, the orders stay unpaid.
 * 5. The debit is applied as the wallet's event: the payment succeeds and the orders become paid.
 *    Killed between 4 and 5, the retry (same key) or the reconcile (settleWalletPayment, asked for
 *    pending payments) finishes it; the debit is never made twice.
 */
export async function payWithWallet(c: Context<AppEnv>, input: CreatePayment): Promise<Payment> {
  const buyer = await buyerOf(c);
  if (!buyer.userId) throw walletSignInError();
  if (input.method !== "wallet") throw walletMethodError();
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("payWithWallet runs behind the idempotent middleware");
  const db = database(c.env);
  const paymentId = await walletPaymentIdOf(buyer.userId, claim.key);
  const earlier = await paymentById(db, paymentId);
  const payment = earlier ?? (await recordWalletPayment(c, input, buyer.userId, paymentId));
  const done = await completeWalletPayment(c.env, payment);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentPayment(done);
}

async function paymentById(db: Database, id: string): Promise<PaymentRow | undefined> {
  return db.select().from(payments).where(eq(payments.id, id)).get();
}

/** Steps 2 and 3: the orders checked as every payment checks them, the funds checked, the payment recorded. */
async function recordWalletPayment(
  c: Context<AppEnv>,
  input: CreatePayment,
  userId: string,
  paymentId: string,
): Promise<PaymentRow> {
  const db = database(c.env);
  const orderIds = [...new Set(input.orderIds)];
  const { rows, currency } = await payableOrders(db, { userId }, orderIds);
  const amount = sum(
    rows.map((r) => money(r.total, currency)),
    currency,
  );
  if (Math.min(...rows.map((r) => r.reservationExpiresAt)) <= nowMs())
    throw new ApiError("conflict", "The stock hold of these orders has run out; they are expiring. Check out again.");
  const available = await availableIn(c.env, userId, currency);
  if (available < amount.amount) throw walletShortError(available, amount.amount, currency);
  const claimed = await claimPayment(db, {
    buyer: { userId },
    input,
    orderIds,
    amount,
    paymentId,
    nextAction: { type: "none" },
  });
  if (claimed.kind === "open") return claimed.payment;
  // The open payments of other gateways it replaced are stopped there (a wallet one is decided by its wallet).
  for (const replaced of claimed.superseded) await cancelAtGateway(c.env, replaced);
  const row = await paymentById(db, claimed.paymentId);
  if (!row) throw new Error(`payment ${claimed.paymentId} vanished after its claim`);
  return row;
}

async function availableIn(env: Env, userId: string, currency: Currency): Promise<number> {
  const balances = await walletStub(env, userId).balances();
  return balances.find((b) => b.currency === currency)?.available ?? 0;
}

/** Steps 4 and 5 (a retry starts here): the payment as it ends, or the problem that ended it. */
async function completeWalletPayment(env: Env, payment: PaymentRow): Promise<PaymentRow> {
  const db = database(env);
  if (payment.status === "pending") {
    const debit = await walletStub(env, payment.customerId ?? "").payFromWallet(
      walletPaymentInput(payment),
      rpcTrace(),
    );
    if (!debit.ok) {
      await recordStartFailure(db, payment.id, payment.orderIds, new Error(debit.reason));
      if (debit.reason === "insufficient_funds")
        throw walletShortError(debit.available, payment.amount, payment.currency as Currency);
      if (debit.reason === "restricted") throw walletRestrictedError();
      throw walletPaymentVoidError();
    }
  }
  if (payment.status === "pending" || payment.status === "succeeded") await applyWalletDebit(env, payment);
  const current = (await paymentById(db, payment.id)) ?? payment;
  if (current.status === "failed" || current.status === "expired" || current.status === "superseded") {
    if (current.failureReason === "insufficient_funds") {
      const currency = payment.currency as Currency;
      throw walletShortError(await availableIn(env, payment.customerId ?? "", currency), payment.amount, currency);
    }
    throw walletPaymentVoidError();
  }
  return current;
}
