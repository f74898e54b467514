import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { openPayments, payments } from "../../d1/schema/payments";
import type { PaymentBody } from "../../schemas/payments";
import type { AppEnv } from "../app-env";
import { codAllowed } from "../logistics";
import {
  buyerOf,
  commitOrderStock,
  moveOrder,
  type OrderRow,
  orderById,
  paymentStatusWrite,
  shippingOptionOf,
  timelineWrite,
} from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import { money, sum } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { claimPayment } from "./open-payments";
import { type Payment, presentPayment } from "./present";
import { payableOrders } from "./service";

type CreatePayment = PaymentBody;

const COD_NEXT_ACTION = { type: "none" as const, instructions: "Pay the courier in cash when the parcel arrives." };

/**
 * POST /payments with gateway "cod" (docs/logistics.md "Cash on delivery"): allowed where the
 * destination country, a courier's service and COD_MAX_AMOUNT allow it (422 cod_not_allowed
 * otherwise). The payment stays pending; the orders' stock is committed and they move to
 * processing, to ship unpaid. The courier's delivery marks the payment succeeded (codCollected).
 *
 * Crash safety: the commit point is the pending payment (claimPayment, with its nextAction, so the
 * same request finds it open again); a retry with the same key, or the same request again, resumes
 * the stock commit and the moves, each done once (committing is idempotent by reservation).
 */
export async function payWithCod(c: Context<AppEnv>, input: CreatePayment): Promise<Payment> {
  const buyer = await buyerOf(c);
  if (!buyer.userId && !buyer.guestTokenHash) {
    throw new ApiError("unauthorized", "Sign in, or send the X-Cart-Token you checked out with.");
  }
  if (input.method !== "cod") {
    throw new ApiError("validation_failed", "Cash on delivery takes the method cod.", {
      errors: [{ path: "method", message: "Use cod" }],
    });
  }
  const db = database(c.env);
  const orderIds = [...new Set(input.orderIds)];
  const { rows, currency, open } = await payableOrders(db, buyer, orderIds);
  const amount = sum(
    rows.map((r) => money(r.total, currency)),
    currency,
  );
  for (const row of rows)
    codAllowed(c.get("config"), { country: row.shippingCountry, total: amount, optionId: shippingOptionOf(row) });
  if (Math.min(...rows.map((r) => r.reservationExpiresAt)) <= nowMs()) {
    throw new ApiError("conflict", "The stock hold of these orders has run out; they are expiring. Check out again.");
  }
  const claim = await claimPayment(db, { buyer, input, orderIds, amount, nextAction: COD_NEXT_ACTION, open });
  const paymentId = claim.kind === "open" ? claim.payment.id : claim.paymentId;
  if (claim.kind === "claimed" && claim.superseded.length > 0) {
    // A gateway payment started before is replaced; it was never paid (the orders are still unpaid).
    logEvent("info", "cod_superseded_payment", { paymentId, superseded: claim.superseded.map((p) => p.id) });
  }
  for (const row of rows) await acceptCod(c.env, row, paymentId);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  const payment = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!payment) throw new ApiError("conflict", "This payment changed while it was being started. Read it again.");
  return presentPayment(payment);
}

/** One order accepted for cash on delivery: its held stock sold, then pending_payment → processing. */
async function acceptCod(env: Env, order: OrderRow, paymentId: string): Promise<void> {
  const db = database(env);
  const committed = await commitOrderStock(env, db, order);
  if (!committed.ok) {
    logEvent("error", "cod_stock_commit_failed", { orderId: order.id, result: committed });
    throw new ApiError("conflict", "The stock hold of this order has run out. Check out again.");
  }
  const fresh = (await orderById(db, order.id)) ?? order;
  if (fresh.status !== "pending_payment") return;
  await moveOrder(db, fresh, {
    to: "processing",
    actor: "gateway",
    actorId: null,
    data: { paymentId, reason: "cash on delivery" },
  });
}

/** The order's open cash-on-delivery payment, if it has one. */
async function openCodPayment(env: Env, orderId: string) {
  const row = await database(env)
    .select({ payment: payments })
    .from(openPayments)
    .innerJoin(payments, eq(payments.id, openPayments.paymentId))
    .where(and(eq(openPayments.orderId, orderId), eq(payments.gateway, "cod"), eq(payments.status, "pending")))
    .get();
  return row?.payment;
}

/**
 * The courier delivered and collected the cash (logistics calls this, handed in by the composition
 * root): the payment succeeds and the order is paid, recorded on its timeline. Once: the payment's
 * conditional update decides, and a repeat finds no pending COD payment.
 */
export async function codCollected(env: Env, order: OrderRow): Promise<void> {
  const payment = await openCodPayment(env, order.id);
  if (!payment) return;
  const db = database(env);
  const now = nowMs();
  const [settled] = await db.batch([
    db
      .update(payments)
      .set({ status: "succeeded", updatedAt: now })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning({ id: payments.id }),
    db.delete(openPayments).where(eq(openPayments.paymentId, payment.id)),
  ]);
  if (settled.length === 0) return;
  await db.batch([
    paymentStatusWrite(db, payment.orderIds, "paid"),
    ...payment.orderIds.map((orderId) =>
      timelineWrite(db, orderId, "payment.collected", "gateway", "cod", {
        paymentId: payment.id,
        amount: { amount: payment.amount, currency: payment.currency },
      }),
    ),
  ]);
}

/** The parcel could not be delivered: the COD payment fails (no money moved), the order shows it. */
export async function codFailed(env: Env, order: OrderRow): Promise<void> {
  const payment = await openCodPayment(env, order.id);
  if (!payment) return;
  const db = database(env);
  const [failed] = await db.batch([
    db
      .update(payments)
      .set({ status: "failed", failureReason: "the parcel could not be delivered", updatedAt: nowMs() })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning({ id: payments.id }),
    db.delete(openPayments).where(eq(openPayments.paymentId, payment.id)),
  ]);
  if (failed.length > 0) await paymentStatusWrite(db, payment.orderIds, "failed");
}
