import { expect } from "vitest";
import { advanceTime } from "../support/clock";
import { call, expectJson, type Money } from "../support/http";

export interface FlashSaleItem {
  productId: string;
  variantId?: string;
  salePrice: Money;
  quota: number;
  perUserLimit: number | null;
  sold: number;
  remaining: number;
}

export interface FlashSale {
  id: string;
  shopId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  status: "upcoming" | "live" | "ended" | "cancelled";
  items: FlashSaleItem[];
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** A sale body starting `startInMs` from now and lasting `durationMs`. */
export function saleBody(items: Record<string, unknown>[], startInMs = 60_000, durationMs = 3_600_000) {
  const startsAt = Date.now() + startInMs;
  return { name: "Payday sale", startsAt: iso(startsAt), endsAt: iso(startsAt + durationMs), items };
}

export const postSale = (token: string, shopId: string, body: unknown) =>
  call("POST", `/api/v1/shops/${shopId}/flash-sales`, { token, body });

/**
 * A sale scheduled a minute ahead, then made live by moving the platform clock past its start
 * (the clock is back at the real time after each test).
 */
export async function liveSale(token: string, shopId: string, items: Record<string, unknown>[]): Promise<FlashSale> {
  const sale = await expectJson<FlashSale>(await postSale(token, shopId, saleBody(items)), 201);
  expect(sale.status).toBe("upcoming");
  advanceTime(61_000);
  return sale;
}

export async function getSale(id: string, token?: string): Promise<FlashSale> {
  return expectJson<FlashSale>(await call("GET", `/api/v1/flash-sales/${id}`, token ? { token } : {}), 200);
}
