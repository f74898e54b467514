import { describe, expect, it } from "vitest";
import {
  call,
  deliver,
  expectJson,
  expectProblem,
  getOrder,
  guestOrder,
  type Payment,
  postPayment,
  sellerWithProduct,
  simulate,
} from "../orders/helpers";
import { insertPayment, stripeSucceeded } from "./flows";

// PayNow, FPX and GrabPay end to end: what GET /payments/options offers in SGD and MYR, the
// sandbox standing in for Stripe (same rules, a QR or a redirect, success through the simulated
// webhook), Stripe's own webhook paying a PayNow payment, and the localized 422s of the rules.

interface Option {
  gateway: string;
  method: string;
  kind: string;
  label?: string;
  banks?: { code: string; name: string; business?: boolean }[];
}

const optionsFor = async (currency: string) =>
  (await expectJson<{ options: Option[] }>(await call("GET", `/api/v1/payments/options?currency=${currency}`, {}), 200))
    .options;

const pairs = (list: Option[]) => list.map((o) => `${o.gateway}:${o.method}`);

describe("regional methods in the payment options", () => {
  it("SGD: PayNow and GrabPay through Stripe and the sandbox; no FPX", async () => {
    const list = await optionsFor("SGD");
    expect(pairs(list)).toEqual(
      expect.arrayContaining(["stripe:card", "stripe:paynow", "stripe:grabpay", "sandbox:paynow", "sandbox:grabpay"]),
    );
    expect(pairs(list).some((p) => p.endsWith(":fpx"))).toBe(false);
    expect(list.find((o) => o.gateway === "stripe" && o.method === "paynow")).toEqual({
      gateway: "stripe",
      method: "paynow",
      kind: "qr",
      label: "PayNow",
      sandbox: false,
    });
  });

  it("MYR: FPX with its banks, and GrabPay; no PayNow", async () => {
    const list = await optionsFor("MYR");
    expect(pairs(list)).toEqual(expect.arrayContaining(["stripe:fpx", "stripe:grabpay", "sandbox:fpx"]));
    expect(pairs(list).some((p) => p.endsWith(":paynow"))).toBe(false);
    const fpx = list.find((o) => o.gateway === "stripe" && o.method === "fpx");
    expect(fpx).toMatchObject({ kind: "online_banking", label: "FPX" });
    expect(fpx?.banks).toEqual(expect.arrayContaining([{ code: "maybank2u", name: "Maybank2u" }]));
    expect(fpx?.banks?.find((b) => b.code === "pb_enterprise")).toMatchObject({ business: true });
    // Other currencies never see them.
    expect(pairs(await optionsFor("THB")).some((p) => /paynow|fpx|:grabpay$/.test(p))).toBe(false);
  });
});

describe("regional methods through the sandbox and Stripe's webhook", () => {
  it("PayNow (SG): the sandbox's QR, then success through the simulated webhook pays the order", async () => {
    const { product } = await sellerWithProduct("SG", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "SG");
    const body = { orderIds: [order.id], gateway: "sandbox", method: "paynow" };
    const payment = await expectJson<Payment>(await postPayment({ cartToken }, body), 201);
    expect(payment.nextAction).toMatchObject({ type: "qr" });
    expect(payment.nextAction?.qrString).toMatch(
      new RegExp(`^SANDBOX\\|PAYNOW\\|${payment.id}\\|\\d+\\.\\d{2}\\|SGD$`),
    );
    expect(payment.nextAction?.instructions).toMatch(/Scan the QR code/);
    expect((await simulate({ cartToken }, payment.id)).status).toBe("succeeded");
    expect((await getOrder({ cartToken }, order.id)).status).toBe("paid");
  });

  it("FPX (MY): the bank is required and checked; the redirect names it; another bank is a new payment", async () => {
    const { product } = await sellerWithProduct("MY", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "MY");
    const base = { orderIds: [order.id], gateway: "sandbox", method: "fpx" };
    const missing = await expectProblem(await postPayment({ cartToken }, base), 422, "validation_failed");
    expect(missing.errors).toEqual([{ path: "bank", message: "required for fpx" }]);
    await expectProblem(await postPayment({ cartToken }, { ...base, bank: "dbs" }), 422, "validation_failed");
    const grab = { orderIds: [order.id], gateway: "sandbox", method: "grabpay", bank: "cimb" };
    await expectProblem(await postPayment({ cartToken }, grab), 422, "validation_failed");

    const first = await expectJson<Payment>(await postPayment({ cartToken }, { ...base, bank: "maybank2u" }), 201);
    expect(first.nextAction).toMatchObject({ type: "redirect", bank: "maybank2u" });
    const again = await expectJson<Payment>(await postPayment({ cartToken }, { ...base, bank: "maybank2u" }), 201);
    expect(again.id).toBe(first.id);
    const other = await expectJson<Payment>(await postPayment({ cartToken }, { ...base, bank: "cimb" }), 201);
    expect(other.id).not.toBe(first.id);
    expect(other.nextAction).toMatchObject({ type: "redirect", bank: "cimb" });
    expect((await simulate({ cartToken }, other.id)).status).toBe("succeeded");
    expect((await getOrder({ cartToken }, order.id)).status).toBe("paid");
  });

  it("currency rules: FPX in SGD and PayNow in MYR are localized 422s, whichever gateway", async () => {
    const { product } = await sellerWithProduct("SG", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "SG");
    for (const gateway of ["sandbox", "stripe"]) {
      const res = await call("POST", "/api/v1/payments", {
        cartToken,
        idempotencyKey: crypto.randomUUID(),
        headers: { "Accept-Language": "ms" },
        body: { orderIds: [order.id], gateway, method: "fpx", bank: "maybank2u" },
      });
      const problem = await expectProblem(res, 422, "validation_failed");
      expect(problem.detail).toBe("FPX hanya menerima ringgit Malaysia (MYR). Pilih kaedah lain.");
    }
    const my = await sellerWithProduct("MY", { stock: 5 });
    const malaysian = await guestOrder(my.product.id, 1, "MY");
    const paynow = { orderIds: [malaysian.order.id], gateway: "sandbox", method: "paynow" };
    const problem = await expectProblem(
      await postPayment({ cartToken: malaysian.cartToken }, paynow),
      422,
      "validation_failed",
    );
    expect(problem.detail).toMatch(/PayNow takes only Singapore dollars/);
  });

  it("a Stripe PayNow payment is paid by payment_intent.succeeded on the verified webhook path", async () => {
    const { product } = await sellerWithProduct("SG", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 1, "SG");
    const paymentId = await insertPayment(order, "stripe", "paynow", "pi_3QyZaSG2eZvKYlo21PayNow9");
    const res = await deliver("stripe", await stripeSucceeded(paymentId, order.total.amount, "SGD"));
    expect(res.status).toBe(200);
    expect((await getOrder({ cartToken }, order.id)).status).toBe("paid");
  });
});
