import { describe, expect, it } from "vitest";
import {
  book,
  call,
  checkout,
  consumeOrderEvent,
  expectConserved,
  expectJson,
  expectProblem,
  getOrder,
  guestBody,
  guestCart,
  level,
  orderFor,
  type Payment,
  paymentRow,
  postPayment,
  postShipment,
  sellerWithProduct,
  simulateShipment,
  timeline,
} from "./helpers";

const STOCK_CONSUMER = "orders.stock";

describe("cash on delivery", () => {
  it("ships unpaid, and the courier's delivery marks the payment succeeded and the order paid then delivered", async () => {
    const { seller, buyer, order } = await orderFor("ID", { paid: false });
    const offered = await expectJson<{ options: { gateway: string; method: string; kind: string }[] }>(
      await call("GET", `/api/v1/payments/options?orderIds=${order.id}`, buyer),
      200,
    );
    expect(offered.options).toContainEqual({ gateway: "cod", method: "cod", kind: "cash", sandbox: false });
    const payment = await expectJson<Payment>(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      201,
    );
    expect(payment).toMatchObject({ status: "pending", gateway: "cod", amount: order.total });
    const accepted = await getOrder(buyer, order.id);
    expect(accepted.status).toBe("processing");
    expect(accepted.paymentStatus).toBe("pending");
    await expectConserved(seller.product.id, 10);
    expect((await level(seller.product.id)).sold).toBe(1);

    // Express does not collect cash: refused for a COD order.
    await expectProblem(
      await postShipment(seller.token, order.id, { courier: "sandbox", service: "express" }),
      422,
      "cod_not_allowed",
    );
    const shipment = await book(seller.token, order.id);
    expect(shipment.cod).toEqual(order.total);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");

    await simulateShipment(seller.token, shipment.id, "delivered");
    await simulateShipment(seller.token, shipment.id, "delivered");
    const done = await getOrder(buyer, order.id);
    expect(done.status).toBe("delivered");
    expect(done.paymentStatus).toBe("paid");
    expect((await paymentRow(payment.id))?.status).toBe("succeeded");
    const types = (await timeline(buyer, order.id)).map((e) => e.type);
    expect(types.filter((t) => t === "payment.collected")).toHaveLength(1);
    expect(types.indexOf("payment.collected")).toBeLessThan(types.indexOf("status.delivered"));
  });

  it("takes the contract's call without a method (cod is its own method); other gateways still need one", async () => {
    const { buyer, order } = await orderFor("ID", { paid: false });
    await expectProblem(
      await postPayment(buyer, { orderIds: [order.id], gateway: "sandbox" }),
      422,
      "validation_failed",
    );
    const payment = await expectJson<Payment>(await postPayment(buyer, { orderIds: [order.id], gateway: "cod" }), 201);
    expect(payment).toMatchObject({ status: "pending", gateway: "cod", method: "cod", amount: order.total });
    expect((await getOrder(buyer, order.id)).status).toBe("processing");
  });

  it("a COD order above COD_MAX_AMOUNT is refused (422) and nothing changes", async () => {
    // IDR 6,000,000 > the 5,000,000 limit.
    const { buyer, order } = await orderFor("ID", {
      paid: false,
      product: { price: { amount: 600_000_000, currency: "IDR" } },
    });
    const problem = await expectProblem(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      422,
      "cod_not_allowed",
    );
    expect(problem.detail).toContain("5000000");
    const offered = await expectJson<{ options: { gateway: string }[] }>(
      await call("GET", `/api/v1/payments/options?orderIds=${order.id}`, buyer),
      200,
    );
    expect(offered.options.some((o) => o.gateway === "cod")).toBe(false);
    const still = await getOrder(buyer, order.id);
    expect(still.status).toBe("pending_payment");
    expect(still.paymentStatus).toBe("unpaid");
  });

  it("is refused when the delivery the buyer chose collects no cash (JNE YES), and offered with one that does", async () => {
    const seller = await sellerWithProduct("ID");
    const cartToken = await guestCart([{ productId: seller.product.id, quantity: 1 }]);
    const [order] = await checkout({ cartToken }, guestBody("ID", { shippingOptionId: "id-jne-yes" }));
    // The order names what a seller books for it: Biteship's JNE YES.
    expect(order.shipping).toMatchObject({ optionId: "id-jne-yes", book: { courier: "biteship", service: "jne_yes" } });
    const problem = await expectProblem(
      await postPayment({ cartToken }, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      422,
      "cod_not_allowed",
    );
    expect(problem.detail).toContain("JNE YES");
    const offered = await expectJson<{ options: { gateway: string }[] }>(
      await call("GET", `/api/v1/payments/options?orderIds=${order.id}`, { cartToken }),
      200,
    );
    expect(offered.options.some((o) => o.gateway === "cod")).toBe(false);
    expect((await getOrder({ cartToken }, order.id)).paymentStatus).toBe("unpaid");

    const regular = await guestCart([{ productId: seller.product.id, quantity: 1 }]);
    const [reg] = await checkout({ cartToken: regular }, guestBody("ID", { shippingOptionId: "id-jne-reg" }));
    const payment = await expectJson<Payment>(
      await postPayment({ cartToken: regular }, { orderIds: [reg.id], gateway: "cod", method: "cod" }),
      201,
    );
    expect(payment.status).toBe("pending");
  });

  it("is refused where the country does not offer it", async () => {
    const { buyer, order } = await orderFor("SG", { paid: false });
    await expectProblem(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      422,
      "cod_not_allowed",
    );
  });

  it("a failed COD delivery restores the stock exactly once and closes the order", async () => {
    const { seller, buyer, order } = await orderFor("PH", { paid: false, quantity: 2 });
    const payment = await expectJson<Payment>(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      201,
    );
    const shipment = await book(seller.token, order.id);
    expect((await level(seller.product.id)).available).toBe(8);
    await simulateShipment(seller.token, shipment.id, "out_for_delivery");
    await Promise.all([
      simulateShipment(seller.token, shipment.id, "failed"),
      simulateShipment(seller.token, shipment.id, "failed"),
    ]);
    await simulateShipment(seller.token, shipment.id, "returned");
    await simulateShipment(seller.token, shipment.id, "failed");

    const closed = await getOrder(buyer, order.id);
    expect(closed.status).toBe("cancelled");
    expect((await paymentRow(payment.id))?.status).toBe("failed");
    // The 2 units come back once (restocked: received 10 + 2), however often the failure was reported,
    // and the order.cancelled event's stock consumer adds nothing more.
    expect(await expectConserved(seller.product.id, 12)).toMatchObject({ available: 10, reserved: 0, sold: 2 });
    expect(await consumeOrderEvent(order.id, "order.cancelled", STOCK_CONSUMER)).toBe("applied");
    expect(await expectConserved(seller.product.id, 12)).toMatchObject({ available: 10, reserved: 0, sold: 2 });
  });
});
