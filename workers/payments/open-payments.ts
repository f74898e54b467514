import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { openPayments, payments } from "../../d1/schema/payments";
import type { PaymentBody } from "../../schemas/payments";
import { type Buyer, paymentStatusWrite, timelineWrite } from "../orders";
import { type Database, inList, isUniqueViolation, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import type { Money } from "../platform/money";
import type { PaymentRow } from "./present";

type CreatePayment = PaymentBody;

/**
 * A payment whose gateway call has not answered yet is left to finish this long (a gateway call
 * times out after 15 s); older, its request died midway, and a new request may replace it.
 */
export const PAYMENT_START_TIMEOUT_MS = 20_000;
const POLL_MS = 100;
/** Rounds of losing the claim to a concurrent request before giving up (each loser waits for a winner). */
const MAX_CLAIM_ROUNDS = 50;

export interface PaymentRequest {
  buyer: Buyer;
  input: CreatePayment;
  orderIds: string[];
  amount: Money;
  /** A payment id derived from the request's key (wallet payments); otherwise a new one per claim. */
  paymentId?: string;
  /** What the client does next, when known before any gateway call (wallet payments: none). */
  nextAction?: Record<string, unknown>;
  /** The orders' open payments as read with the orders (payableOrders): the first round reads none again. */
  open?: PaymentRow[];
}

export type Claim =
  /** The open payment of these orders is this very request: answered as it stands, no gateway call. */
  | { kind: "open"; payment: PaymentRow }
  /** A new pending payment holds the orders; `superseded` are the open ones it replaced. */
  | { kind: "claimed"; paymentId: string; payment: PaymentRow; superseded: PaymentRow[] };

/**
 * One order has at most one open (pending) payment. A request for the same orders, gateway,
 * method and amount gets the open payment back; any other request replaces it (it is marked
 * superseded, and the caller cancels it at its gateway). The primary key of open_payments decides
 * every race: of concurrent requests exactly one claims the orders; the others wait for its
 * gateway answer and return it (or, if they differ, replace it once it is there).
 */
export async function claimPayment(db: Database, request: PaymentRequest): Promise<Claim> {
  const waitUntil = nowMs() + PAYMENT_START_TIMEOUT_MS;
  for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
    const open = round === 0 && request.open ? request.open : await openPaymentsOf(db, request.orderIds);
    const live = open.filter((p) => p.status === "pending");
    const starting = live.filter((p) => !p.nextAction && nowMs() - p.createdAt < PAYMENT_START_TIMEOUT_MS);
    if (live.length === 1 && live[0].nextAction && sameRequest(live[0], request))
      return { kind: "open", payment: live[0] };
    if (starting.length > 0) {
      if (nowMs() > waitUntil) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    try {
      const payment = await recordPaymentStart(db, request, open, live);
      return { kind: "claimed", paymentId: payment.id, payment, superseded: live };
    } catch (err) {
      // Another request claimed one of these orders between our read and our write: look again.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new ApiError("conflict", "Another payment for these orders is being started right now. Try again in a moment.");
}

/** The payments holding any of these orders open (pending, or stale rows of payments that ended). */
async function openPaymentsOf(db: Database, orderIds: readonly string[]): Promise<PaymentRow[]> {
  return distinctPayments(await openPaymentsQuery(db, orderIds));
}

/** openPaymentsOf's query, for a `db.batch` of reads; its rows go through `distinctPayments`. */
export function openPaymentsQuery(db: Database, orderIds: readonly string[]) {
  return db
    .select({ payment: payments })
    .from(openPayments)
    .innerJoin(payments, eq(payments.id, openPayments.paymentId))
    .where(inList(openPayments.orderId, orderIds));
}

/** One row per payment (a payment holding several of the orders comes once per order). */
export function distinctPayments(rows: readonly { payment: PaymentRow }[]): PaymentRow[] {
  return [...new Map(rows.map((r) => [r.payment.id, r.payment])).values()];
}

/**
 * The same payment again: same gateway, method, FPX bank and amount for exactly these orders. A
 * card token is single-use, so a request carrying one always makes a new payment.
 */
function sameRequest(payment: PaymentRow, { input, orderIds, amount }: PaymentRequest): boolean {
  const sameOrders =
    payment.orderIds.length === orderIds.length && orderIds.every((id) => payment.orderIds.includes(id));
  return (
    !input.paymentToken &&
    sameOrders &&
    payment.gateway === input.gateway &&
    payment.method === input.method &&
    bankOf(payment) === input.bank &&
    payment.amount === amount.amount &&
    payment.currency === amount.currency
  );
}

/** The FPX bank an open payment's redirect leads to (stored in its nextAction). */
function bankOf(payment: PaymentRow): string | undefined {
  const action = payment.nextAction as { bank?: unknown } | null;
  return typeof action?.bank === "string" ? action.bank : undefined;
}

/**
 * The commit point of a payment request, one batch: the open payments it replaces become
 * superseded, their open rows (and stale ones) are let go only if they still point where we read
 * them, the new pending payment takes every order's open row (a primary key: if a concurrent
 * request got there first, the whole batch fails and nothing is written), and the orders'
 * payment status and timelines follow. The payment's id is new per claim; the gateway is called
 * after this, so an early webhook always finds the row.
 */
async function recordPaymentStart(
  db: Database,
  { buyer, input, orderIds, amount, paymentId, nextAction }: PaymentRequest,
  open: PaymentRow[],
  live: PaymentRow[],
): Promise<PaymentRow> {
  const now = nowMs();
  const id = paymentId ?? newId("pay");
  const released = open.map((p) => p.id);
  const supersede: BatchItem<"sqlite">[] = live.map((p) =>
    db
      .update(payments)
      .set({ status: "superseded", failureReason: `superseded by ${id}`, updatedAt: now })
      .where(and(eq(payments.id, p.id), eq(payments.status, "pending"))),
  );
  if (released.length > 0) supersede.push(db.delete(openPayments).where(inArray(openPayments.paymentId, released)));
  const [inserted] = await db.batch([
    db
      .insert(payments)
      .values({
        id,
        orderIds,
        customerId: buyer.userId ?? null,
        guestTokenHash: buyer.guestTokenHash ?? null,
        gateway: input.gateway,
        method: input.method,
        amount: amount.amount,
        currency: amount.currency,
        status: "pending",
        nextAction: nextAction ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    ...supersede,
    ...orderIds.map((orderId) => db.insert(openPayments).values({ orderId, paymentId: id, createdAt: now })),
    paymentStatusWrite(db, orderIds, "pending"),
    ...live.flatMap((p) =>
      p.orderIds.map((orderId) =>
        timelineWrite(db, orderId, "payment.superseded", "customer", buyer.userId ?? null, {
          paymentId: p.id,
          by: id,
        }),
      ),
    ),
    ...orderIds.map((orderId) =>
      timelineWrite(db, orderId, "payment.started", "customer", buyer.userId ?? null, {
        paymentId: id,
        gateway: input.gateway,
        method: input.method,
      }),
    ),
  ]);
  return inserted[0];
}
