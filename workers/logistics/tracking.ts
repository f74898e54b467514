import { and, eq, lt, ne } from "drizzle-orm";
import { shipmentEvents, shipments } from "../../d1/schema/logistics";
import { moveOrder, type OrderRow, orderById, restockOrder } from "../orders";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { logEvent } from "../platform/log";
import type { TrackingUpdate } from "./couriers";
import { RANK, type ShipmentRow, shipmentById, shipmentByTracking } from "./queries";

/**
 * What tracking needs from payments, which sits above logistics (payments asks logistics whether
 * cash on delivery is allowed), so these are handed in by the composition root (workers/app.ts,
 * scheduled.ts) rather than imported. Both are idempotent: they run again on every repeated event.
 */
export interface CodSettlement {
  /** The courier delivered and collected the cash: the order's COD payment succeeds, the order is paid. */
  collected: (env: Env, order: OrderRow) => Promise<void>;
  /** The parcel could not be delivered: the order's COD payment fails (no money moved). */
  failed: (env: Env, order: OrderRow) => Promise<void>;
}

/** Updates from one courier (a verified webhook, a poll or the sandbox's simulate), each applied once. */
export async function applyUpdates(
  env: Env,
  courier: string,
  updates: readonly TrackingUpdate[],
  cod: CodSettlement,
): Promise<void> {
  const db = database(env);
  for (const update of updates) {
    const shipment = await shipmentByTracking(db, courier, update.trackingNumber);
    if (!shipment) {
      logEvent("warn", "tracking_unknown_parcel", { courier, trackingNumber: update.trackingNumber });
      continue;
    }
    await applyUpdate(env, db, shipment, update, cod);
  }
}

/**
 * One event, once and in order: its history row is keyed by the courier's event id (a repeat
 * inserts nothing), and the shipment's status moves only to a higher rank (a late or repeated event
 * leaves it where it is), both in one batch. Then the order follows the shipment (syncOrder),
 * which is idempotent, so a crash between the two is healed by the next delivery of any event.
 */
async function applyUpdate(env: Env, db: Database, shipment: ShipmentRow, update: TrackingUpdate, cod: CodSettlement) {
  if (shipment.status === "cancelled") return;
  const now = nowMs();
  const rank = RANK[update.status];
  await db.batch([
    db
      .insert(shipmentEvents)
      .values({
        id: newId("sev"),
        shipmentId: shipment.id,
        eventKey: update.eventKey,
        status: update.status,
        description: update.description,
        detail: update.detail,
        location: update.location ?? null,
        at: update.at,
        receivedAt: now,
      })
      .onConflictDoNothing(),
    db
      .update(shipments)
      .set({ status: update.status, rank, updatedAt: now })
      .where(and(eq(shipments.id, shipment.id), lt(shipments.rank, rank), ne(shipments.status, "cancelled"))),
    db.update(shipments).set({ lastHeardAt: now }).where(eq(shipments.id, shipment.id)),
  ]);
  const fresh = await shipmentById(db, shipment.id);
  if (fresh) await syncOrder(env, db, fresh, cod);
}

/**
 * The order follows its live shipment: delivered → the order is delivered (a COD payment first
 * marked collected); a COD parcel that failed or came back → the payment fails, the order is
 * closed and its units restocked (keyed by order in the Inventory objects, so once however often
 * this runs).
 */
export async function syncOrder(env: Env, db: Database, shipment: ShipmentRow, cod: CodSettlement): Promise<void> {
  if (!shipment.liveOrderId) return;
  const order = await orderById(db, shipment.orderId);
  if (!order) return;
  const isCod = shipment.codAmount !== null;
  if (shipment.status === "delivered") {
    if (isCod) await cod.collected(env, order);
    const now = (await orderById(db, order.id)) ?? order;
    if (now.status === "shipped") {
      await tolerateRace(
        moveOrder(db, now, {
          to: "delivered",
          actor: "system",
          actorId: null,
          data: { trackingNumber: shipment.trackingNumber },
        }),
      );
    }
    return;
  }
  if (isCod && (shipment.status === "failed" || shipment.status === "returned")) {
    if (order.status === "shipped") {
      await cod.failed(env, order);
      await tolerateRace(
        moveOrder(db, order, {
          to: "cancelled",
          actor: "system",
          actorId: null,
          data: {
            reason: "cash on delivery: the parcel could not be delivered",
            trackingNumber: shipment.trackingNumber,
          },
        }),
      );
    }
    const closed = await orderById(db, order.id);
    if (closed?.status === "cancelled") await restockOrder(env, db, closed);
  }
}

/** Two deliveries of the same event racing: the one that lost the move has nothing left to do. */
async function tolerateRace(move: Promise<unknown>): Promise<void> {
  try {
    await move;
  } catch (err) {
    if (!(err instanceof ApiError && (err.code === "conflict" || err.code === "invalid_transition"))) throw err;
  }
}
