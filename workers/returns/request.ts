import type { z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { returns } from "../../d1/schema/returns";
import type { CreateReturnSchema } from "../../schemas/returns";
import type { AppEnv } from "../app-env";
import { ownPictures } from "../media";
import { deliveredAt, type OrderLine, type OrderStanding, orderLines, timelineWriteWhen } from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { recordEventIf } from "../platform/outbox";
import { returnEvent, timelineActor } from "./moves";
import { refundSplit } from "./refund-math";
import { type ReturnRow, returnById, returnsOfOrder } from "./rows";

type CreateReturn = z.infer<typeof CreateReturnSchema>;

const lineKey = (productId: string, variantId: string | null | undefined) => `${productId}:${variantId ?? ""}`;

/** Units of each order line already in returns that still count (all but rejected ones). */
function unitsReturned(earlier: readonly ReturnRow[]): Map<string, number> {
  const counted = new Map<string, number>();
  for (const ret of earlier) {
    if (ret.status === "rejected") continue;
    for (const line of ret.items) {
      const key = lineKey(line.productId, line.variantId);
      counted.set(key, (counted.get(key) ?? 0) + line.quantity);
    }
  }
  return counted;
}

/** The asked units per order line, each checked against what was bought and not yet returned. */
function askedUnits(input: CreateReturn, lines: readonly OrderLine[], returned: Map<string, number>) {
  const asked = new Map<string, number>();
  input.items.forEach((item, i) => {
    const key = lineKey(item.productId, item.variantId);
    if (!lines.some((l) => lineKey(l.productId, l.variantId) === key)) {
      throw new ApiError("validation_failed", "This order has no such item. Return only items of this order.", {
        errors: [{ path: `items.${i}.productId`, message: "Not in this order" }],
      });
    }
    asked.set(key, (asked.get(key) ?? 0) + item.quantity);
  });
  for (const line of lines) {
    const key = lineKey(line.productId, line.variantId);
    const left = line.quantity - (returned.get(key) ?? 0);
    if ((asked.get(key) ?? 0) > left) {
      const i = input.items.findIndex((item) => lineKey(item.productId, item.variantId) === key);
      throw new ApiError(
        "validation_failed",
        "You asked to return more units than you bought and have not yet returned. Lower the quantity.",
        { errors: [{ path: `items.${i}.quantity`, message: `At most ${left}` }] },
      );
    }
  }
  return asked;
}

async function checkReturnable(c: Context<AppEnv>, standing: OrderStanding): Promise<void> {
  const { order, actor } = standing;
  if (actor !== "customer") throw new ApiError("forbidden", "Only the buyer of this order can ask for a return.");
  if (order.status !== "delivered") {
    throw new ApiError("invalid_transition", "Only a delivered order can be returned, within the return window.");
  }
  const at = await deliveredAt(database(c.env), order.id);
  const { windowMs } = c.get("config").returns;
  if (at === null || nowMs() >= at + windowMs) {
    const days = windowMs / 86_400_000;
    throw new ApiError("invalid_transition", `The return window of ${days} days after delivery is over.`);
  }
}

/** The photos, each checked to be a picture the buyer uploaded (a guest has none). */
async function ownPhotos(env: Env, ids: readonly string[], userId: string | null): Promise<string[]> {
  const mediaIds = [...new Set(ids)];
  const own = await ownPictures(env, mediaIds, userId ?? undefined);
  const foreign = mediaIds.findIndex((id) => !own.has(id));
  if (foreign >= 0) {
    throw new ApiError(
      "validation_failed",
      "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.",
      { errors: [{ path: `mediaIds.${foreign}`, message: "Not your upload" }] },
    );
  }
  return mediaIds;
}

/**
 * A buyer's return of some units of a delivered order, within RETURN_WINDOW_DAYS of delivery.
 * The units asked must have been bought and not be in another (unrejected) return; the photos
 * must be the buyer's own uploads. Its refund is fixed now (refund-math.ts). The insert takes
 * the order's next `seq`: of two returns asked at once, the second conflicts (409, nothing kept)
 * instead of both counting the same units. The timeline entry and the `return.requested` event
 * are written in the same batch, only if the insert applied.
 */
export async function requestReturn(
  c: Context<AppEnv>,
  standing: OrderStanding,
  input: CreateReturn,
): Promise<ReturnRow> {
  await checkReturnable(c, standing);
  const { order, actorId } = standing;
  const db = database(c.env);
  const mediaIds = await ownPhotos(c.env, input.mediaIds ?? [], actorId);
  const [lines, earlier] = await Promise.all([orderLines(db, order.id), returnsOfOrder(db, order.id)]);
  const returned = unitsReturned(earlier);
  const asked = askedUnits(input, lines, returned);
  const split = refundSplit(
    order,
    lines.map((l) => {
      const key = lineKey(l.productId, l.variantId);
      return {
        quantity: l.quantity,
        lineTotal: l.lineTotal,
        alreadyReturned: returned.get(key) ?? 0,
        returning: asked.get(key) ?? 0,
      };
    }),
  );
  const now = nowMs();
  const row: ReturnRow = {
    id: newId("ret"),
    orderId: order.id,
    seq: earlier.length,
    shopId: order.shopId,
    customerId: order.customerId,
    status: "requested",
    reason: input.reason,
    note: null,
    items: lines.flatMap((l, i) => {
      const quantity = asked.get(lineKey(l.productId, l.variantId)) ?? 0;
      if (quantity === 0) return [];
      return [
        {
          productId: l.productId,
          ...(l.variantId ? { variantId: l.variantId } : {}),
          name: l.name,
          quantity,
          refund: split.lines[i],
        },
      ];
    }),
    mediaIds,
    refundAmount: split.total,
    currency: order.currency,
    full: split.full,
    refundId: null,
    lastMoveId: null,
    createdAt: now,
    updatedAt: now,
    decidedAt: null,
    receivedAt: null,
    restockedAt: null,
    refundedAt: null,
  };
  const actor = { type: "customer" as const, id: actorId };
  const inserted = sql`EXISTS (SELECT 1 FROM ${returns} WHERE ${returns.id} = ${row.id})`;
  await db.batch([
    db.insert(returns).values(row).onConflictDoNothing(),
    timelineWriteWhen(
      db,
      order.id,
      "return.requested",
      timelineActor(actor),
      { returnId: row.id, reason: row.reason },
      inserted,
    ),
    recordEventIf(
      db,
      "order_events",
      returnEvent("return.requested", row, order, actor),
      returns,
      eq(returns.id, row.id),
    ),
  ]);
  const stored = await returnById(db, row.id);
  if (!stored) {
    throw new ApiError(
      "conflict",
      "Another return of this order was asked for at the same moment. Read the order's returns and try again.",
    );
  }
  return stored;
}
