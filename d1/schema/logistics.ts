import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SHIPMENT_STATUS, TRACKING_DETAIL } from "../../schemas/logistics";

/**
 * One booked parcel of an order (docs/logistics.md). `rank` is the status's place in the
 * booked → picked_up → in_transit → out_for_delivery → final order: a tracking event moves the
 * shipment only forward, by a conditional UPDATE on the rank, so duplicate and late events change
 * nothing. At most one live (not cancelled) shipment per order.
 */
export const shipments = sqliteTable(
  "shipments",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    shopId: text("shop_id").notNull(),
    courier: text("courier").notNull(),
    service: text("service").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    status: text("status", { enum: SHIPMENT_STATUS }).notNull(),
    rank: integer("rank").notNull(),
    /** R2 key (MEDIA bucket) of the label PDF. */
    labelKey: text("label_key").notNull(),
    /** Cash the courier collects on delivery (minor units of codCurrency), null when prepaid. */
    codAmount: integer("cod_amount"),
    codCurrency: text("cod_currency"),
    /** Set while the shipment is live; cleared on cancel, so an order may be booked again. */
    liveOrderId: text("live_order_id"),
    /** The courier's pickup of the parcel: its reference and window (ms), set once it is requested (POST /shipments/:id/pickup, or with the booking where the courier takes it so). */
    pickupReference: text("pickup_reference"),
    pickupFrom: integer("pickup_from"),
    pickupUntil: integer("pickup_until"),
    /**
     * A pickup the courier could not take yet because another of the platform's pickups is open at
     * its account (Flash Express: one open pickup per merchant, every shop under one FLASH_MCH_ID):
     * when the seller first asked (ms, null when nothing waits), the `readyAt` asked for, and when
     * the cron asks again (after its attempts' backoff). Cleared once the pickup is placed, or when
     * the parcel is no longer booked.
     */
    pickupWaitingSince: integer("pickup_waiting_since"),
    pickupReadyAt: integer("pickup_ready_at"),
    pickupRetryAt: integer("pickup_retry_at"),
    pickupAttempts: integer("pickup_attempts").notNull().default(0),
    /** When the courier last told us anything (webhook or poll): the cron polls shipments silent too long. */
    lastHeardAt: integer("last_heard_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("shipments_live_order").on(t.liveOrderId),
    uniqueIndex("shipments_tracking").on(t.courier, t.trackingNumber),
    index("shipments_order").on(t.orderId, t.createdAt),
    index("shipments_heard").on(t.rank, t.lastHeardAt),
    index("shipments_pickup_waiting").on(t.pickupRetryAt),
  ],
);

/**
 * A shipment's tracking history. `eventKey` is the courier's own id of the event (or, lacking one,
 * status + time): the unique index keeps each event once however often it is delivered.
 */
export const shipmentEvents = sqliteTable(
  "shipment_events",
  {
    id: text("id").primaryKey(),
    shipmentId: text("shipment_id").notNull(),
    eventKey: text("event_key").notNull(),
    status: text("status", { enum: SHIPMENT_STATUS }).notNull(),
    description: text("description").notNull(),
    /** What our own description says, for the reader's language; null for a courier's own words and older rows. */
    detail: text("detail", { enum: TRACKING_DETAIL }),
    location: text("location"),
    /** When it happened at the courier (ms): the timeline is ordered by this, not by arrival. */
    at: integer("at").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [
    uniqueIndex("shipment_events_key").on(t.shipmentId, t.eventKey),
    index("shipment_events_at").on(t.shipmentId, t.at),
  ],
);

/**
 * A courier's remittance of cash it collected on delivery (docs/logistics.md "COD remittances"),
 * recorded by an operator. The id derives from the Idempotency-Key; (courier, reference) is unique,
 * so the same statement is recorded once however it is sent again.
 */
export const codRemittances = sqliteTable(
  "cod_remittances",
  {
    id: text("id").primaryKey(),
    courier: text("courier").notNull(),
    /** The courier's own reference of the remittance (statement or transfer number). */
    reference: text("reference").notNull(),
    currency: text("currency").notNull(),
    /** Sum of the items, minor units. */
    total: integer("total").notNull(),
    itemCount: integer("item_count").notNull(),
    remittedAt: integer("remitted_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("cod_remittances_reference").on(t.courier, t.reference),
    index("cod_remittances_at").on(t.createdAt),
  ],
);

/** One parcel's cash in a remittance, by the courier's tracking number; matched against shipments by the report. */
export const codRemittanceItems = sqliteTable(
  "cod_remittance_items",
  {
    id: text("id").primaryKey(),
    remittanceId: text("remittance_id").notNull(),
    courier: text("courier").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("cod_remittance_items_parcel").on(t.courier, t.trackingNumber),
    index("cod_remittance_items_remittance").on(t.remittanceId),
  ],
);

/**
 * A shop's own account at a courier that keeps one per seller (GHN's stores: the registered
 * district is where GHN picks up). The id derives from the courier and the shop (`ghn:<shopId>`),
 * so a shop has one; found or registered on its first booking, and found again (never registered
 * twice) when a crash lost this row. The area is the pickup address's, to notice when it moves.
 */
export const courierStores = sqliteTable(
  "courier_stores",
  {
    id: text("id").primaryKey(),
    courier: text("courier").notNull(),
    shopId: text("shop_id").notNull(),
    /** The courier's id of the store (GHN's shop_id, sent as the ShopId header). */
    storeId: text("store_id").notNull(),
    districtId: integer("district_id").notNull(),
    wardCode: text("ward_code").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("courier_stores_shop").on(t.shopId)],
);
