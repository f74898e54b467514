import type { FlashSale } from "../../schemas/flash-sales";
import { inventoryKey, saleUsageOf } from "../inventory";
import { type Currency, money } from "../platform/money";
import type { SaleItemRow, SaleRow, SaleWithItems } from "./queries";

const iso = (ms: number) => new Date(ms).toISOString();

/** Upcoming, live or ended from the window and the clock (nothing runs at a sale's start or end). */
export function saleState(sale: Pick<SaleRow, "status" | "startsAt" | "endsAt">, now: number): FlashSale["status"] {
  if (sale.status === "cancelled") return "cancelled";
  if (now < sale.startsAt) return "upcoming";
  return now < sale.endsAt ? "live" : "ended";
}

/** One item's use, read from its SKU's Inventory object: units sold, and what is left at the sale price. */
export async function itemUsage(env: Env, item: SaleItemRow): Promise<{ sold: number; remaining: number }> {
  const usage = await saleUsageOf(env, { key: inventoryKey(item.productId, item.variantId || null) }, item.saleId);
  return { sold: usage.sold, remaining: Math.max(0, item.quota - usage.held - usage.sold) };
}

export async function presentSale(env: Env, { sale, items }: SaleWithItems, now: number): Promise<FlashSale> {
  const status = saleState(sale, now);
  const usages = await Promise.all(items.map((item) => itemUsage(env, item)));
  return {
    id: sale.id,
    shopId: sale.shopId,
    name: sale.name,
    startsAt: iso(sale.startsAt),
    endsAt: iso(sale.endsAt),
    status,
    createdAt: iso(sale.createdAt),
    items: items.map((item, i) => ({
      productId: item.productId,
      ...(item.variantId ? { variantId: item.variantId } : {}),
      salePrice: money(item.salePrice, item.currency as Currency),
      quota: item.quota,
      perUserLimit: item.perUserLimit,
      sold: usages[i].sold,
      // Nothing more sells at the sale price once it ended or was cancelled.
      remaining: status === "live" || status === "upcoming" ? usages[i].remaining : 0,
    })),
  };
}

export function presentSales(env: Env, sales: readonly SaleWithItems[], now: number): Promise<FlashSale[]> {
  return Promise.all(sales.map((s) => presentSale(env, s, now)));
}
