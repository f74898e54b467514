import { describe, expect, it } from "vitest";
import {
  book,
  courierEvent,
  DELIVERED_JOURNEY,
  deliverCourier,
  expectProblem,
  getOrder,
  orderFor,
  outboxCount,
  timeline,
  timelineCount,
  tracking,
} from "./helpers";

// Courier times after the booking (which is stamped now): minutes from now.
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe("POST /shipping/webhook/:courier", () => {
  it("a webhook delivered 5 times gives one clean timeline, and the order is delivered once", async () => {
    const { seller, buyer, order } = await orderFor("ID");
    const shipment = await book(seller.token, order.id);
    const picked = await courierEvent(shipment.trackingNumber, "picked_up", "ev-1", at(1));
    const delivered = await courierEvent(shipment.trackingNumber, "delivered", "ev-2", at(30));
    for (let i = 0; i < 5; i++) expect((await deliverCourier("sandbox", picked)).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliverCourier("sandbox", delivered)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual(["booked", "picked_up", "delivered"]);
    expect((await getOrder(buyer, order.id)).status).toBe("delivered");
    expect(await timelineCount(order.id, "status.delivered")).toBe(1);
    expect(await outboxCount(order.id, "order.delivered")).toBe(1);
  });

  it("events out of order give one clean timeline in the order they happened; late ones move nothing back", async () => {
    const { seller, buyer, order } = await orderFor("VN");
    const shipment = await book(seller.token, order.id);
    const tn = shipment.trackingNumber;
    const events = [
      await courierEvent(tn, "out_for_delivery", "e3", at(20)),
      await courierEvent(tn, "picked_up", "e1", at(5)),
      await courierEvent(tn, "delivered", "e4", at(40)),
      await courierEvent(tn, "in_transit", "e2", at(10)),
      await courierEvent(tn, "picked_up", "e1", at(5)),
      await courierEvent(tn, "out_for_delivery", "e3", at(20)),
    ];
    for (const e of events) expect((await deliverCourier("sandbox", e)).status).toBe(200);
    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("delivered");
    expect(seen.events.map((e) => e.status)).toEqual(DELIVERED_JOURNEY);
    const times = seen.events.slice(1).map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect((await getOrder(buyer, order.id)).status).toBe("delivered");
    expect(await timelineCount(order.id, "status.delivered")).toBe(1);
  });

  it("a forged webhook changes nothing (401)", async () => {
    const { seller, buyer, order } = await orderFor("ID");
    const shipment = await book(seller.token, order.id);
    const forged = await courierEvent(shipment.trackingNumber, "delivered", "forged-1", at(3), "not-the-secret");
    await expectProblem(await deliverCourier("sandbox", forged), 401, "unauthorized");
    // A genuine body with its signature stripped, or a body tampered after signing, fares no better.
    const genuine = await courierEvent(shipment.trackingNumber, "delivered", "real-1", at(3));
    const stripped = new Headers(genuine.headers);
    stripped.delete("X-Sandbox-Courier-Signature");
    await expectProblem(
      await deliverCourier("sandbox", { rawBody: genuine.rawBody, headers: stripped }),
      401,
      "unauthorized",
    );
    const tampered = genuine.rawBody.replace("delivered", "returned");
    await expectProblem(
      await deliverCourier("sandbox", { rawBody: tampered, headers: genuine.headers }),
      401,
      "unauthorized",
    );
    const ninja = new Headers({ "Content-Type": "application/json", "X-Ninjavan-Hmac-Sha256": "Zm9yZ2Vk" });
    const nvBody = JSON.stringify({
      tracking_id: shipment.trackingNumber,
      status: "Delivered, Received by Customer",
      timestamp: at(3),
    });
    await expectProblem(await deliverCourier("ninjavan", { rawBody: nvBody, headers: ninja }), 401, "unauthorized");

    const seen = await tracking(buyer, order.id);
    expect(seen.status).toBe("booked");
    expect(seen.events.map((e) => e.status)).toEqual(["booked"]);
    expect((await getOrder(buyer, order.id)).status).toBe("shipped");
    expect((await timeline(buyer, order.id)).some((e) => e.type === "status.delivered")).toBe(false);
  });

  it("an unknown courier is 404; an unknown parcel is acknowledged and changes nothing", async () => {
    await expectProblem(
      await deliverCourier("nobody", await courierEvent("SBX000000000000", "delivered", "x", at(1))),
      404,
      "not_found",
    );
    const res = await deliverCourier("sandbox", await courierEvent("SBXNOSUCHPARCEL", "delivered", "x", at(1)));
    expect(res.status).toBe(200);
  });
});
