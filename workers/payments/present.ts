import type { z } from "@hono/zod-openapi";
import type { payments } from "../../d1/schema/payments";
import type { PaymentSchema } from "../../schemas/payments";
import { type Currency, money } from "../platform/money";

export type PaymentRow = typeof payments.$inferSelect;
export type Payment = z.infer<typeof PaymentSchema>;

export function presentPayment(row: PaymentRow): Payment {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    orderIds: row.orderIds,
    amount: money(row.amount, currency),
    status: row.status,
    gateway: row.gateway as Payment["gateway"],
    method: row.method,
    nextAction: (row.nextAction as Payment["nextAction"]) ?? null,
    ...(row.failureReason ? { failureReason: row.failureReason } : {}),
    ...(row.refundedAmount > 0 ? { refunded: money(row.refundedAmount, currency) } : {}),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
