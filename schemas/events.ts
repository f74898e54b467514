import { z } from "@hono/zod-openapi";
import { ChannelSchema } from "./messaging";
import { ORDER_STATUS } from "./orders";
import { CurrencySchema, MoneySchema } from "./platform";
import { TRANSACTION_STATUSES, TRANSACTION_TYPES } from "./wallet";

/*
 * Every event on every queue: one envelope, one discriminated union of the event types, each with
 * its data schema. Producers build events with the typed constructor (`createEvent` in
 * workers/platform/outbox.ts), so an event's data is checked by the compiler where it is made;
 * consumers parse what arrives with `EventSchema`, so a malformed event is refused (dead-lettered)
 * instead of half-applied. `requestId` is the id of the HTTP request (or cron run, or socket frame)
 * that caused the event: one id follows a request through queues and objects, and into their logs.
 */

const ActorSchema = z.object({
  type: z.enum(["user", "admin", "system", "gateway"]),
  id: z.string().optional(),
});

const SubjectSchema = z.object({ type: z.string(), id: z.string() });

const Id = z.string().min(1).max(128);
const Ids = z.array(Id);

function eventOf<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    id: Id,
    type: z.literal(type),
    version: z.number().int().positive(),
    occurredAt: z.string().datetime(),
    requestId: Id,
    actor: ActorSchema,
    subject: SubjectSchema.optional(),
    data,
  });
}

// ------------------------------------------------------------------ data of each event type

const ProductChanged = z.object({ productId: Id, shopId: Id });

const OrderCreated = z.object({
  orderId: Id,
  shopId: Id,
  customerId: Id.nullable(),
  number: z.string(),
  total: MoneySchema,
  checkoutId: Id,
});

/** A status move: from and to, and what the move recorded (a reason, the parcel, the money). */
const OrderMoved = z.object({
  orderId: Id,
  shopId: Id,
  customerId: Id.nullable(),
  number: z.string(),
  from: z.enum(ORDER_STATUS),
  to: z.enum(ORDER_STATUS),
  reason: z.string().optional(),
  trackingNumber: z.string().optional(),
  paymentId: Id.optional(),
  refundId: Id.optional(),
  /** An operator refunded the payment by hand (POST /api/v1/admin/payments/:id/refund). */
  byHand: z.boolean().optional(),
});

/**
 * An operator refunded (part of) a payment by hand (POST /api/v1/admin/payments/:id/refund): one
 * event per order the payment paid that did not move to `refunded` with it (a part refund, or an
 * order the state machine keeps, e.g. shipped): `amount` is the order's share of the refund, `whole`
 * when the payment is now refunded whole (the order's earnings then give back all that is left).
 */
const PaymentRefundedByHand = z.object({
  paymentId: Id,
  refundId: Id,
  orderId: Id,
  shopId: Id,
  customerId: Id.nullable(),
  number: z.string(),
  amount: MoneySchema,
  whole: z.boolean(),
  reason: z.string(),
});

const PaymentSucceeded = z.object({ paymentId: Id, orderIds: Ids, amount: MoneySchema, gateway: z.string() });

const PaymentFailed = z.object({ paymentId: Id, orderIds: Ids, outcome: z.string(), gateway: z.string() });

const ReviewCreated = z.object({
  reviewId: Id,
  productId: Id,
  shopId: Id,
  userId: Id,
  rating: z.number().int().min(1).max(5),
});

/** One Inventory object's stock crossed below its threshold. */
const InventoryLow = z.object({
  sku: Id,
  shard: z.number().int().nonnegative(),
  shards: z.number().int().positive(),
  available: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  threshold: z.number().int(),
});

/** A message for the members who were offline when it was accepted. */
const ChatMessage = z.object({
  dialogId: Id,
  seq: z.number().int().positive(),
  senderId: Id,
  recipientIds: Ids,
  messageId: Id,
  kind: z.string(),
});

const SecurityAlert = z.object({
  userId: Id,
  alert: z.string().min(1),
  device: z.string().optional(),
  at: z.number().int(),
});

/** An account that can no longer be used (suspended by an operator, or deleted by its owner). */
const AccountClosed = z.object({ userId: Id, at: z.number().int() });

const PriceDrop = z.object({
  productId: Id,
  productName: z.string(),
  price: MoneySchema,
  previousPrice: MoneySchema,
  userIds: Ids,
});

const VoucherExpiring = z.object({ voucherCode: z.string().min(1), expiresAt: z.number().int(), userIds: Ids });

const NotificationDeliver = z.object({ deliveryId: Id, hop: z.number().int().nonnegative() });

/**
 * One wallet transaction as its user's `Wallet` object has it after a change (the object's outbox
 * carries it to the D1 projection). `version` grows with each change, so deliveries out of order
 * or twice leave the newest.
 */
