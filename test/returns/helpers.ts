import { expect } from "vitest";
import { bytes, call, PNG_HEADER } from "../catalog/helpers";
import {
  type Account,
  ADDRESS,
  checkout,
  expectJson,
  newAccount,
  type Order,
  patchStatus,
  pay,
  sellerWithProduct,
  simulate,
  userCart,
} from "../orders/helpers";

export interface Return {
  id: string;
  orderId: string;
  status: string;
  items: { productId: string; quantity: number; refundAmount: { amount: number; currency: string } }[];
  reason: string;
  note: string | null;
  mediaIds: string[];
  refundAmount: { amount: number; currency: string };
  fullReturn: boolean;
}

export interface Delivered {
  seller: Account & { shop: { id: string } };
  productId: string;
  buyer: Account;
  order: Order;
}

/** A signed-in buyer's paid order of `quantity` units (stock 10, price `price`), moved by its seller to `status`. */
export async function orderIn(
  status: "paid" | "processing" | "shipped" | "delivered",
  quantity = 2,
  extra: Record<string, unknown> = {},
): Promise<Delivered> {
  const s = await sellerWithProduct("TH", { stock: 10, ...extra });
  const buyer = await newAccount("TH");
  await userCart(buyer.token, [{ productId: s.product.id, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
  const payment = await pay({ token: buyer.token }, [order.id]);
  await simulate({ token: buyer.token }, payment.id);
  const path: string[] = ["processing", "shipped", "delivered"];
  for (const next of path.slice(0, path.indexOf(status) + 1)) {
    const res = await patchStatus(s.token, order.id, {
      status: next,
      ...(next === "shipped" ? { trackingNumber: "KER1234567890", courier: "Kerry Express" } : {}),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const fresh = await expectJson<Order>(await call("GET", `/api/v1/orders/${order.id}`, { token: buyer.token }), 200);
  return { seller: s, productId: s.product.id, buyer, order: fresh };
}

export const requestReturn = (token: string, orderId: string, body: unknown, idempotencyKey = crypto.randomUUID()) =>
  call("POST", `/api/v1/orders/${orderId}/returns`, { token, body, idempotencyKey });

export const returnAction = (token: string, id: string, action: "approve" | "reject" | "received", body?: unknown) =>
  call("POST", `/api/v1/returns/${id}/${action}`, { token, ...(body ? { body } : {}) });

export async function approvedReturn(d: Delivered, quantity: number): Promise<Return> {
  const ret = await expectJson<Return>(
    await requestReturn(d.buyer.token, d.order.id, {
      items: [{ productId: d.productId, quantity }],
      reason: "Wrong size",
    }),
    201,
  );
  return expectJson<Return>(await returnAction(d.seller.token, ret.id, "approve", { note: "Send it back" }), 200);
}

/** Uploads a small PNG as `token`'s own picture (POST /api/v1/media); its id. */
export async function uploadPicture(token: string): Promise<string> {
  const body = bytes(PNG_HEADER, 200);
  const res = await call("POST", "/api/v1/media", {
    raw: body,
    token,
    headers: { "Content-Type": "image/png", "Content-Length": String(body.byteLength) },
  });
  return (await expectJson<{ id: string }>(res, 201)).id;
}
