import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { RETURN_STATUS } from "../../schemas/returns";

/** One returned line as the return keeps it: what came back and what those units paid. */
export interface ReturnLine {
  productId: string;
  variantId?: string;
  name: string;
  quantity: number;
  /** Minor units of the order's currency: these units' exact share of what the order paid. */
  refund: number;
}

/**
 * A buyer's return of some units of one delivered order. `seq` numbers an order's returns
 * (unique with the order): two returns requested at once for the same order cannot both count the
 * same units, the second insert conflicts. `refundAmount` is fixed when the return is requested
 * (workers/returns/refund-math.ts); `full` says it takes back the order's last units (and so the
 * shipping). `restockedAt` and `refundedAt` record the received return's two effects.
 */
export const returns = sqliteTable(
  "returns",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    seq: integer("seq").notNull(),
    shopId: text("shop_id").notNull(),
    customerId: text("customer_id"),
    status: text("status", { enum: RETURN_STATUS }).notNull(),
    reason: text("reason").notNull(),
    note: text("note"),
    items: text("items", { mode: "json" }).$type<ReturnLine[]>().notNull(),
    mediaIds: text("media_ids", { mode: "json" }).$type<string[]>().notNull(),
    refundAmount: integer("refund_amount").notNull(),
    currency: text("currency").notNull(),
    full: integer("full", { mode: "boolean" }).notNull(),
    refundId: text("refund_id"),
    /** Id of the last status move: its timeline entry and event are written only if it applied. */
    lastMoveId: text("last_move_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    decidedAt: integer("decided_at"),
    receivedAt: integer("received_at"),
    restockedAt: integer("restocked_at"),
    refundedAt: integer("refunded_at"),
  },
  (t) => [
    uniqueIndex("returns_order_seq").on(t.orderId, t.seq),
    index("returns_shop").on(t.shopId, t.id),
    index("returns_status").on(t.status, t.updatedAt),
  ],
);
