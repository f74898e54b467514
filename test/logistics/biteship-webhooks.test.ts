import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { biteshipStatusWebhook } from "./biteship-fixtures";
import {
  book,
  deliverCourier,
  expectJson,
  expectProblem,
  getOrder,
  orderFor,
  outboxCount,
  paymentRow,
  postPayment,
  timelineCount,
  tracking,
} from "./helpers";

// Biteship's webhooks through POST /shipping/webhook/biteship: proven by the header and secret set
// in its dashboard (BITESHIP_WEBHOOK_HEADER, BITESHIP_WEBHOOK_SECRET), each status applied once.

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A parcel booked through the sandbox (offline), then made a Biteship order as if Biteship had booked it. */
async function biteshipParcel(paid = true) {
  const { seller, buyer, order } = await orderFor("ID", { paid });
  let payment: { id: string } | undefined;
  if (!paid) {
    payment = await expectJson<{ id: string }>(
      await postPayment(buyer, { orderIds: [order.id], gateway: "cod", method: "cod" }),
      201,
    );
  }
  const shipment = await book(seller.token, order.id);
  const orderId = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
  await env.DB.prepare(
    "UPDATE shipments SET courier = 'biteship', service = 'jne_reg', tracking_number = ? WHERE id = ?",
  )
    .bind(orderId, shipment.id)
    .run();
  return { buyer, order, orderId, payment };
}

function webhook(orderId: string, status: string, when: string, secret = env.BITESHIP_WEBHOOK_SECRET) {
  return {
    rawBody: JSON.stringify({ ...biteshipStatusWebhook(status, orderId), updated_at: when }),
    headers: new Headers({ "Content-Type": "application/json", [env.BITESHIP_WEBHOOK_HEADER]: secret }),
  };
}

describe("POST /shipping/webhook/biteship", () => {
  it("applies each status once however often it comes, and the order is delivered once", async () => {
    const { buyer, order, orderId } = await biteshipParcel();
    const picked = webhook(orderId, "picked", at(1));
    const allocated = webhook(orderId, "allocated", at(0));
    const delivered = webhook(orderId, "delivered", at(30));
    expect((await deliverCourier("biteship", allocated)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await deliverCourier("biteship", picked)).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 4 }, () => deliverCourier("biteship", delivered)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Late: Biteship's dropping_off after the delivery adds its event but moves nothing back.
    expect((await deliverCourier("biteship", webhook(orderId, "dropping_off", at(10)))).status).toBe(200);

    const seen = await tracking(buyer, order.id);
    expect(seen.courier).toBe("biteship");
    expect(seen.trackingNumber).toBe(orderId);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual(["booked", "picked_up", "in_transit", "delivered"]);
    // Webhooks carry no courier's note: our sentence, and its detail for the reader's language.
    expect(seen.events.map((e) => [e.description, e.detail])).toEqual([
      [expect.stringMatching(/^Booked with /), undefined],
      ["Picked up by the courier.", "picked_up_by_courier"],
      ["On its way to the recipient.", "on_the_way_to_recipient"],
      ["Delivered.", "delivered_to_recipient"],
    ]);
    expect((await getOrder(buyer, order.id)).status).toBe("delivered");
    expect(await timelineCount(order.id, "status.delivered")).toBe(1);
    expect(await outboxCount(order.id, "order.delivered")).toBe(1);
  });

  it("a forged webhook (wrong secret, no header) changes nothing (401)", async () => {
    const { buyer, order, orderId } = await biteshipParcel();
    await expectProblem(
      await deliverCourier("biteship", webhook(orderId, "delivered", at(3), "guessed-secret")),
      401,
      "unauthorized",
    );
    const genuine = webhook(orderId, "delivered", at(3));
    const stripped = new Headers({ "Content-Type": "application/json" });
    await expectProblem(
      await deliverCourier("biteship", { rawBody: genuine.rawBody, headers: stripped }),
      401,
      "unauthorized",
    );
    const seen = await tracking(buyer, order.id);
    expect(seen.events.map((e) => e.status)).toEqual(["booked"]);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");
  });

  it("a delivered cash-on-delivery parcel marks the payment succeeded and the order paid then delivered", async () => {
    const { buyer, order, orderId, payment } = await biteshipParcel(false);
    for (let i = 0; i < 2; i++) {
      expect((await deliverCourier("biteship", webhook(orderId, "delivered", at(20)))).status).toBe(200);
    }
    const done = await getOrder(buyer, order.id);
    expect(done.status).toBe("delivered");
    expect(done.paymentStatus).toBe("paid");
    expect((await paymentRow(payment?.id ?? ""))?.status).toBe("succeeded");
  });
});
