import type { z } from "@hono/zod-openapi";
import type { ReturnSchema } from "../../schemas/returns";
import { type Currency, money } from "../platform/money";
import type { ReturnRow } from "./rows";

export type Return = z.infer<typeof ReturnSchema>;

/** Where a return's photo is served, to its buyer and its shop's owner only (routes/return-photo.ts). */
export const returnPhotoUrl = (returnId: string, mediaId: string) =>
  `/api/v1/returns/${encodeURIComponent(returnId)}/photos/${encodeURIComponent(mediaId)}`;

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
    photos: row.mediaIds.map((id) => ({ id, url: returnPhotoUrl(row.id, id) })),
    refundAmount: money(row.refundAmount, currency),
    fullReturn: row.full,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    receivedAt: iso(row.receivedAt),
    refundedAt: iso(row.refundedAt),
  };
}
