import type { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import { z as zod } from "zod";
import { payments, refunds } from "../../d1/schema/payments";
import type { AdminPaymentSchema } from "../../schemas/admin";
import type { Database } from "../platform/db";
import { type Currency, money } from "../platform/money";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { type PaymentRow, presentPayment } from "./present";

export type AdminPayment = z.infer<typeof AdminPaymentSchema>;

export interface AdminPaymentQuery {
  limit: number;
  cursor?: string;
  status?: PaymentRow["status"];
  gateway?: string;
  orderId?: string;
}

const CursorSchema = zod.tuple([zod.number().int(), zod.string().min(1)]);

/**
 * What a payment has given back or is giving back now: its refunds that did not fail (pending ones
 * hold their amount, so two refunds at once never pass what was paid), never less than the
 * refunded total the payment records.
 */
export const reservedSql = (paymentId: string) =>
  sql<number>`MAX(
    (SELECT ${payments.refundedAmount} FROM ${payments} WHERE ${payments.id} = ${paymentId}),
    (SELECT COALESCE(SUM(${refunds.amount}), 0) FROM ${refunds} WHERE ${refunds.paymentId} = ${paymentId} AND ${refunds.status} <> 'failed')
  )`;

const PAID: readonly PaymentRow["status"][] = ["succeeded", "partially_refunded", "refunded"];

/** What may still be refunded of a payment, in minor units (nothing for one never paid). */
export async function refundableOf(db: Database, payment: PaymentRow): Promise<number> {
  if (!PAID.includes(payment.status)) return 0;
  const row = await db
    .select({ reserved: reservedSql(payment.id) })
    .from(payments)
    .where(eq(payments.id, payment.id))
    .get();
  return Math.max(0, payment.amount - (row?.reserved ?? payment.refundedAmount));
}

/** Payments newest first, by status, gateway or one of their orders: what operators look up. */
export async function adminPaymentsPage(db: Database, query: AdminPaymentQuery): Promise<Page<AdminPayment>> {
  const after = decodeCursor(query.cursor, CursorSchema);
  const rows = await db
    .select()
    .from(payments)
    .where(
      and(
        query.status ? eq(payments.status, query.status) : undefined,
        query.gateway ? eq(payments.gateway, query.gateway) : undefined,
        query.orderId
          ? sql`EXISTS (SELECT 1 FROM json_each(${payments.orderIds}) WHERE value = ${query.orderId})`
          : undefined,
        after
          ? or(lt(payments.createdAt, after[0]), and(eq(payments.createdAt, after[0]), lt(payments.id, after[1])))
          : undefined,
        // A replaced request was never a payment anyone made; still listed when asked for by status.
        query.status ? undefined : ne(payments.status, "superseded"),
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.createdAt, r.id]);
  const items = await Promise.all(
    page.items.map(async (row) => ({
      ...presentPayment(row),
      customerId: row.customerId,
      refundable: money(await refundableOf(db, row), row.currency as Currency),
    })),
  );
  return { items, nextCursor: page.nextCursor };
}
