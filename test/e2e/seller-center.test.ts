import { describe, expect, it } from "vitest";
import { ADDRESS_TH, api, base, checkout, ok, signUp, simulatePayment, startPayment, type Who } from "./flows";
import { seededAdmin } from "./web/admin";

// Issue 16, "Done when", as a new user would, over HTTP against the real local server: a seller
// creates a voucher and a flash sale, a buyer uses both, the order is paid (sandbox gateway) and
// delivered (sandbox courier), the buyer returns one item with a photo, the seller sees the photo,
// approves and receives it, the refund lands once, and the balance, a payout and the sales report
// show the amounts computed here from the inputs.

const THB = (amount: number) => ({ amount, currency: "THB" });
const PRICE = 100_000; // 1,000.00 THB
const SALE_PRICE = 80_000; // 800.00 THB in the flash sale
const VOUCHER_PERCENT = 10;
const TAX_BPS = 700; // Thailand's VAT (TAX_RATES_BPS default)
const COMMISSION_BPS = 500; // COMMISSION_BPS in .dev.vars.example, no category override
const major = (minor: number) => (minor / 100).toFixed(2);
const idem = () => ({ "Idempotency-Key": crypto.randomUUID() });

/** A small PNG (its signature, then bytes) uploaded as the caller's private picture. */
async function uploadPhoto(who: Who): Promise<{ id: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(512);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  bytes.fill(7, 100, 200);
  const res = await fetch(`${base}/api/v1/media`, {
    method: "POST",
    headers: { Authorization: `Bearer ${who.token}`, "Content-Type": "image/png" },
    body: bytes,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, bytes };
}

async function photoBytes(url: string, who: Who): Promise<{ status: number; bytes: number[]; cache: string | null }> {
  const res = await fetch(`${base}${url}`, { headers: who.token ? { Authorization: `Bearer ${who.token}` } : {} });
  return {
    status: res.status,
    bytes: [...new Uint8Array(await res.arrayBuffer())],
    cache: res.headers.get("Cache-Control"),
  };
}

/** Waits for the shop's balance to read `expected` (the earnings follow the order events on the queue). */
async function balanceIs(seller: Who, shopId: string, expected: Record<string, unknown>) {
  await expect
    .poll(async () => (await ok("GET", `/api/v1/shops/${shopId}/balance`, seller)).json, { timeout: 30_000 })
    .toEqual(expected);
}

/** A new seller with a shop and a product of PRICE, 10 in stock. */
async function newSeller() {
  const seller = { token: (await signUp("Somchai Seller", "th")).token };
  const shop = (
    await ok(
      "POST",
      "/api/v1/shops",
      seller,
      {
        name: `Somchai Gadgets ${crypto.randomUUID().slice(0, 6)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
      },
      201,
    )
  ).json;
  const product = (
    await ok(
      "POST",
      "/api/v1/products",
      seller,
      {
        shopId: shop.id,
        name: "หูฟังบลูทูธ",
        description: "Wireless earbuds",
        sku: `E2E-${crypto.randomUUID().slice(0, 8)}`,
        price: THB(PRICE),
        stock: 10,
        weightGrams: 300,
      },
      201,
    )
  ).json;
  return { seller, shop, product };
}

/** The seller's voucher (10% off) and flash sale (SALE_PRICE, 5 units), live once the sale starts. */
async function promotions(seller: Who, shopId: string, productId: string) {
  const code = `E2E${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
  const now = Date.now();
  const voucher = (
    await ok(
      "POST",
      `/api/v1/shops/${shopId}/vouchers`,
      seller,
      {
        code,
        type: "percent",
        value: VOUCHER_PERCENT,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
        totalLimit: 5,
      },
      201,
    )
  ).json;
  expect(voucher).toMatchObject({ code, type: "percent", value: VOUCHER_PERCENT, used: 0, active: true });
  const sale = (
    await ok(
      "POST",
      `/api/v1/shops/${shopId}/flash-sales`,
      seller,
      {
        name: "Payday 12.12",
        startsAt: new Date(now + 3_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        items: [{ productId, salePrice: THB(SALE_PRICE), quota: 5 }],
      },
      201,
    )
  ).json;
  // The sale starts by itself: the product reads with its sale price and remaining units.
  await expect
    .poll(async () => (await ok("GET", `/api/v1/products/${productId}`)).json.flashSale?.price, { timeout: 20_000 })
    .toEqual(THB(SALE_PRICE));
  expect((await ok("GET", `/api/v1/products/${productId}`)).json.flashSale).toMatchObject({ remaining: 5 });
  return { code, voucher, sale };
}

/** The seller books the sandbox courier and the simulated parcel travels to the buyer. */
async function deliver(seller: Who, orderId: string) {
  const booked = await ok(
    "POST",
    `/api/v1/orders/${orderId}/shipments`,
    seller,
    { courier: "sandbox", service: "standard" },
    201,
    idem(),
  );
  for (const status of ["picked_up", "in_transit", "out_for_delivery", "delivered"]) {
    await ok("POST", `/api/v1/shipments/${booked.json.id}/simulate`, seller, { status });
  }
  await expect
    .poll(async () => (await ok("GET", `/api/v1/orders/${orderId}`, seller)).json.status, { timeout: 20_000 })
    .toBe("delivered");
}

describe("seller center on a real server, as new users would", () => {
  it("voucher and flash sale → paid, delivered, one item returned with a photo → refund once → balance, payout, report", async () => {
    const { seller, shop, product } = await newSeller();
    const { code, sale } = await promotions(seller, shop.id, product.id);

    // The buyer takes 2 units at the sale price with the voucher.
    const buyer: Who = { token: (await signUp("Malee Buyer", "th")).token };
    await ok("POST", "/api/v1/cart/items", buyer, { productId: product.id, quantity: 2 });
    const rates = await ok("POST", "/api/v1/shipping/rates", buyer, {
      destination: { country: "TH", postalCode: "10110" },
    });
    const shipping = rates.json.options[0].cost.amount as number;
    const subtotal = 2 * SALE_PRICE;
    const discount = (subtotal * VOUCHER_PERCENT) / 100;
    const tax = ((subtotal - discount + shipping) * TAX_BPS) / 10_000;
    const total = subtotal - discount + shipping + tax;
    const [order] = (await checkout(buyer, { shippingAddress: ADDRESS_TH, voucherCode: code })).json.orders;
    expect(order).toMatchObject({
      items: [{ productId: product.id, quantity: 2, unitPrice: THB(SALE_PRICE), lineTotal: THB(subtotal) }],
      subtotal: THB(subtotal),
      discount: THB(discount),
      shippingCost: THB(shipping),
      tax: THB(tax),
      total: THB(total),
    });
    const payment = (await startPayment(buyer, [order.id])).json;
    expect(payment.amount).toEqual(THB(total));
    await simulatePayment(buyer, payment.id);
    const vouchers = await ok("GET", `/api/v1/shops/${shop.id}/vouchers`, seller);
    expect(vouchers.json.items.find((v: { code: string }) => v.code === code)).toMatchObject({ used: 1 });
    expect((await ok("GET", `/api/v1/flash-sales/${sale.id}`)).json.items[0]).toMatchObject({ sold: 2, remaining: 3 });

    // Paid: the total less the commission on the goods is pending.
    const commission = (subtotal * COMMISSION_BPS) / 10_000;
    const net = total - commission;
    await balanceIs(seller, shop.id, { currency: "THB", pending: THB(net), available: THB(0), paidOut: THB(0) });

    await deliver(seller, order.id);

    // The buyer returns one of the two units, with a photo.
    const photo = await uploadPhoto(buyer);
    const goodsPaid = ((subtotal - discount) * (10_000 + TAX_BPS)) / 10_000; // the goods' share of the total
    const refund = goodsPaid / 2;
    const created = await ok(
      "POST",
      `/api/v1/orders/${order.id}/returns`,
      buyer,
      { items: [{ productId: product.id, quantity: 1 }], reason: "ข้างซ้ายไม่มีเสียง", mediaIds: [photo.id] },
      201,
      idem(),
    );
    const ret = created.json;
    expect(ret).toMatchObject({
      orderId: order.id,
      status: "requested",
      refundAmount: THB(refund),
      mediaIds: [photo.id],
    });

    // The seller sees it with its photo (private: the seller and the buyer only).
    const listed = await ok("GET", `/api/v1/shops/${shop.id}/returns?status=requested`, seller);
    const seen = listed.json.items.find((r: { id: string }) => r.id === ret.id);
    expect(seen.photos).toHaveLength(1);
    for (const who of [seller, buyer]) {
      expect(await photoBytes(seen.photos[0].url, who)).toEqual({
        status: 200,
        bytes: [...photo.bytes],
        cache: "private, no-store",
      });
    }
    const stranger = { token: (await signUp("Someone Else")).token };
    expect((await photoBytes(seen.photos[0].url, stranger)).status).toBe(404);
    expect((await photoBytes(seen.photos[0].url, {})).status).toBe(401);
    expect((await photoBytes(`/api/v1/media/${photo.id}`, seller)).status).toBe(404);

    await ok("POST", `/api/v1/returns/${ret.id}/approve`, seller, { note: "ส่งกลับมาได้เลยครับ" });
    const received = await ok("POST", `/api/v1/returns/${ret.id}/received`, seller);
    expect(["received", "refunded"]).toContain(received.json.status);
    // A retried "received" refunds nothing more.
    expect([200, 409]).toContain((await api("POST", `/api/v1/returns/${ret.id}/received`, seller)).status);
    await expect
      .poll(async () => (await ok("GET", `/api/v1/orders/${order.id}/returns`, buyer)).json.items[0].status, {
        timeout: 20_000,
      })
      .toBe("refunded");
    const refunded = (await ok("GET", `/api/v1/payments/${payment.id}`, buyer)).json;
    expect(refunded).toMatchObject({ status: "partially_refunded", refunded: THB(refund) });
    // A partial return keeps the order delivered.
    expect((await ok("GET", `/api/v1/orders/${order.id}`, buyer)).json.status).toBe("delivered");

    // The refund comes off the pending earnings by the shop's share of it.
    const refundedNet = Math.round((net * refund) / total);
    const kept = net - refundedNet;
    await balanceIs(seller, shop.id, { currency: "THB", pending: THB(kept), available: THB(0), paidOut: THB(0) });

    // Completed (the cron does after RETURN_WINDOW_DAYS, here an admin; neither the seller nor the
    // buyer may): available to pay out.
    await ok("PATCH", `/api/v1/orders/${order.id}/status`, seller, { status: "completed" }, 409);
    await ok("PATCH", `/api/v1/orders/${order.id}/status`, buyer, { status: "completed" }, 403);
    await ok("PATCH", `/api/v1/orders/${order.id}/status`, await seededAdmin(), { status: "completed" });
    await balanceIs(seller, shop.id, { currency: "THB", pending: THB(0), available: THB(kept), paidOut: THB(0) });

    // A payout of all of it to the seller's wallet, paid once however often it is sent.
    const key = idem();
    const payOut = () =>
      ok("POST", `/api/v1/shops/${shop.id}/payouts`, seller, { amount: THB(kept), destination: "wallet" }, 201, key);
    const payout = await payOut();
    expect(payout.json).toMatchObject({ amount: THB(kept), destination: "wallet", status: "paid" });
    const again = await payOut();
    expect(again.json.id).toBe(payout.json.id);
    const more = await api(
      "POST",
      `/api/v1/shops/${shop.id}/payouts`,
      seller,
      { amount: THB(100), destination: "wallet" },
      idem(),
    );
    expect([more.status, more.json.code]).toEqual([409, "insufficient_funds"]);
    await balanceIs(seller, shop.id, { currency: "THB", pending: THB(0), available: THB(0), paidOut: THB(kept) });
    const payouts = await ok("GET", `/api/v1/shops/${shop.id}/payouts`, seller);
    expect(payouts.json.items.map((p: { id: string }) => p.id)).toEqual([payout.json.id]);
    const wallets = await ok("GET", "/api/v1/wallets", seller);
    expect(wallets.json.items.find((w: { currency: string }) => w.currency === "THB")?.available).toEqual(THB(kept));

    // The day's sales report: one order of 2 units for the total, the refund, the product net of its return.
    const today = new Date().toISOString().slice(0, 10);
    const url = `/api/v1/shops/${shop.id}/reports/sales?from=${today}&to=${today}&granularity=day`;
    const report = (await ok("GET", url, seller)).json;
    expect(report).toEqual({
      currency: "THB",
      series: [{ period: today, orders: 1, units: 2, revenue: THB(total), refunds: THB(refund) }],
      topProducts: [{ productId: product.id, name: product.name, units: 2, revenue: THB(subtotal - refund) }],
    });
    const csv = await ok("GET", url, seller, undefined, 200, { Accept: "text/csv" });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n")).toEqual([
      "period,orders,units,revenue,refunds,currency",
      `${today},1,2,${major(total)},${major(refund)},THB`,
      "",
      "product_id,name,units,revenue,currency",
      `${product.id},${product.name},2,${major(subtotal - refund)},THB`,
      "",
    ]);
  });
});
