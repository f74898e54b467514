import type { z } from "@hono/zod-openapi";
import type { ReturnSchema } from "../../schemas/returns";
import { type Currency, money } from "../platform/money";
import type { ReturnRow } from "./rows";

export type Return = z.infer<typeof ReturnSchema>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentReturn(row: ReturnRow, orderNumber: string): Return {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber,
    shopId: row.shopId,
    status: row.status,
    items: row.items.map((line) => ({
      productId: line.productId,
      ...(line.variantId ? { variantId: line.variantId } : {}),
      name: line.name,
      quantity: line.quantity,
      refundAmount: money(line.refund, currency),
    })),
    reason: row.reason,
    note: row.note,
    mediaIds: row.mediaIds,
    refundAmount: money(row.refundAmount, currency),
    fullReturn: row.full,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    receivedAt: iso(row.receivedAt),
    refundedAt: iso(row.refundedAt),
  };
}
