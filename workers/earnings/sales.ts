import { earningLineRefunds, earningOrderLines, earningOrders } from "../../d1/schema/earnings";
import { orderById, orderLines } from "../orders";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { type Currency, roundToStep } from "../platform/money";
import { commissionInputs, commissionOf } from "./commission";
import {
  balanceOf,
  balanceRowWrite,
  balanceWrite,
  changeOrderEarnings,
  type EarningOrderRow,
  earningOrderOf,
  entryWrite,
  orderRunApplied,
  runToken,
} from "./ledger";

/** The statuses of an order whose money was taken (a cancellation from these gives it back). */
const PAID_STATUSES = new Set(["paid", "processing", "shipped", "delivered", "completed", "returned"]);

export const wasPaid = (status: string) => PAID_STATUSES.has(status);

/**
 * A paid order's earnings, recorded once: its total less the commission, pending. Called for
 * order.paid, and first by every later event of the order (so one arriving before order.paid
 * still finds its sale). An order never paid has none (undefined).
 */
export async function recordSale(env: Env, orderId: string): Promise<EarningOrderRow | undefined> {
  const db = database(env);
  const existing = await earningOrderOf(db, orderId);
  if (existing) return existing;
  const order = await orderById(db, orderId);
  if (!order || order.paidAt === null) return undefined;
  const balance = await balanceOf(db, order.shopId);
  if (balance && balance.currency !== order.currency) {
    // A shop sells in its country's currency; an order in another one is not mixed into its balance.
    logEvent("error", "earnings_currency_mismatch", { orderId, shopId: order.shopId, currency: order.currency });
    return undefined;
  }
  const lines = await orderLines(db, orderId);
  const inputs = await commissionInputs(
    db,
    lines.map((l) => l.productId),
  );
  const currency = order.currency as Currency;
  const commission = commissionOf(
    lines,
    inputs.categoryOfProduct,
    inputs.tree,
    readConfig(env).earnings,
    order.total,
    currency,
  );
  const net = order.total - commission;
  const token = runToken();
  const applied = orderRunApplied(orderId, token);
  await db.batch([
    balanceRowWrite(db, order.shopId, order.currency),
    db
      .insert(earningOrders)
      .values({
        orderId,
        shopId: order.shopId,
        currency: order.currency,
        gross: order.total,
        commission,
        net,
        state: "pending",
        paidAt: order.paidAt,
        lastRun: token,
      })
      .onConflictDoNothing(),
    ...lines.map((line, i) =>
      db
        .insert(earningOrderLines)
        .values({
          id: `${orderId}:${i}`,
          orderId,
          shopId: order.shopId,
          productId: line.productId,
          name: line.name,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
          paidAt: order.paidAt ?? 0,
        })
        .onConflictDoNothing(),
    ),
    balanceWrite(db, order.shopId, { pending: net }, applied),
    entryWrite(
      db,
      {
        id: `sale:${orderId}`,
        shopId: order.shopId,
        type: "sale",
        orderId,
        currency: order.currency,
        pendingDelta: net,
        availableDelta: 0,
      },
      applied,
    ),
  ]);
  return earningOrderOf(db, orderId);
}

/** The order completed: what is left of its earnings becomes available, once. */
export async function releaseOrder(env: Env, orderId: string, entryId: string): Promise<void> {
  const db = database(env);
  if (!(await recordSale(env, orderId))) return;
  await changeOrderEarnings(db, orderId, (row) => {
    if (row.state !== "pending") return undefined;
    const amount = row.net - row.refundedNet;
    return {
      set: { state: "available", completedAt: nowMs() },
      entry: {
        id: entryId,
        shopId: row.shopId,
        type: "release",
        orderId,
        currency: row.currency,
        pendingDelta: -amount,
        availableDelta: amount,
      },
    };
  });
}

/**
 * Money given back to the buyer comes off the order's earnings, from pending or available where
 * they are: `gross` of the order's money ("rest": all that was not refunded yet), the shop's part
 * of it in proportion (the commission on it is given back too). Never more than the order paid,
 * and once per entry id (the event that told it).
 */
export async function refundOrder(env: Env, orderId: string, entryId: string, gross: number | "rest"): Promise<void> {
  const db = database(env);
  if (!(await recordSale(env, orderId))) return;
  await changeOrderEarnings(db, orderId, (row) => refundChange(row, entryId, gross));
}

function refundChange(row: EarningOrderRow, entryId: string, gross: number | "rest") {
  const left = row.gross - row.refundedGross;
  const refunded = gross === "rest" ? left : Math.min(gross, left);
  if (refunded <= 0) return undefined;
  const netLeft = row.net - row.refundedNet;
  const share =
    refunded === left
      ? netLeft
      : Math.min(netLeft, roundToStep(Math.round((row.net * refunded) / row.gross), row.currency as Currency));
  const fromPending = row.state === "pending";
  return {
    set: { refundedGross: row.refundedGross + refunded, refundedNet: row.refundedNet + share },
    entry: {
      id: entryId,
      shopId: row.shopId,
      type: "refund" as const,
      orderId: row.orderId,
      currency: row.currency,
      pendingDelta: fromPending ? -share : 0,
      availableDelta: fromPending ? 0 : -share,
      gross: refunded,
    },
  };
}

/**
 * A refunded return's lines, per product, for the sales report's top products (net of returns).
 * Idempotent by `return:<returnId>:<line>`; dated by the order's payment, like the lines it nets.
 */
export async function recordLineRefunds(
  env: Env,
  orderId: string,
  returnId: string,
  items: readonly { productId: string; refund: number }[],
): Promise<void> {
  const db = database(env);
  const sale = await earningOrderOf(db, orderId);
  if (!sale || items.length === 0) return;
  const [first, ...rest] = items.map((item, i) =>
    db
      .insert(earningLineRefunds)
      .values({
        id: `return:${returnId}:${i}`,
        orderId,
        shopId: sale.shopId,
        productId: item.productId,
        amount: item.refund,
        paidAt: sale.paidAt,
      })
      .onConflictDoNothing(),
  );
  await db.batch([first, ...rest]);
}
