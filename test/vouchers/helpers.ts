import { expect } from "vitest";
import { call, expectJson, type Money } from "../orders/helpers";

export interface Voucher {
  id: string;
  shopId: string | null;
  code: string;
  type: "percent" | "fixed" | "free_shipping";
  value?: number;
  currency: string | null;
  minSpend: Money | null;
  maxDiscount: Money | null;
  startsAt: string | null;
  endsAt: string | null;
  totalLimit: number | null;
  perUserLimit: number;
  used: number;
  active: boolean;
}

/** A code no other test uses. */
export const uniqueCode = (prefix = "V") => `${prefix}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;

const HOUR = 3_600_000;

/** A valid body for POST /shops/:id/vouchers: 10% off for the next day, `extra` on top. */
export function voucherBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: uniqueCode(),
    type: "percent",
    value: 10,
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    ...extra,
  };
}

export const postShopVoucher = (token: string, shopId: string, body: unknown) =>
  call("POST", `/api/v1/shops/${shopId}/vouchers`, { token, body });

/** Creates a shop voucher through the API; expects 201. */
export async function shopVoucher(token: string, shopId: string, extra: Record<string, unknown> = {}) {
  const voucher = await expectJson<Voucher>(await postShopVoucher(token, shopId, voucherBody(extra)), 201);
  expect(voucher.shopId).toBe(shopId);
  return voucher;
}

/** Creates a platform voucher (admin) through the API; expects 201. */
export async function platformVoucher(adminToken: string, extra: Record<string, unknown> = {}) {
  return expectJson<Voucher>(
    await call("POST", "/api/v1/admin/vouchers", {
      token: adminToken,
      body: voucherBody({ currency: "THB", ...extra }),
    }),
    201,
  );
}
