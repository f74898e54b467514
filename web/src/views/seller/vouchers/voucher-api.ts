import { api, type Schemas, unwrap } from "../../../api/client";

// A shop's vouchers (CONTRACT.md "Seller center" → Vouchers): listed newest first, created, deactivated.

type Money = Schemas["Money"];
/**
 * A voucher as the API answers it. Written out because the generated type of its nullable Money
 * fields (`Money & (Record<string, never> | null)`) cannot hold a real amount.
 */
export type Voucher = Omit<Schemas["Voucher"], "minSpend" | "maxDiscount"> & {
  minSpend: Money | null;
  maxDiscount: Money | null;
};
export type NewVoucher = Schemas["CreateShopVoucher"];
export type Shop = Schemas["Shop"];

export const VOUCHER_PAGE = 20;

export function loadShop(shopId: string): Promise<Shop> {
  return unwrap(api.GET("/api/v1/shops/{id}", { params: { path: { id: shopId } } }));
}

export async function loadVouchers(shopId: string, cursor?: string) {
  const page = await unwrap(
    api.GET("/api/v1/shops/{id}/vouchers", {
      params: { path: { id: shopId }, query: { limit: VOUCHER_PAGE, ...(cursor ? { cursor } : {}) } },
    }),
  );
  return page as unknown as { items: Voucher[]; nextCursor: string | null };
}

export async function createVoucher(shopId: string, body: NewVoucher): Promise<Voucher> {
  const created = await unwrap(api.POST("/api/v1/shops/{id}/vouchers", { params: { path: { id: shopId } }, body }));
  return created as unknown as Voucher;
}

export async function deactivateVoucher(id: string): Promise<Voucher> {
  return (await unwrap(api.DELETE("/api/v1/vouchers/{id}", { params: { path: { id } } }))) as unknown as Voucher;
}
