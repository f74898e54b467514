import { and, eq, isNull, lt } from "drizzle-orm";
import { returns } from "../../d1/schema/returns";
import { inventoryKey, restockItems } from "../inventory";
import { type OrderRow, orderById, returnRefundWrites } from "../orders";
import { refundReturnPayment } from "../payments";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import type { ReturnStanding } from "./access";
import { moveReturn, returnMoveWrites } from "./moves";
import { type ReturnRow, returnById } from "./rows";

/** A received return whose refund has not landed this long after is taken up again by the cron. */
const RESUME_AFTER_MS = 60_000;

/**
 * The shop got the items back. The commit point is the move approved → received (one
 * conditional D1 write: of ten racing requests one moves it, the others get 409). Then two
 * effects, each once however often they run: the units go back to stock (the Inventory objects
 * keep the restock id `return:<id>`, so a replay adds nothing), and exactly refundAmount goes back
 * to the buyer (refundReturnPayment: one refund row per return, one worker at a time, the same
 * refund id at the gateway). Killed after the commit point, a retry of this request (the return
 * is then `received`) or the minute cron (resumeReceivedReturns) runs the effects again.
 */
export async function receiveReturn(env: Env, standing: ReturnStanding): Promise<ReturnRow> {
  const db = database(env);
  const { ret, order, actor } = standing;
  const received =
    ret.status === "received"
      ? ret
      : await moveReturn(db, ret, order, { to: "received", actor, set: { receivedAt: nowMs() } });
  return settleReceivedReturn(env, db, received, order, actor.id);
}

/** Restock then refund a received return (each idempotent); the return as it then is. */
export async function settleReceivedReturn(
  env: Env,
  db: Database,
  ret: ReturnRow,
  order: OrderRow,
  actorId: string | null,
): Promise<ReturnRow> {
  if (ret.restockedAt === null) {
    const result = await restockItems(
      env,
      `return:${ret.id}`,
      ret.items.map((line) => ({ key: inventoryKey(line.productId, line.variantId ?? null), quantity: line.quantity })),
    );
    if (result.ok) {
      await db
        .update(returns)
        .set({ restockedAt: nowMs() })
        .where(and(eq(returns.id, ret.id), isNull(returns.restockedAt)));
    } else logEvent("error", "return_restock_failed", { returnId: ret.id, result });
  }
  if (ret.status === "received") await refundReceived(env, db, ret, actorId);
  return (await returnById(db, ret.id)) ?? ret;
}

async function refundReceived(env: Env, db: Database, ret: ReturnRow, actorId: string | null): Promise<void> {
  const order = await orderById(db, ret.orderId);
  if (!order) return;
  if (ret.refundAmount === 0) {
    // Nothing was paid for these units (a voucher covered them): nothing to send back.
    const { writes } = returnMoveWrites(db, ret, order, {
      to: "refunded",
      actor: { type: "system", id: null },
      set: { refundedAt: nowMs() },
    });
    const [first, ...rest] = writes;
    await db.batch([first, ...rest]);
    return;
  }
  const outcome = await refundReturnPayment(
    env,
    { order, returnId: ret.id, amount: ret.refundAmount, reason: ret.reason },
    async ({ refundId, paymentId }) => {
      // The order as it is now (the refund may have taken a while): its move depends on its status.
      const current = (await orderById(db, order.id)) ?? order;
      const { writes } = returnMoveWrites(db, ret, current, {
        to: "refunded",
        actor: { type: "system", id: null },
        set: { refundedAt: nowMs(), refundId },
        extra: { refundId },
      });
      const orderWrites = await returnRefundWrites(db, current, {
        returnId: ret.id,
        refundId,
        paymentId,
        amount: ret.refundAmount,
        full: ret.full,
        actorId,
      });
      return [...writes, ...orderWrites];
    },
  );
  if (outcome.status === "no_payment") logEvent("error", "return_refund_no_payment", { returnId: ret.id });
}

/** The minute cron: received returns whose restock or refund did not finish (a crash, a gateway refusal). */
export async function resumeReceivedReturns(env: Env): Promise<number> {
  const db = database(env);
  const stuck = await db
    .select()
    .from(returns)
    .where(and(eq(returns.status, "received"), lt(returns.updatedAt, nowMs() - RESUME_AFTER_MS)))
    .limit(20);
  let done = 0;
  for (const ret of stuck) {
    const order = await orderById(db, ret.orderId);
    if (!order) continue;
    try {
      const after = await settleReceivedReturn(env, db, ret, order, null);
      if (after.status === "refunded") done += 1;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
  return done;
}