const WalletTransaction = z.object({
  userId: Id,
  transactionId: Id,
  version: z.number().int().positive(),
  currency: CurrencySchema,
  type: z.enum(TRANSACTION_TYPES),
  direction: z.enum(["credit", "debit"]),
  amount: z.number().int().positive(),
  status: z.enum(TRANSACTION_STATUSES),
  counterpartyUserId: Id.optional(),
  reference: Id.optional(),
  note: z.string().optional(),
  createdAt: z.number().int(),
  completedAt: z.number().int().optional(),
  /** When the transaction took `status` (the D1 audit trail's row of this version). */
  statusAt: z.number().int().optional(),
});

const MessageRequested = z.object({ messageId: Id, channel: ChannelSchema });

/**
 * Money sent to a bank account (a wallet withdrawal, a seller payout) reached its final status at
 * the provider; the domain that asked for it applies the outcome once (docs/disbursements.md).
 */
const DisbursementSettled = z.object({
  disbursementId: Id,
  purpose: z.enum(["withdrawal", "payout"]),
  ownerId: Id,
  outcome: z.enum(["succeeded", "failed"]),
  currency: CurrencySchema,
  amount: z.number().int().positive(),
  failureCode: z.string().optional(),
});

/** A return of some units of an order moved (requested, approved, rejected, received, refunded). */
const ReturnMoved = z.object({
  returnId: Id,
  orderId: Id,
  shopId: Id,
  customerId: Id.nullable(),
  number: z.string(),
  refundAmount: MoneySchema,
  fullReturn: z.boolean(),
  note: z.string().optional(),
  refundId: Id.optional(),
  /** The returned units per product and what each line refunds (minor units): net sales reports. */
  items: z
    .array(z.object({ productId: Id, quantity: z.number().int().positive(), refund: z.number().int().min(0) }))
    .optional(),
});

export const EventSchema = z.discriminatedUnion("type", [
  eventOf("product.created", ProductChanged),
  eventOf("product.updated", ProductChanged),
  eventOf("product.deleted", ProductChanged),
  eventOf("review.created", ReviewCreated),
  eventOf("order.created", OrderCreated),
  eventOf("order.paid", OrderMoved),
  eventOf("order.processing", OrderMoved),
  eventOf("order.shipped", OrderMoved),
  eventOf("order.delivered", OrderMoved),
  eventOf("order.completed", OrderMoved),
  eventOf("order.cancelled", OrderMoved),
  eventOf("order.expired", OrderMoved),
  eventOf("order.returned", OrderMoved),
  eventOf("order.refunded", OrderMoved),
  eventOf("payment.success", PaymentSucceeded),
  eventOf("payment.failed", PaymentFailed),
  eventOf("payment.refunded_by_hand", PaymentRefundedByHand),
  eventOf("inventory.low", InventoryLow),
  eventOf("chat.message", ChatMessage),
  eventOf("security.alert", SecurityAlert),
  eventOf("account.suspended", AccountClosed),
  eventOf("account.deleted", AccountClosed),
  eventOf("promotion.price_drop", PriceDrop),
  eventOf("promotion.voucher_expiring", VoucherExpiring),
  eventOf("notification.deliver", NotificationDeliver),
  eventOf("message.requested", MessageRequested),
  eventOf("wallet.transaction", WalletTransaction),
  eventOf("disbursement.settled", DisbursementSettled),
  eventOf("return.requested", ReturnMoved),
  eventOf("return.approved", ReturnMoved),
  eventOf("return.rejected", ReturnMoved),
  eventOf("return.received", ReturnMoved),
  eventOf("return.refunded", ReturnMoved),
  /**
   * A waiting pickup (workers/logistics/pickup-wait.ts) the cron placed at the courier: its parcel,
   * who collects it (`courier`: the courier's name) and the window (ms since epoch), for the seller.
   */
  eventOf(
    "shipment.pickup_placed",
    z.object({
      shipmentId: Id,
      orderId: Id,
      shopId: Id,
      courier: z.string(),
      trackingNumber: z.string(),
      reference: z.string(),
      from: z.number().int(),
      until: z.number().int(),
    }),
  ),
]);

/** Any event, as the union of every type. */
export type DomainEvent = z.infer<typeof EventSchema>;
export type EventType = DomainEvent["type"];
/** The event of one type (narrowed by `type`). */
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type EventData<T extends EventType> = EventOf<T>["data"];
export type EventActor = z.infer<typeof ActorSchema>;
export type EventSubject = z.infer<typeof SubjectSchema>;
/** The envelope's name before the union existed; every event is a DomainEvent. */
export type EventEnvelope = DomainEvent;

/** The event announcing an order's move into a status (the statuses worth announcing). */
export type OrderMoveEventType = Extract<EventType, `order.${string}`> & Exclude<EventType, "order.created">;

/** The events announcing a return's moves (workers/returns). */
export type ReturnEventType = Extract<EventType, `return.${string}`>;
